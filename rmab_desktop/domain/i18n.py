"""Translatable text for every layer, without Qt.

Each module that shows words to a user makes one :class:`Translator` for its context::

    tr = Translator("LibraryPage")
    tr("Open folder")
    tr.n("%n book(s)", count)             # plural forms; %n becomes the number
    tr("Imported {title}").format(title=t)  # placeholders are filled after translating
    LABEL = tr.mark("Failed")              # translated where it is shown, by text(LABEL)

The GUI installs Qt's ``QCoreApplication.translate`` as the backend at start-up (see
``rmab_desktop/ui/translations.py``); without a backend (the command line, unit tests) the English
source is used. ``tools/translations.py`` finds every call above and keeps
``resources/translations/*.ts`` in step; the first argument must therefore be a string literal.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Backend = Callable[[str, str, str | None, int], str]

_backend: Backend | None = None
_ENGLISH_PLURAL = re.compile(r"\((e?s)\)")


def install(backend: Backend | None) -> None:
    """Route every translation through ``backend(context, source, disambiguation, n)``."""
    global _backend
    _backend = backend


class Marked(str):
    """English text marked for translation, translated where it is shown (:func:`text`)."""

    __slots__ = ("context",)
    context: str

    def __new__(cls, source: str, context: str) -> Marked:
        marked = super().__new__(cls, source)
        marked.context = context
        return marked


class Translator:
    __slots__ = ("context",)

    def __init__(self, context: str) -> None:
        self.context = context

    def __call__(self, source: str, disambiguation: str | None = None) -> str:
        return _translate(self.context, source, disambiguation, -1)

    def n(self, source: str, count: int, disambiguation: str | None = None) -> str:
        return _translate(self.context, source, disambiguation, count)

    def mark(self, source: str) -> Marked:
        return Marked(source, self.context)


def text(value: str) -> str:
    """A :class:`Marked` string in the current language; any other string unchanged."""
    if isinstance(value, Marked):
        return _translate(value.context, str(value), None, -1)
    return value


def _translate(context: str, source: str, disambiguation: str | None, n: int) -> str:
    if _backend is not None:
        return _backend(context, source, disambiguation, n)
    if n < 0:
        return source
    # English without a catalogue: "%n book(s)" -> "1 book" / "3 books".
    plural = _ENGLISH_PLURAL.sub("" if n == 1 else r"\1", source)
    return plural.replace("%n", str(n))
