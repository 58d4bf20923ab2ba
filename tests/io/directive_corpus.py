"""A corpus of directives as offices receive them, written here by code:
each document is given once by its parts (the two header columns, title,
subject, body, Nơi nhận, signature block) with the fields a clerk would
record, and laid out in every form it arrives in: text as printed (columns
side by side), text copied from a web page (columns one after the other),
a PDF with a header table, a .docx with a header table, a scanned page
(image only) and an old .doc.

The issuers, kinds and layouts vary on purpose (Tổng LĐLĐ, provincial and
district federations, a sector union, a provincial People's Committee, a
ministry; plans, letters with and without a kind code, a decision, a
notice, a guide) so that a rule tuned to one document fails on another."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
DEJAVU_SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
DEJAVU_SERIF_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"


@dataclass
class Doc:
    name: str
    left: list[str]  # issuer lines, separator, "Số: …", a letter's "V/v …" lines
    right: list[str]  # motto, separator, place and date
    title: str | None
    subject: list[str]  # the trích yếu under the title, as printed
    body: list[str]  # paragraphs ("Kính gửi" included for letters)
    recipients: list[str]  # the "Nơi nhận" column, "Nơi nhận:" first
    signature: list[str]  # authority, title, "(Đã ký)", name…
    expected: dict = field(default_factory=dict)
    signature_first: bool = False  # in web text, the signature before Nơi nhận


DOCS = [
    Doc(
        "tld-cong-van",
        ["TỔNG LIÊN ĐOÀN LAO ĐỘNG", "VIỆT NAM", "Số: 8019/TLĐ-TG", "V/v tuyên truyền, tổ chức học tập",
         "Nghị quyết Đại hội XIII Công đoàn", "Việt Nam"],
        [*MOTTO, "Hà Nội, ngày 12 tháng 01 năm 2024"],
        None, [],
        ["Kính gửi: Các LĐLĐ tỉnh, thành phố, công đoàn ngành Trung ương và tương đương, công đoàn tổng công ty trực thuộc Tổng Liên đoàn.",
         "Thực hiện Công văn 1517/TLĐ ngày 05/12/2023 của Đoàn Chủ tịch Tổng Liên đoàn về tổ chức học tập, quán triệt Nghị quyết Đại hội XIII Công đoàn Việt Nam, Ban Tuyên giáo Tổng Liên đoàn đề nghị các đơn vị:",
         "1. Xây dựng kế hoạch tuyên truyền, tổ chức học tập Nghị quyết trong đoàn viên, người lao động, gửi về Tổng Liên đoàn (qua Ban Tuyên giáo) trước ngày 31/01/2024.",
         "2. Báo cáo kết quả học tập, quán triệt Nghị quyết chậm nhất đến ngày 30/6/2024.",
         "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị liên hệ Ban Tuyên giáo Tổng Liên đoàn để được hướng dẫn."],
        ["Nơi nhận:", "- Như trên;", "- Đ/c Chủ tịch TLĐ (để b/c);", "- Các đ/c Phó Chủ tịch TLĐ;", "Lưu: VT, TG."],
        ["TL. ĐOÀN CHỦ TỊCH", "KT. TRƯỞNG BAN TUYÊN GIÁO", "PHÓ TRƯỞNG BAN", "(Đã ký)", "Vũ Minh Tiến"],
        {"number": "8019/TLĐ-TG", "kind": "CV", "issuer": "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "parent_issuer": None,
         "place": "Hà Nội", "issued_on": "2024-01-12",
         "subject": "V/v tuyên truyền, tổ chức học tập Nghị quyết Đại hội XIII Công đoàn Việt Nam",
         "signer_name": "Vũ Minh Tiến", "signer_title": "PHÓ TRƯỞNG BAN",
         "signing_authority": "TL. ĐOÀN CHỦ TỊCH KT. TRƯỞNG BAN TUYÊN GIÁO",
         "recipients": ["Như trên", "Đ/c Chủ tịch TLĐ (để b/c)", "Các đ/c Phó Chủ tịch TLĐ"],
         "referenced_documents": ["1517/TLĐ"], "deadlines": ["2024-01-31", "2024-06-30"], "recurrence": None},
    ),
    Doc(
        "lai-chau-ke-hoach",
        ["TỔNG LĐLĐ VIỆT NAM", "LĐLĐ TỈNH LAI CHÂU", "Số: 45/KH-LĐLĐ"],
        [*MOTTO, "Lai Châu, ngày 20 tháng 3 năm 2024"],
        "KẾ HOẠCH", ["Tổ chức các hoạt động Tháng Công nhân và Tháng hành động",
                     "về an toàn, vệ sinh lao động năm 2024"],
        ["Thực hiện Kế hoạch số 112/KH-TLĐ ngày 15/02/2024 của Tổng Liên đoàn Lao động Việt Nam, Ban Thường vụ Liên đoàn Lao động tỉnh ban hành Kế hoạch như sau:",
         "I. MỤC ĐÍCH, YÊU CẦU",
         "1. Tuyên truyền sâu rộng về ý nghĩa Tháng Công nhân, nâng cao nhận thức của người lao động về an toàn, vệ sinh lao động.",
         "II. TỔ CHỨC THỰC HIỆN",
         "1. Các LĐLĐ huyện, thành phố, công đoàn ngành xây dựng kế hoạch và gửi về LĐLĐ tỉnh trước ngày 05/4/2024.",
         "2. Báo cáo kết quả tổ chức Tháng Công nhân về Ban Tuyên giáo - Nữ công chậm nhất ngày 15 tháng 6 năm 2024.",
         "3. Định kỳ báo cáo 6 tháng/lần về kết quả thực hiện công tác an toàn, vệ sinh lao động."],
        ["Nơi nhận:", "- Tổng LĐLĐ Việt Nam (b/c);", "- Thường trực Tỉnh ủy, UBND tỉnh (b/c);",
         "- LĐLĐ các huyện, thành phố, công đoàn ngành,", "công đoàn viên chức tỉnh;", "- Lưu: VT, TG-NC."],
        ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Tòng Thị Hải"],
        {"number": "45/KH-LĐLĐ", "kind": "KH", "issuer": "LĐLĐ TỈNH LAI CHÂU", "parent_issuer": "TỔNG LĐLĐ VIỆT NAM",
         "place": "Lai Châu", "issued_on": "2024-03-20",
         "subject": "Tổ chức các hoạt động Tháng Công nhân và Tháng hành động về an toàn, vệ sinh lao động năm 2024",
         "signer_name": "Tòng Thị Hải", "signer_title": "CHỦ TỊCH", "signing_authority": "TM. BAN THƯỜNG VỤ",
         "recipients": ["Tổng LĐLĐ Việt Nam (b/c)", "Thường trực Tỉnh ủy, UBND tỉnh (b/c)",
                        "LĐLĐ các huyện, thành phố, công đoàn ngành, công đoàn viên chức tỉnh"],
         "referenced_documents": ["112/KH-TLĐ"], "deadlines": ["2024-04-05", "2024-06-15"], "recurrence": 6},
    ),
    Doc(
        "yen-dinh-cong-van",
        ["LĐLĐ TỈNH THANH HÓA", "LIÊN ĐOÀN LAO ĐỘNG HUYỆN YÊN", "ĐỊNH", "Số: 730/LĐLĐ",
         "V/v đôn đốc báo cáo kết quả thực hiện", "Chỉ thị số 18-CT/TU"],
        [*MOTTO, "Yên Định, ngày 08 tháng 11 năm 2023"],
        None, [],
        ["Kính gửi: Các công đoàn cơ sở trực thuộc.",
         "Thực hiện Công văn số 2105/LĐLĐ ngày 30/10/2023 của Liên đoàn Lao động tỉnh Thanh Hóa về việc báo cáo kết quả thực hiện Chỉ thị số 18-CT/TU của Ban Thường vụ Tỉnh ủy, Liên đoàn Lao động huyện đề nghị các công đoàn cơ sở khẩn trương hoàn thành báo cáo và gửi về Liên đoàn Lao động huyện trước ngày 20/11/2023 để tổng hợp.",
         "Đề nghị các đơn vị thực hiện nghiêm túc."],
        ["Nơi nhận:", "- Như kính gửi;", "- Thường trực LĐLĐ tỉnh (để b/c);", "- Lưu: VP."],
        ["TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "(Đã ký) Lê Thị Thu Hà"],
        {"number": "730/LĐLĐ", "kind": "CV", "issuer": "LIÊN ĐOÀN LAO ĐỘNG HUYỆN YÊN ĐỊNH", "parent_issuer": "LĐLĐ TỈNH THANH HÓA",
         "place": "Yên Định", "issued_on": "2023-11-08",
         "subject": "V/v đôn đốc báo cáo kết quả thực hiện Chỉ thị số 18-CT/TU",
         "signer_name": "Lê Thị Thu Hà", "signer_title": "PHÓ CHỦ TỊCH", "signing_authority": "TM. BAN THƯỜNG VỤ",
         "recipients": ["Như kính gửi", "Thường trực LĐLĐ tỉnh (để b/c)"],
         "referenced_documents": ["18-CT/TU", "2105/LĐLĐ"], "deadlines": ["2023-11-20"], "recurrence": None},
    ),
    Doc(
        "nganh-giao-duc-thong-bao",
        ["LĐLĐ TỈNH NGHỆ AN", "CÔNG ĐOÀN NGÀNH GIÁO DỤC", "Số: 27/TB-CĐN"],
        [*MOTTO, "Vinh, ngày 02 tháng 10 năm 2023"],
        "THÔNG BÁO", ["Kết luận của Ban Thường vụ Công đoàn ngành Giáo dục", "tại hội nghị sơ kết 9 tháng đầu năm 2023"],
        ["Ngày 28/9/2023, Ban Thường vụ Công đoàn ngành Giáo dục tổ chức hội nghị sơ kết hoạt động 9 tháng đầu năm 2023, triển khai nhiệm vụ trọng tâm quý IV năm 2023. Sau khi nghe báo cáo và ý kiến thảo luận, Ban Thường vụ kết luận như sau:",
         "1. Các công đoàn cơ sở tổ chức Hội nghị cán bộ, công chức, viên chức năm học 2023-2024 xong trước ngày 31/10/2023.",
         "2. Công đoàn cơ sở trường học báo cáo số liệu đoàn viên theo Hướng dẫn số 03/HD-TLĐ trong tháng 11/2023.",
         "3. Duy trì chế độ báo cáo hằng quý về Công đoàn ngành."],
        ["Nơi nhận:", "- LĐLĐ tỉnh (b/c);", "- Các CĐCS trực thuộc (t/h);", "- Lưu: VT."],
        ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "(đã ký)", "Nguyễn Thị Lan Anh"],
        {"number": "27/TB-CĐN", "kind": "TB", "issuer": "CÔNG ĐOÀN NGÀNH GIÁO DỤC", "parent_issuer": "LĐLĐ TỈNH NGHỆ AN",
         "place": "Vinh", "issued_on": "2023-10-02",
         "subject": "Kết luận của Ban Thường vụ Công đoàn ngành Giáo dục tại hội nghị sơ kết 9 tháng đầu năm 2023",
         "signer_name": "Nguyễn Thị Lan Anh", "signer_title": "CHỦ TỊCH", "signing_authority": "TM. BAN THƯỜNG VỤ",
         "recipients": ["LĐLĐ tỉnh (b/c)", "Các CĐCS trực thuộc (t/h)"],
         "referenced_documents": ["03/HD-TLĐ"], "deadlines": ["2023-10-31", "2023-11-30"], "recurrence": 3},
    ),
    Doc(
        "ubnd-quyet-dinh",
        ["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "Số: 1234/QĐ-UBND"],
        [*MOTTO, "Lai Châu, ngày 15 tháng 8 năm 2023"],
        "QUYẾT ĐỊNH", ["Về việc ban hành Kế hoạch thực hiện Chương trình hành động", "của Tỉnh ủy về công tác công nhân, công đoàn"],
        ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU",
         "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
         "Căn cứ Chương trình hành động số 12-CTr/TU ngày 28/9/2021 của Ban Thường vụ Tỉnh ủy;",
         "Theo đề nghị của Giám đốc Sở Lao động - Thương binh và Xã hội.",
         "QUYẾT ĐỊNH:",
         "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chương trình hành động của Tỉnh ủy về công tác công nhân, công đoàn.",
         "Điều 2. Các sở, ban, ngành báo cáo kết quả thực hiện về Sở Lao động - Thương binh và Xã hội trước ngày 15/12/2023.",
         "Điều 3. Quyết định có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, ban, ngành chịu trách nhiệm thi hành Quyết định này."],
        ["Nơi nhận:", "- Như Điều 3;", "- TT. Tỉnh ủy, TT. HĐND tỉnh;", "- LĐLĐ tỉnh;", "- Lưu: VT, VX."],
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hà Trọng Hải"],
        {"number": "1234/QĐ-UBND", "kind": "QĐ", "issuer": "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "parent_issuer": None,
         "place": "Lai Châu", "issued_on": "2023-08-15",
         "subject": "Về việc ban hành Kế hoạch thực hiện Chương trình hành động của Tỉnh ủy về công tác công nhân, công đoàn",
         "signer_name": "Hà Trọng Hải", "signer_title": "PHÓ CHỦ TỊCH", "signing_authority": "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
         "recipients": ["Như Điều 3", "TT. Tỉnh ủy, TT. HĐND tỉnh", "LĐLĐ tỉnh"],
         "referenced_documents": ["12-CTr/TU"], "deadlines": ["2023-12-15"], "recurrence": None},
    ),
    Doc(
        "bo-giao-duc-cong-van",
        ["BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 5512/BGDĐT-GDCT", "V/v hướng dẫn tổ chức hoạt động", "công đoàn trong trường học"],
        [*MOTTO, "Hà Nội, ngày 25 tháng 9 năm 2023"],
        None, [],
        ["Kính gửi: Các sở giáo dục và đào tạo.",
         "Căn cứ Thông tư số 26/2020/TT-BGDĐT ngày 26/8/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo, Bộ Giáo dục và Đào tạo đề nghị các sở giáo dục và đào tạo chỉ đạo các cơ sở giáo dục phối hợp với công đoàn cùng cấp tổ chức các hoạt động theo hướng dẫn.",
         "Các sở báo cáo kết quả thực hiện về Bộ (qua Vụ Giáo dục Chính trị và Công tác học sinh, sinh viên) trước ngày 30/12/2023."],
        ["Nơi nhận:", "- Như trên;", "- Bộ trưởng (để b/c);", "- Công đoàn Giáo dục Việt Nam;", "- Lưu: VT, Vụ GDCT."],
        ["TL. BỘ TRƯỞNG", "KT. VỤ TRƯỞNG VỤ GIÁO DỤC CHÍNH TRỊ", "VÀ CÔNG TÁC HỌC SINH, SINH VIÊN", "PHÓ VỤ TRƯỞNG",
         "Đỗ Văn Minh"],
        {"number": "5512/BGDĐT-GDCT", "kind": "CV", "issuer": "BỘ GIÁO DỤC VÀ ĐÀO TẠO", "parent_issuer": None,
         "place": "Hà Nội", "issued_on": "2023-09-25",
         "subject": "V/v hướng dẫn tổ chức hoạt động công đoàn trong trường học",
         "signer_name": "Đỗ Văn Minh", "signer_title": "PHÓ VỤ TRƯỞNG",
         "signing_authority": "TL. BỘ TRƯỞNG KT. VỤ TRƯỞNG VỤ GIÁO DỤC CHÍNH TRỊ VÀ CÔNG TÁC HỌC SINH, SINH VIÊN",
         "recipients": ["Như trên", "Bộ trưởng (để b/c)", "Công đoàn Giáo dục Việt Nam"],
         "referenced_documents": ["26/2020/TT-BGDĐT"], "deadlines": ["2023-12-30"], "recurrence": None},
        signature_first=True,
    ),
    Doc(
        "dien-bien-huong-dan",
        ["TỔNG LĐLĐ VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG", "TỈNH ĐIỆN BIÊN", "Số: 05/HD-LĐLĐ"],
        [*MOTTO, "Điện Biên, ngày 10 tháng 01 năm 2024"],
        "HƯỚNG DẪN", ["Đánh giá, xếp loại công đoàn cơ sở và đoàn viên năm 2024"],
        ["Căn cứ Hướng dẫn số 29/HD-TLĐ ngày 21/10/2022 của Tổng Liên đoàn Lao động Việt Nam, Ban Thường vụ Liên đoàn Lao động tỉnh hướng dẫn như sau:",
         "1. Các công đoàn cơ sở tự đánh giá, xếp loại và báo cáo về công đoàn cấp trên trực tiếp trước ngày 15/12/2024.",
         "2. Công đoàn cấp trên trực tiếp cơ sở tổng hợp, báo cáo LĐLĐ tỉnh định kỳ hằng năm."],
        ["Nơi nhận:", "- Các LĐLĐ huyện, thị xã, thành phố;", "- Các công đoàn ngành, CĐVC tỉnh;", "- Lưu: VT, TC."],
        ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lường Văn Thắng"],
        {"number": "05/HD-LĐLĐ", "kind": "HD", "issuer": "LIÊN ĐOÀN LAO ĐỘNG TỈNH ĐIỆN BIÊN", "parent_issuer": "TỔNG LĐLĐ VIỆT NAM",
         "place": "Điện Biên", "issued_on": "2024-01-10",
         "subject": "Đánh giá, xếp loại công đoàn cơ sở và đoàn viên năm 2024",
         "signer_name": "Lường Văn Thắng", "signer_title": "PHÓ CHỦ TỊCH", "signing_authority": "KT. CHỦ TỊCH",
         "recipients": ["Các LĐLĐ huyện, thị xã, thành phố", "Các công đoàn ngành, CĐVC tỉnh"],
         "referenced_documents": ["29/HD-TLĐ"], "deadlines": ["2024-12-15"], "recurrence": 12},
    ),
    Doc(
        "tam-duong-ke-hoach",
        ["LĐLĐ TỈNH LAI CHÂU", "LĐLĐ HUYỆN TAM ĐƯỜNG", "Số: 12/KH-LĐLĐ"],
        [*MOTTO, "Tam Đường, ngày 16 tháng 02 năm 2024"],
        "KẾ HOẠCH", ["Triển khai thực hiện Nghị quyết số 02-NQ/TW ngày 12/6/2021", "của Bộ Chính trị về đổi mới tổ chức và hoạt động",
                     "của Công đoàn Việt Nam trong tình hình mới năm 2024"],
        ["Thực hiện Kế hoạch số 314/KH-LĐLĐ ngày 16/02/2022 của Liên đoàn Lao động tỉnh Lai Châu, Ban Thường vụ Liên đoàn Lao động huyện xây dựng kế hoạch thực hiện như sau:",
         "1. Các công đoàn cơ sở tổ chức quán triệt Nghị quyết đến đoàn viên, người lao động và gửi báo cáo kết quả về Liên đoàn Lao động huyện chậm nhất ngày 30 tháng 4 năm 2024.",
         "2. Tổ chức sơ kết việc thực hiện trong quý II/2024."],
        ["Nơi nhận:", "- Thường trực LĐLĐ tỉnh (b/c);", "- Thường trực Huyện ủy (b/c);", "- Các CĐCS trực thuộc;", "- Lưu: VT."],
        ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "[daky]", "Lò Văn Minh"],
        {"number": "12/KH-LĐLĐ", "kind": "KH", "issuer": "LĐLĐ HUYỆN TAM ĐƯỜNG", "parent_issuer": "LĐLĐ TỈNH LAI CHÂU",
         "place": "Tam Đường", "issued_on": "2024-02-16",
         "subject": "Triển khai thực hiện Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị về đổi mới tổ chức và hoạt động "
                    "của Công đoàn Việt Nam trong tình hình mới năm 2024",
         "signer_name": "Lò Văn Minh", "signer_title": "CHỦ TỊCH", "signing_authority": "TM. BAN THƯỜNG VỤ",
         "recipients": ["Thường trực LĐLĐ tỉnh (b/c)", "Thường trực Huyện ủy (b/c)", "Các CĐCS trực thuộc"],
         "referenced_documents": ["02-NQ/TW", "314/KH-LĐLĐ"], "deadlines": ["2024-04-30", "2024-06-30"], "recurrence": None},
        signature_first=True,
    ),
]

FIELDS = ["number", "kind", "issuer", "parent_issuer", "place", "issued_on", "subject", "signer_name", "signer_title",
          "signing_authority", "recipients", "referenced_documents", "deadlines", "recurrence"]


def _pad(rows_left: list[str], rows_right: list[str], width: int = 48) -> list[str]:
    out = []
    for i in range(max(len(rows_left), len(rows_right))):
        left = rows_left[i] if i < len(rows_left) else ""
        right = rows_right[i] if i < len(rows_right) else ""
        out.append(f"{left:<{width}}{right}".rstrip() if left else (" " * width + right))
    return out


# --- text -----------------------------------------------------------------------------------
def printed_text(doc: Doc) -> str:
    """As a PDF reader without layout prints it: columns side by side,
    paragraphs cut at the page width."""
    lines = _pad(doc.left, doc.right)
    if doc.title:
        lines += ["", " " * 30 + doc.title, *[" " * 12 + s for s in doc.subject], " " * 30 + "-----", ""]
    for paragraph in doc.body:
        lines += textwrap.wrap(paragraph, 92) or [""]
    lines.append("")
    lines += _pad(doc.recipients, doc.signature)
    return "\n".join(lines) + "\n"


def web_text(doc: Doc) -> str:
    """As copied from a web page: each column after the other (the right
    one first on some sites), one line per paragraph."""
    head = (doc.right + doc.left) if doc.signature_first else (doc.left + doc.right)
    lines = [*head, ""]
    if doc.title:
        lines += [doc.title, " ".join(doc.subject), ""]
    for paragraph in doc.body:
        lines += [paragraph, ""]
    foot = (doc.signature + [""] + doc.recipients) if doc.signature_first else (doc.recipients + [""] + doc.signature)
    return "\n".join(lines + foot) + "\n"


# --- PDF ------------------------------------------------------------------------------------
def _fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "Serif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Serif", DEJAVU_SERIF))
        pdfmetrics.registerFont(TTFont("Serif-Bold", DEJAVU_SERIF_BOLD))


def pdf_file(doc: Doc, path: Path) -> Path:
    """The document as Word would print it: a borderless two-column header
    table, centred title and subject, justified body, and a two-column
    table of Nơi nhận and the signature block."""
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    _fonts()
    centre = ParagraphStyle("c", fontName="Serif", fontSize=10.5, leading=13, alignment=TA_CENTER)
    bold = ParagraphStyle("b", parent=centre, fontName="Serif-Bold")
    body = ParagraphStyle("p", fontName="Serif", fontSize=11, leading=15, alignment=TA_JUSTIFY, firstLineIndent=20)
    small = ParagraphStyle("s", fontName="Serif", fontSize=9, leading=11, alignment=TA_LEFT)

    def cell(lines, style):
        return [Paragraph(line, style) for line in lines]

    width = A4[0] - 40 * mm
    top = [("VALIGN", (0, 0), (-1, -1), "TOP")]  # Word's default for a table cell
    story = [Table([[cell(doc.left, bold), cell(doc.right, bold)]], colWidths=[width * 0.42, width * 0.58], style=top),
             Spacer(1, 12)]
    if doc.title:
        story += [Paragraph(doc.title, ParagraphStyle("t", parent=bold, fontSize=13, leading=16))]
        story += [Paragraph("<br/>".join(doc.subject), bold), Spacer(1, 12)]
    for paragraph in doc.body:
        story.append(Paragraph(paragraph.replace("TT-BGDĐT", "TT-<br/>BGDĐT"), body))
    story.append(Spacer(1, 10))
    story.append(Table([[cell(doc.recipients, small), cell(doc.signature, bold)]], colWidths=[width * 0.45, width * 0.55],
                       style=top))
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=25 * mm, rightMargin=15 * mm, invariant=1).build(story)
    return path


def pdf_words_file(doc: Doc, path: Path) -> Path:
    """The document as some PDF makers write it: every word placed on its
    own, body lines justified (wide spaces), the header columns close
    together and not on the same baselines, the signature's lines centred
    right and the name far below."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    _fonts()
    pdf = canvas.Canvas(str(path), invariant=1)

    def words(x, y, text, font, size, justify_to=None):
        parts = text.split()
        widths = [stringWidth(w, font, size) for w in parts]
        space = stringWidth(" ", font, size)
        if justify_to and len(parts) > 1:
            space = (justify_to - sum(widths)) / (len(parts) - 1)
        for word, width in zip(parts, widths):
            pdf.setFont(font, size)
            pdf.drawString(x, y, word)
            x += width + space

    def centred(cx, y, text, font, size):
        words(cx - stringWidth(text, font, size) / 2, y, text, font, size)

    top = 800
    for i, line in enumerate(doc.left):
        centred(150, top - i * 15.5, line, "Serif-Bold" if i else "Serif", 12)
    for i, line in enumerate(doc.right):
        centred(410, top + 1.5 - i * 16.5, line, "Serif-Bold" if i < 2 else "Serif", 12.5 if i < 2 else 12)
    y = top - max(len(doc.left), len(doc.right)) * 17 - 20
    if doc.title:
        centred(300, y, doc.title, "Serif-Bold", 14)
        y -= 17
        for line in doc.subject:
            centred(300, y, line, "Serif-Bold", 13)
            y -= 16
        y -= 14
    for paragraph in doc.body:
        lines = textwrap.wrap(paragraph, 88)
        for k, line in enumerate(lines):
            if y < 80:
                pdf.showPage()
                y = 800
            last = k == len(lines) - 1
            words(70 if k else 90, y, line, "Serif", 12, None if last else (470 if k else 450))
            y -= 17
    y -= 10
    if y < 220:
        pdf.showPage()
        y = 800
    for i, line in enumerate(doc.recipients):
        words(70, y - i * 13, line, "Serif", 10.5 if i else 11)
    for i, line in enumerate(doc.signature):
        centred(420, y - i * 16 - (50 if i == len(doc.signature) - 1 else 0), line, "Serif-Bold", 12.5)
    pdf.save()
    return path


# --- Word -----------------------------------------------------------------------------------
def docx_file(doc: Doc, path: Path, *, formatted: bool = False) -> Path:
    """The document as a Word file: header and foot in two-column tables.
    ``formatted``: as offices format it (A4, header columns of 6.5 and 9.5
    cm, centred and bold, sizes 12-14, justified body, the signer's name
    three lines below the title), else python-docx's plain defaults."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = docx.Document()

    def fill(cell, lines, *, bold_from=0, size=13, centred=formatted):
        for i, line in enumerate(lines):
            paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            run = paragraph.add_run(line)
            if centred:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run.bold = i >= bold_from
                run.font.size = Pt(12 if line.startswith(("Số", "V/v")) else size)

    if formatted:
        section = document.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin, section.right_margin = Cm(3), Cm(2)
    head = document.add_table(rows=1, cols=2)
    if formatted:
        for cell, width in zip(head.rows[0].cells, (Cm(6.5), Cm(9.5))):
            cell.width = width
    fill(head.rows[0].cells[0], doc.left, bold_from=1, size=12)
    fill(head.rows[0].cells[1], doc.right)
    if doc.title:
        lines = [doc.title, *doc.subject] + ([] if formatted else ["-----"])
        for line in lines:
            paragraph = document.add_paragraph()
            run = paragraph.add_run(line)
            if formatted:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run.bold = True
                run.font.size = Pt(14 if line == doc.title else 13)
    for text in doc.body:
        paragraph = document.add_paragraph(text)
        if formatted:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Cm(1)
    foot = document.add_table(rows=1, cols=2)
    fill(foot.rows[0].cells[0], doc.recipients, size=11, centred=False)
    signature = doc.signature[:-1] + ["", "", ""] + doc.signature[-1:] if formatted else doc.signature
    fill(foot.rows[0].cells[1], signature, size=14)
    document.add_paragraph("")  # Word always ends a document with a paragraph after its last table
    document.save(path)
    return path


def doc_file(doc: Doc, folder: Path) -> Path:
    """The .docx turned into an old Word .doc by LibreOffice."""
    source = docx_file(doc, folder / f"{doc.name}.docx")
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([office, f"-env:UserInstallation=file://{folder / 'lo-profile'}", "--headless", "--convert-to", "doc",
                    "--outdir", str(folder), str(source)], check=True, capture_output=True, timeout=120)
    source.unlink()
    return folder / f"{doc.name}.doc"


def office_pdf_files(docs: list[Doc], folder: Path) -> list[tuple[Doc, Path]]:
    """Each document's .docx, plain and formatted, exported to PDF by
    LibreOffice as an office exports it: one LibreOffice run for them all."""
    made = []
    for doc in docs:
        for formatted in (False, True):
            name = f"{doc.name}{'-formatted' if formatted else ''}"
            made.append((doc, docx_file(doc, folder / f"{name}.docx", formatted=formatted)))
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([office, f"-env:UserInstallation=file://{folder / 'lo-profile'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder / "pdf"), *(str(p) for _d, p in made)], check=True, capture_output=True, timeout=300)
    return [(doc, folder / "pdf" / f"{path.stem}.pdf") for doc, path in made]


# --- a scanned page -------------------------------------------------------------------------
def scanned_pdf(doc: Doc, folder: Path, dpi: int = 200) -> Path:
    """The PDF printed, then scanned: the first page as an image only, no
    text layer."""
    from PIL import Image

    printed = pdf_file(doc, folder / f"{doc.name}-printed.pdf")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(printed), str(folder / "page")], check=True, timeout=60)
    pages = sorted(folder.glob("page*.png"))
    images = [Image.open(p).convert("L") for p in pages]
    out = folder / f"{doc.name}-scan.pdf"
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    printed.unlink()
    for p in pages:
        p.unlink()
    return out


# --- scoring --------------------------------------------------------------------------------
def as_json_fields(out: dict) -> dict:
    """The checked fields of ``directives intake --json`` in the corpus's
    terms: deadlines as their ISO dates, recurrence as months."""
    got = {name: out.get(name) for name in FIELDS}
    got["deadlines"] = [d["date"] for d in out["deadlines"]]
    got["recurrence"] = out["recurrence"]["every_months"] if out["recurrence"] else None
    return got


def fields_of(d) -> dict:
    """The same from a ``DirectiveFields``."""
    got = {name: getattr(d, name) for name in FIELDS}
    got["issued_on"] = d.issued_on.isoformat() if d.issued_on else None
    got["deadlines"] = [x.date.isoformat() if x.date else None for x in d.deadlines]
    got["recurrence"] = d.recurrence.every_months if d.recurrence else None
    return got


def score(expected: dict, got: dict) -> list[tuple[str, object, object]]:
    """The fields present in the document (expected not None or empty) and
    read wrong, as (field, expected, got); a field absent from the document
    counts only if something was read for it."""
    wrong = []
    for name in FIELDS:
        want = expected.get(name)
        have = got.get(name)
        if isinstance(have, str):
            have = " ".join(have.split())
        if want in (None, []) and have in (None, []):
            continue
        if want != have:
            wrong.append((name, want, have))
    return wrong


def counted(expected: dict, got: dict) -> int:
    """How many fields the comparison counts."""
    return sum(1 for name in FIELDS if expected.get(name) not in (None, []) or got.get(name) not in (None, []))
