"""The packaging sources agree with the package: the spec, app metadata, desktop file, metainfo."""

from __future__ import annotations

import importlib.util
import sys
from importlib import metadata
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

import pytest

import rmab_desktop

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "rmab_desktop.spec"


def _appmeta() -> ModuleType:
    spec = importlib.util.spec_from_file_location("rmab_appmeta_test", ROOT / "packaging" / "appmeta.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


def test_appmeta_reads_the_package_without_importing_it(tmp_path: Path) -> None:
    appmeta = _appmeta()
    meta = appmeta.read_meta()
    assert (meta.name, meta.slug, meta.version, meta.app_id) == (
        rmab_desktop.APP_NAME,
        rmab_desktop.APP_SLUG,
        rmab_desktop.__version__,
        rmab_desktop.APP_ID,
    )
    fake = tmp_path / "__init__.py"
    fake.write_text(
        '__version__ = "2.10.3rc1"\nAPP_NAME = "X"\nAPP_SLUG = "x"\nAPP_ID = "org.x.X"\nORG_NAME = "O"\n'
        "raise SystemExit('must not run')\n"
    )
    other = appmeta.read_meta(fake)
    assert other.version_tuple == (2, 10, 3, 0)
    shell = appmeta.shell_assignments(other)
    assert (
        "APP_VERSION=2.10.3rc1" in shell
        and "APP_ID=org.x.X" in shell
        and "APP_VERSION_QUAD=2.10.3.0" in shell
    )
    fake.write_text('__version__ = "1"\n')
    with pytest.raises(SystemExit, match="APP_NAME"):
        appmeta.read_meta(fake)


_KEYRING_ENTRY_POINTS = next(
    Path(str(file.locate())) for file in metadata.files("keyring") or [] if file.name == "entry_points.txt"
)


class _Recorder:
    """Stands in for PyInstaller's Analysis/PYZ/EXE/COLLECT/BUNDLE and keeps their arguments."""

    calls: dict[str, tuple[tuple, dict]] = {}

    def __init__(self, kind: str):
        self.kind = kind

    def __call__(self, *args, **kwargs):
        _Recorder.calls[self.kind] = (args, kwargs)
        result = type(self.kind, (), {})()
        result.scripts, result.pure, result.binaries, result.zipfiles = [], [], [], []
        result.datas = [
            ("PySide6/Qt/translations/qt_de.qm", "/x", "DATA"),
            ("PySide6/Qt/translations/qtbase_de.qm", "/x", "DATA"),
            ("resources/icons/app.svg", "/y", "DATA"),
            ("keyring-25.dist-info/entry_points.txt", str(_KEYRING_ENTRY_POINTS), "DATA"),
        ]
        return result


def _fake_versioninfo() -> ModuleType:
    module = ModuleType("versioninfo")

    class Struct:
        def __init__(self, *args, **kwargs) -> None:
            self.args, self.kwargs = args, kwargs

        def __repr__(self) -> str:
            return f"{type(self).__name__}{self.args!r}{self.kwargs!r}"

    for name in (
        "StringStruct",
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "VarFileInfo",
        "VarStruct",
    ):
        setattr(module, name, type(name, (Struct,), {}))
    return module


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_spec_takes_name_version_and_bundle_id_from_the_package(
    platform: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PyInstaller.utils import hooks

    monkeypatch.setattr(
        hooks, "collect_submodules", lambda name, **kw: [f"{name}.a", f"{name}.db.migrations.env"]
    )
    monkeypatch.setattr(
        hooks, "collect_data_files", lambda *a, **kw: [("env.py", "rmab_desktop/db/migrations")]
    )
    monkeypatch.setattr(hooks, "copy_metadata", lambda *a, **kw: [("meta", "rmab_desktop-0.dist-info")])
    monkeypatch.setattr(hooks, "collect_all", lambda name: ([], [], [f"{name}.plugins.x"]))
    monkeypatch.setattr(sys, "platform", platform)
    # PyInstaller's version-resource module needs pywin32/pefile, so only on Windows: record its use.
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.win32.versioninfo", _fake_versioninfo())
    _Recorder.calls = {}
    namespace = {"SPECPATH": str(SPEC.parent), "workpath": str(tmp_path), "__file__": str(SPEC)}
    namespace.update({kind: _Recorder(kind) for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")})
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)

    analysis_args, analysis = _Recorder.calls["Analysis"]
    assert analysis_args[0] == [str(ROOT / "packaging" / "launcher.py")]
    assert (str(ROOT / "resources" / "icons"), "resources/icons") in analysis["datas"]
    assert (str(tmp_path / "translations"), "resources/translations") in analysis["datas"]
    assert (tmp_path / "translations" / "rmab_de.qm").is_file()  # built by lrelease for the bundle
    assert ("env.py", "rmab_desktop/db/migrations") in analysis["datas"]
    assert "rmab_desktop.a" in analysis["hiddenimports"] and "apprise.plugins.x" in analysis["hiddenimports"]
    assert "rmab_desktop.db.migrations.env" not in analysis["hiddenimports"]
    assert "tkinter" in analysis["excludes"]
    if platform != "darwin":  # its import runs ldconfig and gcc on Linux (slow start)
        assert "keyring.backends.macOS" in analysis["excludes"]
        assert not any(name.startswith("keyring.backends.macOS") for name in analysis["hiddenimports"])
    _, exe = _Recorder.calls["EXE"]
    assert exe["name"] == rmab_desktop.APP_SLUG and exe["console"] is False
    icon = Path(exe["icon"])
    assert icon.is_file() and icon.suffix == (".icns" if platform == "darwin" else ".ico")
    assert _Recorder.calls["COLLECT"][1]["name"] == rmab_desktop.APP_SLUG
    datas = {d[0]: d[1] for d in namespace["a"].datas}
    assert "PySide6/Qt/translations/qt_de.qm" not in datas  # Qt translations dropped...
    assert "PySide6/Qt/translations/qtbase_de.qm" in datas  # ...but for the app's languages
    assert datas["resources/icons/app.svg"] == "/y"
    entry_points = Path(datas["keyring-25.dist-info/entry_points.txt"]).read_text()
    assert ("macOS = keyring.backends.macOS" in entry_points) == (platform == "darwin")
    assert ("Windows = keyring.backends.Windows" in entry_points) == (platform == "win32")
    assert "SecretService = keyring.backends.SecretService" in entry_points
    if platform == "win32":
        resource = Path(exe["version"]).read_text(encoding="utf-8")
        assert f"StringStruct('ProductVersion', '{rmab_desktop.__version__}')" in resource
        assert "filevers" in resource and "'OriginalFilename', 'rmab-desktop.exe'" in resource
    else:
        assert exe["version"] is None
    if platform == "darwin":
        _, bundle = _Recorder.calls["BUNDLE"]
        assert bundle["bundle_identifier"] == rmab_desktop.APP_ID
        assert bundle["name"] == f"{rmab_desktop.APP_NAME}.app"
        plist = bundle["info_plist"]
        assert plist["CFBundleShortVersionString"] == rmab_desktop.__version__
        assert plist["NSHighResolutionCapable"] is True
    else:
        assert "BUNDLE" not in _Recorder.calls


def test_desktop_file_and_metainfo_match_the_package() -> None:
    linux = ROOT / "resources" / "linux"
    desktop = (linux / f"{rmab_desktop.APP_ID}.desktop").read_text(encoding="utf-8").splitlines()
    assert f"Icon={rmab_desktop.APP_ID}" in desktop
    assert f"Exec={rmab_desktop.APP_SLUG}" in desktop
    assert f"StartupWMClass={rmab_desktop.APP_SLUG}" in desktop
    root = ElementTree.parse(linux / f"{rmab_desktop.APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == rmab_desktop.APP_ID
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert root.findtext("launchable") == f"{rmab_desktop.APP_ID}.desktop"
    assert root.find("provides/binary").text == rmab_desktop.APP_SLUG
    releases = [r.get("version") for r in root.iter("release")]
    assert releases[0] == rmab_desktop.__version__, "add a <release> to the metainfo for the new version"


def test_licence_is_the_full_gpl3() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 3, 29 June 2007" in text
    assert "END OF TERMS AND CONDITIONS" in text
