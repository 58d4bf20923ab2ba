"""Filling a form as a chair with LibreOffice would: Calc opens the .xlsx,
the figures go into the open cells, Calc saves it as .xlsx again (a Basic
macro run headless, in a profile of its own)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub FillForm(sIn As String, sOut As String, sFirst As String, sValues As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(sIn), &quot;_blank&quot;, 0, args())
  oSheet = oDoc.Sheets.getByIndex(0)
  aValues = Split(sValues, &quot;;&quot;)
  For i = 0 To UBound(aValues)
    oSheet.getCellRangeByName(&quot;C&quot; &amp; (CInt(sFirst) + i)).setValue(CDbl(aValues(i)))
  Next i
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = &quot;FilterName&quot;
  out(0).Value = &quot;Calc MS Excel 2007 XML&quot;
  oDoc.storeToURL(ConvertToURL(sOut), out())
  oDoc.close(True)
End Sub

Sub Inspect(sIn As String, sOut As String, sCells As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(sIn), &quot;_blank&quot;, 0, args())
  oSheet = oDoc.Sheets.getByIndex(0)
  n = FreeFile
  Open sOut For Output As #n
  Print #n, &quot;protected=&quot; &amp; oSheet.isProtected()
  Print #n, &quot;sheets=&quot; &amp; oDoc.Sheets.getCount()
  If oDoc.Sheets.getCount() &gt; 1 Then Print #n, &quot;second_visible=&quot; &amp; oDoc.Sheets.getByIndex(1).IsVisible
  aCells = Split(sCells, &quot;;&quot;)
  For i = 0 To UBound(aCells)
    oCell = oSheet.getCellRangeByName(aCells(i))
    v = oCell.Validation
    Print #n, aCells(i) &amp; &quot;|locked=&quot; &amp; oCell.CellProtection.IsLocked &amp; &quot;|type=&quot; &amp; v.Type &amp; &quot;|show=&quot; &amp; v.ShowInputMessage &amp; &quot;|f1=&quot; &amp; v.getFormula1() &amp; &quot;|f2=&quot; &amp; v.getFormula2() &amp; &quot;|title=&quot; &amp; v.InputTitle &amp; &quot;|message=&quot; &amp; v.InputMessage
  Next i
  Close #n
  oDoc.close(True)
End Sub
</script:module>
"""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def profile(folder: Path) -> Path:
    """A LibreOffice profile of the test's own, with the filling macro."""
    prof = folder / "lo-profile"
    url = f"-env:UserInstallation=file://{prof}"
    if not (prof / "user" / "basic" / "Standard").is_dir():
        subprocess.run([soffice(), url, "--headless", "--terminate_after_init"], check=True, timeout=120,
                       capture_output=True)
    (prof / "user" / "basic" / "Standard" / "Module1.xba").write_text(_MACRO, encoding="utf-8")
    return prof


def fill_with_libreoffice(source: Path, target: Path, values: list[int], folder: Path) -> Path:
    from desktop.io.forms import layout as L

    prof = profile(folder)
    macro = (f'macro:///Standard.Module1.FillForm("{source}","{target}","{L.FIRST_ROW}",'
             f'"{";".join(str(v) for v in values)}")')
    subprocess.run([soffice(), f"-env:UserInstallation=file://{prof}", "--headless", "--invisible", macro],
                   check=True, timeout=180, capture_output=True)
    assert target.is_file(), "LibreOffice did not save the filled form"
    return target


def to_pdf(source: Path, out_dir: Path, folder: Path) -> Path:
    """The form as LibreOffice prints it."""
    prof = profile(folder)
    subprocess.run([soffice(), f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out_dir), str(source)], check=True, timeout=180, capture_output=True)
    return out_dir / f"{source.stem}.pdf"


def inspect(source: Path, cells: list[str], folder: Path) -> dict[str, dict[str, str]]:
    """What LibreOffice itself says of a form it opened: the sheet's
    protection, the workbook's sheets, and for each cell its lock and its
    validation (type 1 is a whole number), as {"sheet": {...}, "C17": {...}}."""
    prof = profile(folder)
    out = folder / f"lo-inspect-{source.stem}.txt"
    macro = f'macro:///Standard.Module1.Inspect("{source}","{out}","{";".join(cells)}")'
    subprocess.run([soffice(), f"-env:UserInstallation=file://{prof}", "--headless", "--invisible", macro],
                   check=True, timeout=180, capture_output=True)
    found: dict[str, dict[str, str]] = {"sheet": {}}
    for line in out.read_text(encoding="utf-8", errors="replace").splitlines():
        if "|" in line:
            cell, *pairs = line.split("|")
            found[cell] = dict(p.split("=", 1) for p in pairs)
        elif "=" in line:
            key, value = line.split("=", 1)
            found["sheet"][key] = value
    return found
