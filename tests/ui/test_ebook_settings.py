"""Settings > Ebooks: an ebook folder with its own template (invalid ones refused), the Calibre
Test button against a fake calibredb on PATH, and the free sources' addresses saved."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.ui.dialogs.ebook_settings import EbookSettings
from rmab_desktop.ui.dialogs.settings_registry import SETTINGS_SECTIONS
from rmab_desktop.ui.shell import Shell


def test_ebook_folder_template_calibre_test_and_sources(
    qtbot, shell: Shell, core: AppCore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    (section,) = [s for s in SETTINGS_SECTIONS if s.key == "ebooks"]
    widget = section.factory(core, shell)
    qtbot.addWidget(widget)
    assert isinstance(widget, EbookSettings)
    assert widget.url_edits["gutendex_url"].text() == "https://gutendex.com"

    widget.template_edit.setText("{author}/{oops}")
    assert "Unknown token {oops}" in widget.template_note.text() and not widget.apply()
    widget.template_edit.setText("{author}/{title}")
    assert "Brandon Sanderson/The Final Empire/" in widget.template_note.text()

    widget.calibredb_edit.setText(str(tmp_path / "missing" / "calibredb"))
    widget.test_calibre()
    qtbot.waitUntil(lambda: "not found" in widget.test_result.text(), timeout=30_000)
    script = tmp_path / "bin" / "calibredb"
    script.parent.mkdir()
    script.write_text('#!/bin/sh\necho "calibredb.py (calibre 7.6)"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{script.parent}{os.pathsep}{os.environ['PATH']}")
    widget.calibredb_edit.setText("")
    widget.test_calibre()
    qtbot.waitUntil(lambda: "Found: calibredb.py (calibre 7.6)" in widget.test_result.text(), timeout=30_000)

    widget.root_edit.setText(str(tmp_path / "Ebooks"))
    widget.calibre_check.setChecked(True)
    widget.url_edits["gutendex_url"].setText("http://127.0.0.1:8099")
    widget.url_edits["internet_archive_url"].setText("")
    assert widget.apply()
    ebooks = core.prefs.ebooks
    assert (ebooks.root, ebooks.path_template, ebooks.calibre_add) == (
        str(tmp_path / "Ebooks"),
        "{author}/{title}",
        True,
    )
    assert ebooks.gutendex_url == "http://127.0.0.1:8099"
    assert ebooks.internet_archive_url == "https://archive.org"  # emptied: back to the real service
