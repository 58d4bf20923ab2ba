"""Run a file reader in a child process with a memory and time budget.

calamine (and the XML and zip code under any reader) allocates whatever a
file asks for, and calamine aborts the whole process when an allocation
fails: nothing inside those libraries can be bounded. A child process can:
its address space is capped (RLIMIT_AS on Linux, a job object on Windows),
its CPU time too, and the parent stops waiting after a fixed time. A child
that dies or runs out of its budget becomes a refusal naming the file; the
parent only ever holds the reader's result."""

from __future__ import annotations

import multiprocessing
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core.errors import UserError
from desktop.io.limits import READ_MEMORY_BYTES, READ_SECONDS

# "spawn" everywhere: the only method Windows has, and a forked copy of a
# window with its database thread would hold that thread's locks.
_CONTEXT = multiprocessing.get_context("spawn")


class ReaderBug(RuntimeError):
    """The reader failed in the child in a way that is a bug, not the file's
    fault; carries the child's traceback."""


def too_big_message(path: Path, memory_bytes: int) -> str:
    return (
        f"Tệp “{path.name}” bị từ chối: đọc tệp này cần hơn {memory_bytes // 2**20} MB bộ nhớ, vượt giới hạn an toàn "
        "cho một tệp (tệp quá lớn, hoặc được tạo ra để làm treo máy). Hãy xóa các trang tính, dòng và cột thừa, "
        "hoặc tách thành nhiều tệp nhỏ rồi thử lại. Không có gì được ghi."
    )


def too_slow_message(path: Path, seconds: float) -> str:
    return (
        f"Tệp “{path.name}” bị từ chối: đọc quá {seconds:g} giây vẫn chưa xong, vượt giới hạn an toàn cho một tệp "
        "(tệp quá lớn, hoặc được tạo ra để làm treo máy). Hãy tách thành nhiều tệp nhỏ, hoặc mở bằng Excel "
        "rồi lưu lại dạng .xlsx và thử lại. Không có gì được ghi."
    )


def run_bounded(reader: Callable[..., Any], path: Path, *args: Any, memory_bytes: int = READ_MEMORY_BYTES,
                seconds: float = READ_SECONDS) -> Any:
    """``reader(path, *args)`` run in a child process that may allocate at
    most ``memory_bytes`` beyond what it holds when it starts and may run
    ``seconds`` (wall clock and CPU). Returns the reader's result (it must
    pickle); re-raises its ``UserError``; anything over budget, or a child
    that dies, is a ``UserError`` naming ``path``. ``reader`` must be a
    module-level function."""
    path = Path(path)
    receive, send = _CONTEXT.Pipe(duplex=False)
    child = _CONTEXT.Process(target=_child, args=(send, reader, path, args, memory_bytes, seconds), daemon=True,
                             name=f"theodoi-read-{path.name[:40]}")
    child.start()
    send.close()
    try:
        if not receive.poll(seconds):
            raise UserError(too_slow_message(path, seconds))
        try:
            kind, payload = receive.recv()
        except (EOFError, OSError):
            # Killed without a word: calamine's abort on a failed allocation,
            # the CPU limit, or the system's out-of-memory killer.
            child.join(5)
            if _ran_out_of_time(child.exitcode):
                raise UserError(too_slow_message(path, seconds)) from None
            raise UserError(too_big_message(path, memory_bytes)) from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
    if kind == "ok":
        return payload
    if kind == "refused":
        raise UserError(payload)
    if kind == "memory":
        raise UserError(too_big_message(path, memory_bytes))
    raise ReaderBug(payload)


def _ran_out_of_time(exitcode: int | None) -> bool:
    import signal

    return exitcode is not None and hasattr(signal, "SIGXCPU") and exitcode == -signal.SIGXCPU


def _child(send, reader, path: Path, args: tuple, memory_bytes: int, seconds: float) -> None:
    _limit_self(memory_bytes, seconds)
    try:
        send.send(("ok", reader(path, *args)))
    except UserError as exc:
        send.send(("refused", exc.message))
    except MemoryError:
        send.send(("memory", ""))
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises it as a bug
        send.send(("bug", traceback.format_exc()))
    finally:
        send.close()


def _limit_self(memory_bytes: int, seconds: float) -> None:
    if sys.platform == "win32":
        _limit_windows(memory_bytes)
        return
    import resource

    cpu = int(seconds) + 1
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard == resource.RLIM_INFINITY or cpu + 1 <= hard:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    mapped = _address_space()
    if mapped is not None:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        ceiling = mapped + memory_bytes
        if hard != resource.RLIM_INFINITY:
            ceiling = min(ceiling, hard)
        if soft == resource.RLIM_INFINITY or ceiling < soft:
            resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))


def _address_space() -> int | None:
    # The child starts with the interpreter and the reader's modules mapped;
    # the budget is what reading may add to that.
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None  # not Linux: the time limit still holds


def _limit_windows(memory_bytes: int) -> None:
    # A job object caps the memory the process commits; the Python
    # interpreter and its modules commit about 40 MB before reading starts.
    import ctypes
    from ctypes import wintypes

    class Basic(ctypes.Structure):
        _fields_ = [("PerProcessUserTimeLimit", ctypes.c_int64), ("PerJobUserTimeLimit", ctypes.c_int64),
                    ("LimitFlags", wintypes.DWORD), ("MinimumWorkingSetSize", ctypes.c_size_t),
                    ("MaximumWorkingSetSize", ctypes.c_size_t), ("ActiveProcessLimit", wintypes.DWORD),
                    ("Affinity", ctypes.c_size_t), ("PriorityClass", wintypes.DWORD), ("SchedulingClass", wintypes.DWORD)]

    class IoCounters(ctypes.Structure):
        _fields_ = [(name, ctypes.c_uint64) for name in ("ReadOperationCount", "WriteOperationCount", "OtherOperationCount",
                                                           "ReadTransferCount", "WriteTransferCount", "OtherTransferCount")]

    class Extended(ctypes.Structure):
        _fields_ = [("BasicLimitInformation", Basic), ("IoInfo", IoCounters), ("ProcessMemoryLimit", ctypes.c_size_t),
                    ("JobMemoryLimit", ctypes.c_size_t), ("PeakProcessMemoryUsed", ctypes.c_size_t),
                    ("PeakJobMemoryUsed", ctypes.c_size_t)]

    job_object_limit_process_memory = 0x100
    job_object_extended_limit_information = 9
    try:
        kernel = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel.CreateJobObjectW.restype = wintypes.HANDLE
        kernel.GetCurrentProcess.restype = wintypes.HANDLE
        job = kernel.CreateJobObjectW(None, None)
        info = Extended()
        info.BasicLimitInformation.LimitFlags = job_object_limit_process_memory
        info.ProcessMemoryLimit = memory_bytes + 40 * 2**20
        if job:
            kernel.SetInformationJobObject(wintypes.HANDLE(job), job_object_extended_limit_information, ctypes.byref(info),
                                           ctypes.sizeof(info))
            kernel.AssignProcessToJobObject(wintypes.HANDLE(job), wintypes.HANDLE(kernel.GetCurrentProcess()))
    except (OSError, AttributeError, ValueError):
        pass  # no job object: the time limit still holds
