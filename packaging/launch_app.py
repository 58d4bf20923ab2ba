"""Entry point of the bundled ``theodoi-app`` window (no console on Windows)."""

import sys

from desktop.ui.app import main

sys.exit(main())
