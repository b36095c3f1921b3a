"""Translatable text: the Qt-free translator, the .ts tooling, and real Qt catalogues built by lrelease."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from rmab_desktop.domain import i18n
from rmab_desktop.domain.i18n import Translator

ROOT = Path(__file__).resolve().parents[2]


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "tools" / "translations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def no_backend() -> Iterator[None]:
    i18n.install(None)
    yield
    i18n.install(None)


def test_english_without_a_catalogue(no_backend: None) -> None:
    tr = Translator("Test")
    assert tr("Open folder") == "Open folder"
    assert tr.n("%n book(s)", 1) == "1 book"
    assert tr.n("%n book(s)", 3) == "3 books"
    assert tr.n("%n match(es) found", 2) == "2 matches found"
    marked = tr.mark("Failed")
    assert marked == "Failed" and i18n.text(marked) == "Failed" and i18n.text("plain") == "plain"


def test_marked_text_is_translated_where_it_is_shown(no_backend: None) -> None:
    calls: list[tuple[str, str, str | None, int]] = []

    def backend(context: str, source: str, disambiguation: str | None, n: int) -> str:
        calls.append((context, source, disambiguation, n))
        return source.upper()

    label = Translator("Events").mark("Request created")
    i18n.install(backend)
    assert i18n.text(label) == "REQUEST CREATED"
    assert calls == [("Events", "Request created", None, -1)]


@pytest.fixture()
def sample_package(tmp_path: Path) -> Path:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "page.py").write_text(
        "from rmab_desktop.domain.i18n import Translator\n"
        'tr = Translator("SamplePage")\n'
        "def show(count, name):\n"
        '    tr("Open folder")\n'
        '    tr("Open", "verb on a book")\n'
        '    tr.n("%n book(s) found", count)\n'
        '    tr("Imported {title}").format(title=name)\n'
        '    LABEL = tr.mark("Failed")\n'
        "    tr(name)\n",
        encoding="utf-8",
    )
    return package


def test_extraction_finds_every_kind_of_call_and_reports_dynamic_text(sample_package: Path) -> None:
    tool = _tool()
    messages, problems = tool.extract(sample_package)
    found = {(key.context, key.source, key.disambiguation, m.numerus) for key, m in messages.items()}
    assert found == {
        ("SamplePage", "Open folder", "", False),
        ("SamplePage", "Open", "verb on a book", False),
        ("SamplePage", "%n book(s) found", "", True),
        ("SamplePage", "Imported {title}", "", False),
        ("SamplePage", "Failed", "", False),
    }
    assert len(problems) == 1 and "page.py:9" in problems[0] and "not a string literal" in problems[0]


def _translate(tool, ts_dir: Path, sample_package: Path, translations: dict[str, list[str]]) -> None:  # type: ignore[no-untyped-def]
    """Write rmab_de.ts for the sample, fill in ``translations`` by source, keep it as the tool would."""
    messages, _ = tool.extract(sample_package)
    tool.write_ts("de", list(messages.values()), {})
    existing = tool.read_ts(ts_dir / "rmab_de.ts")
    for key in list(existing):
        if key.source in translations:
            existing[key] = tool.Translation(translations[key.source], True)
    tool.write_ts("de", list(messages.values()), existing)


def test_update_keeps_translations_and_check_finds_what_is_missing_or_broken(
    sample_package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = _tool()
    monkeypatch.setattr(tool, "TS_DIR", tmp_path / "ts")
    (tmp_path / "ts").mkdir()
    _translate(
        tool,
        tmp_path / "ts",
        sample_package,
        {"Open folder": ["Ordner öffnen"], "Imported {title}": ["{titel} importiert"]},
    )
    messages, _ = tool.extract(sample_package)
    problems = tool.check_language("de", messages)
    assert any("'Imported {title}': placeholders" in p for p in problems)
    assert any("'%n book(s) found': unfinished" in p for p in problems)
    assert not any("Open folder" in p for p in problems)
    # An update run (code unchanged) keeps the finished translation.
    tool.write_ts("de", list(messages.values()), tool.read_ts(tmp_path / "ts" / "rmab_de.ts"))
    kept = tool.read_ts(tmp_path / "ts" / "rmab_de.ts")
    assert [t.forms for k, t in kept.items() if k.source == "Open folder"] == [["Ordner öffnen"]]


def test_lrelease_builds_a_catalogue_that_qt_uses_with_plural_forms(
    qapp: QCoreApplication, sample_package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = _tool()
    monkeypatch.setattr(tool, "TS_DIR", tmp_path / "ts")
    (tmp_path / "ts").mkdir()
    _translate(
        tool,
        tmp_path / "ts",
        sample_package,
        {
            "Open folder": ["Ordner öffnen"],
            "Open": ["Öffnen"],
            "%n book(s) found": ["%n Buch gefunden", "%n Bücher gefunden"],
            "Imported {title}": ["{title} importiert"],
            "Failed": ["Fehlgeschlagen"],
        },
    )
    messages, _ = tool.extract(sample_package)
    assert tool.check_language("de", messages) == []
    tool.build(tmp_path / "qm")
    translator = QTranslator()
    assert translator.load("rmab_de", str(tmp_path / "qm"))
    qapp.installTranslator(translator)
    try:
        from rmab_desktop.ui import translations

        i18n.install(translations._qt_translate)
        tr = Translator("SamplePage")
        assert tr("Open folder") == "Ordner öffnen"
        assert tr("Open", "verb on a book") == "Öffnen"
        assert tr.n("%n book(s) found", 1) == "1 Buch gefunden"
        assert tr.n("%n book(s) found", 4) == "4 Bücher gefunden"
        assert tr("Imported {title}").format(title="Dune") == "Dune importiert"
        assert tr("Not in the catalogue") == "Not in the catalogue"
    finally:
        qapp.removeTranslator(translator)
        i18n.install(None)


def test_language_choice_follows_the_system_and_keeps_its_region() -> None:
    from rmab_desktop.ui import translations

    assert translations.resolve("de") == "de"
    assert translations.resolve("pt") == "en"
    assert translations.resolve("system", QLocale("fr_CA")) == "fr"
    assert translations.resolve("system", QLocale("ja_JP")) == "en"
    assert translations.locale_for("de", QLocale("de_AT")).name() == "de_AT"
    assert translations.locale_for("de", QLocale("en_GB")).name() == "de_DE"
