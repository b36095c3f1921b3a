"""Settings > Indexers (table, editor, Test against a fake Torznab server, keys in the keychain) and
Settings > Ranking (edits saved to the configuration, live "try it" verdict)."""

from __future__ import annotations

from pathlib import Path

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.services.credentials import KeyringState
from rmab_desktop.services.indexers import IndexerType
from rmab_desktop.services.ranking import CONFIG_KEY, RankingPrefs
from rmab_desktop.ui.dialogs.indexer_settings import IndexerSettings
from rmab_desktop.ui.dialogs.ranking_settings import RankingSettings, parse_flags
from rmab_desktop.ui.dialogs.settings_registry import SETTINGS_SECTIONS
from rmab_desktop.ui.secret_places import SAVED_SECRET
from rmab_desktop.ui.shell import Shell
from tests.fakes.indexer_payloads import FakeRelease
from tests.fakes.prowlarr_server import API_KEY as PROWLARR_KEY
from tests.fakes.prowlarr_server import FakeIndexer, ProwlarrServer
from tests.fakes.torznab_server import API_KEY, TorznabServer


def _section(key: str, core: AppCore, shell: Shell):  # type: ignore[no-untyped-def]
    (section,) = [s for s in SETTINGS_SECTIONS if s.key == key]
    return section.factory(core, shell)


def test_indexers_add_test_and_save(
    qtbot, qtmodeltester, shell: Shell, core: AppCore, tmp_path: Path
) -> None:
    widget = _section("indexers", core, shell)
    qtbot.addWidget(widget)
    assert isinstance(widget, IndexerSettings) and not widget.editor.isEnabled()
    with TorznabServer([FakeRelease("Frank Herbert - Dune [M4B]")]) as server:
        widget.add()
        assert widget.editor.isEnabled() and widget.model.rowCount() == 1
        widget.name_edit.setText("My tracker")
        widget.type_combo.setCurrentIndex(1)
        widget.url_edit.setText(server.url)
        widget.categories_edit.setText("3030, 3130")
        widget.priority_spin.setValue(5)
        widget.ratio_spin.setValue(1.5)
        widget.api_limit_spin.setValue(100)
        widget.grab_limit_spin.setValue(5)
        widget.key_edit.setText("wrong")
        widget.key_edit.textEdited.emit("wrong")
        widget.tester.run()
        assert widget.tester.ok is False and "API key" in widget.tester.result.text()
        widget.key_edit.setText(API_KEY)
        widget.key_edit.textEdited.emit(API_KEY)
        widget.tester.run()
        assert widget.tester.result.text().startswith("✓ Fake Indexer answered"), widget.tester.result.text()
        assert "Today: 0 of 100 searches, 0 of 5 grabs." in widget.tester.result.text()
        widget.grab().save(str(tmp_path / "indexers.png"))
        assert widget.apply()
    qtmodeltester.check(widget.model)
    [saved] = core.indexers.configs()
    assert (saved.name, saved.type, saved.priority, saved.categories) == (
        "My tracker",
        IndexerType.TORZNAB,
        5,
        [3030, 3130],
    )
    assert saved.seed_ratio == 1.5 and API_KEY not in saved.model_dump_json()
    assert (saved.api_limit, saved.grab_limit) == (100, 5)
    assert core.credentials.get(saved.secret_name()) == API_KEY
    again = IndexerSettings(core.indexers, core.credentials, shell.runner)
    qtbot.addWidget(again)
    assert (
        again.name_edit.text() == "My tracker"
        and again.key_edit.placeholderText() == SAVED_SECRET[KeyringState.SECURE]
    )
    again.remove()
    again.apply()
    assert core.indexers.configs() == []


def test_prowlarr_categories_per_indexer(
    qtbot, qtmodeltester, shell: Shell, core: AppCore, tmp_path: Path
) -> None:
    widget = IndexerSettings(core.indexers, core.credentials, shell.runner)
    qtbot.addWidget(widget)
    indexers = [FakeIndexer(1, "AudioTracker"), FakeIndexer(2, "EbookSite", protocol="usenet", priority=3)]
    with ProwlarrServer(indexers) as server:
        widget.add()
        widget.type_combo.setCurrentIndex(0)
        assert not widget.prowlarr_box.isHidden()
        widget.url_edit.setText(server.url)
        widget.url_edit.editingFinished.emit()
        widget.key_edit.setText(PROWLARR_KEY)
        widget.key_edit.textEdited.emit(PROWLARR_KEY)
        widget.load_prowlarr_indexers()
        assert widget.prowlarr_model.rowCount() == 2 and "2 indexers" in widget.status.text()
        qtmodeltester.check(widget.prowlarr_model)
        row = widget.prowlarr_proxy.mapFromSource(
            widget.prowlarr_model.index(widget.prowlarr_model.row_of(2), 0)
        )
        widget.prowlarr_table.setCurrentIndex(row)
        widget.audio_cats.setText("none")
        widget.ebook_cats.setText("7020, 7050")
        widget.audio_cats.editingFinished.emit()
        audiobooks = {
            i: widget.prowlarr_model.index(widget.prowlarr_model.row_of(i), 3).data() for i in (1, 2)
        }
        assert audiobooks[2] == "skipped" and audiobooks[1].startswith("default")
        widget.grab().save(str(tmp_path / "prowlarr.png"))
        widget.apply()
    [saved] = core.indexers.configs()
    assert saved.type == IndexerType.PROWLARR and saved.url == server.url
    assert saved.indexer_categories == {2: []} and saved.indexer_ebook_categories == {2: [7020, 7050]}


def test_ranking_edits_are_saved_and_explained(qtbot, shell: Shell, core: AppCore, tmp_path: Path) -> None:
    widget = _section("ranking", core, shell)
    qtbot.addWidget(widget)
    assert isinstance(widget, RankingSettings)
    assert widget.verdict.toPlainText().startswith("✔ Accepted")
    widget.try_release.setText("Brandon Sanderson - Words of Radiance (Stormlight Archive 2) [M4B]")
    widget.try_it()
    assert (
        widget.verdict.toPlainText().startswith("✘ Rejected")
        and "title words missing" in widget.verdict.toPlainText()
    )
    widget.format_view.setCurrentIndex(widget.format_model.index(3, 0))  # MP3 up to first place
    for _ in range(3):
        widget._move(-1)
    widget.min_seeders.setValue(3)
    widget.forbidden.setText("sample, excerpt, bbc")
    widget.flags.setText("freeleech=12, broken, internal=3")
    widget.grab().save(str(tmp_path / "ranking.png"))
    assert widget.apply()
    saved = core.config.get_model(CONFIG_KEY, RankingPrefs)
    assert saved.format_order[0] == "mp3" and saved.min_seeders == 3
    assert saved.forbidden_words == ["sample", "excerpt", "bbc"]
    assert saved.flag_scores == {"freeleech": 12.0, "internal": 3.0}
    widget._show(RankingPrefs())
    assert widget.edited_prefs() == RankingPrefs()


def test_parse_flags() -> None:
    assert parse_flags("freeleech = 10,halfleech=4.5, junk") == {"freeleech": 10.0, "halfleech": 4.5}
