"""The printers the system knows, through Qt's print support: used by the
self-check, in the window and (loading Qt only for that) on the command line."""

from __future__ import annotations


def system_printers() -> list[str]:
    from PySide6.QtPrintSupport import QPrinterInfo

    return [p.printerName() for p in QPrinterInfo.availablePrinters()]
