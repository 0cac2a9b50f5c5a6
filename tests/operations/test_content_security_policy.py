"""Every HTML page carries a Content-Security-Policy that lets it load scripts,
styles, images and fonts from the tracker only, and no page holds inline code
the policy would block (an inline script or style without the request's nonce,
a style="" or on…="" attribute). The pages are found by following every link
of the demo site, as the administrator, a ministry officer and a visitor."""

import base64
import hashlib
import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.world import publish_every_review

pytestmark = pytest.mark.django_db

START = ["/", "/workspace/", "/workspace/queue/", "/admin/", "/api/v1/docs/", "/accounts/login/"]
PAGES_PER_VISITOR = 150
LINK = re.compile(r'href="([^"#]*)"')
SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
STYLE = re.compile(r"<style\b([^>]*)>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=\s*\"([^\"]*)\"", re.IGNORECASE)


def kind_of(url: str) -> str:
    """Pages of one kind differ by their numbers and filters: one of each is enough."""
    return re.sub(r"\d+", "N", urlsplit(url).path)


def crawl(client: Client) -> dict[str, object]:
    """The HTML pages reachable from START by links, one per kind of URL."""
    seen, pages = set(), {}
    queue = deque(START)
    while queue and len(pages) < PAGES_PER_VISITOR:
        url = queue.popleft()
        if kind_of(url) in seen:
            continue
        seen.add(kind_of(url))
        response = client.get(url)
        if not response["Content-Type"].startswith("text/html"):
            continue
        pages[url] = response
        for link in LINK.findall(response.content.decode()):
            target = urljoin(url, link.replace("&amp;", "&"))
            parts = urlsplit(target)
            if parts.netloc or parts.path.startswith(("/static/", "/evidence/")):
                continue
            if "logout" in parts.path or parts.path.endswith(("/delete/", "/export/")):
                continue
            queue.append(target)
    return pages


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def inline_code(html: str, nonce: str | None, allowed_style_attributes: str = "") -> list[str]:
    """The pieces of inline code the policy would block: scripts and styles without
    the nonce, event handlers, style attributes whose hash the policy does not list."""
    blocked = []
    for tag in (SCRIPT, STYLE):
        for attributes in tag.findall(html):
            if tag is SCRIPT and ("src=" in attributes or 'type="application/json"' in attributes):
                continue
            if not nonce or f'nonce="{nonce}"' not in attributes:
                blocked.append(f"<{tag.pattern[1:7]} {attributes}>")
    blocked += EVENT_HANDLER.findall(html)
    blocked += [
        f'style="{value}"'
        for value in STYLE_ATTRIBUTE.findall(html)
        if sha256(value) not in allowed_style_attributes
    ]
    return blocked


def test_every_html_page_has_a_strict_policy_and_no_inline_code_it_would_block(demo, settings):
    publish_every_review()  # so that the visitor sees the public pages
    pages = {}
    for visitor in ["admin", "justice", "anonymous"]:
        client = Client()
        if visitor != "anonymous":
            client.force_login(User.objects.get(username=visitor))
        found = crawl(client)
        assert len(found) > 5, visitor
        pages.update({(visitor, url): response for url, response in found.items()})

    for (visitor, url), response in pages.items():
        where = f"{url} as {visitor}"
        policy = dict(
            directive.strip().split(" ", 1)
            for directive in response["Content-Security-Policy"].split(";")
        )
        assert policy["default-src"] == "'self'", where
        assert "unsafe-inline" not in response["Content-Security-Policy"], where
        assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'", where
        nonce = re.search(r"'nonce-([^']+)'", policy.get("script-src", ""))
        html = response.content.decode()
        allowed = policy.get("style-src-attr", "")
        assert inline_code(html, nonce and nonce.group(1), allowed) == [], where


def test_the_api_docs_run_their_one_inline_script_by_the_requests_nonce(demo, client):
    client.force_login(User.objects.get(username="adviser"))

    first, second = client.get("/api/v1/docs/"), client.get("/api/v1/docs/")

    nonces = [
        re.search(r"script-src 'self' 'nonce-([^']+)'", page["Content-Security-Policy"]).group(1)
        for page in (first, second)
    ]
    assert nonces[0] != nonces[1]
    assert f'<script nonce="{nonces[0]}">' in first.content.decode()
