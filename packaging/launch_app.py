"""Entry point of the bundled ``theodoi-app`` window (no console on Windows)."""

import multiprocessing
import sys

from desktop.ui.app import main

# Files are read in child processes (desktop.io.bounded); in the bundle a
# child is this same program, started with arguments that say so.
multiprocessing.freeze_support()
sys.exit(main())
