"""Help > Report a problem: the bundle holds what a developer needs and no secret at all."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from rmab_desktop.logging_setup import SecretRedactor
from rmab_desktop.services.diagnostics import DiagnosticsInputs, write_bundle

API_KEY = "a1b2c3d4e5f6g7h8"
PASSWORD = "hunter2-long"
TOKEN = "plex-token-zzz"


def test_the_bundle_has_log_versions_settings_and_services_without_secrets(tmp_path: Path) -> None:
    redactor = SecretRedactor()
    redactor.register(API_KEY)
    log = tmp_path / "rmab-desktop.log"
    old = tmp_path / "rmab-desktop.log.1"
    old.write_text("2026-12-01 INFO old line\n")
    log.write_text(
        f"2026-12-03 INFO searching http://idx.local/api?t=search&apikey={API_KEY}&q=dune\n"
        f"2026-12-03 WARNING qbit at http://admin:{PASSWORD}@127.0.0.1:8080 refused\n"
        f"2026-12-03 INFO plex http://plex.local:32400/library?X-Plex-Token={TOKEN}\n"
    )
    inputs = DiagnosticsInputs(
        log_files=[log, old],
        settings={"theme": "dark", "catalog": {"region": "de"}, "extra": {"plex_token": TOKEN}},
        services=[
            {"kind": "torznab", "url": f"http://idx.local/api?apikey={API_KEY}", "api_key": API_KEY},
            {
                "kind": "qbittorrent",
                "url": "http://127.0.0.1:8080",
                "password": PASSWORD,
                "username": "admin",
            },
        ],
        database={"backend": "postgresql", "url": f"postgresql://rmab:{PASSWORD}@db/rmab"},
        versions={"qt": "6.11.0"},
    )
    bundle = write_bundle(tmp_path / "report.zip", inputs, redactor.redact)
    with zipfile.ZipFile(bundle) as archive:
        names = set(archive.namelist())
        contents = {name: archive.read(name).decode() for name in names}
    assert names == {
        "about.json",
        "settings.json",
        "services.json",
        "database.json",
        "rmab-desktop.log",
        "README.txt",
    }
    everything = "\n".join(contents.values())
    for secret in (API_KEY, PASSWORD, TOKEN):
        assert secret not in everything
    about = json.loads(contents["about.json"])
    assert about["qt"] == "6.11.0" and "SQLAlchemy" in about["components"] and about["os"]
    assert json.loads(contents["settings.json"])["catalog"] == {"region": "de"}
    services = json.loads(contents["services.json"])
    assert services[1]["username"] == "admin" and services[0]["kind"] == "torznab"
    log_text = contents["rmab-desktop.log"]
    assert log_text.index("old line") < log_text.index("searching")  # rotated file first
    assert "t=search&apikey=********&q=dune" in log_text and "X-Plex-Token=********" in log_text
    assert not list(tmp_path.glob("*.partial"))
