"""``rmab bookdate provider set|local``, ``rmab bookdate next [--json]``, ``swipe ID right|left|up``, ``undo``."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.domain.bookdate import Swipe
from rmab_desktop.services.bookdate import PROVIDERS, BookDateService


def register(bookdate: argparse.ArgumentParser) -> None:
    commands = bookdate.add_subparsers(dest="bookdate_command", required=True)
    provider = commands.add_parser("provider", help="where recommendations come from")
    provider_commands = provider.add_subparsers(dest="provider_command", required=True)
    set_cmd = provider_commands.add_parser(
        "set", help="use an AI provider; its API key is read from standard input (empty: keep the saved key)"
    )
    set_cmd.add_argument("kind", choices=PROVIDERS)
    set_cmd.add_argument("--base-url", help="the API's address (required for 'compatible')")
    set_cmd.add_argument("--model", help="the model to ask")
    set_cmd.set_defaults(handler=set_provider)
    local = provider_commands.add_parser("local", help="no AI: Audible's similar books of the ones you like")
    local.set_defaults(handler=use_local)
    next_cmd = commands.add_parser("next", help="the cards to swipe (fetches more when few are left)")
    next_cmd.add_argument("--json", action="store_true")
    next_cmd.set_defaults(handler=next_cards)
    swipe = commands.add_parser("swipe", help="right = request, left = not interested, up = already read")
    swipe.add_argument("card_id", type=int)
    swipe.add_argument("direction", choices=[s.value for s in Swipe])
    swipe.set_defaults(handler=swipe_card)
    undo = commands.add_parser("undo", help="take back the last swipe")
    undo.set_defaults(handler=undo_swipe)


def _run(args: argparse.Namespace, run) -> int:  # type: ignore[no-untyped-def]
    core = core_from_args(args)
    try:
        return int(run(core.bookdate) or 0)
    finally:
        core.close()


def set_provider(args: argparse.Namespace) -> int:
    key = "" if sys.stdin is None or sys.stdin.isatty() else sys.stdin.readline().strip()

    def run(service: BookDateService) -> int:
        settings = service.set_provider(
            args.kind, base_url=args.base_url, model=args.model, api_key=key or None
        )
        model = f", model {settings.model}" if settings.model else " (no model chosen yet)"
        print(f"BookDate asks {args.kind}{model}; API key {'saved' if settings.has_key else 'not set'}")
        return 0

    return _run(args, run)


def use_local(args: argparse.Namespace) -> int:
    def run(service: BookDateService) -> int:
        service.use_local()
        print("BookDate uses Audible's similar books of the ones you like (no AI provider)")
        return 0

    return _run(args, run)


def next_cards(args: argparse.Namespace) -> int:
    def run(service: BookDateService) -> int:
        deck = service.next_cards()
        if args.json:
            print_json({"cards": [asdict(c) for c in deck.cards], "notice": deck.notice})
            return 0
        if deck.notice:
            print(f"note: {deck.notice}", file=sys.stderr)
        if not deck.cards:
            print("No new recommendations right now.")
        for card in deck.cards:
            print(f"{card.id:>5}  {card.asin}  {card.title} — {card.author}")
            if card.reason:
                print(f"       {card.reason}")
        return 0

    return _run(args, run)


def swipe_card(args: argparse.Namespace) -> int:
    def run(service: BookDateService) -> int:
        print(service.swipe(args.card_id, Swipe(args.direction)))
        return 0

    return _run(args, run)


def undo_swipe(args: argparse.Namespace) -> int:
    def run(service: BookDateService) -> int:
        card = service.undo()
        print(f"back in the deck: {card.title}" if card else "Nothing to undo.")
        return 0

    return _run(args, run)
