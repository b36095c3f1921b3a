"""Ranking preferences (household-wide, config key "ranking") with defaults a user can trust."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from rmab_desktop.services.ranking.languages import language_code

CONFIG_KEY = "ranking"
FORMATS = ("m4b", "flac", "m4a", "mp3", "other")


MULTI = "multi"  # in allowed_languages: releases in several languages are accepted


def language_codes(names: list[str]) -> list[str]:
    """["Deutsch", "fr", "multi", "klingon"] -> ["de", "fr", "multi"]: unknown names are dropped."""
    codes = [MULTI if name.strip().lower() == MULTI else language_code(name) for name in names]
    return list(dict.fromkeys(code for code in codes if code))


class BitrateWindow(BaseModel):
    """The kbps range in which a format sounds right; below it is thin, above it is bloat."""

    model_config = ConfigDict(extra="ignore")

    low: float
    high: float


def _default_windows() -> dict[str, BitrateWindow]:
    return {
        "m4b": BitrateWindow(low=48, high=256),
        "m4a": BitrateWindow(low=48, high=256),
        "mp3": BitrateWindow(low=64, high=320),
        "flac": BitrateWindow(low=300, high=1600),
        "other": BitrateWindow(low=48, high=512),
    }


class RankingPrefs(BaseModel):
    model_config = ConfigDict(extra="ignore")

    format_order: list[str] = Field(default_factory=lambda: list(FORMATS))
    bitrate_windows: dict[str, BitrateWindow] = Field(default_factory=_default_windows)
    min_kbps: float = 16.0  # below: a sample, an abridged edition or another book
    max_kbps: float = 2500.0  # above: a box set, video or lossless master of something else
    min_size_mb: float = 5.0  # used when the runtime is unknown
    min_seeders: int = 1
    max_ebook_mb: float = 100.0
    ebook_format_order: list[str] = Field(default_factory=lambda: ["epub", "azw3", "mobi", "pdf", "other"])
    require_author: bool = True
    reject_other_languages: bool = True
    # Languages accepted besides the book's own in automatic mode (ISO codes; "multi" accepts
    # releases in several languages).
    allowed_languages: list[str] = Field(default_factory=list)
    preferred_words: list[str] = Field(default_factory=lambda: ["unabridged", "chapterized", "chaptered"])
    forbidden_words: list[str] = Field(default_factory=lambda: ["sample", "excerpt", "preview", "summary"])
    preferred_word_points: float = 5.0
    flag_scores: dict[str, float] = Field(
        default_factory=lambda: {"freeleech": 10.0, "halfleech": 4.0, "double_upload": 2.0}
    )
    format_weight: float = 30.0
    bitrate_weight: float = 20.0
    indexer_weight: float = 10.0
    seeders_weight: float = 15.0
    age_weight: float = 3.0
    usenet_availability: float = 10.0  # usenet has no seeders: a fixed, fair availability score

    @field_validator("format_order")
    @classmethod
    def _known_formats(cls, value: list[str]) -> list[str]:
        cleaned = [v.strip().lower() for v in value if v.strip().lower() in FORMATS]
        ordered = list(dict.fromkeys(cleaned))
        return ordered + [f for f in FORMATS if f not in ordered]

    @field_validator("preferred_words", "forbidden_words")
    @classmethod
    def _clean_words(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(v.strip() for v in value if v and v.strip()))

    @field_validator("allowed_languages")
    @classmethod
    def _known_languages(cls, value: list[str]) -> list[str]:
        return language_codes(value)

    @field_validator("flag_scores")
    @classmethod
    def _clean_flags(cls, value: dict[str, float]) -> dict[str, float]:
        return {k.strip().lower(): float(v) for k, v in value.items() if k.strip()}

    def window(self, fmt: str) -> BitrateWindow:
        return self.bitrate_windows.get(fmt) or _default_windows().get(fmt) or _default_windows()["other"]
