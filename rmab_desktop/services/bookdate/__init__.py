"""BookDate: recommendation cards to swipe, from an AI provider or the local recommender."""

from __future__ import annotations

from rmab_desktop.services.bookdate.service import PROVIDERS, BookDateService
from rmab_desktop.services.feature import Feature

__all__ = ["PROVIDERS", "BookDateService", "feature"]


def feature(service: BookDateService) -> Feature:
    """BookDate has no jobs or schedules: batches are fetched on demand, ahead of the deck running out."""
    del service
    return Feature(name="bookdate")
