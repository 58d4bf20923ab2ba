"""Run a parser that cannot bound itself in a child process that can be
bounded: a time budget for the whole file (the child is killed when it
runs out) and an address-space limit (the child's allocations fail beyond
it). The child streams its results as messages, so a file cut short by
the budget still gives what was read before, and the caller reports
progress and can cancel.

On Linux the child is forked: it starts at once and does not import the
program's main module again (a script without a ``__main__`` guard would
run twice); it only parses a file and writes to a pipe, so the threads it
does not inherit are not missed. Elsewhere it is spawned, and a frozen
build calls ``multiprocessing.freeze_support()`` at start-up."""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ChildRun:
    messages: list[tuple] = field(default_factory=list)
    finished: bool = False  # the child said it was done
    timed_out: bool = False
    cancelled: bool = False
    crashed: bool = False  # ended without saying so (killed by the memory limit, a crash)
    seconds: float = 0.0


def _address_space() -> int:
    """The bytes of address space this process holds already (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _limit_memory(memory_bytes: int | None) -> None:
    """At most ``memory_bytes`` more than the child holds when it starts (a
    forked child shares the parent's libraries and Qt; they are not the
    file's doing)."""
    if not memory_bytes:
        return
    try:
        import resource
    except ImportError:  # Windows: the time budget still holds
        return
    limit = _address_space() + memory_bytes
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _child(target: Callable, args: tuple, conn, memory_bytes: int | None) -> None:
    _limit_memory(memory_bytes)
    try:
        for message in target(*args):
            conn.send(message)
        conn.send(("done",))
    except MemoryError:
        conn.send(("error", "memory", ""))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which words it for the user
        conn.send(("error", "failed", f"{type(exc).__name__}: {exc}"[:500]))
    finally:
        conn.close()


def run_bounded(
    target: Callable[..., Any],
    args: tuple,
    *,
    seconds: float,
    memory_bytes: int | None,
    on_message: Callable[[tuple], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ChildRun:
    """Run the generator function ``target(*args)`` (importable by name:
    a module-level function) in a child process; every tuple it yields is
    a message, collected and handed to ``on_message`` as it arrives. The
    child is killed after ``seconds`` or when ``cancelled()`` says so."""
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(target, args, send, memory_bytes), daemon=True)
    run = ChildRun()
    start = time.monotonic()
    process.start()
    send.close()
    try:
        while True:
            if cancelled is not None and cancelled():
                run.cancelled = True
                break
            if time.monotonic() - start > seconds:
                run.timed_out = True
                break
            try:
                ready = receive.poll(0.05)
            except (EOFError, OSError):
                ready = False
            if ready:
                try:
                    message = receive.recv()
                except (EOFError, OSError):
                    run.crashed = not run.finished
                    break
                if message[0] == "done":
                    run.finished = True
                    break
                run.messages.append(message)
                if on_message is not None:
                    on_message(message)
                if message[0] == "error":
                    break
            elif not process.is_alive() and not receive.poll(0):
                run.crashed = True
                break
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        receive.close()
        run.seconds = time.monotonic() - start
    return run
