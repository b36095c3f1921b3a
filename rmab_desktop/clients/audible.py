"""The public Audible catalog API (``api.audible.<tld>/1.0``) for the 11 marketplaces.

No sign-in is needed for the catalog. Parsing is defensive: any key may be missing, series may be
absent, authors may lack an ASIN, sequences come as strings ("1", "2.5", "Book 3"). An unknown
ASIN answers HTTP 200 with a stub product (only ``asin``): that is reported as not found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import partialmethod
from typing import Any

from rmab_desktop.clients.fields import day, dicts, integer, mapping, number, text
from rmab_desktop.clients.jsonhttp import JsonHttp
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.catalog import (
    REGIONS,
    CatalogBook,
    Category,
    Person,
    SearchResults,
    SeriesListing,
    SeriesRef,
    SortOrder,
)
from rmab_desktop.domain.errors import InvalidResponseError, NotFoundError, ValidationError
from rmab_desktop.domain.i18n import Translator

tr = Translator("ServiceErrors")

SERVICE = "Audible"
RESPONSE_GROUPS = (
    "contributors,media,product_attrs,product_desc,product_details,product_extended_attrs,"
    "rating,series,category_ladders"
)
MAX_PAGE_SIZE = 50
MAX_SIMS = 50
MAX_CATEGORY_DEPTH = 4  # the app asks for 2 levels; deeper trees are cut, not recursed into
_SEQUENCE_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def api_base_url(region: str, override: str | None = None) -> str:
    """``https://api.audible.<tld>`` for the marketplace, or the configured override (proxy, test)."""
    if override:
        return override.rstrip("/")
    return f"https://api.audible.{tld_for(region)}"


def tld_for(region: str) -> str:
    try:
        return REGIONS[region]
    except KeyError:
        raise ValidationError(
            tr.mark("'{region}' is not an Audible marketplace."),
            hint=tr("Use one of: {items}.").format(items=", ".join(REGIONS)),
            region=region,
        ) from None


def web_url(asin: str, region: str) -> str:
    return f"https://www.audible.{tld_for(region)}/pd/{asin}"


# -- parsing -------------------------------------------------------------------------------------
def people(value: Any) -> tuple[Person, ...]:
    people = []
    for item in dicts(value):
        name = text(item.get("name"))
        if name:
            people.append(Person(name=name, asin=text(item.get("asin"))))
    return tuple(people)


def series_position(sequence: Any) -> str | None:
    """The number of a series sequence ("Book 3" -> "3", "2.5" -> "2.5"), or None."""
    value = text(sequence)
    if not value:
        return None
    match = _SEQUENCE_NUMBER.search(value)
    return match.group(0) if match else None


def _series(product: dict[str, Any]) -> tuple[SeriesRef, ...]:
    entries = dicts(product.get("series"))
    if not entries:  # some answers carry the series only as a parent relationship
        entries = [
            {"title": rel.get("title"), "asin": rel.get("asin"), "sequence": rel.get("sequence")}
            for rel in dicts(product.get("relationships"))
            if rel.get("relationship_type") == "series" and rel.get("relationship_to_product") == "parent"
        ]
    refs = []
    for entry in entries:
        title = text(entry.get("title"))
        if title:
            refs.append(
                SeriesRef(
                    title=title, asin=text(entry.get("asin")), position=series_position(entry.get("sequence"))
                )
            )
    # A numbered entry first: it is the one people mean by "book N of".
    return tuple(sorted(refs, key=lambda ref: ref.position is None))


def _cover(product: dict[str, Any]) -> str | None:
    images = product.get("product_images")
    if not isinstance(images, dict) or not images:
        return None
    for size in ("500", "1024", "720", "300"):
        url = images.get(size)
        if isinstance(url, str):
            return url
    first = next((url for url in images.values() if isinstance(url, str)), None)
    return first


def _genres(product: dict[str, Any]) -> tuple[str, ...]:
    seen: list[str] = []
    for ladder in dicts(product.get("category_ladders")):
        for node in dicts(ladder.get("ladder")):
            name = text(node.get("name"))
            if name and name not in seen:
                seen.append(name)
    return tuple(seen[:5])


def _rating(product: dict[str, Any]) -> tuple[float | None, int | None]:
    rating = product.get("rating")
    if not isinstance(rating, dict):
        return None, None
    overall = rating.get("overall_distribution")
    if not isinstance(overall, dict):
        return None, integer(rating.get("num_reviews"))
    value = number(overall.get("display_stars")) or number(overall.get("average_rating"))
    return value, integer(overall.get("num_ratings"))


def parse_product(product: Any, region: str) -> CatalogBook:
    """A catalog ``product`` object as a :class:`CatalogBook`; raises NotFoundError on a stub."""
    if not isinstance(product, dict):
        raise InvalidResponseError(tr.mark("Audible sent a product that is not an object."), service=SERVICE)
    asin = text(product.get("asin"))
    title = text(product.get("title"))
    if not asin or not title:
        raise NotFoundError(f"Audible ({region}) has no book {asin or ''}".strip() + ".")
    rating, rating_count = _rating(product)
    description = text(product.get("publisher_summary")) or text(product.get("merchandising_summary"))
    return CatalogBook(
        asin=asin,
        title=title,
        region=region,
        subtitle=text(product.get("subtitle")),
        authors=people(product.get("authors")),
        narrators=tuple(p.name for p in people(product.get("narrators"))),
        series=_series(product),
        runtime_minutes=integer(product.get("runtime_length_min")),
        release_date=day(product.get("release_date")) or day(product.get("issue_date")),
        language=text(product.get("language")),
        rating=rating,
        rating_count=rating_count,
        cover_url=_cover(product),
        description=description,
        format_type=text(product.get("format_type")),
        publisher=text(product.get("publisher_name")),
        genres=_genres(product),
        isbn=text(product.get("isbn")),
        sample_url=text(product.get("sample_url")),
        delivery_type=text(product.get("content_delivery_type")),
    )


def parse_products(items: Any, region: str) -> tuple[CatalogBook, ...]:
    """Every usable product of a list; stubs and broken entries are skipped, not fatal."""
    books = []
    for item in items if isinstance(items, list) else []:
        try:
            books.append(parse_product(item, region))
        except (NotFoundError, InvalidResponseError):
            continue
    return tuple(books)


def parse_series(product: Any, region: str) -> SeriesListing:
    """A series product's title and member ASINs with their sequence, sorted by ``sort``.

    The books of a series are the product's relationships with ``relationship_to_product``
    "child" and ``relationship_type`` "series"; a product that has none is not a series."""
    product = mapping(product)
    asin, title = text(product.get("asin")), text(product.get("title"))
    children = [
        rel
        for rel in dicts(product.get("relationships"))
        if rel.get("relationship_to_product") == "child"
        and rel.get("relationship_type") == "series"
        and text(rel.get("asin"))
    ]
    if not asin or not title or not children:
        raise NotFoundError(f"Audible ({region}) has no series {asin or ''}".strip() + ".")

    def order(rel: dict[str, Any]) -> float:
        value = number(rel.get("sort"))
        value = number(series_position(rel.get("sequence"))) if value is None else value
        return value if value is not None else float("inf")

    members = tuple(
        (str(text(rel.get("asin"))), series_position(rel.get("sequence")))
        for rel in sorted(children, key=order)
    )
    return SeriesListing(asin=asin, title=title, region=region, members=members)


def _expect_dict(data: Any, key: str) -> dict[str, Any]:
    if not isinstance(data, dict) or key not in data:
        raise InvalidResponseError(tr.mark("Audible's answer has no '{key}'."), service=SERVICE, key=key)
    return data


def parse_category(node: dict[str, Any], parent_id: str | None = None, depth: int = 0) -> Category | None:
    category_id, name = text(node.get("id")), text(node.get("name"))
    if not category_id or not name:
        return None
    nested = dicts(node.get("children")) if depth < MAX_CATEGORY_DEPTH else []
    children = tuple(
        child
        for child in (parse_category(item, category_id, depth + 1) for item in nested)
        if child is not None
    )
    return Category(id=category_id, name=name, children=children, parent_id=parent_id)


def suggestion_titles(data: Any) -> list[str]:
    """Titles from a ``searchsuggestions`` answer (product rows and plain keyword rows)."""
    model = data.get("model") if isinstance(data, dict) else None
    items = model.get("items") if isinstance(model, dict) else None
    titles: list[str] = []
    for item in dicts(items):
        inner = mapping(item.get("model"))
        for group in ("product_metadata", "title_group"):
            block = inner.get(group)
            title = block.get("title") if isinstance(block, dict) else None
            value = text(title.get("value")) if isinstance(title, dict) else None
            if value and value not in titles:
                titles.append(value)
                break
    return titles


class AudibleClient:
    """One client for every marketplace; each call names its region."""

    def __init__(self, http: JsonHttp | None = None, *, base_url: str | None = None) -> None:
        self.http = http or JsonHttp(SERVICE)
        self.base_url = base_url

    def close(self) -> None:
        self.http.close()

    def _get(self, region: str, path: str, params: dict[str, Any], cancel: CancelToken | None) -> Any:
        return self.http.get_json(f"{api_base_url(region, self.base_url)}/1.0/{path}", params, cancel=cancel)

    def search(
        self,
        region: str,
        *,
        keywords: str | None = None,
        title: str | None = None,
        author: str | None = None,
        narrator: str | None = None,
        category_id: str | None = None,
        sort: SortOrder = SortOrder.RELEVANCE,
        page: int = 1,
        page_size: int = 20,
        cancel: CancelToken | None = None,
    ) -> SearchResults:
        """One page (1-based) of products; Audible's own ``page`` is 0-based."""
        if page < 1:
            raise ValidationError(tr.mark("Pages start at 1."))
        page_size = max(1, min(page_size, MAX_PAGE_SIZE))
        params: dict[str, Any] = {
            "num_results": page_size,
            "page": page - 1,
            "products_sort_by": SortOrder(sort).value,
            "response_groups": RESPONSE_GROUPS,
            "image_sizes": "500,1024",
        }
        for key, value in (
            ("keywords", keywords),
            ("title", title),
            ("author", author),
            ("narrator", narrator),
            ("category_id", category_id),
        ):
            if value:
                params[key] = value
        data = _expect_dict(self._get(region, "catalog/products", params, cancel), "products")
        books = parse_products(data.get("products"), region)
        total = integer(data.get("total_results"))
        return SearchResults(
            books=books,
            total_results=total if total is not None else len(books),
            page=page,
            page_size=page_size,
        )

    def _ranked(
        self,
        sort: SortOrder,
        region: str,
        *,
        category_id: str | None = None,
        page: int = 1,
        page_size: int = 50,
        cancel: CancelToken | None = None,
    ) -> SearchResults:
        return self.search(
            region, category_id=category_id, sort=sort, page=page, page_size=page_size, cancel=cancel
        )

    best_sellers = partialmethod(_ranked, SortOrder.BEST_SELLERS)
    new_releases = partialmethod(_ranked, SortOrder.NEWEST)

    def product(self, asin: str, region: str, *, cancel: CancelToken | None = None) -> CatalogBook:
        params = {"response_groups": RESPONSE_GROUPS, "image_sizes": "500,1024"}
        data = _expect_dict(self._get(region, f"catalog/products/{asin}", params, cancel), "product")
        return parse_product(data["product"], region)

    def products(
        self, asins: Iterable[str], region: str, *, cancel: CancelToken | None = None
    ) -> list[CatalogBook]:
        """Several products in one call (``asins=a,b,c``), in the order asked; unknown ones left out."""
        wanted = [a for a in dict.fromkeys(asins) if a]
        found: dict[str, CatalogBook] = {}
        for start in range(0, len(wanted), MAX_PAGE_SIZE):
            chunk = wanted[start : start + MAX_PAGE_SIZE]
            params = {"asins": ",".join(chunk), "response_groups": RESPONSE_GROUPS, "num_results": len(chunk)}
            data = _expect_dict(self._get(region, "catalog/products", params, cancel), "products")
            found.update({book.asin: book for book in parse_products(data.get("products"), region)})
        return [found[a] for a in wanted if a in found]

    def similar(
        self, asin: str, region: str, *, limit: int = 20, cancel: CancelToken | None = None
    ) -> list[CatalogBook]:
        params = {
            "num_results": max(1, min(limit, MAX_SIMS)),
            "similarity_type": "InTheSameSeries,ByTheSameAuthor,RawSimilarities",
            "response_groups": RESPONSE_GROUPS,
        }
        data = _expect_dict(
            self._get(region, f"catalog/products/{asin}/sims", params, cancel), "similar_products"
        )
        return [book for book in parse_products(data.get("similar_products"), region) if book.asin != asin]

    def series(self, series_asin: str, region: str, *, cancel: CancelToken | None = None) -> SeriesListing:
        """A series product (``BookSeries``) and its books, from its child relationships, in order."""
        params = {"response_groups": "relationships,product_attrs"}
        data = _expect_dict(self._get(region, f"catalog/products/{series_asin}", params, cancel), "product")
        return parse_series(data["product"], region)

    def suggestions(self, text: str, region: str, *, cancel: CancelToken | None = None) -> list[str]:
        if not text.strip():
            return []
        data = self._get(
            region, "searchsuggestions", {"key_strokes": text, "site_variant": "desktop"}, cancel
        )
        return suggestion_titles(data)

    def categories(self, region: str, *, cancel: CancelToken | None = None) -> list[Category]:
        params = {"root": "Genres", "categories_num_levels": 2}
        data = _expect_dict(self._get(region, "catalog/categories", params, cancel), "categories")
        return [c for c in (parse_category(node) for node in dicts(data["categories"])) if c is not None]

    def category(self, category_id: str, region: str, *, cancel: CancelToken | None = None) -> Category:
        params = {"categories_num_levels": 1}
        data = _expect_dict(
            self._get(region, f"catalog/categories/{category_id}", params, cancel), "category"
        )
        node = data["category"]
        parsed = parse_category(node) if isinstance(node, dict) else None
        if parsed is None:
            raise NotFoundError(
                tr.mark("Audible ({region}) has no category {category_id}."),
                region=region,
                category_id=category_id,
            )
        return parsed
