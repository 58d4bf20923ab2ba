"""Report forms (phiếu báo cáo) as files: the Excel form and its paper
twin going out, returned forms read back (bounded, hostile-file-safe)."""
