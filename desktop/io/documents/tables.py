"""The tables of a report's body, one pair per requirement: by sector
(khối) and, for an upper office, by member office. The figures are taken
once here from the facts; the PDF, the .docx and the workbook each set
them in their own way."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.dates import format_date
from desktop.core.reports import RequirementFacts
from desktop.core.status import NO_SECTOR, Counts, Status
from desktop.core.vntext import fold, sort_key
from desktop.io.documents.wording import normal_case, number, percent

SECTOR_HEADER = ["STT", "Khối", "Phải nộp", "Đã nộp", "Đúng hạn", "Trễ hạn", "Chưa nộp", "Tỷ lệ (%)"]
MEMBER_HEADER = ["STT", "Đơn vị cấp dưới", "Tình trạng", "Ngày nhận", "Đơn vị đã báo cáo"]
MEMBER_STATES = {
    Status.ON_TIME: "Đã nộp, đúng hạn",
    Status.LATE: "Đã nộp, trễ hạn",
    Status.MISSING: "Chưa nộp",
    Status.PENDING: "Chưa nộp (chưa đến hạn)",
    Status.EXEMPT: "Được miễn",
}


def indicator_titles(sec: RequirementFacts) -> list[str]:
    """Each indicator's column title: its label, with its unit of measure."""
    units = {i["key"]: i.get("unit") for i in sec.requirement.indicators or []}
    return [f"{label} ({units[k]})" if units.get(k) else label for k, label, _t in sec.indicators]


@dataclass
class SectorLine:
    name: str  # as a table cell writes it: "Khối Y tế", "Hành chính sự nghiệp"
    counts: Counts
    values: dict[str, int | float] = field(default_factory=dict)

    @property
    def owing(self) -> int:
        """Not (yet) answered: missing, or not yet due."""
        return self.counts.expected - self.counts.submitted


def _order(name: str) -> tuple[int, str]:
    if name == NO_SECTOR:
        return (1, "")
    words = name.split()
    bare = " ".join(words[1:]) if len(words) > 1 and fold(words[0]) == "khoi" else name
    return (0, sort_key(bare))  # "Khối Y tế" among the Y, not the K


def sector_lines(sec: RequirementFacts) -> list[SectorLine]:
    """The section's units by sector, in Vietnamese order (units without
    one last, under "Chưa phân khối"); [] when no unit has a sector, where
    the figures paragraph already says everything."""
    by: dict[str, SectorLine] = {}
    for r in sec.rows:
        if r.status is Status.NOT_APPLICABLE:
            continue
        name = normal_case(r.unit.sector) if r.unit.sector else NO_SECTOR
        line = by.setdefault(name, SectorLine(name, Counts()))
        line.counts.add(r.status)
        if r.status in (Status.ON_TIME, Status.LATE):
            for k, _l, _t in sec.indicators:
                v = r.values.get(k)
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    line.values[k] = line.values.get(k, 0) + v
    if not by or list(by) == [NO_SECTOR]:
        return []
    return sorted(by.values(), key=lambda line: _order(line.name))


@dataclass
class TextTable:
    """A table as text cells: header, rows and totals row."""

    header: list[str]
    rows: list[list[str]]
    total: list[str]
    caption: str
    numeric_from: int  # columns from this one on are figures (centred)


def sector_table(sec: RequirementFacts) -> TextTable | None:
    lines = sector_lines(sec)
    if not lines:
        return None
    rows = []
    for i, line in enumerate(lines, 1):
        c = line.counts
        rows.append([str(i), line.name, number(c.expected), number(c.submitted), number(c.on_time), number(c.late),
                     number(line.owing), percent(c.submitted, c.expected)]
                    + [number(line.values.get(k, 0)) for k, _l, _t in sec.indicators])
    c = sec.counts
    total = ["", "Tổng cộng", number(c.expected), number(c.submitted), number(c.on_time), number(c.late),
             number(c.expected - c.submitted), percent(c.submitted, c.expected)]
    total += [number(t) for _k, _l, t in sec.indicators]
    return TextTable(SECTOR_HEADER + indicator_titles(sec), rows, total, "Bảng: Kết quả theo khối", 2)


def member_table(sec: RequirementFacts) -> TextTable | None:
    """One row per member office reporting by package; None when the
    office's units are all grassroots units."""
    if not sec.members:
        return None
    rows, done, due = [], 0, 0
    for i, m in enumerate(sec.members, 1):
        r = m.row
        units = f"{number(m.units_done)}/{number(m.units_due)}" if m.units_due is not None else ""
        done += m.units_done or 0
        due += m.units_due or 0
        rows.append([str(i), r.unit.name, MEMBER_STATES.get(r.status, ""),
                     format_date(r.received_on) if r.received_on else "", units]
                    + [number(r.values[k]) if k in r.values else "" for k, _l, _t in sec.indicators])
    sent = sum(1 for m in sec.members if m.row.status in (Status.ON_TIME, Status.LATE))
    owed = sum(1 for m in sec.members if m.row.status is not Status.EXEMPT)
    total = ["", "Tổng cộng", f"Đã nộp {number(sent)}/{number(owed)}", "", f"{number(done)}/{number(due)}"]
    total += [number(member_sum(sec, k)) for k, _l, _t in sec.indicators]
    return TextTable(MEMBER_HEADER + indicator_titles(sec), rows, total, "Bảng: Kết quả theo đơn vị cấp dưới", 2)


def member_sum(sec: RequirementFacts, key: str) -> int | float:
    """The member offices' total of one indicator (their own units' sum)."""
    return sum(v for m in sec.members if (v := m.row.values.get(key)) is not None
               and isinstance(v, (int, float)) and not isinstance(v, bool))
