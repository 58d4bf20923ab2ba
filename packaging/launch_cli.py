"""Entry point of the bundled ``theodoi`` command (PyInstaller runs a script,
not a console_scripts entry)."""

import multiprocessing
import sys

from desktop.cli import main

# A PDF's text is read in a child process (desktop.io.child); on Windows the
# child is this program started again, which must run the child's work and
# not the program.
multiprocessing.freeze_support()
sys.exit(main())
