"""``rmab settings list|get|set KEY [VALUE]``: every preference by its dotted name.

Keys and validation come from :mod:`rmab_desktop.cli.settings_keys`. The settings file is written
atomically through :class:`~rmab_desktop.settings.SettingsStore`; the database is opened only for
keys kept there (a feature's shared settings).
"""

from __future__ import annotations

import argparse
import json
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from rmab_desktop.cli.light import open_database, profile_from_args
from rmab_desktop.cli.output import print_json
from rmab_desktop.cli.settings_keys import (
    SettingKey,
    all_keys,
    find_key,
    read_value,
    shared_settings_specs,
    with_value,
)
from rmab_desktop.settings import SettingsStore

if TYPE_CHECKING:
    from rmab_desktop.services.config_store import ConfigStore


def register(settings: argparse.ArgumentParser) -> None:
    commands = settings.add_subparsers(dest="settings_command", required=True)
    listing = commands.add_parser("list", help="every key and its value")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_settings)
    get = commands.add_parser("get", help="one key: its value, default and allowed values")
    get.add_argument("key", help="dotted name, e.g. catalog.region")
    get.add_argument("--json", action="store_true")
    get.set_defaults(handler=get_setting)
    set_cmd = commands.add_parser("set", help="change one key, validated like the Settings dialog")
    set_cmd.add_argument("key", help="dotted name, e.g. library.import_mode")
    set_cmd.add_argument("value", help="text, a number, true/false, null, or JSON for lists")
    set_cmd.set_defaults(handler=set_setting)


class _Settings:
    """Loads and saves the model a key lives in: the settings file, or the shared table."""

    def __init__(self, args: argparse.Namespace, stack: ExitStack) -> None:
        self.args, self.stack = args, stack
        self.paths = profile_from_args(args)
        self.file = SettingsStore(self.paths.settings_file)
        self.keys = all_keys(shared_settings_specs())
        self._config: ConfigStore | None = None
        self._loaded: dict[str | None, BaseModel] = {}

    def _shared(self) -> ConfigStore:
        if self._config is None:
            from rmab_desktop.services.config_store import ConfigStore

            self._config = ConfigStore(self.stack.enter_context(open_database(self.args, self.paths)))
        return self._config

    def model_of(self, key: SettingKey) -> BaseModel:
        section = None if key.spec is None else key.spec.key
        if section not in self._loaded:
            spec = key.spec
            self._loaded[section] = (
                self.file.load() if spec is None else self._shared().get_model(spec.key, spec.model)
            )
        return self._loaded[section]

    def save(self, key: SettingKey, model: BaseModel) -> None:
        if key.spec is None:
            self.file.save(model)  # type: ignore[arg-type]  # the key's model is Preferences
        else:
            self._shared().set_model(key.spec.key, model)


def _describe(key: SettingKey, value: Any) -> dict[str, Any]:
    return {
        "key": key.name,
        "value": value,
        "default": read_value(key, key.model()),
        "allowed": key.allowed(),
        "stored_in": "settings file" if key.spec is None else "database",
    }


def list_settings(args: argparse.Namespace) -> int:
    with ExitStack() as stack:
        settings = _Settings(args, stack)
        values = {key.name: read_value(key, settings.model_of(key)) for key in settings.keys}
    if args.json:
        print_json({"settings": values})
    else:
        for name, value in values.items():
            print(f"{name} = {json.dumps(value, ensure_ascii=False)}")
    return 0


def get_setting(args: argparse.Namespace) -> int:
    with ExitStack() as stack:
        settings = _Settings(args, stack)
        key = find_key(args.key, settings.keys)
        value = read_value(key, settings.model_of(key))
    if args.json:
        print_json(_describe(key, value))
    else:
        print(json.dumps(value, ensure_ascii=False))
    return 0


def set_setting(args: argparse.Namespace) -> int:
    with ExitStack() as stack:
        settings = _Settings(args, stack)
        key = find_key(args.key, settings.keys)
        before = settings.model_of(key)
        after = with_value(key, before, args.value)
        settings.save(key, after)
    old, new = (json.dumps(read_value(key, m), ensure_ascii=False) for m in (before, after))
    print(f"{key.name} = {new} (was {old})")
    return 0
