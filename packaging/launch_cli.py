"""Entry point of the bundled ``theodoi`` command (PyInstaller runs a script,
not a console_scripts entry)."""

import sys

from desktop.cli import main

sys.exit(main())
