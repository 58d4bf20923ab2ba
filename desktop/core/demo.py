"""A demo office to look around in: a district federation in Lai Châu with
its grassroots unions, the directives of ../shared/seeds/ (with their real
numbers and deadlines), and submissions in every state.

The unit names, people and phone numbers are invented."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlmodel import Session, select

from db.models import AuditLog, Organization, SQLModel
from desktop.core.directives import Indicator, add_directive, add_requirement
from desktop.core.errors import UserError
from desktop.core.office import init_office
from desktop.core.periods import next_period, periods_through
from desktop.core.status import matches_filter, may_answer
from desktop.core.submissions import exempt_unit, record_submission
from desktop.core.units import UnitRow, find_unit, import_units, is_active, retire_unit
from desktop.core import clock

HCSN = "Hành chính sự nghiệp"
DNNN = "Doanh nghiệp nhà nước"
NGOAI = "Doanh nghiệp ngoài nhà nước"

# code, name, sector, chair, members, female members, workers
UNITS = [
    ("TD01", "Công đoàn cơ sở Cơ quan Huyện ủy Tam Đường", HCSN, "Lò Thị Hoa", 42, 19, 45),
    ("TD02", "Công đoàn cơ sở Cơ quan UBND huyện Tam Đường", HCSN, "Nguyễn Văn Thắng", 68, 30, 70),
    ("TD03", "Công đoàn cơ sở Trường THPT Tam Đường", HCSN, "Đỗ Thị Ánh", 57, 38, 60),
    ("TD04", "Công đoàn cơ sở Trường PTDTBT THCS Bản Bo", HCSN, "Tẩn Văn Chử", 31, 17, 33),
    ("TD05", "Công đoàn cơ sở Trường Tiểu học Bình Lư", HCSN, "Phạm Thị Hằng", 28, 21, 28),
    ("TD06", "Công đoàn cơ sở Trường Mầm non Sơn Bình", HCSN, "Vàng Thị Dung", 24, 24, 25),
    ("TD07", "Công đoàn cơ sở Trung tâm Y tế huyện Tam Đường", HCSN, "Hoàng Văn Đức", 112, 71, 118),
    ("TD08", "Công đoàn cơ sở Phòng Giáo dục và Đào tạo", HCSN, "Trần Thị Ngọc", 15, 9, 15),
    ("TD09", "Công đoàn cơ sở Xã Bản Giang", HCSN, "Lù Văn Ơn", 26, 8, 27),
    ("TD10", "Công đoàn cơ sở Xã Hồ Thầu", HCSN, "Chẻo Văn Lở", 22, 6, 22),
    ("TD11", "Công đoàn cơ sở Thị trấn Tam Đường", HCSN, "Bùi Thị Ước", 30, 14, 31),
    ("TD12", "Công đoàn cơ sở Trường Tiểu học Nà Tăm", HCSN, "Sần Văn Ưng", 19, 12, 19),
    ("TD13", "Công đoàn cơ sở Chi nhánh Điện lực Tam Đường", DNNN, "Đặng Văn Ấn", 46, 7, 48),
    ("TD14", "Công đoàn cơ sở Bưu điện huyện Tam Đường", DNNN, "Lê Thị Ân", 12, 8, 12),
    ("TD15", "Công đoàn cơ sở Chi nhánh Ngân hàng Nông nghiệp Tam Đường", DNNN, "Vũ Văn Ẩn", 21, 12, 21),
    ("TD16", "Công đoàn cơ sở Công ty Cổ phần Chè Tam Đường", NGOAI, "Giàng Thị Mai", 134, 88, 160),
    ("TD17", "Công đoàn cơ sở Công ty TNHH Thủy điện Nậm Tăng", NGOAI, "Đinh Văn Ẩm", 38, 5, 41),
    ("TD18", "Công đoàn cơ sở Hợp tác xã Nông nghiệp Sơn Bình", NGOAI, "Lý Thị Xuân", 18, 11, 25),
    ("TD19", "Nghiệp đoàn Vận tải Tam Đường", NGOAI, "Phan Văn Ẻng", 27, 0, 27),
    ("TD20", "Công đoàn cơ sở Công ty Cổ phần Xây dựng Đức Thắng", NGOAI, "Cao Văn Ấp", 33, 4, 52),
]
FOUNDED = {"TD20": date(2022, 7, 1)}
MERGED = ("TD12", "TD04", date(2022, 9, 1))  # a school merger


def _phone(rng: random.Random) -> str:
    return "0" + rng.choice(["912", "913", "983", "977", "868", "345"]) + f"{rng.randrange(10**6):06d}"


def _has_data(session: Session) -> bool:
    return session.exec(select(Organization)).first() is not None


def _wipe(session: Session) -> None:
    # Row by row through the ORM so that the audit log records the wipe.
    for table in reversed(SQLModel.metadata.sorted_tables):
        if table.name in (AuditLog.__tablename__, "alembic_version"):
            continue
        model = next(m for m in SQLModel.__subclasses__() if getattr(m, "__tablename__", None) == table.name)
        for row in session.exec(select(model)):
            if table.name == Organization.__tablename__:
                row.parent_id = None
                row.merged_into_id = None
        session.flush()
        for row in session.exec(select(model)):
            session.delete(row)
        session.flush()


def build_demo(session: Session, *, today: date | None = None, force: bool = False) -> dict:
    """Fill the database with the demo office; refuses a database that
    already holds data unless ``force`` (which replaces that data). Returns
    counts of what was made."""
    today = today or clock.today()
    if _has_data(session):
        if not force:
            raise UserError(
                "Cơ sở dữ liệu này đã có dữ liệu; dữ liệu mẫu chỉ tạo vào cơ sở dữ liệu trống. "
                "Dùng --force để xóa và thay bằng dữ liệu mẫu, hoặc chọn tệp khác bằng --db."
            )
        _wipe(session)

    rng = random.Random(20220216)
    office = init_office(
        session,
        "Liên đoàn Lao động huyện Tam Đường",
        code="LDLD-TD",
        parent_name="LĐLĐ TỈNH LAI CHÂU",
        place="Tam Đường",
        symbol="LĐLĐ",
        signer_name="Lò Văn Minh",
        signer_title="CHỦ TỊCH",
        signing_authority="TM. BAN THƯỜNG VỤ",
    )
    rows = [
        UnitRow(
            i + 1,
            dict(
                code=code, name=name, sector=sector, chair=chair, phone=_phone(rng),
                members=members, female_members=female, workers=workers, active_from=FOUNDED.get(code),
            ),
        )
        for i, (code, name, sector, chair, members, female, workers) in enumerate(UNITS)
    ]
    import_units(session, rows, parent_id=office.id)
    gone, into, on = MERGED
    retire_unit(session, find_unit(session, gone), on, find_unit(session, into))

    tb462 = add_directive(
        session,
        number="462/TB-TLĐ",
        issuer="Tổng Liên đoàn Lao động Việt Nam",
        issued_on=date(2021, 11, 16),
        subject="Kết luận cuộc họp đôn đốc triển khai Chương trình hành động thực hiện Nghị quyết Đại hội "
        "đại biểu toàn quốc lần thứ XIII của Đảng và Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị "
        "về “Đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới”",
    )
    kh314 = add_directive(
        session,
        number="314/KH-LĐLĐ",
        issuer="Liên đoàn Lao động tỉnh Lai Châu",
        issued_on=date(2022, 2, 16),
        subject="Đẩy mạnh công tác tuyên truyền, quán triệt, triển khai thực hiện Nghị quyết số 02-NQ/TW "
        "ngày 12/6/2021 của Bộ Chính trị về “Đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới”",
    )
    study = [Indicator("sessions", "Số buổi"), Indicator("participants", "Số người tham dự")]
    requirements = [
        add_requirement(
            session, tb462,
            title="Xây dựng kế hoạch triển khai Chương trình số 02/CTr-BCH và Nghị quyết số 02-NQ/TW",
            due=date(2021, 11, 30),
        ),
        add_requirement(
            session, tb462,
            title="Báo cáo 6 tháng/lần kết quả triển khai Chương trình số 02/CTr-BCH",
            every_months=6, first_due=date(2022, 6, 15), indicators=study,
        ),
        add_requirement(
            session, kh314,
            title="Báo cáo kết quả tuyên truyền, quán triệt Nghị quyết số 02-NQ/TW",
            due=date(2022, 3, 31), indicators=study,
        ),
    ]

    units = list(session.exec(select(Organization).where(Organization.id != office.id)))
    submissions = exemptions = 0
    for requirement in requirements:
        periods = periods_through(requirement, today)
        upcoming = next_period(requirement, today)
        for period in periods + ([upcoming] if upcoming else []):
            for unit in units:
                if not (is_active(unit, period.due) and matches_filter(requirement, unit)):
                    continue
                roll = rng.random()
                if period is upcoming:
                    received = period.due - timedelta(days=rng.randint(1, 40))
                    if roll > 0.3 or received > today:
                        continue
                elif roll < 0.62:
                    received = period.due - timedelta(days=rng.randint(0, 12))
                elif roll < 0.82:
                    received = period.due + timedelta(days=rng.randint(1, 25))
                elif roll < 0.95 or requirement.every_months is None:
                    continue  # missing
                else:
                    exempt_unit(session, unit, requirement, period=period.number, reason="không phát sinh")
                    exemptions += 1
                    continue
                if received > today or not may_answer(requirement, unit, period, received):
                    continue
                values = None
                if requirement.indicators:
                    values = {"sessions": rng.randint(1, 3), "participants": max(1, int(unit.members * rng.uniform(0.7, 1.0)))}
                record_submission(
                    session, unit, requirement,
                    received_on=received, period=period.number,
                    doc_number=f"{rng.randint(1, 40):02d}/{'KH' if not requirement.indicators else 'BC'}-CĐCS",
                    doc_date=received - timedelta(days=rng.randint(0, 3)),
                    values=values, today=today,
                )
                submissions += 1
    return {
        "office": office.name,
        "units": len(units),
        "directives": 2,
        "requirements": len(requirements),
        "submissions": submissions,
        "exemptions": exemptions,
    }
