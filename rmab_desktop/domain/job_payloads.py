"""Typed, versioned job payloads: what an enqueue writes and a handler reads back.

Each job type has one frozen dataclass deriving from :class:`JobPayload`, kept next to the job's
handler in the owning feature. The stored JSON carries ``"v"``; a payload stored by an older
version is brought forward by :meth:`JobPayload.upgrade`, and one from a newer version or of the
wrong shape fails with a worded :class:`JobPayloadError` instead of a ``KeyError`` in a handler.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, ClassVar, Self, TypeVar

from pydantic import TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from rmab_desktop.domain.errors import RmabError


class JobPayloadError(RmabError):
    """A stored payload cannot be read: wrong shape, or written by a newer version of the app."""


@dataclasses.dataclass(frozen=True)
class JobPayload:
    VERSION: ClassVar[int] = 1

    def to_json(self) -> dict[str, Any]:
        return {"v": self.VERSION, **dataclasses.asdict(self)}

    @classmethod
    def upgrade(cls, fields: dict[str, Any], version: int) -> dict[str, Any]:
        """Bring the fields of a ``version`` payload up to :attr:`VERSION` (override on a bump)."""
        return fields

    @classmethod
    def from_json(cls, data: Any) -> Self:
        if not isinstance(data, Mapping):
            raise JobPayloadError(
                f"The job's details are not readable ({type(data).__name__} instead of an object).",
                hint="Cancel the job and start the action again.",
            )
        fields = dict(data)
        version = fields.pop("v", 1)  # payloads from before versioning are version 1
        if not isinstance(version, int) or version > cls.VERSION:
            raise JobPayloadError(
                f"This job was saved by a newer version of the app (details version {version!r}).",
                hint="Update the app, or cancel the job and start the action again.",
            )
        if version < cls.VERSION:
            fields = cls.upgrade(fields, version)
        try:
            return _adapter(cls).validate_python(fields)
        except PydanticValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in error['loc']) or 'payload'}: {error['msg']}"
                for error in exc.errors()
            )
            raise JobPayloadError(
                f"The job's details are not valid: {problems}.",
                hint="Cancel the job and start the action again.",
            ) from None


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}
_T = TypeVar("_T")


def _adapter(cls: type[_T]) -> TypeAdapter[_T]:
    adapter = _ADAPTERS.get(cls)
    if adapter is None:
        adapter = _ADAPTERS[cls] = TypeAdapter(cls)
    return adapter


@dataclasses.dataclass(frozen=True)
class NoPayload(JobPayload):
    """For jobs that need no details (scheduled sweeps)."""
