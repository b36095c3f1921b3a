"""Watched authors and series (``watched_entities``): new releases are requested automatically."""
