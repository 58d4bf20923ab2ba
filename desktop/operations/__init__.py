"""One function per user action, shared by the command line and the window
(see ``registry``). Modules are named for the part of the office's work
they act on."""

from desktop.operations.registry import Changes, Operation, Store, never, no_progress, operation

__all__ = ["Changes", "Operation", "Store", "never", "no_progress", "operation"]
