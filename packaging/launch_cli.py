"""Entry point of the bundled ``theodoi`` command (PyInstaller runs a script,
not a console_scripts entry)."""

import multiprocessing
import sys

from desktop.cli import main

# Files are read in child processes (desktop.io.bounded); in the bundle a
# child is this same program, started with arguments that say so.
multiprocessing.freeze_support()
sys.exit(main())
