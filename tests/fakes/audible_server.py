"""A local fake of the Audible catalog API and Audnexus, replaying real-shaped payloads.

Serves ``/1.0/catalog/products`` (keywords/title/author/narrator/category_id/asins, paging, sort),
``/1.0/catalog/products/{asin}`` (+ ``/sims``; a series ASIN answers its ``BookSeries`` product with
the books as child relationships), ``/1.0/searchsuggestions``,
``/1.0/catalog/categories`` (+ ``/{id}``), Audnexus ``/books/{asin}`` (+ ``/chapters``) and
``/authors/{asin}``, and generated JPEG covers under ``/covers/``. Error modes for the next N
requests: ``500``, ``429``, ``slow``, ``garbage``; ``stop()`` makes it "down".
"""

from __future__ import annotations

import copy
import io
import json
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from PIL import Image, ImageDraw

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "audible" / "products.json"


def generated_product(index: int, category_id: str = "18580606011") -> dict[str, Any]:
    """A synthetic product with the real field set, for large sections and benchmarks."""
    asin = f"B0GEN{index:05d}"
    return {
        "asin": asin,
        "authors": [{"asin": f"B0AU{index % 97:06d}", "name": f"Author {index % 97}"}],
        "narrators": [{"name": f"Narrator {index % 31}"}],
        "title": f"Generated Book {index}",
        "subtitle": None,
        "content_delivery_type": "SinglePartBook",
        "format_type": "unabridged",
        "language": "english",
        "release_date": f"20{10 + index % 15:02d}-{1 + index % 12:02d}-{1 + index % 28:02d}",
        "runtime_length_min": 300 + index % 400,
        "product_images": {"500": f"{{base}}/covers/{asin}._SL500_.jpg"},
        "rating": {"num_reviews": index, "overall_distribution": {"display_stars": 3.5 + (index % 4) / 2}},
        "category_ladders": [{"ladder": [{"id": category_id, "name": "Generated"}], "root": "Genres"}],
    }


def _number(sequence: Any) -> str:
    digits = "".join(c for c in str(sequence or "") if c.isdigit() or c == ".")
    return digits or "inf"


def cover_jpeg(name: str, size: int = 160) -> bytes:
    """A small coloured JPEG whose colour depends on the name, with the ASIN written on it."""
    seed = zlib.crc32(name.encode())
    colour = (60 + seed % 160, 60 + (seed >> 8) % 160, 60 + (seed >> 16) % 160)
    image = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((8, 8, size - 8, size - 8), outline=(255, 255, 255), width=3)
    draw.text((16, size // 2 - 6), name.split(".")[0], fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def _audnexus_book(product: dict[str, Any], region: str) -> dict[str, Any]:
    series = product.get("series") or []
    book: dict[str, Any] = {
        "asin": product["asin"],
        "authors": product.get("authors", []),
        "narrators": product.get("narrators", []),
        "title": product.get("title"),
        "description": "Plain description.",
        "summary": product.get("publisher_summary", ""),
        "formatType": product.get("format_type", "unabridged"),
        "genres": [
            {"asin": node["id"], "name": node["name"], "type": "genre"}
            for ladder in product.get("category_ladders", [])
            for node in ladder.get("ladder", [])
        ],
        "image": product.get("product_images", {}).get("500", ""),
        "isAdult": False,
        "language": product.get("language", "english"),
        "publisherName": product.get("publisher_name", ""),
        "rating": "4.5",
        "region": region,
        "releaseDate": f"{product.get('release_date', '2020-01-01')}T00:00:00.000Z",
        "runtimeLengthMin": str(product.get("runtime_length_min") or 600),
    }
    if series:
        book["seriesPrimary"] = {
            "asin": series[0].get("asin"),
            "name": series[0]["title"],
            "position": series[0].get("sequence"),
        }
    return book


class FakeAudible:
    """Start with :meth:`start`; ``base_url`` serves both the catalog and Audnexus paths."""

    def __init__(self, products: list[dict[str, Any]] | None = None) -> None:
        data = json.loads(FIXTURE.read_text(encoding="utf-8"))
        self.products: list[dict[str, Any]] = products if products is not None else data["products"]
        self.categories: list[dict[str, Any]] = data["categories"]
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.similar: dict[str, list[str]] = {}  # ASIN -> its similar products (default: all others)
        # Audible's author search is loose: a book also comes back when only some words of the name
        # match (the same surname). True makes the fake answer like that.
        self.loose_author_search = False
        self.slow_seconds = 2.0
        self._mode = "ok"
        self._mode_left = 0
        self._lock = threading.Lock()
        self._covers: dict[str, bytes] = {}
        self._server: ThreadingHTTPServer | None = None
        self.base_url = ""

    # -- control ------------------------------------------------------------------------------
    def start(self) -> FakeAudible:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, name="fake-audible", daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def fail_next(self, mode: str, times: int = 1) -> None:
        """The next ``times`` requests answer with ``mode``: 500, 429, slow or garbage."""
        with self._lock:
            self._mode, self._mode_left = mode, times

    def add_generated(self, count: int, category_id: str = "18580606011") -> None:
        self.products.extend(generated_product(i, category_id) for i in range(count))

    def paths(self, prefix: str = "") -> list[str]:
        return [path for path, _ in self.requests if path.startswith(prefix)]

    def _take_mode(self) -> str:
        with self._lock:
            if self._mode_left <= 0:
                return "ok"
            self._mode_left -= 1
            return self._mode

    # -- data ---------------------------------------------------------------------------------
    def product(self, asin: str) -> dict[str, Any] | None:
        found = next((p for p in self.products if p["asin"] == asin), None)
        return self._with_base(found) if found else None

    def _with_base(self, product: dict[str, Any]) -> dict[str, Any]:
        text = json.dumps(product).replace("{base}", self.base_url)
        return json.loads(text)

    def series_product(self, series_asin: str) -> dict[str, Any] | None:
        """A ``BookSeries`` product as Audible answers for a series ASIN: its books are the
        relationships with ``relationship_to_product`` "child" and ``relationship_type`` "series"."""
        members = [
            (p["asin"], entry)
            for p in self.products
            for entry in p.get("series") or []
            if entry.get("asin") == series_asin
        ]
        if not members:
            return None
        title = members[0][1]["title"]
        return {
            "asin": series_asin,
            "content_delivery_type": "BookSeries",
            "content_type": "Series",
            "title": title,
            "relationships": [
                {
                    "asin": asin,
                    "content_delivery_type": "SinglePartBook",
                    "relationship_to_product": "child",
                    "relationship_type": "series",
                    "sequence": entry.get("sequence", ""),
                    "sku": f"SKU_{asin}",
                    "sku_lite": f"SKU_{asin}",
                    "sort": str(index + 1),
                    "url": f"/pd/{asin}",
                }
                for index, (asin, entry) in enumerate(
                    sorted(members, key=lambda m: float(_number(m[1].get("sequence"))))
                )
            ],
        }

    def author_name(self, author_asin: str) -> str | None:
        return next(
            (a["name"] for p in self.products for a in p.get("authors", []) if a.get("asin") == author_asin),
            None,
        )

    def search(self, query: dict[str, str]) -> dict[str, Any]:
        items = list(self.products)
        if query.get("asins"):
            wanted = query["asins"].split(",")
            items = [p for p in items if p["asin"] in wanted]
        for key in ("keywords", "title", "author", "narrator"):
            if query.get(key):
                words = query[key].lower().split()
                match = any if key == "author" and self.loose_author_search else all
                items = [p for p in items if match(w in self._haystack(p, key) for w in words)]
        if query.get("category_id"):
            items = [p for p in items if query["category_id"] in self._haystack(p, "category")]
        sort = query.get("products_sort_by", "Relevance")
        if sort == "-ReleaseDate":
            items.sort(key=lambda p: p.get("release_date") or "", reverse=True)
        elif sort == "Title":
            items.sort(key=lambda p: p.get("title") or "")
        size, page = int(query.get("num_results", 10)), int(query.get("page", 0))
        chunk = items[page * size : (page + 1) * size]
        return {
            "products": [self._with_base(p) for p in chunk],
            "response_groups": query.get("response_groups", "").split(","),
            "total_results": len(items),
        }

    @staticmethod
    def _haystack(product: dict[str, Any], key: str) -> str:
        authors = " ".join(a.get("name", "") for a in product.get("authors", []))
        narrators = " ".join(n.get("name", "") for n in product.get("narrators", []))
        series = " ".join(s.get("title", "") for s in product.get("series", []) or [])
        parts = {
            "title": product.get("title", ""),
            "author": authors,
            "narrator": narrators,
            "category": " ".join(
                node["id"]
                for ladder in product.get("category_ladders", [])
                for node in ladder.get("ladder", [])
            ),
            "keywords": f"{product.get('title', '')} {authors} {narrators} {series}",
        }
        return parts[key].lower()

    def suggestions(self, text: str) -> dict[str, Any]:
        matches = [p for p in self.products if text.lower() in p["title"].lower()][:6]
        items: list[dict[str, Any]] = [
            {
                "model": {"product_metadata": {"asin": p["asin"], "title": {"value": p["title"]}}},
                "view": {"template": "AsinRow"},
            }
            for p in matches
        ]
        items.append(
            {"model": {"title_group": {"title": {"value": text.lower()}}}, "view": {"template": "Keyword"}}
        )
        return {"model": {"items": items}}

    def cover(self, name: str) -> bytes:
        if name not in self._covers:
            self._covers[name] = cover_jpeg(name)
        return self._covers[name]

    def route(self, path: str, query: dict[str, str]) -> tuple[int, Any]:
        parts = [p for p in path.split("/") if p]
        region = query.get("region", "us")
        if parts[:3] == ["1.0", "catalog", "products"]:
            if len(parts) == 3:
                return 200, self.search(query)
            product = self.product(parts[3])
            if len(parts) == 5 and parts[4] == "sims":
                if product is None:
                    return 404, {"message": "Not found"}
                wanted = self.similar.get(parts[3])
                others = [
                    self._with_base(p)
                    for p in self.products
                    if p["asin"] != parts[3] and (wanted is None or p["asin"] in wanted)
                ]
                return 200, {"similar_products": others[: int(query.get("num_results", 10))]}
            product = product or self.series_product(parts[3])
            # Audible answers an unknown ASIN with a stub product, not a 404.
            return 200, {"product": product or {"asin": parts[3]}, "response_groups": ["always-returned"]}
        if parts[:2] == ["1.0", "searchsuggestions"]:
            return 200, self.suggestions(query.get("key_strokes", ""))
        if parts[:3] == ["1.0", "catalog", "categories"]:
            if len(parts) == 3:
                return 200, {"categories": self.categories}
            node = next((c for c in self.categories if c["id"] == parts[3]), None)
            return (200, {"category": node}) if node else (404, {"message": "Category not found"})
        if parts[:1] == ["books"] and len(parts) >= 2:
            product = self.product(parts[1])
            if product is None:
                return 404, {"statusCode": 404, "error": "Not Found", "message": "Book not found"}
            if len(parts) == 3 and parts[2] == "chapters":
                return 200, {
                    "asin": parts[1],
                    "chapters": [
                        {
                            "lengthMs": 600000,
                            "startOffsetMs": i * 600000,
                            "startOffsetSec": i * 600,
                            "title": f"Chapter {i + 1}",
                        }
                        for i in range(3)
                    ],
                    "isAccurate": True,
                    "region": region,
                    "runtimeLengthMs": 1800000,
                    "runtimeLengthSec": 1800,
                }
            return 200, _audnexus_book(product, region)
        if parts[:1] == ["authors"] and len(parts) == 2:
            return 200, {
                "asin": parts[1],
                "name": self.author_name(parts[1]) or "Mara Quell",
                "description": "Writes about lanterns.",
                "genres": [{"asin": "18580606011", "name": "Science Fiction & Fantasy", "type": "genre"}],
                "image": f"{self.base_url}/covers/{parts[1]}.jpg",
                "region": region,
                "similar": [{"asin": "B0AUTHOR02", "name": "Jo Rowan"}],
            }
        return 404, {"message": "Unknown path"}


class _Handler(BaseHTTPRequestHandler):
    fake: FakeAudible
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        return

    def _send(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout tests)
            self.close_connection = True

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(url.query).items()}
        self.fake.requests.append((url.path, query))
        mode = self.fake._take_mode()
        if mode == "500":
            return self._send(500, b'{"message": "Internal error"}', "application/json")
        if mode == "429":
            return self._send(429, b'{"message": "Rate exceeded"}', "application/json", {"Retry-After": "0"})
        if mode == "garbage":
            return self._send(200, b"<html><body>Robot check</body></html>", "text/html")
        if mode == "slow":
            time.sleep(self.fake.slow_seconds)
        if url.path.startswith("/covers/"):
            return self._send(200, self.fake.cover(url.path.rsplit("/", 1)[-1]), "image/jpeg")
        status, payload = self.fake.route(url.path, query)
        self._send(status, json.dumps(copy.deepcopy(payload)).encode(), "application/json")


def started_fake() -> FakeAudible:
    return FakeAudible().start()
