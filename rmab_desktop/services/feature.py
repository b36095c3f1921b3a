"""The one way a feature plugs into the app: it declares what it contributes in a :class:`Feature`.

A feature package under ``services/`` builds its service(s) from explicit dependencies and
returns one ``Feature`` from a ``feature(...)`` function: its job handlers (each with its
:class:`~rmab_desktop.domain.jobs.JobType` and typed payload), default schedules, health check
providers, event kinds with their notification wording, and its settings models. The composition
root (``rmab_desktop/bootstrap.py``) builds the services in dependency order and collects every
feature's contributions in one list; nothing else registers anything.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel

from rmab_desktop.domain.job_payloads import JobPayload
from rmab_desktop.domain.jobs import JobType

if TYPE_CHECKING:
    from rmab_desktop.services.events import EventKind
    from rmab_desktop.services.health.checks import ServiceCheck
    from rmab_desktop.services.job_executor import JobContext
    from rmab_desktop.services.scheduler import ScheduleDefinition

P = TypeVar("P", bound=JobPayload)


@dataclass(frozen=True)
class JobSpec(Generic[P]):
    """One job type: the executor decodes the stored payload into ``payload`` before calling."""

    type: JobType
    payload: builtins.type[P]  # builtins: the field `type` above shadows the name here
    handler: Callable[[JobContext, P], dict[str, Any] | None]
    title: str  # what the Activity page calls it: a Translator.mark()ed text
    quiet: bool = False  # no Started/Finished events (polling jobs that run every few seconds)


@dataclass(frozen=True)
class EventSpec:
    """An event kind a feature publishes, how notification settings name it, and its default."""

    kind: EventKind
    label: str
    notify_by_default: bool = False


@dataclass(frozen=True)
class SettingsSpec:
    """A feature's settings model, stored under ``key`` in the shared configuration table."""

    key: str
    model: type[BaseModel]
    title: str


@dataclass(frozen=True)
class Feature:
    name: str
    jobs: tuple[JobSpec[Any], ...] = ()
    schedules: tuple[ScheduleDefinition, ...] = ()
    health_checks: tuple[Callable[[], Iterable[ServiceCheck]], ...] = ()
    events: tuple[EventSpec, ...] = ()
    settings: tuple[SettingsSpec, ...] = ()
