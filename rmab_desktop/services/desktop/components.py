"""What the app bundles and under which licences, read from installed package metadata.

The About dialog lists these; in the frozen app PyInstaller ships the same metadata
(``copy_metadata(..., recursive=True)`` in the spec).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

APP_DISTRIBUTION = "rmab-desktop"
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
# Classifier tail -> SPDX id, for packages that only declare a trove classifier.
_CLASSIFIERS = {
    "MIT License": "MIT",
    "BSD License": "BSD",
    "Apache Software License": "Apache-2.0",
    "Python Software Foundation License": "PSF-2.0",
    "Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
    "GNU General Public License v2 or later (GPLv2+)": "GPL-2.0-or-later",
    "GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0",
    "ISC License (ISCL)": "ISC",
}


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    license: str


def _header(meta: metadata.PackageMetadata, name: str) -> str | None:
    """The first value of a metadata header, or None (Python 3.11's ``PackageMetadata`` has no ``get``)."""
    values: list[str] = meta.get_all(name) or []
    return values[0] if values else None


def license_of(meta: metadata.PackageMetadata) -> str:
    expression = _header(meta, "License-Expression")
    if expression:
        return expression
    declared = (_header(meta, "License") or "").strip()
    if declared and "\n" not in declared and len(declared) <= 60:
        return declared
    classifiers: list[str] = meta.get_all("Classifier") or []
    for classifier in classifiers:
        if classifier.startswith("License ::"):
            tail = classifier.split("::")[-1].strip()
            return _CLASSIFIERS.get(tail, tail)
    return "see the package"


def _requirements(dist: metadata.Distribution) -> list[str]:
    names = []
    for requirement in dist.requires or []:
        if "extra ==" in requirement.replace('"', "").replace("'", ""):
            continue
        match = _NAME.match(requirement)
        if match:
            names.append(match.group(1))
    return names


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def bundled_components(root: str = APP_DISTRIBUTION) -> list[Component]:
    """The runtime dependency tree of ``root`` (installed packages only), sorted by name."""
    found: dict[str, Component] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        if _key(name) in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # an optional or other-platform dependency
        found[_key(name)] = Component(dist.metadata["Name"], dist.version, license_of(dist.metadata))
        todo.extend(_requirements(dist))
    found.pop(_key(root), None)
    found["python"] = Component("Python", sys.version.split()[0], "PSF-2.0")
    return sorted(found.values(), key=lambda c: c.name.lower())


def license_text() -> str:
    """The full GPL text shipped with the app (frozen bundle, source tree or installed package)."""
    candidates = [Path(__file__).resolve().parents[3] / "LICENSE"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "LICENSE")
    for path in candidates:
        if path.is_file():
            return path.read_text(encoding="utf-8")
    try:
        dist = metadata.distribution(APP_DISTRIBUTION)
        for file in dist.files or []:
            if file.name.upper().startswith(("LICENSE", "COPYING")):
                return file.read_text(encoding="utf-8")
    except metadata.PackageNotFoundError:
        pass
    return "GNU General Public License v3.0 or later: https://www.gnu.org/licenses/gpl-3.0.html"
