<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/help.py" line="98"/>
        <source>Giới thiệu Theo dõi</source>
        <translation>About Theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help.py" line="101"/>
        <source>&lt;h3&gt;Theo dõi {version}&lt;/h3&gt;&lt;p&gt;Sổ theo dõi văn bản chỉ đạo, yêu cầu và báo cáo của các công đoàn cơ sở. Chạy hoàn toàn không cần mạng.&lt;/p&gt;&lt;p&gt;Giấy phép GPL-3.0-or-later. Phông chữ Liberation Serif: SIL Open Font License 1.1.&lt;/p&gt;&lt;p&gt;Các thành phần kèm theo và giấy phép:&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Theo dõi {version}&lt;/h3&gt;&lt;p&gt;Tracking of directives, requirements and reports of grassroots trade unions. Works entirely without a network.&lt;/p&gt;&lt;p&gt;Licence GPL-3.0-or-later. Liberation Serif typeface: SIL Open Font License 1.1.&lt;/p&gt;&lt;p&gt;Bundled components and their licences:&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help.py" line="108"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="31"/>
        <source>Nhật ký thay đổi</source>
        <translation>Change log</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="34"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="34"/>
        <source>Đơn vị</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="35"/>
        <source>Văn bản chỉ đạo</source>
        <translation>Directives</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="35"/>
        <source>Yêu cầu</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="36"/>
        <source>Văn bản đơn vị gửi về</source>
        <translation>Submissions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="36"/>
        <source>Miễn</source>
        <translation>Exempt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="37"/>
        <source>Sổ văn bản đi</source>
        <translation>Outgoing document register</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="38"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="38"/>
        <source>Bản thảo báo cáo</source>
        <translation>Report drafts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="47"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="49"/>
        <source>Số dòng mới nhất</source>
        <translation>Newest rows</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="53"/>
        <source>Lúc</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="53"/>
        <source>Người</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="53"/>
        <source>Việc</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="53"/>
        <source>Bản ghi</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="54"/>
        <source>Trường thay đổi</source>
        <translation>Fields changed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="59"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="74"/>
        <source>thêm</source>
        <translation>added</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="74"/>
        <source>sửa</source>
        <translation>changed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="74"/>
        <source>xóa</source>
        <translation>deleted</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="42"/>
        <source>Sao lưu và khôi phục</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="45"/>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="46"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="46"/>
        <source>Hằng ngày</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="46"/>
        <source>Tự sao lưu</source>
        <translation>Manual backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="47"/>
        <source>Trước khi khôi phục</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="48"/>
        <source>Trước khi nâng cấp</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="49"/>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="50"/>
        <source>Đơn vị</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="51"/>
        <source>Lượt nộp</source>
        <translation>Submissions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="52"/>
        <source>Tình trạng</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="52"/>
        <source>Tốt</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="61"/>
        <source>Sao lưu &amp;ngay</source>
        <translation>Back up &amp;now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="62"/>
        <source>Sao lưu ra &amp;USB…</source>
        <translation>Back up to &amp;USB…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="63"/>
        <source>Chọn tệp sao lưu khác…</source>
        <translation>Choose another backup file…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="64"/>
        <source>&amp;Khôi phục bản đã chọn…</source>
        <translation>&amp;Restore selected backup…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="77"/>
        <source>Khôi phục sẽ thay toàn bộ dữ liệu hiện tại bằng bản sao lưu; dữ liệu hiện tại được sao lưu trước.</source>
        <translation>Restoring replaces all current data with the backup; the current data is backed up first.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="101"/>
        <source>Đã sao lưu</source>
        <translation>Backed up</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="101"/>
        <source>Đã sao lưu vào:
{path}</source>
        <translation>Backed up to:
{path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="106"/>
        <source>Chọn ổ USB hoặc thư mục nhận bản sao lưu</source>
        <translation>Choose a USB drive or folder for the backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="116"/>
        <source>Chọn tệp sao lưu</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="116"/>
        <source>Sao lưu Theo dõi (*.sqlite3 *.dump)</source>
        <translation>Theo dõi backups (*.sqlite3 *.dump)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="124"/>
        <source>Khôi phục dữ liệu</source>
        <translation>Restore data</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="125"/>
        <source>Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu “{name}”?
Dữ liệu hiện tại sẽ được sao lưu trước.</source>
        <translation>Replace all current data with the backup “{name}”?
The current data will be backed up first.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="134"/>
        <source>Đã khôi phục</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/backups.py" line="135"/>
        <source>Đã khôi phục. Dữ liệu trước đó được giữ ở:
{path}</source>
        <translation>Restored. The previous data has been kept at:
{path}</translation>
    </message>
</context>
<context>
    <name>BulkRecordDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/bulk_record.py" line="18"/>
        <source>Ghi nhận hàng loạt</source>
        <translation>Record several</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/bulk_record.py" line="21"/>
        <source>Ghi nhận {n} ô đã chọn là đã nộp, cùng một ngày nhận.</source>
        <translation>Record the {n} selected cells as handed in, on the same day.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/bulk_record.py" line="23"/>
        <source>Ngày nhận</source>
        <translation>Date received</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/bulk_record.py" line="24"/>
        <source>Ngày nhận (*)</source>
        <translation>Date received (*)</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../../desktop/ui/screens/dashboard.py" line="79"/>
        <source>Văn bản</source>
        <extracomment>(requirement id, period number): show the units that have not sent it</extracomment>
        <translation>Directive</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/dashboard.py" line="80"/>
        <source>Yêu cầu</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/dashboard.py" line="81"/>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/dashboard.py" line="82"/>
        <source>Tiến độ</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/dashboard.py" line="83"/>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/dashboard.py" line="84"/>
        <source>Chậm</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/dashboard.py" line="85"/>
        <source>Chưa nộp</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/dashboard.py" line="86"/>
        <source>Miễn</source>
        <translation>Exempt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/dashboard.py" line="105"/>
        <source>Xem đơn vị chưa nộp</source>
        <translation>Show missing units</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/dashboard.py" line="110"/>
        <location filename="../../desktop/ui/screens/dashboard.py" line="186"/>
        <source>Theo khối</source>
        <translation>By sector</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/dashboard.py" line="117"/>
        <source>Hạn sắp tới</source>
        <translation>Upcoming deadlines</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/dashboard.py" line="151"/>
        <source>Tổng quan</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/dashboard.py" line="156"/>
        <source>Chưa khai báo văn phòng</source>
        <translation>Office not set up yet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/dashboard.py" line="159"/>
        <source>Tính đến ngày {date}: {n} yêu cầu đã đến hạn, {k} yêu cầu còn đơn vị chưa nộp.</source>
        <translation>As of {date}: {n} requirement(s) due, {k} of them with units still missing.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/dashboard.py" line="168"/>
        <source>đã nộp {done}/{total}</source>
        <translation>submitted {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/dashboard.py" line="171"/>
        <source>Không có hạn nào sắp tới.</source>
        <translation>No upcoming deadlines.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/dashboard.py" line="186"/>
        <source>Theo khối: {title}</source>
        <translation>By sector: {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/dashboard.py" line="189"/>
        <source>Xem {n} đơn vị chưa nộp</source>
        <translation>Show {n} missing unit(s)</translation>
    </message>
</context>
<context>
    <name>DatabaseBox</name>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="36"/>
        <source>Dữ liệu</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="41"/>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="43"/>
        <source>Mở thư mục dữ liệu</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="49"/>
        <source>Tệp trên máy này (SQLite)</source>
        <translation>A file on this PC (SQLite)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="50"/>
        <source>Máy chủ PostgreSQL dùng chung cho cả văn phòng</source>
        <translation>A PostgreSQL server shared by the whole office</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="59"/>
        <source>để trống nếu không đổi</source>
        <translation>leave empty to keep</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="63"/>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="126"/>
        <source>Máy chủ</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="64"/>
        <source>Cổng</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="65"/>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="126"/>
        <source>Tên cơ sở dữ liệu</source>
        <translation>Database name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="66"/>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="127"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="67"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="68"/>
        <source>&amp;Kiểm tra kết nối</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="69"/>
        <source>Dùng nơi lưu này</source>
        <translation>Use this location</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="70"/>
        <source>&amp;Chép dữ liệu lên máy chủ này…</source>
        <translation>&amp;Copy the data to this server…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="82"/>
        <source>Sao lưu và &amp;khôi phục…</source>
        <translation>Backup and &amp;restore…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="86"/>
        <source>Đang dùng</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="87"/>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="221"/>
        <source>Nơi lưu dữ liệu</source>
        <translation>Data location</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="91"/>
        <source>Sao lưu</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="129"/>
        <source>Hãy điền “{field}” của máy chủ.</source>
        <translation>Please fill in the server’s “{field}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="142"/>
        <source>Đang kết nối…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="148"/>
        <source>Kết nối được, nhưng cơ sở dữ liệu này đang chứa bảng của chương trình khác; hãy dùng một cơ sở dữ liệu riêng cho Theo dõi.</source>
        <translation>Connected, but this database holds tables of another program; use a database of its own for Theo dõi.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="152"/>
        <source>Kết nối được, nhưng dữ liệu trên máy chủ do một phiên bản Theo dõi mới hơn tạo ra (lược đồ {rev}); hãy cài phiên bản mới nhất trên máy này trước.</source>
        <translation>Connected, but the data on the server was made by a newer version of Theo dõi (schema {rev}); install the latest version on this PC first.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="156"/>
        <source>còn trống: Theo dõi sẽ tạo các bảng khi mở lần đầu</source>
        <translation>is empty: Theo dõi will create its tables when it first opens it</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="157"/>
        <source>đã có dữ liệu Theo dõi (lược đồ {rev})</source>
        <translation>already holds Theo dõi data (schema {rev})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="158"/>
        <source>Kết nối được tới {server}; cơ sở dữ liệu {state}.</source>
        <translation>Connected to {server}; the database {state}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="181"/>
        <source>Chép dữ liệu lên máy chủ</source>
        <translation>Copy the data to the server</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="182"/>
        <source>Chép toàn bộ dữ liệu đang dùng sang máy chủ {server}? Cơ sở dữ liệu trên máy chủ phải còn trống.</source>
        <translation>Copy all the data in use to the server {server}? The database on the server must be empty.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="187"/>
        <source>Đang chép dữ liệu lên máy chủ…</source>
        <translation>Copying the data to the server…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="192"/>
        <source>Đã chép {rows} dòng của {tables} bảng và {files} tệp đính kèm; số dòng và mã băm từng bảng khớp ở cả hai đầu. Bấm “Dùng nơi lưu này” để làm việc trên máy chủ.</source>
        <translation>Copied {rows} rows of {tables} tables and {files} attached files; the row counts and hashes of every table match on both sides. Press “Use this storage” to work on the server.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="199"/>
        <source>Theo dõi sẽ dùng tệp dữ liệu trên máy này từ lần mở sau.</source>
        <translation>Theo dõi will use the data file on this PC from its next start.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/database_settings.py" line="216"/>
        <source>Theo dõi sẽ dùng máy chủ {server} từ lần mở sau. Dữ liệu đang có trên máy này không tự chuyển sang: hãy chép dữ liệu lên máy chủ trước khi mở lại.</source>
        <translation>Theo dõi will use the server {server} from the next start. The data on this PC does not move by itself: copy it to the server before starting again.</translation>
    </message>
</context>
<context>
    <name>DatabaseWorker</name>
    <message>
        <location filename="../../desktop/ui/worker.py" line="146"/>
        <source>Đang xử lý…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/worker.py" line="147"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/worker.py" line="149"/>
        <source>Theo dõi</source>
        <translation>Theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/worker.py" line="157"/>
        <source>Đang dừng…</source>
        <translation>Stopping…</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../desktop/ui/widgets/date_field.py" line="45"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/date_field.py" line="45"/>
        <source>dd/mm/yyyy (để trống nếu chưa có)</source>
        <translation>dd/mm/yyyy (leave empty if not known)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/date_field.py" line="50"/>
        <source>Chọn ngày trên lịch</source>
        <translation>Pick the day on a calendar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/date_field.py" line="92"/>
        <source>{field}: hãy nhập ngày (dd/mm/yyyy).</source>
        <translation>{field}: enter a date (dd/mm/yyyy).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/date_field.py" line="123"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>DirectiveDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="56"/>
        <source>Đọc từ tệp văn bản (.docx, .doc, .pdf, bản quét, .txt)…</source>
        <translation>Read from the document file (.docx, .doc, .pdf, scan, .txt)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="94"/>
        <source>Văn bản (*.docx *.doc *.pdf *.txt);;Tất cả các tệp (*)</source>
        <translation>Documents (*.docx *.doc *.pdf *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="61"/>
        <source>Dừng đọc</source>
        <translation>Stop reading</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="119"/>
        <source>Đang dừng…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="106"/>
        <source>Đang đọc {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="156"/>
        <source>Đọc chưa chắc chắn ({sure:.0%}): hãy đối chiếu với văn bản.</source>
        <translation>Read with little certainty ({sure:.0%}): check it against the document.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="178"/>
        <source>Cần kiểm tra (đọc chưa chắc, tô vàng): {names}.</source>
        <translation>To check (read with little certainty, in yellow): {names}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="49"/>
        <source>Thêm văn bản chỉ đạo</source>
        <translation>Add directive</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="72"/>
        <source>Liên đoàn Lao động tỉnh …</source>
        <translation>Provincial Labour Federation of …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="85"/>
        <source>Số, ký hiệu (*)</source>
        <translation>Number and code (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="86"/>
        <source>Ngày ban hành</source>
        <translation>Date issued</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="87"/>
        <source>Cơ quan ban hành</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="88"/>
        <source>Trích yếu</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="94"/>
        <source>Chọn văn bản chỉ đạo</source>
        <translation>Choose the directive</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="174"/>
        <source>Đã đọc từ tệp {name}. Hãy kiểm tra lại trước khi lưu.</source>
        <translation>Read from {name}. Check it before saving.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="180"/>
        <source>không rõ ngày</source>
        <translation>date unclear</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="181"/>
        <source>• Hạn {date}: {text}</source>
        <translation>• Due {date}: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="183"/>
        <source>• Chu kỳ báo cáo: {text}</source>
        <translation>• Reporting cycle: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="184"/>
        <source>Lưu ý: {text}</source>
        <translation>Note: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/directive_edit.py" line="188"/>
        <source>Thêm {n} yêu cầu đề xuất từ các hạn trên (sửa được sau)</source>
        <translation>Add the {n} requirements proposed from these deadlines (editable later)</translation>
    </message>
</context>
<context>
    <name>DirectivesScreen</name>
    <message>
        <location filename="../../desktop/ui/screens/directives.py" line="31"/>
        <source>Hạn {date}</source>
        <translation>Due {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/directives.py" line="33"/>
        <source>hằng năm</source>
        <translation>yearly</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/directives.py" line="35"/>
        <source>{n} tháng/lần</source>
        <translation>every {n} months</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/directives.py" line="36"/>
        <source>{every}, kỳ đầu hạn {date}</source>
        <translation>{every}, first period due {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/directives.py" line="57"/>
        <source>Số, ký hiệu</source>
        <translation>Number and code</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/directives.py" line="58"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/directives.py" line="59"/>
        <source>Trích yếu</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/directives.py" line="60"/>
        <source>Cơ quan ban hành</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/directives.py" line="67"/>
        <source>Tìm văn bản theo số, trích yếu…</source>
        <translation>Search directives by number, summary…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/directives.py" line="78"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/directives.py" line="79"/>
        <source>Yêu cầu</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/directives.py" line="80"/>
        <source>Hạn / chu kỳ</source>
        <translation>Due date / cycle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/directives.py" line="81"/>
        <source>Chỉ tiêu</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/directives.py" line="86"/>
        <source>Thêm &amp;văn bản…</source>
        <translation>Add &amp;directive…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/directives.py" line="88"/>
        <source>Thêm &amp;yêu cầu…</source>
        <translation>Add &amp;requirement…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/directives.py" line="105"/>
        <source>Yêu cầu đối với đơn vị:</source>
        <translation>Requirements for units:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/directives.py" line="118"/>
        <source>Văn bản</source>
        <translation>Directives</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/directives.py" line="138"/>
        <source>Chưa có văn bản nào. Bấm “Thêm văn bản” để vào sổ văn bản đầu tiên.</source>
        <translation>No directives yet. Click “Add directive” to register the first one.</translation>
    </message>
</context>
<context>
    <name>DoctorDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/help.py" line="31"/>
        <source>Kiểm tra máy</source>
        <translation>Check this PC</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help.py" line="35"/>
        <source>Mục</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help.py" line="35"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help.py" line="35"/>
        <source>Chi tiết, cách xử lý</source>
        <translation>Details, what to do</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help.py" line="38"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help.py" line="38"/>
        <source>Cần xử lý</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help.py" line="38"/>
        <source>Lưu ý</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help.py" line="45"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ExchangeScreen</name>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="67"/>
        <source>Chưa có báo cáo nào đã ban hành (làm ở màn hình Báo cáo)</source>
        <translation>No report issued yet (make one on the Reports screen)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="69"/>
        <source>tệp khóa .p12 của văn phòng</source>
        <translation>the office&apos;s .p12 key file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="70"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="73"/>
        <source>Tệp khóa .p12</source>
        <translation>Key file .p12</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="74"/>
        <source>USB token (PKCS#11)</source>
        <translation>USB token (PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="77"/>
        <source>tệp thư viện PKCS#11 của token (.dll/.so)</source>
        <translation>the token&apos;s PKCS#11 library file (.dll/.so)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="80"/>
        <source>Đọc token</source>
        <translation>Read token</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="85"/>
        <source>Chưa thấy USB: cắm USB rồi bấm F5, hoặc chọn thư mục khác</source>
        <translation>No USB stick found: plug one in and press F5, or choose another folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="86"/>
        <source>Thư mục khác…</source>
        <translation>Other folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="89"/>
        <source>địa chỉ thư của cấp trên (không bắt buộc)</source>
        <translation>the upper office&apos;s e-mail address (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="93"/>
        <source>Niêm phong cho…</source>
        <translation>Seal for…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="98"/>
        <source>&amp;Ký và ghi gói báo cáo</source>
        <translation>&amp;Sign and write the report package</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="117"/>
        <location filename="../../desktop/ui/screens/exchange.py" line="307"/>
        <source>Gửi báo cáo lên</source>
        <translation>Send a report up</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="119"/>
        <source>Báo cáo:</source>
        <translation>Report:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="120"/>
        <source>Khóa ký:</source>
        <translation>Signing key:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="121"/>
        <source>Token, chứng thư:</source>
        <translation>Token, certificate:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="122"/>
        <source>Mật khẩu khóa / PIN:</source>
        <translation>Key passphrase / PIN:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="123"/>
        <source>Ghi ra:</source>
        <translation>Write to:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="124"/>
        <source>Gửi thư tới:</source>
        <translation>E-mail to:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="125"/>
        <source>Niêm phong:</source>
        <translation>Sealing:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="129"/>
        <source>Nhận gói báo cáo và biên nhận (kéo thả tệp, thư mục hoặc thư .eml vào đây)</source>
        <translation>Take in report packages and receipts (drop files, folders or .eml messages here)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="131"/>
        <source>Chọn &amp;gói hoặc thư…</source>
        <translation>Choose &amp;packages or messages…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="134"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="134"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="134"/>
        <source>Văn phòng gửi</source>
        <translation>Sending office</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="134"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="137"/>
        <source>&amp;Kiểm tra gói (không nhận)…</source>
        <translation>&amp;Check a package (without taking it in)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="140"/>
        <source>Ký biên nhận gửi lại cho mỗi báo cáo nhận được, ghi vào</source>
        <translation>Sign a receipt for each report taken in, written to</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="153"/>
        <location filename="../../desktop/ui/screens/exchange.py" line="490"/>
        <location filename="../../desktop/ui/screens/exchange.py" line="507"/>
        <source>Hộp thư đi</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="156"/>
        <source>Thư</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="156"/>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="156"/>
        <source>Gửi tới</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="159"/>
        <source>Gửi &amp;ngay</source>
        <translation>Send &amp;now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="161"/>
        <source>Gửi &amp;lại thư lỗi</source>
        <translation>&amp;Resend failed message</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="182"/>
        <source>Gói nhận về, hộp thư đi</source>
        <translation>Packages in, outbox</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="189"/>
        <source>Trao đổi</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="210"/>
        <source>Chọn tệp khóa</source>
        <translation>Choose the key file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="210"/>
        <location filename="../../desktop/ui/screens/exchange.py" line="284"/>
        <source>Khóa ký (*.p12 *.pfx)</source>
        <translation>Signing keys (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="238"/>
        <source>USB token</source>
        <translation>USB token</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="238"/>
        <source>Không thấy chứng thư số nào trên token.</source>
        <translation>No certificate found on the token.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="254"/>
        <source>Không niêm phong</source>
        <translation>Not sealed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="257"/>
        <source>Văn phòng cấp trên — {subject}</source>
        <translation>Office above — {subject}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="263"/>
        <source>Chọn chứng thư số của nơi nhận</source>
        <translation>Choose the recipient&apos;s certificate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="264"/>
        <source>Chứng thư số (*.cer *.crt *.pem *.der);;Tất cả các tệp (*)</source>
        <translation>Certificates (*.cer *.crt *.pem *.der);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="276"/>
        <location filename="../../desktop/ui/screens/exchange.py" line="288"/>
        <source>Gói niêm phong</source>
        <translation>Sealed packages</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="277"/>
        <source>Các gói sau được niêm phong cho văn phòng này:
{files}

Nhập mã PIN của USB token để mở:</source>
        <translation>These packages are sealed for this office:
{files}

Enter the USB token&apos;s PIN to open them:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="283"/>
        <source>Chọn tệp khóa của văn phòng để mở gói niêm phong</source>
        <translation>Choose the office&apos;s key file to open the sealed packages</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="289"/>
        <source>Các gói sau được niêm phong cho văn phòng này:
{files}

Nhập mật khẩu của tệp khóa {key} để mở:</source>
        <translation>These packages are sealed for this office:
{files}

Enter the passphrase of the key file {key} to open them:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="297"/>
        <source>Chọn thư mục ghi gói báo cáo</source>
        <translation>Choose the folder for the report package</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="308"/>
        <source>Hãy chọn báo cáo, khóa ký (tệp .p12 hoặc chứng thư trên token) và nơi ghi (USB hoặc thư mục).</source>
        <translation>Choose the report, the signing key (.p12 file or a certificate on the token) and where to write (USB stick or folder).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="315"/>
        <source>Đang ký, ghi và đọc lại để kiểm tra…</source>
        <translation>Signing, writing and reading back to check…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="328"/>
        <source>Đã ghi và kiểm tra gói {name} — an toàn để rút USB.
Vân tay người ký: {fp}</source>
        <translation>Package {name} written and checked — safe to remove the USB stick.
Signer fingerprint: {fp}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="331"/>
        <source>Gói đã được niêm phong: chỉ “{who}” mở được.</source>
        <translation>The package is sealed: only “{who}” can open it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="335"/>
        <source>Đã đưa vào hộp thư đi, gửi tới {to}.</source>
        <translation>Queued in the outbox for {to}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="344"/>
        <source>Gói niêm phong {name}</source>
        <translation>Sealed package {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="350"/>
        <source>Chưa ghi được gói báo cáo; xem thông báo lỗi.</source>
        <translation>The report package was not written; see the error message.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="355"/>
        <source>Chọn gói báo cáo, biên nhận hoặc thư</source>
        <translation>Choose report packages, receipts or messages</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="356"/>
        <source>Gói báo cáo, thư (*.zip *.p7m *.eml);;Tất cả các tệp (*)</source>
        <translation>Report packages, messages (*.zip *.p7m *.eml);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="445"/>
        <source>Gói báo cáo (*.zip *.p7m);;Tất cả các tệp (*)</source>
        <translation>Report packages (*.zip *.p7m);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="416"/>
        <source>Văn phòng gửi lần đầu</source>
        <translation>First package from an office</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="417"/>
        <source>Lần đầu nhận gói của:
{offices}

Hãy gọi điện cho văn phòng đó và so từng nhóm ký tự của dấu vân tay. Đúng hết thì mới tin cậy. Tin cậy và nhận các gói này?</source>
        <translation>First package from:
{offices}

Call that office and compare the fingerprint group by group. Trust it only if every group matches. Trust and take in these packages?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="427"/>
        <source>Đã nhận</source>
        <translation>Taken in</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="427"/>
        <source>Đã nhận, thay gói cũ</source>
        <translation>Taken in, replaces the earlier package</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="428"/>
        <source>Đã có</source>
        <translation>Already taken in</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="428"/>
        <source>Từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="428"/>
        <source>Hợp lệ (chưa nhận)</source>
        <translation>Valid (not taken in)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="434"/>
        <source>Biên nhận: {path}</source>
        <translation>Receipt: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="436"/>
        <source>Người ký: {signer}; vân tay {fp}</source>
        <translation>Signed by: {signer}; fingerprint {fp}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="438"/>
        <source>{file} (niêm phong)</source>
        <translation>{file} (sealed)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="444"/>
        <source>Chọn gói cần kiểm tra</source>
        <translation>Choose the packages to check</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="470"/>
        <source>chờ gửi</source>
        <translation>queued</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="470"/>
        <source>đang gửi (bị ngắt?)</source>
        <translation>sending (interrupted?)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="470"/>
        <source>đã gửi</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="471"/>
        <source>lỗi</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="490"/>
        <source>Hãy chọn trong hộp thư đi thư bị lỗi cần gửi lại.</source>
        <translation>Select the failed message in the outbox to send again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/exchange.py" line="507"/>
        <source>Không có thư nào cần gửi lúc này.</source>
        <translation>No message is due to be sent now.</translation>
    </message>
</context>
<context>
    <name>ExemptDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/exempt.py" line="24"/>
        <source>Miễn thực hiện</source>
        <translation>Exempt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exempt.py" line="26"/>
        <source>Miễn</source>
        <translation>Exempt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exempt.py" line="32"/>
        <source>… và {n} ô khác</source>
        <translation>… and {n} more cells</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exempt.py" line="37"/>
        <source>ví dụ: không phát sinh, mới thành lập</source>
        <translation>e.g. nothing to report, newly founded</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/exempt.py" line="38"/>
        <source>Lý do miễn (*)</source>
        <translation>Reason (*)</translation>
    </message>
</context>
<context>
    <name>FirstStartWizard</name>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="36"/>
        <source>Bắt đầu dùng Theo dõi</source>
        <translation>Getting started with Theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="38"/>
        <source>Tiếp &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="39"/>
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="40"/>
        <source>Bắt đầu</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="41"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="46"/>
        <source>Chào mừng đến với Theo dõi</source>
        <translation>Welcome to Theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="47"/>
        <source>Sổ theo dõi văn bản chỉ đạo, yêu cầu và báo cáo của các công đoàn cơ sở.</source>
        <translation>A register for tracking directives, requirements and reports of grassroots trade unions.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="48"/>
        <source>Khai báo văn phòng của tôi</source>
        <translation>Set up my office</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="49"/>
        <source>Mở văn phòng mẫu để xem thử (dữ liệu demo)</source>
        <translation>Open a sample office to try it out (demo data)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="57"/>
        <source>Văn phòng của bạn</source>
        <translation>Your office</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="58"/>
        <source>Thông tin này in trên phần đầu các văn bản đi.</source>
        <translation>This information is printed at the top of outgoing documents.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="68"/>
        <source>Tên văn phòng (*)</source>
        <translation>Office name (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="69"/>
        <source>Cơ quan cấp trên</source>
        <translation>Superior body</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="70"/>
        <source>Địa danh</source>
        <translation>Place name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="71"/>
        <source>Ký hiệu trong số văn bản</source>
        <translation>Code used in document numbers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="75"/>
        <source>Người ký văn bản</source>
        <translation>Document signer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="80"/>
        <source>Thẩm quyền ký</source>
        <translation>Signing authority</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="81"/>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="116"/>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="82"/>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="116"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="85"/>
        <source>Nơi lưu dữ liệu</source>
        <translation>Data location</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="86"/>
        <source>Toàn bộ dữ liệu nằm trong một tệp trên máy này. Nên sao lưu thường xuyên.</source>
        <translation>All data is kept in a single file on this computer. Back it up regularly.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="89"/>
        <source>Chọn thư mục khác…</source>
        <translation>Choose another folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="95"/>
        <source>Tệp dữ liệu:</source>
        <translation>Data file:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="119"/>
        <source>Người ký văn bản: hãy nhập {fields} (in ở khối chữ ký của văn bản đi).</source>
        <translation>Document signer: enter {fields} (printed in the signature block of outgoing documents).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="120"/>
        <source> và </source>
        <translation> and </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_start.py" line="130"/>
        <source>Chọn thư mục lưu dữ liệu</source>
        <translation>Choose a folder for the data</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="23"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="24"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FormsImportDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="49"/>
        <source>Nhận phiếu báo cáo</source>
        <translation>Take in report forms</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="54"/>
        <source>Kéo thả vào đây các phiếu đơn vị gửi về: tệp .xlsx, cả thư mục, tệp nén .zip hoặc thư đã lưu (.eml). Xem trước rồi bấm “Ghi nhận”.</source>
        <translation>Drop here the forms the units sent back: .xlsx files, whole folders, .zip archives or saved e-mails (.eml). Check the preview, then press “Record”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="57"/>
        <source>Thêm &amp;tệp…</source>
        <translation>Add &amp;files…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="59"/>
        <source>Thêm thư &amp;mục…</source>
        <translation>Add f&amp;older…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="61"/>
        <source>Ngày nhận</source>
        <translation>Date received</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="62"/>
        <source>Để trống: phiếu trong thư lấy ngày của thư, phiếu khác lấy ngày hôm nay</source>
        <translation>If empty: forms in an e-mail take the e-mail&apos;s date, other forms today&apos;s date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="68"/>
        <source>Ngày nhận (phiếu không kèm thư):</source>
        <translation>Date received (forms not in an e-mail):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="72"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="72"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="72"/>
        <source>Số liệu</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="72"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="73"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="79"/>
        <source>&amp;Ghi nhận</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="82"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="131"/>
        <source>Chọn phiếu báo cáo</source>
        <translation>Choose report forms</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="132"/>
        <source>Phiếu báo cáo (*.xlsx *.zip *.eml);;Tất cả các tệp (*)</source>
        <translation>Report forms (*.xlsx *.zip *.eml);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="137"/>
        <source>Thư mục phiếu trả về</source>
        <translation>Folder of returned forms</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="159"/>
        <source>Đang đọc phiếu</source>
        <translation>Reading the forms</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="170"/>
        <source>Đang ghi nhận phiếu</source>
        <translation>Recording the forms</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="179"/>
        <source>ghi mới</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="179"/>
        <source>đính chính</source>
        <translation>correction</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="179"/>
        <source>đã có</source>
        <translation>already recorded</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="180"/>
        <source>chưa khớp</source>
        <translation>unmatched</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="180"/>
        <source>từ chối</source>
        <translation>refused</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="199"/>
        <source>Đã ghi: </source>
        <translation>Recorded: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="199"/>
        <source>Xem trước, chưa ghi gì: </source>
        <translation>Preview, nothing recorded yet: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_import.py" line="206"/>
        <source>— chọn đơn vị —</source>
        <translation>— choose the unit —</translation>
    </message>
</context>
<context>
    <name>FormsMakeDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="53"/>
        <source>Phiếu báo cáo: {title}</source>
        <translation>Report forms: {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="58"/>
        <source>Kỳ {n}, hạn {due}</source>
        <translation>Period {n}, due {due}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="64"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="69"/>
        <source>Làm thêm phiếu giấy (PDF) cho đơn vị trả lời trên giấy</source>
        <translation>Also make paper forms (PDF) for units that answer on paper</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="71"/>
        <source>Gửi thư kèm phiếu cho đơn vị có địa chỉ thư (qua hộp thư đi)</source>
        <translation>E-mail the form to units that have an e-mail address (through the outbox)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="73"/>
        <source>Kỳ:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="74"/>
        <source>Thư mục:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="79"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="79"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="79"/>
        <source>Thư điện tử</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="79"/>
        <source>Tệp phiếu</source>
        <translation>Form file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="83"/>
        <source>Mỗi đơn vị một phiếu Excel điền sẵn tên đơn vị, yêu cầu, hạn và các chỉ tiêu.</source>
        <translation>One Excel form per unit, filled in with the unit&apos;s name, the requirement, the due date and the indicators.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="88"/>
        <source>Tin nhắn Zalo của đơn vị đang chọn</source>
        <translation>Zalo message for the selected unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="92"/>
        <source>&amp;Làm phiếu</source>
        <translation>&amp;Make forms</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="95"/>
        <source>Chép tin nhắn &amp;Zalo</source>
        <translation>Copy &amp;Zalo messages</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="96"/>
        <source>Chép tin nhắn của các đơn vị đang chọn để dán vào Zalo</source>
        <translation>Copy the messages for the selected units to paste into Zalo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="98"/>
        <source>Mở &amp;thư mục</source>
        <translation>Open &amp;folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="100"/>
        <source>&amp;Nhận phiếu trả về…</source>
        <translation>&amp;Take in returned forms…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="104"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="120"/>
        <source>Thư mục ghi phiếu</source>
        <translation>Folder for the forms</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="129"/>
        <source>Đang làm phiếu báo cáo</source>
        <translation>Making the report forms</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="139"/>
        <source>— (gửi qua Zalo)</source>
        <translation>— (send by Zalo)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="147"/>
        <source> {n} thư đã vào hộp thư đi.</source>
        <translation> {n} e-mail(s) queued in the outbox.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="148"/>
        <source>Đã làm {n} phiếu trong {folder} và tệp nén {zip}.{mail} Chọn đơn vị rồi bấm “Chép tin nhắn Zalo” để dán cho đơn vị kèm tệp phiếu.</source>
        <translation>Made {n} form(s) in {folder} and the archive {zip}.{mail} Select units, then press “Copy Zalo messages” to paste the message to each unit along with its form file.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="160"/>
        <source>Đã chép {n} tin nhắn; dán (Ctrl+V) vào Zalo của đơn vị.</source>
        <translation>Copied {n} message(s); paste them (Ctrl+V) into the unit&apos;s Zalo chat.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/forms_make.py" line="169"/>
        <source>Mở thư mục phiếu</source>
        <translation>Open the forms folder</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../desktop/ui/dialogs/help.py" line="64"/>
        <location filename="../../desktop/ui/dialogs/help.py" line="68"/>
        <source>Hướng dẫn sử dụng</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/help.py" line="65"/>
        <source>Không tìm thấy tệp hướng dẫn trong thư mục cài đặt; hãy cài lại Theo dõi.</source>
        <translation>The user guide is missing from the installation folder; reinstall Theo dõi.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_history.py" line="12"/>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_history.py" line="13"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_history.py" line="14"/>
        <source>Khối</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_history.py" line="15"/>
        <source>Chủ tịch</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_history.py" line="16"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_history.py" line="17"/>
        <source>Thư điện tử</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_history.py" line="18"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_history.py" line="19"/>
        <source>Đoàn viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_history.py" line="20"/>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_history.py" line="21"/>
        <source>Lao động</source>
        <translation>Workers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_history.py" line="22"/>
        <source>Ngày thành lập</source>
        <translation>Date founded</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_history.py" line="23"/>
        <source>Ngày thôi hoạt động</source>
        <translation>Inactive from</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_history.py" line="24"/>
        <source>Sáp nhập vào (mã số)</source>
        <translation>Merged into (ID)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_history.py" line="32"/>
        <source>Lịch sử: {name}</source>
        <translation>History: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_history.py" line="36"/>
        <source>Tạo mới</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_history.py" line="36"/>
        <source>Sửa</source>
        <translation>Edited</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_history.py" line="36"/>
        <source>Xóa</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_history.py" line="48"/>
        <source>Chưa có thay đổi nào.</source>
        <translation>No changes yet.</translation>
    </message>
</context>
<context>
    <name>ImportTrackingDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/import_tracking.py" line="42"/>
        <source>Nhập bảng theo dõi: {title}</source>
        <translation>Import tracking sheet: {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_tracking.py" line="47"/>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_tracking.py" line="56"/>
        <source>Kỳ {n}, hạn {due}</source>
        <translation>Period {n}, due {due}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_tracking.py" line="60"/>
        <source>Vẫn nhập, bỏ qua các dòng có tên đơn vị không khớp</source>
        <translation>Import anyway, skipping rows whose unit name matches no unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_tracking.py" line="63"/>
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_tracking.py" line="64"/>
        <source>Kỳ:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_tracking.py" line="68"/>
        <source>Nhập</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_tracking.py" line="70"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_tracking.py" line="81"/>
        <source>Chọn bảng theo dõi</source>
        <translation>Choose the tracking sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_tracking.py" line="81"/>
        <source>Bảng tính (*.xlsx *.xls *.ods *.csv);;Tất cả các tệp (*)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_tracking.py" line="130"/>
        <source>Đã nhập: </source>
        <translation>Imported: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_tracking.py" line="132"/>
        <source>Nếu nhập: </source>
        <translation>If imported: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_tracking.py" line="134"/>
        <source>Chưa nhập gì vì còn tên đơn vị không khớp. </source>
        <translation>Nothing imported: some unit names match no unit. </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_tracking.py" line="135"/>
        <source>ghi mới {c}, cập nhật {u}, không đổi {n}, bỏ qua {s} dòng, không khớp {m} dòng.</source>
        <translation>{c} new, {u} updated, {n} unchanged, {s} row(s) skipped, {m} row(s) unmatched.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_tracking.py" line="138"/>
        <source> — có phải: {names}?</source>
        <translation> — did you mean: {names}?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_tracking.py" line="139"/>
        <source>Dòng {row}: không tìm thấy đơn vị “{name}”{hint}</source>
        <translation>Row {row}: no unit “{name}”{hint}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_tracking.py" line="141"/>
        <source>Dòng {row}: {reason}</source>
        <translation>Row {row}: {reason}</translation>
    </message>
</context>
<context>
    <name>ImportUnitsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="43"/>
        <source>— bỏ qua cột này —</source>
        <translation>— skip this column —</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="44"/>
        <source>Mã đơn vị</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="45"/>
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="46"/>
        <source>Khối</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="47"/>
        <source>Loại đơn vị</source>
        <translation>Unit type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="48"/>
        <source>Chủ tịch</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="49"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="50"/>
        <source>Thư điện tử</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="51"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="52"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="53"/>
        <source>Số đoàn viên</source>
        <translation>Number of members</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="54"/>
        <source>Đoàn viên nữ</source>
        <translation>Female members</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="55"/>
        <source>Số lao động</source>
        <translation>Number of workers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="56"/>
        <source>Ngày thành lập</source>
        <translation>Date founded</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="76"/>
        <source>Nhập danh sách đơn vị</source>
        <translation>Import unit list</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="81"/>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="84"/>
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="88"/>
        <source>Cột trong tệp → thông tin của đơn vị</source>
        <translation>Column in file → unit field</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="99"/>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="245"/>
        <source>Nhập</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="101"/>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="157"/>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="163"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="108"/>
        <source>Xem trước:</source>
        <translation>Preview:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="116"/>
        <source>Chọn danh sách đơn vị</source>
        <translation>Choose the unit list</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="116"/>
        <source>Danh sách đơn vị (*.xlsx *.xls *.ods *.csv);;Tất cả các tệp (*)</source>
        <translation>Unit lists (*.xlsx *.xls *.ods *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="149"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="189"/>
        <source>Nếu nhập: </source>
        <translation>If imported: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="189"/>
        <source>Đã nhập: </source>
        <translation>Imported: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="191"/>
        <source>thêm mới {c}, cập nhật {u}, không đổi {n}, bỏ qua {s} dòng.</source>
        <translation>{c} added, {u} updated, {n} unchanged, {s} row(s) skipped.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="196"/>
        <source>Dòng {row}: {reason}</source>
        <translation>Row {row}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="240"/>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="240"/>
        <source>Kết quả</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_units.py" line="245"/>
        <source>Bỏ qua: {reason}</source>
        <translation>Skipped: {reason}</translation>
    </message>
</context>
<context>
    <name>IndicatorTable</name>
    <message>
        <location filename="../../desktop/ui/widgets/indicator_table.py" line="19"/>
        <source>Tên chỉ tiêu</source>
        <translation>Indicator name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/indicator_table.py" line="19"/>
        <source>Khóa (tự đặt)</source>
        <translation>Key (derived)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/indicator_table.py" line="19"/>
        <source>Đơn vị tính</source>
        <translation>Unit of measure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/indicator_table.py" line="27"/>
        <source>Thêm chỉ tiêu</source>
        <translation>Add an indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/indicator_table.py" line="28"/>
        <source>Xóa dòng đã chọn</source>
        <translation>Remove the selected rows</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="35"/>
        <source>Tạo khóa ký số của văn phòng</source>
        <translation>Create the office&apos;s signing key</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="40"/>
        <source>Khóa ký số dùng để ký các gói báo cáo gửi lên cấp trên. Chỉ tạo một lần; giữ tệp khóa và mật khẩu ở nơi an toàn, và chép một bản dự phòng sang USB cất riêng.</source>
        <translation>The signing key signs the report packages sent to the office above. Create it once; keep the key file and its passphrase safe, and copy a backup to a USB stick kept apart.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="46"/>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="50"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="49"/>
        <source>thư mục trên USB cất riêng (nên có)</source>
        <translation>a folder on a USB stick kept apart (recommended)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="59"/>
        <source>Tên văn phòng (*)</source>
        <translation>Office name (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="60"/>
        <source>Tệp khóa</source>
        <translation>Key file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="61"/>
        <source>Bản dự phòng</source>
        <translation>Backup copy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="62"/>
        <source>Mật khẩu (*)</source>
        <translation>Passphrase (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="63"/>
        <source>Nhập lại mật khẩu (*)</source>
        <translation>Passphrase again (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="65"/>
        <source>Tạo khóa</source>
        <translation>Create the key</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="69"/>
        <source>Lưu tệp khóa</source>
        <translation>Save the key file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="69"/>
        <source>Tệp khóa (*.p12)</source>
        <translation>Key file (*.p12)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="74"/>
        <source>Thư mục chép bản dự phòng</source>
        <translation>Folder for the backup copy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="80"/>
        <source>Độ mạnh của mật khẩu: {word}.</source>
        <translation>Passphrase strength: {word}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="82"/>
        <source>Hai lần nhập chưa giống nhau.</source>
        <translation>The two entries differ.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="91"/>
        <source>Hai lần nhập mật khẩu không giống nhau; chưa tạo khóa.</source>
        <translation>The two passphrases differ; no key was created.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="97"/>
        <source>Đang tạo khóa…</source>
        <translation>Creating the key…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="105"/>
        <source>Đã tạo khóa ký số</source>
        <translation>Signing key created</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="106"/>
        <source>Đã tạo khóa trong {file}{backup}.

Dấu vân tay, đọc qua điện thoại cho văn phòng cấp trên khi họ nhận gói báo cáo đầu tiên:</source>
        <translation>The key was created in {file}{backup}.

Fingerprint, to read out over the phone to the office above when it takes in your first report package:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/key_create.py" line="109"/>
        <source> và bản dự phòng trong {path}</source>
        <translation> and its backup copy in {path}</translation>
    </message>
</context>
<context>
    <name>LevelsPanel</name>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="77"/>
        <source>chờ duyệt</source>
        <translation>awaiting review</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="77"/>
        <source>đã chấp nhận</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="78"/>
        <source>trả lại để bổ sung</source>
        <translation>returned for completion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="82"/>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="99"/>
        <source>Văn bản</source>
        <translation>Directive</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="82"/>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="115"/>
        <source>Yêu cầu</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="82"/>
        <source>Cấp trên giao</source>
        <translation>Assigned by</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="83"/>
        <source>Hạn cấp trên</source>
        <translation>Due date above</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="83"/>
        <source>Hạn của văn phòng</source>
        <translation>Our due date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="83"/>
        <source>Chỉ tiêu</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="84"/>
        <source>Nhận gói &amp;giao nhiệm vụ…</source>
        <translation>Take in &amp;assignment packages…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="86"/>
        <source>Đặt &amp;hạn riêng cho đơn vị…</source>
        <translation>Set our own &amp;deadline for units…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="91"/>
        <source>Nhận từ cấp trên</source>
        <translation>From the office above</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="96"/>
        <source>Chưa có văn bản nào</source>
        <translation>No directives yet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="97"/>
        <source>&amp;Ký và ghi gói giao nhiệm vụ</source>
        <translation>Sign and &amp;write the assignment package</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="99"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="99"/>
        <source>Chiều</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="99"/>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="100"/>
        <source>Văn phòng ký</source>
        <translation>Signing office</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="100"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="104"/>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="257"/>
        <source>Giao xuống</source>
        <translation>Assigned down</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="108"/>
        <source>Ngày gửi</source>
        <translation>Date sent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="108"/>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="116"/>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="131"/>
        <source>Báo cáo số</source>
        <translation>Report no.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="108"/>
        <source>Cấp trên</source>
        <translation>Office above</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="108"/>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="132"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="109"/>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="132"/>
        <source>Gửi lại trước</source>
        <translation>Resubmit by</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="111"/>
        <source>Đã gửi lên</source>
        <translation>Sent up</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="115"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="115"/>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="131"/>
        <source>Văn phòng gửi</source>
        <translation>Sending office</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="115"/>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="116"/>
        <source>Ngày nhận</source>
        <translation>Date received</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="116"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="117"/>
        <source>&amp;Chấp nhận</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="119"/>
        <source>&amp;Trả lại để bổ sung…</source>
        <translation>&amp;Return for completion…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="121"/>
        <source>Ngày nhận của bản &amp;sửa…</source>
        <translation>Date received of &amp;corrections…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="126"/>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="176"/>
        <source>Chờ duyệt</source>
        <translation>Awaiting review</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="131"/>
        <source>Trả lại ngày</source>
        <translation>Returned on</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="132"/>
        <source>Bản sửa</source>
        <translation>Correction</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="134"/>
        <source>Đã trả lại</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="163"/>
        <source>nhận từ cấp trên</source>
        <translation>received from above</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="163"/>
        <source>giao xuống</source>
        <translation>assigned down</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="175"/>
        <source>đã nhận bản sửa</source>
        <translation>correction received</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="175"/>
        <source>chưa có</source>
        <translation>not yet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="176"/>
        <source>Chờ duyệt ({n})</source>
        <translation>Awaiting review ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="180"/>
        <source>trả lại ngày {d}</source>
        <translation>returned on {d}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="182"/>
        <source>đã chấp nhận ngày {d}</source>
        <translation>accepted on {d}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="184"/>
        <source>đã nhận ngày {d}</source>
        <translation>received on {d}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="185"/>
        <source>chưa có biên nhận</source>
        <translation>no receipt yet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="189"/>
        <source>Chọn gói giao nhiệm vụ</source>
        <translation>Choose assignment packages</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="190"/>
        <source>Gói giao nhiệm vụ (*.zip *.p7m);;Tất cả các tệp (*)</source>
        <translation>Assignment packages (*.zip *.p7m);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="206"/>
        <source>Đã vào sổ</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="206"/>
        <source>Đã cập nhật</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="206"/>
        <source>Đã có</source>
        <translation>Already registered</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="207"/>
        <source>Từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="218"/>
        <source>Văn phòng cấp trên giao nhiệm vụ lần đầu</source>
        <translation>First assignment from the office above</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="219"/>
        <source>Gói giao nhiệm vụ của “{office}”, vân tay:
{fp}

Hãy gọi điện cho văn phòng cấp trên và so từng nhóm ký tự. Đúng hết thì mới tin cậy. Tin cậy và nhận?</source>
        <translation>Assignment package from “{office}”, fingerprint:
{fp}

Call the office above and compare the fingerprint group by group. Trust it only if every group matches. Trust and take it in?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="232"/>
        <source>Hạn riêng</source>
        <translation>Own deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="232"/>
        <source>Hãy chọn một yêu cầu cấp trên giao.</source>
        <translation>Select a requirement assigned by the office above.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="235"/>
        <source>Hạn riêng của văn phòng</source>
        <translation>This office&apos;s own deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="236"/>
        <source>Hạn cho các đơn vị trực thuộc (dd/mm/yyyy), không sau hạn cấp trên:</source>
        <translation>Deadline for the member units (dd/mm/yyyy), no later than the office above&apos;s:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="255"/>
        <source>Ghi gói giao nhiệm vụ vào</source>
        <translation>Write the assignment package to</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="257"/>
        <source>Hãy chọn văn bản và nơi ghi gói.</source>
        <translation>Choose the directive and where to write the package.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="264"/>
        <source>Đã ghi và kiểm tra {name} (phiên bản {v}, {n} yêu cầu) — an toàn để rút USB.
Vân tay người ký: {fp}</source>
        <translation>{name} written and checked (version {v}, {n} requirement(s)) — safe to remove the USB stick.
Signer fingerprint: {fp}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="274"/>
        <source>Duyệt báo cáo</source>
        <translation>Review reports</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="274"/>
        <source>Hãy chọn một báo cáo chờ duyệt.</source>
        <translation>Select a report awaiting review.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="288"/>
        <source>Đã chấp nhận báo cáo số {n} của “{o}”.</source>
        <translation>Report no. {n} from “{o}” accepted.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="307"/>
        <source>Ghi thông báo trả lại vào</source>
        <translation>Write the return notice to</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="316"/>
        <source>Đã trả lại báo cáo số {n} của “{o}”; thông báo ký số để gửi đơn vị: {p}</source>
        <translation>Report no. {n} from “{o}” returned; the signed notice to send to the unit: {p}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="327"/>
        <source>Ngày nhận bản đầu, nếu bản sửa đến đúng hạn gửi lại</source>
        <translation>The first version&apos;s date, if the correction arrives by its resubmission deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="328"/>
        <source>Luôn tính ngày nhận bản đầu</source>
        <translation>Always the date the first version was received</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="328"/>
        <source>Tính ngày nhận bản sửa</source>
        <translation>The date the correction was received</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="330"/>
        <source>Ngày nhận của báo cáo sửa lại</source>
        <translation>Date received of a corrected report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/exchange_levels.py" line="331"/>
        <source>Báo cáo bị trả lại rồi sửa, tính đúng hạn theo:</source>
        <translation>For a report returned and then corrected, judge whether it was on time by:</translation>
    </message>
</context>
<context>
    <name>MailSettingsBox</name>
    <message>
        <location filename="../../desktop/ui/widgets/mail_settings.py" line="17"/>
        <source>Thư điện tử (gửi gói báo cáo)</source>
        <translation>E-mail (sending report packages)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/mail_settings.py" line="25"/>
        <source>Không mã hóa</source>
        <translation>No encryption</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/mail_settings.py" line="32"/>
        <source>để trống nếu không đổi</source>
        <translation>leave empty to keep</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/mail_settings.py" line="33"/>
        <source>Lưu cài đặt thư</source>
        <translation>Save e-mail settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/mail_settings.py" line="36"/>
        <source>Máy chủ SMTP</source>
        <translation>SMTP server</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/mail_settings.py" line="37"/>
        <source>Cổng</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/mail_settings.py" line="38"/>
        <source>Bảo mật</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/mail_settings.py" line="39"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/mail_settings.py" line="40"/>
        <source>Địa chỉ gửi</source>
        <translation>From address</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/mail_settings.py" line="41"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/mail_settings.py" line="59"/>
        <location filename="../../desktop/ui/widgets/mail_settings.py" line="72"/>
        <source>Thư điện tử</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/mail_settings.py" line="59"/>
        <source>Chưa lưu: còn thiếu {fields}. Hãy nhập đủ rồi bấm “Lưu cài đặt thư”.</source>
        <translation>Not saved: {fields} missing. Fill them in, then press “Save mail settings”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/mail_settings.py" line="72"/>
        <source>Đã lưu cài đặt thư.</source>
        <translation>E-mail settings saved.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/mainwindow.py" line="25"/>
        <source>Theo dõi</source>
        <translation>Theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mainwindow.py" line="55"/>
        <source>Dữ liệu: {path}</source>
        <translation>Data: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mainwindow.py" line="59"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mainwindow.py" line="60"/>
        <source>&amp;Nhập danh sách đơn vị…</source>
        <translation>&amp;Import unit list…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mainwindow.py" line="65"/>
        <source>&amp;Thoát</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mainwindow.py" line="70"/>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mainwindow.py" line="77"/>
        <source>&amp;Làm mới</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mainwindow.py" line="82"/>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mainwindow.py" line="83"/>
        <source>&amp;Hướng dẫn sử dụng</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mainwindow.py" line="87"/>
        <source>&amp;Kiểm tra máy</source>
        <translation>&amp;Check this PC</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mainwindow.py" line="90"/>
        <source>&amp;Nhật ký thay đổi</source>
        <translation>&amp;Change log</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/mainwindow.py" line="94"/>
        <source>&amp;Giới thiệu Theo dõi</source>
        <translation>&amp;About Theo dõi</translation>
    </message>
</context>
<context>
    <name>MemberOfficesBox</name>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="27"/>
        <source>Văn phòng trực thuộc theo yêu cầu đã giao</source>
        <translation>Member offices by assigned requirement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="29"/>
        <source>Văn phòng</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="29"/>
        <source>Yêu cầu</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="29"/>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="30"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="30"/>
        <source>Ngày nhận</source>
        <translation>Date received</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="30"/>
        <source>Báo cáo số</source>
        <translation>Report no.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="35"/>
        <source>chưa gửi</source>
        <translation>not sent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="35"/>
        <source>chờ duyệt</source>
        <translation>awaiting review</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="36"/>
        <source>đã chấp nhận</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="36"/>
        <source>trả lại để bổ sung</source>
        <translation>returned for completion</translation>
    </message>
</context>
<context>
    <name>MemberUnitsPanel</name>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="80"/>
        <source>Đơn vị của “{office}” theo gói báo cáo</source>
        <translation>Units of “{office}” from its report package</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="81"/>
        <source>{n} đơn vị; tổng: {totals}</source>
        <translation>{n} unit(s); totals: {totals}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="84"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="84"/>
        <source>Khối</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="84"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="85"/>
        <source>Ngày nhận</source>
        <translation>Date received</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="86"/>
        <source>đúng hạn</source>
        <translation>on time</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="86"/>
        <source>chậm</source>
        <translation>late</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="86"/>
        <source>chưa nộp</source>
        <translation>missing</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="87"/>
        <source>miễn</source>
        <translation>exempt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/member_offices.py" line="87"/>
        <source>chưa đến hạn</source>
        <translation>not yet due</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../desktop/ui/widgets/pdf_preview.py" line="22"/>
        <source>Thu nhỏ</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/pdf_preview.py" line="23"/>
        <source>Phóng to</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/pdf_preview.py" line="24"/>
        <source>Vừa chiều rộng</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/pdf_preview.py" line="26"/>
        <source>Cả trang</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/pdf_preview.py" line="31"/>
        <source>Xem trước:</source>
        <translation>Preview:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/pdf_preview.py" line="78"/>
        <source>vừa chiều rộng</source>
        <translation>fit width</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/pdf_preview.py" line="80"/>
        <source>cả trang</source>
        <translation>whole page</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="98"/>
        <source>kỳ gần nhất</source>
        <translation>latest period</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="103"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="126"/>
        <source>Mỗi dòng một nơi nhận; để trống: cơ quan cấp trên (để b/c).</source>
        <translation>One recipient per line; if empty: the superior body (for reporting).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="130"/>
        <source>Văn bản</source>
        <translation>Directive</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="131"/>
        <source>Yêu cầu</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="132"/>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="99"/>
        <location filename="../../desktop/ui/screens/reports.py" line="133"/>
        <source>Số liệu tính đến ngày</source>
        <translation>Figures as of</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="101"/>
        <location filename="../../desktop/ui/screens/reports.py" line="134"/>
        <source>Ngày ban hành</source>
        <translation>Date issued</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="112"/>
        <source>&amp;Lưu bản thảo</source>
        <translation>&amp;Save draft</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="113"/>
        <location filename="../../desktop/ui/screens/reports.py" line="354"/>
        <source>Viết lại từ số liệu</source>
        <translation>Rewrite from the figures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="114"/>
        <source>Xuất &amp;Word…</source>
        <translation>Export to &amp;Word…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="122"/>
        <source>Kèm bản Word (.docx) khi ban hành</source>
        <translation>Also make a Word copy (.docx) when issuing</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="123"/>
        <source>Phụ lục từng đơn vị trong PDF cả khi quá 300 đơn vị</source>
        <translation>Per-unit annex in the PDF even with more than 300 units</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="135"/>
        <source>Lưu vào thư mục</source>
        <translation>Save to folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="136"/>
        <source>Nơi nhận</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="137"/>
        <source>Bản thảo (số liệu và phụ lục lấy từ dữ liệu, không sửa ở đây)</source>
        <translation>Draft (the figures and annexes come from the data and are not edited here)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="145"/>
        <source>&amp;Xem trước</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="146"/>
        <source>&amp;Ban hành (lấy số)</source>
        <translation>&amp;Issue (assign number)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="147"/>
        <source>Đánh số trong sổ văn bản đi, làm PDF và Excel từ bản thảo</source>
        <translation>Number it in the outgoing document register and make the PDF and Excel files from the draft</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="148"/>
        <source>&amp;In…</source>
        <translation>P&amp;rint…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="149"/>
        <source>Mở &amp;thư mục</source>
        <translation>Open &amp;folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="150"/>
        <source>Công văn đôn đốc…</source>
        <translation>Urging letter…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="173"/>
        <source>Số, ký hiệu</source>
        <translation>Number and code</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="174"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="175"/>
        <source>Trích yếu</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="176"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="184"/>
        <source>Sổ văn bản đi</source>
        <translation>Outgoing document register</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="185"/>
        <source>Xuất sổ ra Excel</source>
        <translation>Export the register to Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="209"/>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="234"/>
        <source>Đã xuất sổ văn bản đi: {path}</source>
        <translation>Register of outgoing documents exported: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="240"/>
        <source>Mọi yêu cầu đã đến hạn</source>
        <translation>All requirements due</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="314"/>
        <source>Bản thảo đã lưu {when}; chưa ban hành.</source>
        <translation>Draft saved {when}; not issued yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="316"/>
        <source>Bản thảo mới: lời văn tạo từ số liệu, hãy sửa cho đúng thực tế.</source>
        <translation>New draft: the wording is generated from the figures; edit it to match what actually happened.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="355"/>
        <source>Bỏ lời văn đã viết trong bản thảo và dùng lại lời văn tạo từ số liệu?</source>
        <translation>Discard the wording written in the draft and go back to the wording generated from the figures?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="380"/>
        <source>Đã xuất bản thảo ra Word (số để trống): {path}</source>
        <translation>Draft exported to Word (number left blank): {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="383"/>
        <source>Chọn thư mục lưu văn bản</source>
        <translation>Choose a folder for the documents</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="414"/>
        <source>Bản xem trước: {n} trang; chưa lấy số.</source>
        <translation>Preview: {n} page(s); no number assigned yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="421"/>
        <source>Ban hành báo cáo</source>
        <translation>Issue the report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="422"/>
        <source>Ban hành báo cáo: lấy số tiếp theo trong sổ văn bản đi và làm PDF, Excel{docx} từ bản thảo này? Số đã lấy không dùng lại được.</source>
        <translation>Issue the report: take the next number in the outgoing document register and make the PDF, Excel{docx} files from this draft? A number once taken cannot be used again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="423"/>
        <source>, Word</source>
        <translation>, Word</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="433"/>
        <source>Đã ban hành báo cáo số {number}:
{files}</source>
        <translation>Report no. {number} issued:
{files}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="451"/>
        <source>Công văn đôn đốc</source>
        <translation>Urging letter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="451"/>
        <source>Hãy chọn một yêu cầu cụ thể để đôn đốc.</source>
        <translation>Please choose a specific requirement to urge units about.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="462"/>
        <source>Đã ban hành công văn đôn đốc số {number} gửi {n} đơn vị.
Danh sách gọi điện: {calls}</source>
        <translation>Issued urging letter no. {number} to {n} unit(s).
Units to call: {calls}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/reports.py" line="476"/>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
</context>
<context>
    <name>RequirementDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/requirement_edit.py" line="21"/>
        <source>Thêm yêu cầu cho văn bản {number}</source>
        <translation>Add requirement to directive {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/requirement_edit.py" line="26"/>
        <source>Ví dụ: Xây dựng kế hoạch thực hiện</source>
        <translation>For example: Draw up an implementation plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/requirement_edit.py" line="28"/>
        <source>Một lần</source>
        <translation>Once</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/requirement_edit.py" line="29"/>
        <source>3 tháng/lần</source>
        <translation>Every 3 months</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/requirement_edit.py" line="30"/>
        <source>6 tháng/lần</source>
        <translation>Every 6 months</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/requirement_edit.py" line="31"/>
        <source>Hằng năm</source>
        <translation>Yearly</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/requirement_edit.py" line="37"/>
        <source>Chỉ tiêu (số liệu đơn vị báo cáo)</source>
        <translation>Indicators (figures the units report)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/requirement_edit.py" line="34"/>
        <source>Yêu cầu (*)</source>
        <translation>Requirement (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/requirement_edit.py" line="35"/>
        <source>Tần suất</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/requirement_edit.py" line="36"/>
        <source>Hạn (kỳ đầu)</source>
        <translation>Due date (first period)</translation>
    </message>
</context>
<context>
    <name>RetireDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/retire_unit.py" line="16"/>
        <source>Thôi hoạt động / Sáp nhập</source>
        <translation>Deactivate / Merge</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/retire_unit.py" line="19"/>
        <source>“{name}” sẽ không còn được tính từ ngày thôi hoạt động; số liệu trước đó vẫn giữ nguyên.</source>
        <translation>“{name}” will no longer be counted from the date it becomes inactive; earlier figures stay unchanged.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/retire_unit.py" line="24"/>
        <source>— Giải thể, không sáp nhập —</source>
        <translation>— Dissolved, not merged —</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/retire_unit.py" line="33"/>
        <source>Ngày thôi hoạt động</source>
        <translation>Inactive from</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/retire_unit.py" line="34"/>
        <source>Sáp nhập vào</source>
        <translation>Merged into</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/retire_unit.py" line="30"/>
        <source>Đơn vị nhận sáp nhập chịu các kỳ báo cáo đơn vị này còn nợ</source>
        <translation>The unit it merges into owes the reports this unit still owes</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/return_report.py" line="26"/>
        <source>Trả lại báo cáo để bổ sung</source>
        <translation>Return the report for completion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/return_report.py" line="28"/>
        <source>Ví dụ: thiếu số liệu của Công đoàn Công ty TNHH Chè Sìn Hồ</source>
        <translation>For example: the figures of the Trade Union of Sìn Hồ Tea Co., Ltd. are missing</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/return_report.py" line="29"/>
        <source>Hạn gửi lại bản sửa:</source>
        <translation>Resubmit the correction by:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/return_report.py" line="38"/>
        <source>Báo cáo số {number} của “{office}”. Báo cáo bị trả lại không được tính cho đến khi nhận bản sửa; thông báo trả lại có ký số được ghi ra để gửi cho đơn vị.</source>
        <translation>Report no. {number} from “{office}”. A returned report does not count until its correction arrives; a signed return notice is written out to send to the unit.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/return_report.py" line="43"/>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/return_report.py" line="46"/>
        <source>Trả lại</source>
        <translation>Return</translation>
    </message>
</context>
<context>
    <name>SectionsEditor</name>
    <message>
        <location filename="../../desktop/ui/widgets/report_sections.py" line="24"/>
        <source>Kết quả</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/report_sections.py" line="25"/>
        <source>Tồn tại, nguyên nhân</source>
        <translation>Shortcomings, causes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/report_sections.py" line="26"/>
        <source>Đề xuất, kiến nghị</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/report_sections.py" line="27"/>
        <source>Kết thúc</source>
        <translation>Closing</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/report_sections.py" line="30"/>
        <source>I. Kết quả đạt được</source>
        <translation>I. Results achieved</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/report_sections.py" line="31"/>
        <source>II. Tồn tại, hạn chế và nguyên nhân</source>
        <translation>II. Shortcomings, limitations and their causes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/report_sections.py" line="32"/>
        <source>III. Đề xuất, kiến nghị</source>
        <translation>III. Proposals and recommendations</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/report_sections.py" line="33"/>
        <source>Câu kết thúc, trước chữ ký</source>
        <translation>Closing sentence, before the signature</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/report_sections.py" line="43"/>
        <source>Mỗi dòng một đoạn; để trống sẽ dùng lời văn tạo từ số liệu.</source>
        <translation>One paragraph per line; if left empty, the wording generated from the figures is used.</translation>
    </message>
</context>
<context>
    <name>SectorChart</name>
    <message>
        <location filename="../../desktop/ui/widgets/sector_chart.py" line="44"/>
        <source>Chưa có số liệu</source>
        <translation>No data yet</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../desktop/ui/screens/settings.py" line="52"/>
        <source>Văn phòng và người ký</source>
        <translation>Office and signer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/settings.py" line="55"/>
        <source>Tên văn phòng (*)</source>
        <translation>Office name (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/settings.py" line="56"/>
        <source>Cơ quan cấp trên</source>
        <translation>Superior body</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/settings.py" line="57"/>
        <source>Địa danh ghi trên văn bản</source>
        <translation>Place name on documents</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/settings.py" line="58"/>
        <source>Ký hiệu trong số văn bản</source>
        <translation>Code used in document numbers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/settings.py" line="59"/>
        <source>Thẩm quyền ký</source>
        <translation>Signing authority</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/settings.py" line="60"/>
        <source>Chức vụ người ký</source>
        <translation>Signer&apos;s position</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/settings.py" line="61"/>
        <source>Họ tên người ký</source>
        <translation>Signer&apos;s full name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/settings.py" line="64"/>
        <source>&amp;Lưu thông tin văn phòng</source>
        <translation>&amp;Save office details</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/settings.py" line="70"/>
        <location filename="../../desktop/ui/screens/settings.py" line="143"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/settings.py" line="77"/>
        <source>Ngôn ngữ giao diện</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/settings.py" line="93"/>
        <source>Khóa ký số</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/settings.py" line="94"/>
        <source>Tạo khóa ký số của văn phòng…</source>
        <translation>Create the office&apos;s signing key…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/settings.py" line="97"/>
        <source>Khóa dùng để ký các gói báo cáo gửi lên cấp trên; chỉ cần tạo một lần (hoặc dùng USB token ở màn hình Trao đổi).</source>
        <translation>The key signs the report packages sent to the office above; it is created once (or use a USB token on the Exchange screen).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/settings.py" line="99"/>
        <source>Chứng thư tin cậy…</source>
        <translation>Trusted certificates…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/settings.py" line="121"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/settings.py" line="138"/>
        <source>Đã lưu</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/settings.py" line="138"/>
        <source>Đã lưu thông tin văn phòng.</source>
        <translation>Office details saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/settings.py" line="143"/>
        <source>Ngôn ngữ mới sẽ được dùng từ lần mở Theo dõi tiếp theo.</source>
        <translation>The new language will be used the next time Theo dõi starts.</translation>
    </message>
</context>
<context>
    <name>SubmissionDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/submission.py" line="31"/>
        <source>Ghi nhận văn bản đơn vị gửi về</source>
        <translation>Record a unit&apos;s submission</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submission.py" line="41"/>
        <source>Ngày nhận (*)</source>
        <translation>Date received (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submission.py" line="42"/>
        <source>Số, ký hiệu văn bản</source>
        <translation>Document number and code</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submission.py" line="43"/>
        <source>Ngày văn bản</source>
        <translation>Document date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submission.py" line="51"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submission.py" line="53"/>
        <source>(chưa có)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submission.py" line="54"/>
        <source>Đính kèm bản chụp…</source>
        <translation>Attach a scan…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submission.py" line="61"/>
        <source>Tệp đính kèm</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submission.py" line="64"/>
        <source>Chọn tệp đính kèm</source>
        <translation>Choose files to attach</translation>
    </message>
</context>
<context>
    <name>TrackingModel</name>
    <message>
        <location filename="../../desktop/ui/widgets/tracking_model.py" line="56"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/tracking_model.py" line="59"/>
        <source>Kỳ {n}
hạn {date}</source>
        <translation>Period {n}
due {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/tracking_model.py" line="60"/>
        <source>Hạn {date}</source>
        <translation>Due {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/tracking_model.py" line="94"/>
        <source> — nhận ngày {date}</source>
        <translation> — received {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/tracking_model.py" line="96"/>
        <source>, văn bản số {number}</source>
        <translation>, document no. {number}</translation>
    </message>
</context>
<context>
    <name>TrackingScreen</name>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="48"/>
        <source>Tính đến ngày</source>
        <translation>As of</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="51"/>
        <source>Tìm đơn vị…</source>
        <translation>Search units…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="53"/>
        <source>Chỉ đơn vị chưa nộp hoặc nộp chậm</source>
        <translation>Only units missing or late</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="75"/>
        <source>&amp;Ghi nhận… (Enter)</source>
        <translation>&amp;Record… (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="76"/>
        <source>Ghi nhận &amp;hàng loạt…</source>
        <translation>Record in &amp;bulk…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="77"/>
        <source>&amp;Miễn…</source>
        <translation>&amp;Exempt…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="78"/>
        <source>&amp;Hoàn tác (Ctrl+Z)</source>
        <translation>&amp;Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="80"/>
        <source>Nhập &amp;bảng theo dõi…</source>
        <translation>Import tracking &amp;sheet…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="82"/>
        <source>&amp;Phiếu báo cáo…</source>
        <translation>Re&amp;port forms…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="83"/>
        <source>Làm phiếu Excel/giấy cho các đơn vị, nhận phiếu đã điền</source>
        <translation>Make Excel/paper forms for the units, take in the filled-in forms</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="94"/>
        <source>Yêu cầu:</source>
        <translation>Requirement:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="96"/>
        <source>Tính đến ngày:</source>
        <translation>As of:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="122"/>
        <source>Theo dõi</source>
        <translation>Tracking</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="148"/>
        <source>Chưa có yêu cầu nào. Vào “Văn bản” để thêm văn bản và yêu cầu.</source>
        <translation>No requirements yet. Go to “Directives” to add directives and requirements.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="167"/>
        <source>Kỳ gần nhất: đã nộp {done}/{total} đơn vị (đúng hạn {on}, chậm {late}), chưa nộp {missing}.</source>
        <translation>Latest period: {done}/{total} units submitted ({on} on time, {late} late), {missing} missing.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="172"/>
        <source>Chưa có kỳ nào đến hạn.</source>
        <translation>No period is due yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="207"/>
        <source>Chỉ đơn vị chưa nộp {period}</source>
        <translation>Only units missing {period}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="234"/>
        <source>Ghi nhận</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="234"/>
        <source>Hãy chọn trong bảng đơn vị và kỳ cần ghi nhận trước.</source>
        <translation>First select in the grid the unit and period to record.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="241"/>
        <source>Không áp dụng</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="241"/>
        <source>Đơn vị này không phải thực hiện kỳ này.</source>
        <translation>This unit is not required to report for this period.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="253"/>
        <source>Ghi nhận hàng loạt</source>
        <translation>Record in bulk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="253"/>
        <source>Hãy chọn các ô “chưa nộp” cần ghi nhận.</source>
        <translation>Select the “missing” cells to record.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="265"/>
        <source>Miễn</source>
        <translation>Exempt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="265"/>
        <source>Hãy chọn trong bảng ô (đơn vị, kỳ) cần miễn trước.</source>
        <translation>First select in the grid the cells (unit, period) to exempt.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="274"/>
        <source>Nhập bảng theo dõi</source>
        <translation>Import tracking sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="274"/>
        <location filename="../../desktop/ui/screens/tracking.py" line="283"/>
        <source>Hãy thêm văn bản và yêu cầu trước.</source>
        <translation>Add a directive and a requirement first.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/tracking.py" line="283"/>
        <source>Phiếu báo cáo</source>
        <translation>Report forms</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/trust.py" line="36"/>
        <location filename="../../desktop/ui/dialogs/trust.py" line="89"/>
        <location filename="../../desktop/ui/dialogs/trust.py" line="97"/>
        <location filename="../../desktop/ui/dialogs/trust.py" line="112"/>
        <location filename="../../desktop/ui/dialogs/trust.py" line="121"/>
        <source>Chứng thư tin cậy</source>
        <translation>Trusted certificates</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trust.py" line="39"/>
        <source>Vân tay</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trust.py" line="39"/>
        <source>Chứng thư</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trust.py" line="39"/>
        <source>Ký cho</source>
        <translation>Signs for</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trust.py" line="44"/>
        <source>Cài chứng thư gốc (CA)…</source>
        <translation>Install a CA root certificate…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trust.py" line="45"/>
        <source>Tin cậy chứng thư của một văn phòng…</source>
        <translation>Trust an office&apos;s own certificate…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trust.py" line="46"/>
        <location filename="../../desktop/ui/dialogs/trust.py" line="124"/>
        <source>Thôi tin cậy</source>
        <translation>Stop trusting</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trust.py" line="55"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trust.py" line="68"/>
        <source>mọi văn phòng có tên trong chứng thư do nó cấp (chứng thư gốc)</source>
        <translation>any office named in a certificate it issued (root)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trust.py" line="69"/>
        <source>riêng “{office}”</source>
        <translation>“{office}” only</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trust.py" line="70"/>
        <source>văn phòng cấp trên (ký biên nhận)</source>
        <translation>the office above (signs receipts)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trust.py" line="78"/>
        <source>Chọn tệp chứng thư</source>
        <translation>Choose the certificate file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trust.py" line="90"/>
        <source>Đã cài chứng thư gốc “{subject}” (vân tay {fp}).</source>
        <translation>Root certificate “{subject}” installed (fingerprint {fp}).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trust.py" line="97"/>
        <source>Chưa có đơn vị trực thuộc nào.</source>
        <translation>There are no member units yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trust.py" line="100"/>
        <source>Chứng thư của văn phòng</source>
        <translation>Office certificate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trust.py" line="100"/>
        <source>Văn phòng:</source>
        <translation>Office:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trust.py" line="113"/>
        <source>Đã tin cậy khóa “{subject}” (vân tay {fp}) cho riêng “{office}”.</source>
        <translation>The key “{subject}” (fingerprint {fp}) is trusted for “{office}” only.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trust.py" line="121"/>
        <source>Hãy chọn chứng thư cần thôi tin cậy.</source>
        <translation>Select the certificate to stop trusting.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trust.py" line="125"/>
        <source>Thôi tin cậy chứng thư này? Gói ký bằng nó sẽ bị từ chối cho đến khi được tin cậy lại.</source>
        <translation>Stop trusting this certificate? Packages signed with it will be refused until it is trusted again.</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_edit.py" line="18"/>
        <source>Sửa đơn vị</source>
        <translation>Edit unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_edit.py" line="18"/>
        <source>Thêm đơn vị</source>
        <translation>Add unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_edit.py" line="39"/>
        <source>Tên đơn vị (*)</source>
        <translation>Unit name (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_edit.py" line="40"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_edit.py" line="41"/>
        <source>Khối</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_edit.py" line="42"/>
        <source>Chủ tịch</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_edit.py" line="43"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_edit.py" line="44"/>
        <source>Thư điện tử</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_edit.py" line="45"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_edit.py" line="46"/>
        <source>Số đoàn viên</source>
        <translation>Number of members</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_edit.py" line="47"/>
        <source>Trong đó nữ</source>
        <translation>Of whom female</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_edit.py" line="48"/>
        <source>Số lao động</source>
        <translation>Number of workers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/unit_edit.py" line="49"/>
        <source>Ngày thành lập</source>
        <translation>Date founded</translation>
    </message>
</context>
<context>
    <name>UnitsScreen</name>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="43"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="44"/>
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="45"/>
        <source>Khối</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="46"/>
        <source>Chủ tịch</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="47"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="48"/>
        <source>Đoàn viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="49"/>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="50"/>
        <source>Lao động</source>
        <translation>Workers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="51"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="59"/>
        <source>Tìm đơn vị (gõ không dấu cũng được)…</source>
        <translation>Search units (accents optional)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="65"/>
        <location filename="../../desktop/ui/screens/units.py" line="119"/>
        <source>Đang hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="66"/>
        <source>Đã thôi hoạt động</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="67"/>
        <location filename="../../desktop/ui/screens/units.py" line="128"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="81"/>
        <source>&amp;Thêm đơn vị</source>
        <translation>&amp;Add unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="82"/>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="83"/>
        <location filename="../../desktop/ui/screens/units.py" line="187"/>
        <source>Thôi hoạt động / Sáp nhập…</source>
        <translation>Deactivate / Merge…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="84"/>
        <source>&amp;Lịch sử</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="85"/>
        <source>&amp;Nhập từ tệp Excel…</source>
        <translation>&amp;Import from Excel file…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="96"/>
        <source>Khối:</source>
        <translation>Sector:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="115"/>
        <source>Đơn vị</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="120"/>
        <source>Thôi hoạt động từ {date}</source>
        <translation>Inactive since {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="155"/>
        <source>{shown} / {total} đơn vị</source>
        <translation>{shown} / {total} units</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="173"/>
        <source>Chưa chọn đơn vị</source>
        <translation>No unit selected</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="174"/>
        <source>Hãy chọn một đơn vị trong danh sách rồi bấm “{action}”.</source>
        <translation>Select a unit in the list, then press “{action}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="180"/>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens/units.py" line="194"/>
        <source>Lịch sử</source>
        <translation>History</translation>
    </message>
</context>
<context>
    <name>UrgeDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/urge.py" line="38"/>
        <source>Công văn đôn đốc</source>
        <translation>Urging letter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/urge.py" line="46"/>
        <source>Cập nhật bản xem trước</source>
        <translation>Update the preview</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/urge.py" line="56"/>
        <source>Hạn mới cho đơn vị</source>
        <translation>New deadline for the units</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/urge.py" line="57"/>
        <source>Gửi các đơn vị</source>
        <translation>Sent to the units</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/urge.py" line="64"/>
        <source>Ban hành (lấy số)…</source>
        <translation>Issue (take a number)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/urge.py" line="65"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/urge.py" line="95"/>
        <source>{pages} trang, gửi {n} đơn vị chưa nộp; hạn mới {due}. Chưa lấy số.</source>
        <translation>{pages} page(s), to the {n} units that have not sent it; new deadline {due}. No number taken yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/urge.py" line="104"/>
        <source>Ban hành công văn đôn đốc</source>
        <translation>Issue the urging letter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/urge.py" line="105"/>
        <source>Lấy số công văn tiếp theo trong sổ văn bản đi và ban hành công văn gửi {n} đơn vị, hạn mới {due}?</source>
        <translation>Take the next letter number from the register of outgoing documents and issue the letter to {n} units, new deadline {due}?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/urge.py" line="111"/>
        <source>Đang làm công văn đôn đốc…</source>
        <translation>Making the urging letter…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="62"/>
        <source>{problem}

Lần này mở dữ liệu trên máy này thay cho máy chủ {server}? Những gì ghi vào sẽ ở trên máy này, không ở máy chủ; lần mở sau Theo dõi lại dùng máy chủ (đổi trong Cài đặt).</source>
        <translation>{problem}

Open the data on this PC instead of the server {server} this time? What you record will stay on this PC, not on the server; at the next start Theo dõi uses the server again (change it in Settings).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="116"/>
        <source>{problem}

Khôi phục từ bản sao lưu tốt gần nhất ({when}: {units} đơn vị, {subs} lượt nộp)? Tệp hỏng sẽ được giữ lại bên cạnh.</source>
        <translation>{problem}

Restore from the most recent good backup ({when}: {units} units, {subs} submissions)? The damaged file will be kept alongside.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="150"/>
        <source>Theo dõi đang mở trên dữ liệu này ở một cửa sổ khác. Hãy dùng cửa sổ đó.</source>
        <translation>Theo dõi is already open on this data in another window. Please use that window.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../desktop/ui/errors.py" line="43"/>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="48"/>
        <source>Lỗi ngoài dự kiến</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="50"/>
        <source>Đã xảy ra lỗi ngoài dự kiến; thao tác vừa rồi không được ghi. Dữ liệu trước đó vẫn an toàn.</source>
        <translation>An unexpected error occurred; the last action was not saved. Your earlier data is safe.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="52"/>
        <source>Chi tiết đã được lưu vào tệp nhật ký:</source>
        <translation>The details have been saved to the log file:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="53"/>
        <source>Sao chép chi tiết</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>open_file</name>
    <message>
        <location filename="../../desktop/ui/open_file.py" line="22"/>
        <source>Máy này chưa có chương trình nào để mở thư mục. Thư mục ở:
{path}

Đường dẫn đã được chép, dán (Ctrl+V) vào trình quản lý tệp để mở.</source>
        <translation>There is no program on this PC to open folders. The folder is:
{path}

The path has been copied; paste it (Ctrl+V) into a file manager to open it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/open_file.py" line="25"/>
        <source>Máy này chưa có chương trình nào để mở tệp “{name}” (ví dụ chưa cài trình đọc PDF). Tệp ở:
{path}

Đường dẫn đã được chép; hãy cài một chương trình đọc loại tệp này rồi mở lại.</source>
        <translation>There is no program on this PC to open the file “{name}” (no PDF reader installed, for example). The file is:
{path}

The path has been copied; install a program for this kind of file, then open it again.</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../desktop/ui/widgets/status_style.py" line="33"/>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_style.py" line="34"/>
        <source>Chậm hạn</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_style.py" line="35"/>
        <source>Chưa nộp</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_style.py" line="36"/>
        <source>Được miễn</source>
        <translation>Exempt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_style.py" line="37"/>
        <source>Chưa đến hạn</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/status_style.py" line="38"/>
        <source>Không áp dụng</source>
        <translation>Not applicable</translation>
    </message>
</context>
</TS>
