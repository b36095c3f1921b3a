"""``rmab catalog search|book|similar|suggest|categories|sections|refresh``: the Audible catalog."""

from __future__ import annotations

import argparse

from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.domain.catalog import REGIONS, CatalogEntry, SortOrder
from rmab_desktop.services.catalog import CatalogService

SORTS = {
    "relevance": SortOrder.RELEVANCE,
    "bestsellers": SortOrder.BEST_SELLERS,
    "newest": SortOrder.NEWEST,
    "rating": SortOrder.RATING,
    "title": SortOrder.TITLE,
}


def _region(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--region", choices=sorted(REGIONS), help="Audible marketplace (default: settings)")
    parser.add_argument("--json", action="store_true")


def register(catalog: argparse.ArgumentParser) -> None:
    commands = catalog.add_subparsers(dest="catalog_command", required=True)
    search = commands.add_parser("search", help="search books")
    search.add_argument("text")
    search.add_argument("--by", choices=["keywords", "title", "author", "narrator"], default="keywords")
    search.add_argument("--sort", choices=sorted(SORTS), default="relevance")
    search.add_argument("--page", type=int, default=1)
    search.add_argument("--page-size", type=int, default=20)
    _region(search)
    search.set_defaults(handler=search_books)
    book = commands.add_parser("book", help="one book's details")
    book.add_argument("asin")
    book.add_argument("--refresh", action="store_true", help="ask Audible even when cached")
    _region(book)
    book.set_defaults(handler=show_book)
    similar = commands.add_parser("similar", help="books similar to one book")
    similar.add_argument("asin")
    _region(similar)
    similar.set_defaults(handler=similar_books)
    suggest = commands.add_parser("suggest", help="search suggestions for what is typed")
    suggest.add_argument("text")
    _region(suggest)
    suggest.set_defaults(handler=suggest_titles)
    categories = commands.add_parser("categories", help="the category tree")
    categories.add_argument("--refresh", action="store_true")
    _region(categories)
    categories.set_defaults(handler=list_categories)
    refresh = commands.add_parser("refresh", help="refresh every Discover section now")
    refresh.add_argument("--size", type=int, default=200)
    refresh.add_argument("--json", action="store_true")
    refresh.set_defaults(handler=refresh_sections)


def _entry_json(entry: CatalogEntry) -> dict[str, object]:
    return {
        **entry.book.to_json(),
        "availability": entry.availability.value,
        "work_id": entry.work_id,
        "request_id": entry.request_id,
        "other_edition": bool(entry.extra.get("other_edition")),
    }


def _line(entry: CatalogEntry) -> str:
    book = entry.book
    badge = "" if entry.availability.value == "none" else f"  [{entry.availability.value}]"
    return f"{book.asin}  {book.title} - {', '.join(book.author_names) or '?'}{badge}"


def _with_catalog(args: argparse.Namespace, run) -> int:  # type: ignore[no-untyped-def]
    core = core_from_args(args)
    try:
        return int(run(core.catalog) or 0)
    finally:
        core.close()


def search_books(args: argparse.Namespace) -> int:
    def run(catalog: CatalogService) -> int:
        page, entries = catalog.search(
            args.text,
            args.region,
            page=args.page,
            sort=SORTS[args.sort],
            page_size=args.page_size,
            field=args.by,
        )
        if args.json:
            print_json(
                {
                    "total_results": page.total_results,
                    "page": page.page,
                    "page_size": page.page_size,
                    "has_more": page.has_more,
                    "books": [_entry_json(e) for e in entries],
                }
            )
        else:
            for entry in entries:
                print(_line(entry))
            print(f"page {page.page}, {page.total_results} result(s)")
        return 0

    return _with_catalog(args, run)


def show_book(args: argparse.Namespace) -> int:
    def run(catalog: CatalogService) -> int:
        entry = catalog.entry(args.asin, args.region, refresh=args.refresh)
        editions = catalog.cache.editions(entry.book.asin, entry.book.region)
        data = {
            **_entry_json(entry),
            "editions": [{"asin": a, "region": r, "note": n} for a, r, n in editions],
        }
        if args.json:
            print_json(data)
        else:
            for key in (
                "asin",
                "region",
                "title",
                "subtitle",
                "series_name",
                "series_position",
                "runtime_minutes",
                "release_date",
                "language",
                "availability",
            ):
                print(f"{key:>16}: {data[key]}")
            print(f"{'authors':>16}: {', '.join(entry.book.author_names)}")
            print(f"{'narrators':>16}: {', '.join(entry.book.narrators)}")
        return 0

    return _with_catalog(args, run)


def similar_books(args: argparse.Namespace) -> int:
    def run(catalog: CatalogService) -> int:
        entries = catalog.similar(args.asin, args.region)
        if args.json:
            print_json({"books": [_entry_json(e) for e in entries]})
        else:
            for entry in entries:
                print(_line(entry))
        return 0

    return _with_catalog(args, run)


def suggest_titles(args: argparse.Namespace) -> int:
    def run(catalog: CatalogService) -> int:
        titles = catalog.suggestions(args.text, args.region)
        print_json({"suggestions": titles}) if args.json else print("\n".join(titles))
        return 0

    return _with_catalog(args, run)


def list_categories(args: argparse.Namespace) -> int:
    def run(catalog: CatalogService) -> int:
        tree = catalog.categories(args.region, refresh=args.refresh)
        if args.json:
            print_json({"categories": tree})
        else:
            for node in tree:
                print(f"{node.id}  {node.name}")
                for child in node.children:
                    print(f"    {child.id}  {child.name}")
        return 0

    return _with_catalog(args, run)


def refresh_sections(args: argparse.Namespace) -> int:
    def run(catalog: CatalogService) -> int:
        counts = {
            f"{region}:{key}": catalog.refresh_section((key, region), size=args.size)
            for key, region in catalog.all_section_lists()
        }
        print_json({"lists": counts}) if args.json else print(
            "\n".join(f"{k}: {v}" for k, v in counts.items())
        )
        return 0

    return _with_catalog(args, run)
