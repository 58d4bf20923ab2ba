; Inno Setup script: installs the one-folder bundle (dist\theodoi) for the
; current user, without administrator rights, in Vietnamese. The user's data
; (%LOCALAPPDATA%\theodoi) is never touched by the uninstaller.
; Build: iscc /DAppVersion=0.1.0 packaging\windows\theodoi.iss

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F1B2C0A-5E7D-4C8B-9A31-7D2E0B4C9F10}
AppName=Theo dõi
AppVersion={#AppVersion}
AppPublisher=Theo dõi
DefaultDirName={localappdata}\Programs\Theo doi
DefaultGroupName=Theo dõi
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=TheoDoi-cai-dat
SetupIconFile=..\..\resources\icons\theodoi.ico
UninstallDisplayIcon={app}\theodoi-app.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "vietnamese"; MessagesFile: "compiler:Languages\Vietnamese.isl"

[Tasks]
Name: "desktopicon"; Description: "Tạo biểu tượng trên màn hình"; GroupDescription: "Biểu tượng:"

[Files]
Source: "..\..\dist\theodoi\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Theo dõi"; Filename: "{app}\theodoi-app.exe"
Name: "{group}\Hướng dẫn sử dụng"; Filename: "{app}\_internal\resources\docs\huong-dan-su-dung.pdf"
Name: "{group}\Gỡ cài đặt Theo dõi"; Filename: "{uninstallexe}"
Name: "{userdesktop}\Theo dõi"; Filename: "{app}\theodoi-app.exe"; Tasks: desktopicon

[Registry]
; "Mở bằng Theo dõi" for report packages (.zip), for this user only; .zip
; keeps its usual program.
Root: HKCU; Subkey: "Software\Classes\TheoDoi.Package"; ValueType: string; ValueName: ""; ValueData: "Gói báo cáo Theo dõi"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\TheoDoi.Package\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\theodoi-app.exe,0"
Root: HKCU; Subkey: "Software\Classes\TheoDoi.Package\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\theodoi-app.exe"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.zip\OpenWithProgids"; ValueType: string; ValueName: "TheoDoi.Package"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\Applications\theodoi-app.exe\SupportedTypes"; ValueType: string; ValueName: ".zip"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\theodoi-app.exe"; Description: "Mở Theo dõi"; Flags: nowait postinstall skipifsilent
