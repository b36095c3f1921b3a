#!/usr/bin/env python3
"""Keeps the app's translations in step with the code, builds them, and checks them.

    tools/translations.py update          # find every Translator call; rewrite resources/translations/*.ts
    tools/translations.py build [--out D] # compile every .ts to a .qm with Qt's lrelease
    tools/translations.py check           # exit 1 if a message is missing, unfinished or broken

A message is a call on a ``Translator`` made in the same module (see rmab_desktop/domain/i18n.py):
``tr("text")``, ``tr("text", "disambiguation")``, ``tr.n("%n book(s)", count)``, ``tr.mark("text")``.
Its first argument must be a string literal; anything else is reported, because it could never be
translated. Translations are kept by (context, source, disambiguation); messages no longer in the
code are dropped. ``rmab_en.ts`` holds only the English plural forms.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml.ElementTree import parse as safe_parse

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "rmab_desktop"
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = {"de": "de_DE", "fr": "fr_FR", "es": "es_ES"}
ENGLISH = "en"
NUMERUS_FORMS = {"de": 2, "fr": 2, "es": 2, "en": 2}
PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_]*\}|%n|%L?[0-9]")


@dataclass(frozen=True, order=True)
class MessageKey:
    context: str
    source: str
    disambiguation: str = ""


@dataclass
class Message:
    key: MessageKey
    numerus: bool
    locations: list[str] = field(default_factory=list)


@dataclass
class Translation:
    forms: list[str]
    finished: bool


# -- extraction ---------------------------------------------------------------------------------


def _translator_names(tree: ast.Module) -> dict[str, str]:
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
            continue
        func = node.value.func
        called = (
            func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        )
        args = node.value.args
        if called != "Translator" or not args or not isinstance(args[0], ast.Constant):
            continue
        for target in node.targets:
            if isinstance(target, ast.Name) and isinstance(args[0].value, str):
                names[target.id] = args[0].value
    return names


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def extract_file(path: Path, messages: dict[MessageKey, Message], problems: list[str]) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = _translator_names(tree)
    if not names:
        return
    where = (path.relative_to(ROOT) if path.is_relative_to(ROOT) else path).as_posix()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in names:
            context, kind = names[func.id], "call"
        elif (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id in names
            and func.attr in ("n", "mark")
        ):
            context, kind = names[func.value.id], func.attr
        else:
            continue
        source = _literal(node.args[0]) if node.args else None
        if source is None:
            problems.append(f"{where}:{node.lineno}: the text given to a translator is not a string literal")
            continue
        extra = node.args[2] if kind == "n" and len(node.args) > 2 else None
        if kind == "call" and len(node.args) > 1:
            extra = node.args[1]
        disambiguation = _literal(extra) or "" if extra is not None else ""
        key = MessageKey(context, source, disambiguation)
        message = messages.setdefault(key, Message(key, numerus=kind == "n"))
        message.numerus = message.numerus or kind == "n"
        message.locations.append(f"{where}:{node.lineno}")


def extract(package: Path = PACKAGE) -> tuple[dict[MessageKey, Message], list[str]]:
    messages: dict[MessageKey, Message] = {}
    problems: list[str] = []
    for path in sorted(package.rglob("*.py")):
        extract_file(path, messages, problems)
    return messages, problems


# -- .ts files ----------------------------------------------------------------------------------


def ts_path(language: str) -> Path:
    return TS_DIR / f"rmab_{language}.ts"


def read_ts(path: Path) -> dict[MessageKey, Translation]:
    if not path.exists():
        return {}
    found: dict[MessageKey, Translation] = {}
    for context in safe_parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = MessageKey(name, message.findtext("source") or "", message.findtext("comment") or "")
            translation = message.find("translation")
            if translation is None:
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            if message.get("numerus") != "yes":
                forms = [translation.text or ""]
            finished = translation.get("type") not in ("unfinished", "vanished", "obsolete")
            found[key] = Translation(forms, finished and all(forms))
    return found


def english_forms(source: str) -> list[str]:
    return [source.replace("(s)", "").replace("(es)", ""), source.replace("(s)", "s").replace("(es)", "es")]


def write_ts(language: str, messages: list[Message], existing: dict[MessageKey, Translation]) -> None:
    root = ET.Element("TS", version="2.1", language=LANGUAGES.get(language, "en_US"))
    by_context: dict[str, list[Message]] = {}
    for message in sorted(messages, key=lambda m: m.key):
        by_context.setdefault(message.key.context, []).append(message)
    for context_name, items in by_context.items():
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for message in items:
            element = ET.SubElement(context, "message")
            if message.numerus:
                element.set("numerus", "yes")
            for filename in sorted({location.rsplit(":", 1)[0] for location in message.locations}):
                ET.SubElement(element, "location", filename=f"../../{filename}")
            ET.SubElement(element, "source").text = message.key.source
            if message.key.disambiguation:
                ET.SubElement(element, "comment").text = message.key.disambiguation
            known = existing.get(message.key)
            if known is None and language == ENGLISH:
                known = Translation(english_forms(message.key.source), True)
            translation = ET.SubElement(element, "translation")
            if known is None or not known.finished:
                translation.set("type", "unfinished")
            forms = known.forms if known is not None else []
            if message.numerus:
                wanted = NUMERUS_FORMS[language]
                for index in range(wanted):
                    ET.SubElement(translation, "numerusform").text = (
                        forms[index] if index < len(forms) else ""
                    )
            else:
                translation.text = forms[0] if forms else ""
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts_path(language).write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def _for_language(language: str, messages: dict[MessageKey, Message]) -> list[Message]:
    if language == ENGLISH:
        return [message for message in messages.values() if message.numerus]
    return list(messages.values())


def update() -> int:
    messages, problems = extract()
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for language in (*LANGUAGES, ENGLISH):
        write_ts(language, _for_language(language, messages), read_ts(ts_path(language)))
    print(f"{len(messages)} messages in {len({key.context for key in messages})} contexts")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


# -- checking -----------------------------------------------------------------------------------


def check_language(language: str, messages: dict[MessageKey, Message]) -> list[str]:
    problems: list[str] = []
    existing = read_ts(ts_path(language))
    wanted = _for_language(language, messages)
    for message in wanted:
        translation = existing.get(message.key)
        label = f"{ts_path(language).name}: [{message.key.context}] {message.key.source!r}"
        if translation is None:
            problems.append(f"{label}: missing (run tools/translations.py update)")
            continue
        if not translation.finished:
            problems.append(f"{label}: unfinished")
            continue
        if message.numerus and len(translation.forms) != NUMERUS_FORMS[language]:
            problems.append(
                f"{label}: {len(translation.forms)} plural forms, {NUMERUS_FORMS[language]} wanted"
            )
        expected = sorted(set(PLACEHOLDER.findall(message.key.source)) - {"%n"})
        for form in translation.forms:
            if sorted(set(PLACEHOLDER.findall(form)) - {"%n"}) != expected:
                problems.append(f"{label}: placeholders {expected} not kept in {form!r}")
    stale = set(existing) - {message.key for message in wanted}
    problems.extend(
        f"{ts_path(language).name}: no longer in the code: {key.source!r}" for key in sorted(stale)
    )
    return problems


def check() -> int:
    messages, problems = extract()
    for language in (*LANGUAGES, ENGLISH):
        problems.extend(check_language(language, messages))
    for problem in problems:
        print(problem)
    print(f"{len(messages)} messages; {len(problems)} problem(s)")
    return 1 if problems else 0


# -- building -----------------------------------------------------------------------------------


def lrelease() -> str:
    import PySide6

    bundled = Path(PySide6.__file__).parent / "lrelease"
    found = shutil.which("pyside6-lrelease") or (str(bundled) if bundled.exists() else None)
    if found is None:
        raise SystemExit("error: Qt's lrelease was not found\nhint: install the project: pip install -e .")
    return found


def build(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    tool = lrelease()
    for language in (*LANGUAGES, ENGLISH):
        source = ts_path(language)
        if not source.exists():
            continue
        subprocess.run(
            [tool, "-silent", "-nounfinished", str(source), "-qm", str(out / f"rmab_{language}.qm")],
            check=True,
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update")
    commands.add_parser("check")
    build_parser = commands.add_parser("build")
    build_parser.add_argument("--out", type=Path, default=TS_DIR)
    args = parser.parse_args(argv)
    if args.command == "update":
        return update()
    if args.command == "check":
        return check()
    return build(args.out)


if __name__ == "__main__":
    sys.exit(main())
