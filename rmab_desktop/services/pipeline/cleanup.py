"""The ``downloads.cleanup`` job: remove finished downloads once the request no longer needs them
and the torrent has met its seeding targets (ratio and/or time, per indexer, stored at grab time)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rmab_desktop.domain.downloads import DownloadItem, DownloadState
from rmab_desktop.domain.enums import EventLevel, RequestStatus
from rmab_desktop.domain.errors import RmabError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.job_executor import JobContext
from rmab_desktop.services.pipeline.acquisition import CONTEXT, PipelineDeps

tr = Translator("DownloadCleanup")  # job log lines, written in the current language

DONE_WITH = frozenset(
    {RequestStatus.AVAILABLE.value, RequestStatus.CANCELLED.value, RequestStatus.FAILED.value}
)


@dataclass(frozen=True)
class _Finished:
    history_id: int
    title: str
    protocol: str
    client_id: str
    item_id: str
    ratio_target: float | None
    seconds_target: int | None


def seeding_met(item: DownloadItem, ratio_target: float | None, seconds_target: int | None) -> bool:
    """Every target that is set is reached; an unknown ratio or time counts as not reached."""
    if not ratio_target and not seconds_target:
        return False  # no target: seed for ever
    ratio_ok = not ratio_target or (item.ratio is not None and item.ratio >= ratio_target)
    time_ok = not seconds_target or (
        item.seeding_seconds is not None and item.seeding_seconds >= seconds_target
    )
    return ratio_ok and time_ok


def _finished(deps: PipelineDeps) -> tuple[list[_Finished], set[str]]:
    """Downloads whose request is done with them, and the item ids other requests still need."""
    finished, in_use = [], set()
    for row, status, deleted_at in deps.history.completed_in_client():
        if deleted_at is None and status not in DONE_WITH:
            in_use.add(row.item_id)
            continue
        finished.append(
            _Finished(
                row.id,
                row.release_title,
                row.protocol,
                row.client_id,
                row.item_id,
                row.seeding_ratio,
                row.seeding_seconds,
            )
        )
    return finished, in_use


def cleanup(deps: PipelineDeps, ctx: JobContext) -> dict[str, Any]:
    settings = deps.downloads.settings()
    finished, in_use = _finished(deps)
    removed: list[int] = []
    for entry in finished:
        if entry.item_id in in_use:
            continue
        try:
            if entry.protocol == "torrent":
                item = deps.downloads.status(entry.client_id, entry.item_id)
                if item.state != DownloadState.MISSING and not seeding_met(
                    item, entry.ratio_target, entry.seconds_target
                ):
                    continue
                if item.state != DownloadState.MISSING:
                    deps.downloads.remove(entry.client_id, entry.item_id, delete_data=True)
            elif settings.remove_usenet_after_import:
                deps.downloads.remove(entry.client_id, entry.item_id, delete_data=True)
            else:
                continue
        except RmabError as exc:
            ctx.event(
                tr("Cleanup of '{title}' skipped: {reason}").format(
                    title=entry.title, reason=exc.user_message
                ),
                EventLevel.WARNING,
                context=CONTEXT,
            )
            continue
        deps.history.mark_removed(entry.history_id)
        removed.append(entry.history_id)
        ctx.event(
            tr("Removed '{title}' from the download client (seeding done)").format(title=entry.title),
            context=CONTEXT,
        )
    return {"removed": removed, "checked": len(finished)}
