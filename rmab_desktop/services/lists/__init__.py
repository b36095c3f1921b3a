"""Recommendation lists and tier lists; owner of ``user_lists``, ``user_list_tiers``, ``user_list_items``."""

from __future__ import annotations

from rmab_desktop.services.lists.service import BookRef, ListService

__all__ = ["BookRef", "ListService"]
