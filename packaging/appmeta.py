"""Name, version and app id of the app, read from ``rmab_desktop/__init__.py`` without importing it.

Every packaging step (PyInstaller spec, .deb, AppDir, NSIS, macOS) takes its identity from here,
so a version bump in the package is the only edit a release needs. Run as a script it prints
shell assignments: ``eval "$(python3 packaging/appmeta.py)"``.

(This folder is deliberately not a Python package: ``packaging`` would shadow the PyPI library.)
"""

from __future__ import annotations

import ast
import re
import shlex
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_INIT = ROOT / "rmab_desktop" / "__init__.py"
HOMEPAGE = "https://github.com/readmeabook/rmab-desktop"
LICENSE_ID = "GPL-3.0-or-later"
SUMMARY = "Request an audiobook and find it tagged and organized in your library"


@dataclass(frozen=True)
class AppMeta:
    name: str  # human name, e.g. "ReadMeABook Desktop"
    slug: str  # executable, package and folder name, e.g. "rmab-desktop"
    version: str
    app_id: str  # reverse-DNS id: .desktop file, icon name, metainfo, macOS bundle id
    org: str
    homepage: str = HOMEPAGE
    license: str = LICENSE_ID
    summary: str = SUMMARY

    @property
    def version_tuple(self) -> tuple[int, int, int, int]:
        """Four numeric parts for Windows version resources ("1.2.3rc1" -> (1, 2, 3, 0))."""
        parts: list[int] = []
        for piece in self.version.split(".")[:4]:
            digits = re.match(r"\d*", piece).group()  # type: ignore[union-attr]
            parts.append(int(digits or 0))
            if not piece.isdigit():
                break
        return tuple([*parts, 0, 0, 0, 0][:4])  # type: ignore[return-value]


def _constants(path: Path) -> dict[str, str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                    found[target.id] = node.value.value
    return found


def read_meta(package_init: Path = PACKAGE_INIT) -> AppMeta:
    values = _constants(package_init)
    try:
        return AppMeta(
            name=values["APP_NAME"],
            slug=values["APP_SLUG"],
            version=values["__version__"],
            app_id=values["APP_ID"],
            org=values["ORG_NAME"],
        )
    except KeyError as exc:
        raise SystemExit(f"{package_init} does not define {exc.args[0]}") from exc


def shell_assignments(meta: AppMeta) -> str:
    fields = {**asdict(meta), "version_quad": ".".join(map(str, meta.version_tuple))}
    names = {key: key.upper() if key.startswith("app_") else f"APP_{key.upper()}" for key in fields}
    return "\n".join(f"{names[key]}={shlex.quote(str(value))}" for key, value in fields.items())


if __name__ == "__main__":
    print(shell_assignments(read_meta()))
    sys.exit(0)
