"""Hashes of the inline scripts Material puts in every page, for a Content-Security-Policy.

Allowing exactly these scripts (instead of 'unsafe-inline') means an injected script would not
run. The hashes are computed from the built site and stored in the release's manifest.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)


def inline_script_hashes(site: Path) -> list[str]:
    hashes = set()
    for page in site.rglob("*.html"):
        for match in INLINE_SCRIPT.finditer(page.read_text(encoding="utf-8")):
            attrs = match["attrs"]
            if "src=" in attrs or ("type=" in attrs and "javascript" not in attrs):
                continue  # external files are covered by 'self'; JSON data is never executed
            digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
            hashes.add("'sha256-" + base64.b64encode(digest).decode() + "'")
    return sorted(hashes)
