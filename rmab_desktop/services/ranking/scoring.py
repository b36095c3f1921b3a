"""Order among accepted releases: format, bitrate for the runtime, indexer, flags, availability, age,
preferred words and how fully the release names the book. Every part is returned with a reason."""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.releases import Release
from rmab_desktop.services.ranking.gate import GateResult, estimated_kbps
from rmab_desktop.services.ranking.prefs import RankingPrefs
from rmab_desktop.services.ranking.text import Token, words
from rmab_desktop.services.ranking.vocabulary import FORMAT_WORDS, bitrate_of

tr = Translator("ReleaseRanking")  # one context for every ranking reason and verdict

_KBPS_UNITS = frozenset({"kbps", "kbit", "kbits", "kb", "k"})
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def flag_key(name: str) -> str:
    """ "G_Freeleech", "freeleech", "Double_Upload" -> "freeleech", "doubleupload"."""
    return _NOT_ALNUM.sub("", name.lower().removeprefix("g_"))


def detect_formats(tokens: list[Token], release: Release) -> list[str]:
    found: list[str] = []
    hints = [str(release.extra.get("format") or ""), str(release.extra.get("file_name") or "")]
    for word in [t.text for t in tokens] + [w for hint in hints if hint for w in words(hint)]:
        fmt = FORMAT_WORDS.get(word)
        if fmt and fmt not in found:
            found.append(fmt)
    return found


def title_bitrate(tokens: list[Token]) -> int | None:
    for k, token in enumerate(tokens):
        value = bitrate_of(token.text)
        if value:
            return value
        if token.text.isdigit() and k + 1 < len(tokens) and tokens[k + 1].text in _KBPS_UNITS:
            number = int(token.text)
            if 8 <= number <= 3000:
                return number
    return None


def score(
    release: Release,
    gate: GateResult,
    prefs: RankingPrefs,
    runtime_minutes: int | None,
    now: datetime | None = None,
    *,
    kind: str = "audiobook",
) -> tuple[dict[str, float], list[str]]:
    parts: dict[str, float] = {}
    reasons: list[str] = []
    tokens = gate.tokens
    if kind == "ebook":
        _ebook_format(tokens, prefs, parts, reasons)
    else:
        _audio_quality(release, tokens, prefs, runtime_minutes, parts, reasons)
    _availability(release, prefs, now, parts, reasons)
    _words_and_match(tokens, gate, prefs, parts, reasons)
    return {key: round(value, 2) for key, value in parts.items()}, reasons


def _ebook_format(
    tokens: list[Token], prefs: RankingPrefs, parts: dict[str, float], reasons: list[str]
) -> None:
    order = prefs.ebook_format_order
    present = {t.text for t in tokens}
    fmt = next((f for f in order if f in present), "other")
    rank = order.index(fmt) if fmt in order else len(order) - 1
    parts["format"] = prefs.format_weight * (len(order) - 1 - rank) / max(1, len(order) - 1)
    reasons.append(
        tr("{format}: ebook preference {rank} of {count}").format(
            format=fmt.upper(), rank=rank + 1, count=len(order)
        )
    )


def _audio_quality(
    release: Release,
    tokens: list[Token],
    prefs: RankingPrefs,
    runtime_minutes: int | None,
    parts: dict[str, float],
    reasons: list[str],
) -> None:
    formats = detect_formats(tokens, release)
    order = prefs.format_order
    fmt = min(formats, key=order.index) if formats else "other"
    rank = order.index(fmt)
    parts["format"] = prefs.format_weight * (len(order) - 1 - rank) / max(1, len(order) - 1)
    shown = fmt.upper() if formats else tr("unknown format")
    others = ", ".join(f.upper() for f in formats if f != fmt)
    preference = (
        tr("{format}: preference {rank} of {count} (also names {others})")
        if len(formats) > 1
        else tr("{format}: preference {rank} of {count}")
    )
    reasons.append(preference.format(format=shown, rank=rank + 1, count=len(order), others=others))

    kbps = estimated_kbps(release.size_bytes, runtime_minutes)
    source = tr("estimated from size and runtime")
    if kbps is None:
        kbps = title_bitrate(tokens)
        source = tr("from the release name")
    window = prefs.window(fmt)
    weight = prefs.bitrate_weight
    if kbps is None:
        parts["bitrate"] = weight * 0.4
        reasons.append(tr("Bitrate unknown (no runtime or size)"))
    else:
        if kbps < window.low:
            parts["bitrate"] = weight * kbps / window.low
            verdict = tr("About {kbps} kbps ({source}), below the {format} window {low}-{high}")
        elif kbps <= window.high:
            parts["bitrate"] = weight
            verdict = tr("About {kbps} kbps ({source}), inside the {format} window {low}-{high}")
        else:
            parts["bitrate"] = weight * max(0.5, window.high / kbps)
            verdict = tr("About {kbps} kbps ({source}), above the {format} window {low}-{high}")
        reasons.append(
            verdict.format(
                kbps=f"{kbps:.0f}",
                source=source,
                format=fmt,
                low=f"{window.low:.0f}",
                high=f"{window.high:.0f}",
            )
        )


def _availability(
    release: Release, prefs: RankingPrefs, now: datetime | None, parts: dict[str, float], reasons: list[str]
) -> None:
    priority = min(50, max(1, release.indexer_priority))
    parts["indexer"] = prefs.indexer_weight * (50 - priority) / 49
    reasons.append(
        tr("Indexer {indexer} priority {priority}").format(indexer=release.indexer, priority=priority)
        if release.indexer
        else tr("Indexer priority {priority}").format(priority=priority)
    )

    flag_points = 0.0
    scores = {flag_key(name): value for name, value in prefs.flag_scores.items()}
    for flag in dict.fromkeys(flag_key(f) for f in release.flags):
        points = scores.get(flag)
        if points:
            flag_points += points
            reasons.append(tr("Flag {flag}: {points}").format(flag=flag, points=f"{points:+g}"))
    parts["flags"] = flag_points

    if release.protocol == "torrent":
        if release.seeders is None:
            parts["seeders"] = prefs.seeders_weight * 0.3
            reasons.append(tr("Seeders unknown"))
        else:
            fraction = min(1.0, math.log10(release.seeders + 1) / 2)
            parts["seeders"] = prefs.seeders_weight * fraction
            reasons.append(tr.n("%n seeder(s)", release.seeders))
    else:
        parts["seeders"] = prefs.usenet_availability
        reasons.append(
            tr("{protocol} download (no seeders needed)").format(protocol=release.protocol.capitalize())
        )

    if release.publish_date is not None:
        published = release.publish_date
        if published.tzinfo is None:
            published = published.replace(tzinfo=UTC)
        days = max(0.0, ((now or datetime.now(UTC)) - published).total_seconds() / 86400)
        parts["age"] = prefs.age_weight * max(0.0, 1 - days / 3650)
        reasons.append(tr.n("Published %n day(s) ago", round(days)))
    else:
        parts["age"] = 0.0


def _words_and_match(
    tokens: list[Token], gate: GateResult, prefs: RankingPrefs, parts: dict[str, float], reasons: list[str]
) -> None:
    present = tuple(t.text for t in tokens)
    word_points = 0.0
    for phrase in prefs.preferred_words:
        seq = words(phrase)
        n = len(seq)
        if seq and seq[0] in present and any(present[k : k + n] == seq for k in range(len(present) - n + 1)):
            word_points += prefs.preferred_word_points
            reasons.append(
                tr("Preferred word “{word}”: {points}").format(
                    word=phrase, points=f"+{prefs.preferred_word_points:g}"
                )
            )
    parts["words"] = word_points

    match = 10.0 if gate.author_found else 0.0
    match += 3.0 if gate.subtitle_found else 0.0
    match += 3.0 if gate.narrator_found else 0.0
    if gate.narrator_found:
        reasons.append(tr("Narrator named"))
    if gate.subtitle_found:
        reasons.append(tr("Subtitle named"))
    parts["match"] = match
