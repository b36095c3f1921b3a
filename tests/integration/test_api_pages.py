"""The bookmarklet and the request page, their scripts run by Node.js against the real API server.

Node plays the browser: the bookmarklet runs with an Audible book page's ``location``; the request
page's script runs with a small DOM of the elements it uses, this origin's ``localStorage``, and
Node's own ``fetch`` pointed at the server, so the request really is made through the API.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.settings import Preferences, SettingsStore
from tests.fakes.audible_server import FakeAudible

ASIN = "B0TESTSER1"
BOOKMARK_RUNNER = """
const code = process.argv[1];
const opened = [];
globalThis.location = {pathname: process.argv[2], hostname: 'www.audible.de'};
globalThis.window = {open: (url) => opened.push(url)};
globalThis.alert = (message) => opened.push('alert:' + message);
eval(decodeURIComponent(code.replace(/^javascript:/, '')));
console.log(JSON.stringify(opened));
"""
PAGE_RUNNER = """
const [script, base, search, token] = process.argv.slice(1);
const elements = {};
globalThis.document = {getElementById: (id) => (elements[id] ??= {id, hidden: true, textContent: '', value: ''})};
globalThis.location = {search};
const stored = token ? {rmabToken: token} : {};
globalThis.localStorage = {getItem: (k) => stored[k] ?? null, setItem: (k, v) => { stored[k] = v; },
                           removeItem: (k) => { delete stored[k]; }};
const realFetch = fetch;
globalThis.fetch = (path, options) => realFetch(base + path, options);
eval(script);
// Done once the page stops saying "Requesting…" (no fixed wait: a slow machine only waits longer).
const done = setInterval(() => {
  const state = elements.state.textContent;
  if (state && !state.endsWith('…')) {
    clearInterval(done);
    console.log(JSON.stringify({state, form: !elements.tokenForm.hidden, stored}));
  }
}, 20);
"""


@pytest.fixture
def served(tmp_path: Path, database_url: str) -> Iterator[tuple[AppCore, str]]:
    audible = FakeAudible().start()
    prefs = Preferences()
    prefs.catalog.audible_base_url = audible.base_url
    prefs.catalog.audnexus_base_url = audible.base_url
    SettingsStore(tmp_path / "profile" / "config" / "settings.json").save(prefs)
    core = open_core(tmp_path / "profile", database_url, log_to_console=False)
    try:
        yield core, core.api_server.start("127.0.0.1", 0)
    finally:
        core.close()
        audible.stop()


def _node(program: str, *args: str) -> str:
    done = subprocess.run(
        ["node", "-e", program, *args], capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout.strip().splitlines()[-1]


def test_the_bookmarklet_opens_the_request_page_for_the_book_shown(served: tuple[AppCore, str]) -> None:
    _, url = served
    page = httpx.get(f"{url}/bookmarklet", timeout=30).text
    (literal,) = re.findall(r"\.href=(\".*?[^\\]\")\.replace\('ORIGIN',location\.origin\)", page)
    bookmarklet = json.loads(literal).replace("ORIGIN", url)
    opened = json.loads(_node(BOOKMARK_RUNNER, bookmarklet, f"/pd/The-Lantern-Road-Audiobook/{ASIN}"))
    assert opened == [f"{url}/request-book?asin={ASIN}&region=www.audible.de"]
    elsewhere = json.loads(_node(BOOKMARK_RUNNER, bookmarklet, "/search"))
    assert len(elsewhere) == 1 and elsewhere[0].startswith("alert:Open an Audible book page")


def test_the_request_page_asks_for_a_token_then_requests_the_book(served: tuple[AppCore, str]) -> None:
    core, url = served
    page = httpx.get(f"{url}/request-book", timeout=30).text
    (script,) = re.findall(r"<script>(.*)</script>", page, re.S)
    search = f"?asin={ASIN}&region=www.audible.com"

    first = json.loads(_node(PAGE_RUNNER, script, url, search, ""))
    assert first["form"] and "Paste an API token" in first["state"]  # nothing sent without a token

    wrong = json.loads(_node(PAGE_RUNNER, script, url, search, "rmab_not-a-token"))
    assert "not valid" in wrong["state"] and "rmabToken" not in wrong["stored"]  # a bad token is forgotten

    token = core.api_tokens.create(core.users.default_user()).token
    done = json.loads(_node(PAGE_RUNNER, script, url, search, token))
    assert "Requested" in done["state"], done
    (request,) = core.requests.list()
    assert request.book.asin == ASIN and request.region == "us"
