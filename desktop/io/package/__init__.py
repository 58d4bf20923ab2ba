"""Report packages: the signed .zip a report travels in (format 1.x,
docs/package-format.md)."""
