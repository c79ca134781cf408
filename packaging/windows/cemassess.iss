; Inno Setup 6 script: the Windows installer of @DISPLAY_NAME@ @VERSION@.
; A template: packaging/build.py renders it to build\packaging\windows\cemassess.iss with
; the name, version and ids filled in. On Windows (see packaging/README.md):
;   py packaging\build.py
;   iscc build\packaging\windows\cemassess.iss     -> dist\cemassess-@VERSION@-windows-x64-setup.exe
; Per-user install by default (no admin rights); an administrator may choose "all users".

#define AppName "@DISPLAY_NAME@"
#define AppVersion "@VERSION@"
#define AppExe "@GUI_EXE@.exe"
#define CliExe "@CLI_EXE@.exe"
#define ProgId "@WIN_PROGID@"
; from build\packaging\windows back to the checkout
#define Root "..\..\.."

[Setup]
AppId={{@WIN_APP_GUID@}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=cemassess developers
VersionInfoVersion=@VERSION_QUAD@
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=cemassess-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\resources\icons\cemassess.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
ChangesAssociations=yes
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "openwith"; Description: "Offer {#AppName} in ""Open with"" for .json files (assessment files: *.cemassess.json)"

[Files]
; the PyInstaller one-folder bundle: cemassess-app.exe (the app), cemassess.exe (the CLI), _internal\
Source: "{#Root}\dist\@GUI_EXE@\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an upgrade replaces the bundle whole: no stale libraries of the previous version
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; The assessment file is NAME.cemassess.json. Windows chooses a handler by the last
; extension only (.json), so owning .json would take every JSON file from its editor.
; Instead: a ProgID for the assessment file, listed under .json's OpenWithProgids, which
; puts the app in the "Open with" menu of JSON files without changing their default.
; HKA is HKCU for a per-user install and HKLM for an all-users one.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "CEM maturity assessment"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
