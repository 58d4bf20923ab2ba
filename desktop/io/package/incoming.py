"""What every incoming file goes through before it is told apart (report
package, receipt, review notice, assignment): the one place where a step
that opens a sealed (encrypted) file into the package inside it belongs."""

from __future__ import annotations

from pathlib import Path


def opened(path: Path) -> Path:
    """The file to read for ``path``: ``path`` itself today. A sealed
    package's unsealing step returns the path of the inner package here
    (written into a temporary folder the caller owns)."""
    return Path(path)
