"""Which operations the window offers, and where.

A screen or dialog method that runs an operation is marked
``@window_action("submissions.record")``; importing the window's modules
fills ``WINDOW_ACTIONS``, which a test holds against the operations the
command line runs, so neither front end can offer an action the other
lacks."""

from __future__ import annotations

from typing import Callable

# operation name -> the "Class.method" places in the window that run it
WINDOW_ACTIONS: dict[str, list[str]] = {}


def window_action(*operations: str) -> Callable:
    """Mark the decorated method as where the window runs ``operations``."""

    def mark(method):
        for name in operations:
            WINDOW_ACTIONS.setdefault(name, []).append(method.__qualname__)
        return method

    return mark


def all_window_actions() -> dict[str, list[str]]:
    """Every action the window offers (imports every window module)."""
    import importlib
    import pkgutil

    import desktop.ui as package

    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        importlib.import_module(info.name)
    return {name: list(places) for name, places in WINDOW_ACTIONS.items()}
