"""Releases as JSON in job payloads: the grab and monitor jobs carry the remaining candidates, so
a failed download moves on to the next accepted release without searching again."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from rmab_desktop.domain.releases import RankedRelease, Release, ReleaseFile

MAX_CANDIDATES = 10


def release_to_payload(release: Release) -> dict[str, Any]:
    data = dataclasses.asdict(release)
    data.pop("extra", None)
    data["publish_date"] = release.publish_date.isoformat() if release.publish_date else None
    return data


def release_from_payload(data: dict[str, Any]) -> Release:
    known = {f.name for f in dataclasses.fields(Release)} - {"extra"}
    values = {k: v for k, v in data.items() if k in known}
    if values.get("publish_date"):
        values["publish_date"] = datetime.fromisoformat(values["publish_date"])
    for key in ("categories", "flags"):
        if key in values:
            values[key] = tuple(values[key] or ())
    values["http_files"] = tuple(ReleaseFile(**f) for f in values.get("http_files") or ())
    return Release(**values)


def candidate_to_payload(ranked: RankedRelease) -> dict[str, Any]:
    return {
        "release": release_to_payload(ranked.release),
        "accepted": ranked.accepted,
        "score": ranked.score,
        "parts": dict(ranked.parts),
        "reasons": list(ranked.reasons),
    }


def candidate_from_payload(data: dict[str, Any]) -> RankedRelease:
    return RankedRelease(
        release=release_from_payload(data["release"]),
        accepted=bool(data.get("accepted")),
        score=float(data.get("score") or 0.0),
        parts=dict(data.get("parts") or {}),
        reasons=list(data.get("reasons") or []),
    )
