"""Entry point of the bundled ``theodoi-app`` window (no console on Windows)."""

import multiprocessing
import sys

from desktop.ui.app import main

# A PDF's text is read in a child process (desktop.io.child); on Windows the
# child is this program started again, which must run the child's work and
# not the program.
multiprocessing.freeze_support()
sys.exit(main())
