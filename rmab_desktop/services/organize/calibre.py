"""Optional hand-off of imported ebooks to Calibre through its command line (``calibredb add``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from rmab_desktop.domain.errors import ConfigurationError, RmabError
from rmab_desktop.domain.i18n import Translator

tr = Translator("OrganizeErrors")

TIMEOUT_SECONDS = 120


class CalibreError(RmabError):
    hint = tr.mark("The ebook is in the library; check Settings > Ebooks > Calibre, then test it there.")


def find_calibredb(configured: str | None = None) -> str | None:
    """The calibredb program: the configured path when it exists, else the one on PATH."""
    if configured:
        return configured if Path(configured).is_file() else shutil.which(configured)
    return shutil.which("calibredb")


def _run(arguments: list[str]) -> str:
    try:
        done = subprocess.run(arguments, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise CalibreError(tr.mark("calibredb could not run: {reason}"), reason=exc) from exc
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise CalibreError(
            tr.mark("calibredb failed: {reason}"),
            reason=detail[-1] if detail else f"exit code {done.returncode}",
        )
    return done.stdout.strip()


def _program(configured: str | None) -> str:
    program = find_calibredb(configured)
    if program is None:
        raise ConfigurationError(
            tr.mark("Calibre's calibredb program was not found."),
            hint=tr.mark("Install Calibre, or enter the path of calibredb in Settings > Ebooks."),
        )
    return program


def calibre_version(configured: str | None = None) -> str:
    """What ``calibredb --version`` says; the Settings test button shows it."""
    return _run([_program(configured), "--version"])


def add_to_calibre(files: list[Path], *, configured: str | None = None, library: str | None = None) -> str:
    """``calibredb add`` the files (one book); returns calibredb's own report."""
    arguments = [_program(configured), "add"]
    if library:
        arguments += ["--with-library", library]
    return _run([*arguments, *(str(f) for f in files)])
