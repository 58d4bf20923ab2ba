"""Every limit the readers put on a file they are handed, in one place.

A unit list, a tracking sheet or a directive from a real office is a few
megabytes at most; these limits leave room for a 100,000-row list and stop
a file built to exhaust memory (a zip bomb, an entity bomb) before any
parser sees it."""

from __future__ import annotations

from dataclasses import dataclass

# The file on disk.
MAX_FILE_BYTES = 50 * 1024 * 1024

# Zip containers (.xlsx, .ods, .docx, report packages), checked from the
# central directory before anything is decompressed, then again while
# streaming each member.
MAX_ZIP_MEMBERS = 2_000
# Real workbooks compress 3-20x, a sheet of empty formatted cells ~100x;
# zip bombs compress 1,000x and more. Small members are not held to it.
MAX_COMPRESSION_RATIO = 250
RATIO_CHECKED_ABOVE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class ZipBudget:
    """How much a zip container may hold once decompressed."""

    total_bytes: int  # all members together
    member_bytes: int  # any one member


# A workbook is parsed in a child process with its own memory budget
# (READ_MEMORY_BYTES), so its container may be large.
WORKBOOK_ZIP = ZipBudget(total_bytes=512 * 1024 * 1024, member_bytes=256 * 1024 * 1024)
# Everything else (report packages, receipts, Word directives) is read
# member by member into the reading process's own memory: what it may hold
# must leave that process well under 300 MB. A report package is a few
# megabytes; a directive with its photos a few tens.
IN_MEMORY_ZIP = ZipBudget(total_bytes=80 * 1024 * 1024, member_bytes=64 * 1024 * 1024)
# A returned report form is read in the importing process itself (5,000 of
# them in a batch): a real one is 10-60 KB unpacked, whoever saved it.
FORM_ZIP = ZipBudget(total_bytes=8 * 1024 * 1024, member_bytes=4 * 1024 * 1024)
MAX_FORM_BYTES = 2 * 1024 * 1024
MAX_FORM_ROWS = 300  # rows of a form's sheet looked at
MAX_UNCOMPRESSED_BYTES = WORKBOOK_ZIP.total_bytes
MAX_MEMBER_BYTES = WORKBOOK_ZIP.member_bytes

# A spreadsheet read in a child process (desktop.io.child): what the reading may
# allocate beyond what the child holds when it starts, and how long it may
# take. A 100,000-row, 10-column list needs 175-200 MB and a few seconds;
# the time leaves room for a slow, busy office PC.
READ_MEMORY_BYTES = 224 * 1024 * 1024
READ_SECONDS = 60.0

# OLE2 compound files (.xls, encrypted workbooks).
MAX_OLE_SECTORS = 200_000
MAX_OLE_DIRECTORY_ENTRIES = 10_000

# What a sheet may hold once read.
MAX_SHEET_ROWS = 1_000_000
MAX_SHEET_COLUMNS = 200
MAX_CELLS = 20_000_000  # rows x columns of the used area, before it is read
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_BIFF_RECORDS = 5_000_000  # records in one .xls stream
HEADER_SCAN_ROWS = 30  # the header row is looked for among these

# Directives (.txt, .pdf, .docx).
MAX_TEXT_BYTES = 5 * 1024 * 1024
MAX_PDF_PAGES = 300
MAX_DOCUMENT_CHARS = 2_000_000

# A file attached to a submission (a plan, minutes, photos as PDF).
MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024

# Report packages (.zip) and the JSON inside them.
MAX_PACKAGE_BYTES = 100 * 1024 * 1024
MAX_JSON_BYTES = 5 * 1024 * 1024
MAX_JSON_DEPTH = 16

# Reading one directive's PDF, all pages together (the text layer in a
# child process; OCR of a scan page by page).
PDF_SECONDS = 10.0
PDF_MEMORY_BYTES = 300 * 1024 * 1024
OCR_PAGE_SECONDS = 60.0
OCR_MAX_PAGES = 30
