"""Packaging (packaging/): the installers agree with pyproject.toml, and the bundle works.

The quick tests always run: they render every template (desktop entry, AppStream
metainfo, MIME type, install.sh, Inno Setup script, macOS Info.plist) and check that each
carries the app id, name and version of pyproject.toml, and that the icon set and the
launcher are right.

The bundle tests build the real PyInstaller bundle (a clean virtual environment, then
PyInstaller: one to two minutes) and run it: only under `make test-bundle`, which sets
CEMASSESS_TEST_BUNDLE=1. A plain `make test` skips them and never builds anything.
"""

from __future__ import annotations

import configparser
import importlib.util
import json
import os
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
PLACEHOLDER = re.compile(r"@[A-Z][A-Z0-9_]*@")


def _load(name: str, path: Path):
    # packaging/ is not a package (and `packaging` is a PyPI module): load by path, and
    # leave sys.path as it was (build.py adds its folder to find appmeta)
    saved = list(sys.path)
    sys.path.insert(0, str(path.parent))
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod  # dataclasses look their module up there
        spec.loader.exec_module(mod)
        return mod
    finally:
        sys.path[:] = saved


appmeta = _load("appmeta", PACKAGING / "appmeta.py")
build = _load("cemassess_packaging_build", PACKAGING / "build.py")


@pytest.fixture(scope="module")
def meta():
    return appmeta.load()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, meta) -> dict[str, Path]:
    return appmeta.render_all(tmp_path_factory.mktemp("rendered"), meta)


def pyproject() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)


# -- always: metadata consistency -----------------------------------------------------------
def test_identity_comes_from_pyproject_and_matches_the_app(meta):
    import cemassess
    from cemassess.exchange.assessment_file import SUFFIX

    project = pyproject()["project"]
    assert (meta.name, meta.version) == (project["name"], project["version"])
    assert meta.version == cemassess.__version__
    assert project["gui-scripts"][meta.gui_exe] == "cemassess.ui.app:main"
    assert project["scripts"][meta.cli_exe] == "cemassess.cli:main"
    assert meta.file_suffix == SUFFIX
    assert meta.app_id == "io.github.cemassess"
    assert re.fullmatch(r"\d+\.\d+\.\d+\.\d+", meta.version_quad)


def test_every_template_renders_completely(rendered, meta):
    assert set(rendered) == set(appmeta.TEMPLATES)
    for src, out in rendered.items():
        text = out.read_text(encoding="utf-8")
        assert not PLACEHOLDER.search(text), f"{src}: {PLACEHOLDER.search(text).group()} left"
        assert meta.display_name in text, src


def test_an_unknown_placeholder_is_an_error(meta):
    with pytest.raises(KeyError, match="@NOPE@"):
        appmeta.render("x @NOPE@", meta)


def test_desktop_entry(rendered, meta):
    import cemassess

    path = rendered["linux/cemassess.desktop"]
    assert path.name == f"{meta.app_id}.desktop"  # the AppStream launchable's name
    cp = configparser.ConfigParser(interpolation=None, strict=True)
    cp.optionxform = str
    cp.read(path, encoding="utf-8")
    e = cp["Desktop Entry"]
    assert e["Type"] == "Application"
    assert e["Name"] == meta.display_name
    assert e["Icon"] == meta.app_id
    assert e["Exec"] == f"{meta.gui_exe} %f"
    assert e["TryExec"] == meta.gui_exe
    assert e["MimeType"].split(";")[:1] == [meta.mime_type]
    assert e["Terminal"] == "false"
    # Qt's X11 WM_CLASS is (executable, application name): seen with xprop under Xvfb
    assert e["StartupWMClass"] == cemassess.APP_NAME
    assert "GenericName[ru]" in e


def test_appstream_metainfo(rendered, meta):
    root = ET.parse(rendered["linux/io.github.cemassess.metainfo.xml"]).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == meta.app_id
    assert root.findtext("name") == meta.display_name
    assert root.findtext("launchable") == f"{meta.app_id}.desktop"
    release = root.find("releases/release")
    assert release.get("version") == meta.version
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", release.get("date"))
    provides = root.find("provides")
    assert provides.findtext("mediatype") == meta.mime_type
    assert {b.text for b in provides.findall("binary")} == {meta.gui_exe, meta.cli_exe}


def test_mime_type(rendered, meta):
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(rendered["linux/cemassess-mime.xml"]).getroot()
    mt = root.find("m:mime-type", ns)
    assert mt.get("type") == meta.mime_type
    assert mt.find("m:glob", ns).get("pattern") == f"*{meta.file_suffix}"
    assert mt.find("m:sub-class-of", ns).get("type") == "application/json"
    assert mt.find("m:icon", ns).get("name") == meta.app_id


def test_inno_setup_script(rendered, meta):
    iss = rendered["windows/cemassess.iss"].read_text(encoding="utf-8")
    assert f'#define AppName "{meta.display_name}"' in iss
    assert f'#define AppVersion "{meta.version}"' in iss
    assert f'#define AppExe "{meta.gui_exe}.exe"' in iss
    assert f"VersionInfoVersion={meta.version_quad}" in iss
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", iss, re.M)
    assert "PrivilegesRequired=lowest" in iss  # per-user, no admin by default
    assert f'#define ProgId "{meta.win_progid}"' in iss
    assert r'Subkey: "Software\Classes\.json\OpenWithProgids"' in iss
    # never take over the default program of every .json file
    assert not re.search(r'Subkey: "Software\\Classes\\\.json"; ValueType', iss)
    assert "{autoprograms}" in iss and "desktopicon" in iss


def test_macos_info_plist(rendered, meta):
    info = plistlib.loads(rendered["macos/Info.plist"].read_bytes())
    assert info["CFBundleIdentifier"] == meta.app_id
    assert info["CFBundleName"] == meta.display_name
    assert info["CFBundleShortVersionString"] == meta.version
    (exported,) = info["UTExportedTypeDeclarations"]
    assert exported["UTTypeIdentifier"] == meta.uti
    assert exported["UTTypeConformsTo"] == ["public.json"]
    tags = exported["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == [meta.file_suffix.lstrip(".")]
    assert tags["public.mime-type"] == [meta.mime_type]
    owner = info["CFBundleDocumentTypes"][0]
    assert owner["LSItemContentTypes"] == [meta.uti] and owner["LSHandlerRank"] == "Owner"


def test_install_script_is_valid_shell(rendered):
    script = rendered["linux/install.sh"]
    assert os.access(script, os.X_OK)
    if shutil.which("sh") is None:
        pytest.skip("no sh")
    subprocess.run(["sh", "-n", str(script)], check=True)


@pytest.mark.parametrize("tool, args, template", [
    ("desktop-file-validate", [], "linux/cemassess.desktop"),
    ("appstreamcli", ["validate", "--no-net", "--pedantic"], "linux/io.github.cemassess.metainfo.xml"),
])
def test_freedesktop_validators(rendered, tool, args, template):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed (Debian: desktop-file-utils, appstream)")
    out = subprocess.run([tool, *args, str(rendered[template])], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_spec_is_valid_python():
    compile((PACKAGING / "cemassess.spec").read_text(encoding="utf-8"), "cemassess.spec", "exec")


# -- always: the icon set -------------------------------------------------------------------
def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", head[16:24])


def test_icon_set():
    ET.parse(ICONS / "cemassess.svg")  # well-formed
    for n in build.ICON_SIZES:
        assert png_size(ICONS / f"cemassess-{n}.png") == (n, n)
    assert (ICONS / "cemassess.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (ICONS / "cemassess.icns").read_bytes()[:4] == b"icns"


# -- always: the launcher and the build helpers ---------------------------------------------
def test_launcher_runs_the_cli_by_subcommand_and_by_name(tmp_path, monkeypatch, capsys):
    launcher = _load("cemassess_launcher", PACKAGING / "launcher.py")
    out = tmp_path / "demo.cemassess.json"
    assert launcher.main(["cli", "demo", str(out)]) == 0
    assert out.is_file()
    # a frozen executable called `cemassess` (the Windows console .exe) is the CLI
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "cemassess.exe"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "pyinstaller-temp"))  # restored after
    out2 = tmp_path / "demo2.cemassess.json"
    assert launcher.main(["demo", str(out2)]) == 0
    assert out2.is_file()
    # frozen, matplotlib's font cache moves from the run's temporary folder to the user's cache
    if sys.platform.startswith("linux"):
        assert os.environ["MPLCONFIGDIR"] == str(tmp_path / "cache" / "cemassess" /
                                                 f"matplotlib-{appmeta.load().version}")


def test_tree_size_counts_links_once(tmp_path):
    (tmp_path / "a").write_bytes(b"x" * 1000)
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "b").write_bytes(b"y" * 500)
    (tmp_path / "link").symlink_to(tmp_path / "a")
    assert 1500 < build.tree_size(tmp_path) < 1500 + 200


def test_tarball_name(meta):
    name = build.tarball_path(meta).name
    assert name.startswith(f"{meta.name}-{meta.version}-")
    if sys.platform.startswith("linux"):
        assert re.fullmatch(rf"{meta.name}-{re.escape(meta.version)}-linux-[a-z0-9_]+\.tar\.gz", name)


# -- always: the build refuses a broken Qt and keeps the runtime dependencies ---------------
def fake_environment(**versions: str) -> dict[str, str]:
    pkgs = {appmeta.requirement_name(r): "1.0" for r in appmeta.runtime_requirements()}
    pkgs.update({"pyside6-essentials": "6.11.3", "shiboken6": "6.11.3", "pyinstaller": "6.11"})
    pkgs.update(versions)
    return {k: v for k, v in pkgs.items() if v}


def test_build_refuses_pyside6_6_12_0_in_one_line(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(build, "installed", lambda py: fake_environment(**{
        "pyside6-essentials": "6.12.0", "shiboken6": "6.12.0"}))
    with pytest.raises(build.BuildError, match=r"refusing to build with pyside6-essentials 6\.12\.0"):
        build.check_clean(tmp_path / "python")
    # through main(): one line on stderr, exit 1, PyInstaller never started
    monkeypatch.setattr(build.appmeta, "render_all", lambda out, meta: {})
    monkeypatch.setattr(build, "make_venv", lambda python, reuse: build.check_clean(tmp_path / "python"))
    monkeypatch.setattr(build, "run_pyinstaller", lambda *a: pytest.fail("PyInstaller was started"))
    capsys.readouterr()
    assert build.main([]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "6.12.0" in err[0] and "none_dealloc" in err[0], err


def test_build_accepts_a_good_qt_and_needs_every_runtime_dependency(monkeypatch, tmp_path):
    monkeypatch.setattr(build, "installed", lambda py: fake_environment())
    build.check_clean(tmp_path / "python")  # 6.11.3 with everything: fine
    for gone in ("babel", "aiohttp", "segno", "python-docx", "python-pptx"):
        monkeypatch.setattr(build, "installed", lambda py, g=gone: fake_environment(**{g: ""}))
        with pytest.raises(build.BuildError, match=f"lacks runtime dependencies: {gone}"):
            build.check_clean(tmp_path / "python")


def test_pyproject_excludes_the_broken_qt_too():
    (qt,) = [r for r in appmeta.runtime_requirements() if appmeta.requirement_name(r) == "pyside6-essentials"]
    assert all(f"!={v}" in qt.replace(" ", "") for v in build.BROKEN_QT)


def test_the_bundled_babel_data_serves_the_apps_languages(monkeypatch, tmp_path):
    """Babel with only the CLDR files the spec keeps (appmeta.BABEL_LOCALES) still does
    everything for en, ru and uk: names, numbers, percentages, dates, plural rules."""
    import datetime as dt

    import babel
    from babel import Locale, dates, localedata, numbers

    full = Path(babel.__file__).parent / "locale-data"
    kept = tmp_path / "locale-data"
    kept.mkdir()
    for f in full.iterdir():
        if appmeta.babel_data_wanted(f"babel/locale-data/{f.name}"):
            shutil.copy2(f, kept / f.name)
    assert sorted(p.stem for p in kept.glob("*.dat")) == sorted(appmeta.BABEL_LOCALES)
    assert len(list(full.iterdir())) > 500  # the full set is what is being cut
    assert not appmeta.babel_data_wanted("babel/locale-data/de.dat")
    assert appmeta.babel_data_wanted("babel/global.dat")
    monkeypatch.setattr(localedata, "_dirname", str(kept))
    localedata._cache.clear()
    localedata.locale_identifiers.cache_clear()
    try:
        day = dt.date(2026, 3, 1)
        for code, name in (("en", "English"), ("ru", "русский"), ("uk", "українська")):
            for ident in (code, f"{code}_{ {'en': 'US', 'ru': 'RU', 'uk': 'UA'}[code]}"):
                loc = Locale.parse(ident)
                assert loc.get_display_name(code).startswith(name), ident
                assert numbers.format_decimal(1234.5, locale=loc)
                assert numbers.format_percent(0.42, locale=loc)
                assert dates.format_date(day, format="long", locale=loc)
                assert loc.plural_form(3) in ("one", "few", "many", "other")
        assert Locale.parse("uk").plural_form(3) == "few" and Locale.parse("ru").plural_form(5) == "many"
        assert "березня" in dates.format_date(day, format="long", locale="uk")
        with pytest.raises(Exception):  # noqa: B017 (what Babel raises for a missing locale)
            Locale.parse("de").get_display_name("de")
    finally:
        localedata._cache.clear()
        localedata.locale_identifiers.cache_clear()


# -- make test-bundle: build the real bundle and run it -------------------------------------
bundle_only = pytest.mark.skipif(
    os.environ.get("CEMASSESS_TEST_BUNDLE") != "1",
    reason="builds the PyInstaller bundle (1-2 min): run `make test-bundle` "
           "(CEMASSESS_TEST_BUNDLE=1)")


@pytest.fixture(scope="module")
def bundle(meta, tmp_path_factory):
    log = tmp_path_factory.mktemp("bundle-build") / "build.log"
    cmd = [sys.executable, str(PACKAGING / "build.py"), "--tarball"]
    if os.environ.get("CEMASSESS_BUNDLE_REUSE_VENV") == "1":
        cmd.append("--reuse-venv")
    with open(log, "w") as f:
        done = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT, timeout=1200)
    text = log.read_text()
    print(text[-3000:])
    assert done.returncode == 0, f"build failed:\n{text[-5000:]}"
    return build.bundle_dir(meta)


def app_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home),
                XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
                XDG_CACHE_HOME=str(home / ".cache"))


@bundle_only
@pytest.mark.slow
def test_bundle_is_within_the_size_budget(bundle):
    size = build.tree_size(bundle)
    print(f"bundle: {size / 1e6:.1f} MB")
    assert size < build.MAX_MB * 1e6


@bundle_only
@pytest.mark.slow
def test_bundle_selftest(bundle, meta, tmp_path):
    exe = build.executable(meta)
    out = subprocess.run([str(exe), "--selftest"], env=app_env(tmp_path), capture_output=True,
                         text=True, timeout=300)
    print(out.stdout, out.stderr)
    assert out.returncode == 0, out.stderr
    log = out.stdout
    # the self-test skips a step whose module is missing: in a bundle every step must run
    assert "en+ru" in log
    assert "demo scored" in log
    charts = re.search(r"charts drawn: (\d+) of (\d+)", log)
    assert charts and charts.group(1) == charts.group(2) != "0", log
    assert "PDF written" in log, log
    # the live room's child process is this same frozen executable, started by multiprocessing
    # ("spawn"; the launcher's freeze_support runs the child instead of a second app)
    assert "live room: served from a child process" in log, log
    assert re.search(r"selftest: ok", log)


@bundle_only
@pytest.mark.slow
def test_bundle_cli(bundle, meta, tmp_path):
    exe, env = str(build.executable(meta)), app_env(tmp_path)

    def cli(*args: str) -> str:
        done = subprocess.run([exe, "cli", *args], env=env, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert cli("--version").strip() == f"{meta.name} {meta.version}"
    demo = tmp_path / "demo.cemassess.json"
    cli("demo", str(demo), "--lang", "ru")
    assert json.loads(cli("score", str(demo), "--json"))
    cli("report", str(demo), "-o", str(tmp_path / "demo.pdf"), "--lang", "ru")
    assert (tmp_path / "demo.pdf").read_bytes()[:5] == b"%PDF-"


@bundle_only
@pytest.mark.slow
def test_bundle_leaves_out_what_the_app_does_not_use(bundle):
    internal = bundle / "_internal"
    names = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    assert "cemassess/resources/frameworks/cem-b2b.json" in names
    assert "cemassess/resources/icons/cemassess-256.png" in names
    for unwanted in ("tkinter", "_tkinter", "_pytest", "pytest", "hypothesis", "pip",
                     "setuptools", "PyQt5", "PyQt6", "matplotlib/mpl-data/sample_data",
                     "PySide6/QtNetwork.abi3.so", "PySide6/Qt/lib/libQt6Network.so.6",
                     "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "libcairo.so.2",
                     "lxml/objectify", "lxml/html", "PIL/_imagingft", "numpy/_core/_simd",
                     "libX11.so.6", "libfontconfig.so.1", "libglib-2.0.so.0", "libgcrypt.so.20"):
        assert not any(n == unwanted or n.startswith(unwanted + "/") or
                       n.startswith(unwanted + ".") for n in names), unwanted
    translations = sorted(n.rsplit("/", 1)[1] for n in names if "/Qt/translations/" in n)
    assert translations == ["qt_en.qm", "qt_ru.qm", "qt_uk.qm", "qtbase_en.qm", "qtbase_ru.qm",
                            "qtbase_uk.qm"]
    for lang in ("ru", "uk"):  # the product's catalogues, compiled before the wheel was built
        assert f"cemassess/resources/locale/{lang}/LC_MESSAGES/cemassess.po" in names
        assert f"cemassess/resources/locale/{lang}/LC_MESSAGES/cemassess.mo" in names
    # runtime dependencies are in, with only the CLDR data of the app's languages
    babel_data = sorted(n.rsplit("/", 1)[1] for n in names
                        if n.startswith("babel/locale-data/") and n.endswith(".dat"))
    assert babel_data == sorted(f"{x}.dat" for x in appmeta.BABEL_LOCALES)
    assert "babel/global.dat" in names
    for data in ("docx/templates", "pptx/templates", "aiohttp", "lxml"):
        assert any(n.startswith(data + "/") for n in names), data
    assert not any(n.startswith("PIL/_imagingft") for n in names)
    modules = pyz_modules()
    for module in ("babel.support", "babel.numbers", "aiohttp.web", "segno", "docx", "pptx",
                   "cemassess.ui.app"):
        assert module in modules, module


def pyz_modules() -> set[str]:
    """The modules in the bundle's Python archive (read with the build's own PyInstaller)."""
    code = ("import sys\n"
            "from PyInstaller.archive.readers import CArchiveReader\n"
            "pkg = CArchiveReader(sys.argv[1])\n"
            "pyz = pkg.open_embedded_archive('PYZ.pyz')\n"
            "print('\\n'.join(pyz.toc))\n")
    done = subprocess.run([str(build.venv_python()), "-c", code, str(build.executable())],
                          capture_output=True, text=True, timeout=120, check=True)
    return set(done.stdout.split())


@bundle_only
@pytest.mark.slow
def test_tarball_installs_for_the_user_and_uninstalls(bundle, meta, tmp_path):
    with tarfile.open(build.tarball_path(meta)) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar")
    (top,) = (tmp_path / "unpacked").iterdir()
    prefix = tmp_path / "prefix with space"
    env = dict(app_env(tmp_path), PREFIX=str(prefix))
    subprocess.run(["sh", str(top / "install.sh")], env=env, check=True, timeout=300)

    share = prefix / "share"
    desktop = share / "applications" / f"{meta.app_id}.desktop"
    exe = prefix / "lib" / meta.name / meta.gui_exe
    assert f'Exec="{exe}" %f' in desktop.read_text(encoding="utf-8")
    assert (share / "icons/hicolor/256x256/apps" / f"{meta.app_id}.png").is_file()
    assert (share / "icons/hicolor/scalable/apps" / f"{meta.app_id}.svg").is_file()
    assert (share / "metainfo" / f"{meta.app_id}.metainfo.xml").is_file()
    assert (share / "mime/packages" / f"{meta.app_id}.xml").is_file()
    if shutil.which("update-mime-database"):
        assert (share / "mime" / f"{meta.mime_type}.xml").is_file()
        globs = (share / "mime" / "globs2").read_text(encoding="utf-8").splitlines()
        assert f"60:{meta.mime_type}:*{meta.file_suffix}" in globs
    version = subprocess.run([str(prefix / "bin" / meta.cli_exe), "--version"], env=env,
                             capture_output=True, text=True, check=True, timeout=60)
    assert version.stdout.strip() == f"{meta.name} {meta.version}"
    selftest = subprocess.run([str(prefix / "bin" / meta.gui_exe), "--selftest"], env=env,
                              capture_output=True, text=True, timeout=300)
    assert selftest.returncode == 0, selftest.stderr

    subprocess.run(["sh", str(top / "install.sh"), "--uninstall"], env=env, check=True)
    assert not exe.exists() and not desktop.exists()
    assert not (prefix / "bin" / meta.cli_exe).exists()
    assert not (share / "icons/hicolor/256x256/apps" / f"{meta.app_id}.png").exists()
