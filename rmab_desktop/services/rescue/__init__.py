"""Rescuing a stuck request: import files by hand, search again with other words, re-check the
library, start over, and delete a request together with its files (after a preview)."""

from rmab_desktop.services.feature import Feature
from rmab_desktop.services.rescue.deletion import DeletionPlan, PlannedRemoval
from rmab_desktop.services.rescue.service import RequestRescue

__all__ = ["DeletionPlan", "PlannedRemoval", "RequestRescue", "feature"]


def feature(rescue: RequestRescue) -> Feature:
    """Rescue runs no job of its own: it queues the organize and search jobs of the request
    journey (an import by hand is an organize job with ``manual=True``)."""
    return Feature(name="rescue")
