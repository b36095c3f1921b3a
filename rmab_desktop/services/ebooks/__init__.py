"""Ebooks as first-class requests: free sources (Gutenberg, Standard Ebooks, Internet Archive)
searched beside the indexers' ebook categories. Importing lives in services/organize/ebooks.py,
EPUB metadata in services/tagging/ebooks.py."""

from rmab_desktop.services.ebooks.search import WithFreeEbooks
from rmab_desktop.services.ebooks.sources import FreeEbookSources
from rmab_desktop.services.feature import Feature

__all__ = ["FreeEbookSources", "WithFreeEbooks", "feature"]


def feature(sources: FreeEbookSources) -> Feature:
    """The free sources have no jobs or schedules of their own: the pipeline's search asks them
    (through :class:`WithFreeEbooks`), and their settings live in the preferences (``ebooks``)."""
    return Feature(name="ebooks")
