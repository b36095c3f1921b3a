"""The app's language: Qt translators for our messages and Qt's own, and the default locale.

Installed once at start-up, before the first window is built. The choice is ``prefs.language``
("system" follows the desktop) unless ``rmab-desktop --language`` overrides it for one run; a
change in Settings applies at the next start. Dates, numbers and sizes follow the same locale
through ``QLocale()`` (see ``ui/formatting.py``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from rmab_desktop.domain import i18n
from rmab_desktop.ui.icons import resources_dir

log = logging.getLogger(__name__)

# Each language in its own words, as the Settings choice shows it.
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch", "fr": "Français", "es": "Español"}
SYSTEM = "system"

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resources_dir() / "translations"


def resolve(choice: str | None, system: QLocale | None = None) -> str:
    """A supported language code for a choice ("system", a code, or None); English otherwise."""
    if choice and choice != SYSTEM:
        code = choice.split("_")[0].lower()
        return code if code in LANGUAGES else "en"
    locale = system or QLocale.system()
    code = QLocale.languageToCode(locale.language())
    return code if code in LANGUAGES else "en"


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The system's own locale when it speaks ``language`` (keeps en_GB dates, de_AT...),
    otherwise the language's main locale."""
    system = system or QLocale.system()
    if QLocale.languageToCode(system.language()) == language:
        return system
    return QLocale(language)


def install(app: QCoreApplication, language: str) -> str:
    """Make ``language`` the app's language; returns the code actually used."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(locale_for(language))
    sources = [(translations_dir(), f"rmab_{language}")]
    if language != "en":
        sources.append(
            (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), f"qtbase_{language}")
        )
    for folder, name in sources:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
        elif name.startswith("rmab_"):
            log.warning("No translation file %s.qm in %s; the app stays in English", name, folder)
    i18n.install(_qt_translate)
    return language


def _qt_translate(context: str, source: str, disambiguation: str | None, n: int) -> str:
    return QCoreApplication.translate(context, source, disambiguation, n)
