"""Server-rendered pages inside the built site's own layout.

A dynamic page (search results, a wizard step) is a real built page whose Markdown holds the
marker `<!-- rw:slot -->`. The service reads that page from the current release and puts its
HTML in place of the marker, so header, navigation, language switch and styles are the site's
own, and relative links keep working because the URL stays the same.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape

SLOT = "<!-- rw:slot -->"
_LANGUAGE_LINK = re.compile(r'(<a href=")([^"?#]*)(" hreflang="(?:nl|en)")')


class ShellMissing(LookupError):
    pass


@lru_cache(maxsize=64)
def _read(path: Path) -> str:
    # Releases are immutable, so a page is read once per release (the path includes it).
    return path.read_text(encoding="utf-8")


def read(site: Path, url_path: str) -> str:
    """The built page at `url_path` as it is."""
    try:
        return _read(site / url_path.strip("/") / "index.html")
    except OSError:
        raise ShellMissing(url_path) from None


def render(site: Path, url_path: str, content: str | Markup, *, title: str | None = None,
           query_string: str = "") -> str:
    """The built page at `url_path` with `content` in its slot.

    `title` replaces the document title (e.g. to include the search query); `query_string` is
    carried over to the language switch so a reader keeps their search or answers.
    """
    html = read(site, url_path)
    if SLOT not in html:
        raise ShellMissing(url_path)
    html = html.replace(SLOT, str(content), 1)
    if title:
        # A function, not a template: the reader's text may hold '\1' or '\g<0>'. A title is one line.
        replacement = f"<title>{escape(' '.join(title.split()))} - Resultaatwijzer</title>"
        html = re.sub(r"<title>.*?</title>", lambda _: replacement, html, count=1, flags=re.S)
    if query_string:
        html = _LANGUAGE_LINK.sub(lambda m: f"{m[1]}{m[2]}?{escape(query_string)}{m[3]}", html)
    return html
