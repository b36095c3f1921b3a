"""Remote (client's view) <-> local (this computer's view) path mapping.

Longest matching prefix wins, on whole path components. Windows paths of a remote client keep
their drive letter and backslashes on the remote side; the rest of the path is joined with the
local separator. A path outside every mapping passes through unchanged.
"""

from __future__ import annotations

import ntpath

from rmab_desktop.services.downloads.config import PathMapping


def _is_windows(path: str) -> bool:
    return ntpath.splitdrive(path)[0] != "" or path.startswith("\\\\")


def _parts(path: str) -> list[str]:
    windows = _is_windows(path)
    text = path.replace("\\", "/")
    parts = [p for p in text.split("/") if p not in ("", ".")]
    if windows:
        parts = [p.lower() if i == 0 else p for i, p in enumerate(parts)]
    return parts


def _join(base: str, rest: list[str]) -> str:
    if not rest:
        return base
    separator = "\\" if _is_windows(base) else "/"
    return base.rstrip("/\\") + separator + separator.join(rest)


def _map(path: str, pairs: list[tuple[str, str]]) -> str:
    path_parts = _parts(path)
    best: tuple[int, str] | None = None
    for source, target in pairs:
        source_parts = _parts(source)
        compare = [p.lower() for p in path_parts] if _is_windows(source) else path_parts
        wanted = [p.lower() for p in source_parts] if _is_windows(source) else source_parts
        if compare[: len(wanted)] == wanted and (best is None or len(wanted) > best[0]):
            best = (len(wanted), target)
    if best is None:
        return path
    return _join(best[1], path_parts[best[0] :])


def to_local(remote_path: str, mappings: list[PathMapping]) -> str:
    return _map(remote_path, [(m.remote, m.local) for m in mappings if m.remote and m.local])


def to_remote(local_path: str, mappings: list[PathMapping]) -> str:
    return _map(local_path, [(m.local, m.remote) for m in mappings if m.remote and m.local])
