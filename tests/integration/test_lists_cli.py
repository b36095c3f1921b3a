"""``rmab lists ...`` end to end, with the catalog (titles and covers) at the fake Audible server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from rmab_desktop.cli import main
from rmab_desktop.settings import Preferences, SettingsStore
from tests.fakes.audible_server import FakeAudible, generated_product

TITLES = [
    "The Long Way Home",
    "Salt and Iron",
    "Quiet Rivers",
    "Northern Lights Over Oslo",
    "The Glass Orchard",
    "Harbour of Small Hours",
    "A Map of Lost Things",
    "Seven Winters",
]
TIER_OF = ["S", "S", "A", "A", "B", "C", "D", "S"]


@pytest.fixture
def fake() -> Iterator[FakeAudible]:
    products: list[dict[str, Any]] = []
    for index, title in enumerate(TITLES):
        product = generated_product(index)
        product.update(title=title, authors=[{"name": f"Writer {index}"}])
        products.append(product)
    server = FakeAudible(products=products).start()
    yield server
    server.stop()


@pytest.fixture
def rmab(tmp_path: Path, database_url: str, fake: FakeAudible, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    prefs = Preferences()
    prefs.catalog.audible_base_url = fake.base_url
    prefs.catalog.audnexus_base_url = fake.base_url
    SettingsStore(tmp_path / "config" / "settings.json").save(prefs)

    def run(*argv: str) -> tuple[int, Any, str]:
        code = main(["--profile-dir", str(tmp_path), "--database-url", database_url, *argv])
        out, err = capsys.readouterr()
        return code, (json.loads(out) if "--json" in argv and code == 0 else out), err

    return run


def _asin(index: int) -> str:
    return f"B0GEN{index:05d}"


def _tier_list(rmab) -> None:  # type: ignore[no-untyped-def]
    assert rmab("lists", "create", "Best of 2026", "--kind", "tier")[0] == 0
    for index, tier in enumerate(TIER_OF):
        code, _, err = rmab("lists", "add", "best of 2026", _asin(index), "--tier", tier)
        assert code == 0, err


def test_tier_list_from_the_command_line(rmab) -> None:  # type: ignore[no-untyped-def]
    _tier_list(rmab)
    code, shown, _ = rmab(
        "lists", "move", "Best of 2026", _asin(7), "--tier", "A", "--position", "0", "--json"
    )
    assert code == 0
    assert [(i["asin"], i["tier"], i["title"]) for i in shown["items"][:3]] == [
        (_asin(0), "S", "The Long Way Home"),
        (_asin(1), "S", "Salt and Iron"),
        (_asin(7), "A", "Seven Winters"),
    ]
    code, shown, _ = rmab("lists", "remove", str(shown["id"]), _asin(0), "--json")
    assert [i["asin"] for i in shown["items"] if i["tier"] == "S"] == [_asin(1)]
    code, _, err = rmab("lists", "add", "Best of 2026", _asin(2), "--tier", "Z")
    assert code == 2 and err.splitlines() == [
        "error: 'Best of 2026' has no tier 'Z'.",
        "hint: Its tiers: S, A, B, C, D.",
    ]
    code, _, err = rmab("lists", "show", "Nope")
    assert code == 2 and err.startswith("error: There is no list 'Nope'.")


@pytest.mark.parametrize("size", ["1200x630", "1080x1080"])
def test_tier_list_share_image_has_covers_and_tier_colours(rmab, tmp_path: Path, size: str) -> None:  # type: ignore[no-untyped-def]
    _tier_list(rmab)
    for theme in ("light", "dark"):
        out = tmp_path / f"tiers-{size}-{theme}.png"
        code, _, err = rmab(
            "lists", "image", "Best of 2026", "--size", size, "--theme", theme, "-o", str(out)
        )
        assert code == 0, err
        image = Image.open(out).convert("RGB")
        assert image.size == tuple(int(n) for n in size.split("x"))
        colours = {c for _, c in image.getcolors(maxcolors=1_000_000) or []}
        assert {(0xFF, 0x7F, 0x7F), (0xFF, 0xBF, 0x7F), (0x7F, 0xBF, 0xFF)} <= colours  # S, A and D labels
        # the fake's covers carry a white inner frame on their colour: a cover was drawn, not a tile
        assert (255, 255, 255) in colours


def test_ranked_list_image_and_json_round_trip(rmab, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rmab("lists", "create", "Road trip")
    for index in range(6):
        rmab("lists", "add", "Road trip", _asin(index), "--note", f"note {index}")
    out = tmp_path / "ranked.png"
    assert rmab("lists", "image", "Road trip", "-o", str(out))[0] == 0
    assert Image.open(out).size == (1200, 630)
    exported = tmp_path / "road.json"
    assert rmab("lists", "export", "Road trip", "-o", str(exported))[0] == 0
    _, imported, _ = rmab("lists", "import", str(exported), "--name", "Road trip 2", "--json")
    assert [i["note"] for i in imported["items"]] == [f"note {n}" for n in range(6)]
