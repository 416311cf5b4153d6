; Inno Setup 6 script: the Windows installer for the one-folder build.
; On Windows, build dist\hkcase first (packaging\README.md), then from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\hkcase.iss
; which writes dist\hkcase-0.1.0-setup.exe. The user's data (database, attachments, backups)
; lives in the user's AppData folder, not here: uninstalling never deletes it.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
; The AppId identifies hkcase to Windows across versions: never change it.
AppId={{E0540136-5B98-4407-872B-8DE6CD85B149}
AppName=hkcase
AppVersion={#AppVersion}
AppVerName=hkcase {#AppVersion}
AppPublisher=The hkcase developers
DefaultDirName={autopf}\hkcase
DefaultGroupName=hkcase
DisableProgramGroupPage=yes
; Installs for everyone with administrator rights, or for the current user without them.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=hkcase-{#AppVersion}-setup
SetupIconFile=hkcase.ico
UninstallDisplayIcon={app}\hkcase.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running hkcase is asked to close before its files are replaced.
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; Everything PyInstaller put in the folder: hkcase.exe (the window), hkcase-cli.exe (the
; commands, for a console) and _internal\ (Python, Qt, resources, fonts, translations).
Source: "..\..\dist\hkcase\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\hkcase"; Filename: "{app}\hkcase.exe"; Comment: "Case tracker for Hong Kong talent-visa consultants"
Name: "{autodesktop}\hkcase"; Filename: "{app}\hkcase.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\hkcase.exe"; Description: "{cm:LaunchProgram,hkcase}"; Flags: nowait postinstall skipifsilent
