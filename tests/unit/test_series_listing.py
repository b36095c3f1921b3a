"""A series product's books from its relationships, and the state a series book shows."""

from __future__ import annotations

from datetime import date

import pytest

from rmab_desktop.clients.audible import parse_series
from rmab_desktop.domain.catalog import Availability
from rmab_desktop.domain.errors import NotFoundError
from rmab_desktop.domain.watching import BookState, book_state

SERIES_PRODUCT = {
    "asin": "B0SERIESX1",
    "content_delivery_type": "BookSeries",
    "title": "The Long Road",
    "relationships": [
        {
            "asin": "B0ROAD0003",
            "relationship_to_product": "child",
            "relationship_type": "series",
            "sequence": "3",
            "sort": "3",
        },
        {
            "asin": "B0ROAD0001",
            "relationship_to_product": "child",
            "relationship_type": "series",
            "sequence": "Book 1",
            "sort": "1",
        },
        {
            "asin": "B0ROAD0015",
            "relationship_to_product": "child",
            "relationship_type": "series",
            "sequence": "1.5",
            "sort": "2",
        },
        # A part of a multi-part book and the series' own parent are not books of the series.
        {
            "asin": "B0PART0001",
            "relationship_to_product": "child",
            "relationship_type": "component",
            "sort": "1",
        },
        {
            "asin": "B0PARENT01",
            "relationship_to_product": "parent",
            "relationship_type": "series",
            "sequence": "1",
        },
        {"relationship_to_product": "child", "relationship_type": "series", "sequence": "4"},  # no ASIN
    ],
}


def test_series_members_in_series_order_with_their_number() -> None:
    listing = parse_series(SERIES_PRODUCT, "uk")
    assert (listing.asin, listing.title, listing.region) == ("B0SERIESX1", "The Long Road", "uk")
    assert listing.members == (("B0ROAD0001", "1"), ("B0ROAD0015", "1.5"), ("B0ROAD0003", "3"))


@pytest.mark.parametrize(
    "product",
    [
        {"asin": "B0SERIESX1"},  # Audible's stub for an unknown ASIN
        {"asin": "B0BOOK0001", "title": "A Book", "relationships": SERIES_PRODUCT["relationships"][3:5]},
        "not an object",
    ],
)
def test_a_product_without_series_children_is_not_a_series(product: object) -> None:
    with pytest.raises(NotFoundError):
        parse_series(product, "us")


@pytest.mark.parametrize(
    ("availability", "released", "ignored", "state"),
    [
        (Availability.IN_LIBRARY, date(2020, 1, 1), True, BookState.IN_LIBRARY),
        (Availability.AVAILABLE, None, False, BookState.IN_LIBRARY),
        (Availability.DOWNLOADING, None, False, BookState.DOWNLOADING),
        (Availability.REQUESTED, date(2030, 1, 1), False, BookState.REQUESTED),
        (Availability.NONE, date(2030, 1, 1), True, BookState.IGNORED),
        (Availability.NONE, date(2030, 1, 1), False, BookState.NOT_RELEASED),
        (Availability.NONE, date(2026, 12, 3), False, BookState.MISSING),
        (Availability.NONE, None, False, BookState.MISSING),
    ],
)
def test_book_state(
    availability: Availability, released: date | None, ignored: bool, state: BookState
) -> None:
    assert book_state(availability, released, date(2026, 12, 3), ignored) == state
