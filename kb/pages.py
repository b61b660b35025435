"""Reading one guidance page: front matter, headings, sections, links, citations, blocks.

markdown-it-py gives the structure; every item keeps its line so problems can point at it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from pymdownx.slugs import slugify

from kb import yamlio
from kb.messages import say

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

# The same slug function the site's table of contents uses (see mkdocs.yml), so a section's
# anchor in the search index is the anchor on the built page.
heading_slug = slugify(case="lower")

_parser = MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(footnote_plugin)

CITATION = re.compile(r"\[\^([A-Za-z0-9_-]+)\](?!:)")
BLOCK = re.compile(r"^<!--\s*kb:(?P<name>[a-z-]+)(?:\s+(?P<arg>\S+))?\s*-->\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
# Admonitions (!!! / ???) and content tabs (===) indent their body by four spaces.
CONTAINER = re.compile(r'^(?P<indent>\s*)(?:[!?]{3}\+?\s+[a-z-]+(?:\s+"(?P<title>[^"]*)")?|===\+?\s+"(?P<tab>[^"]*)")\s*$')


@dataclass
class Heading:
    level: int
    text: str
    slug: str
    line: int


@dataclass
class Section:
    """A part of a page under one heading; the unit the search index stores."""
    heading: str
    anchor: str  # empty for the text before the first H2
    text: str
    line: int
    link_share: float = 0.0  # share of the text that is link text: 1.0 for a "further reading" list


@dataclass
class Link:
    href: str
    line: int


@dataclass
class Block:
    name: str
    arg: str | None
    line: int


@dataclass
class Page:
    path: Path           # absolute path of the .md file
    rel: str             # path relative to docs/, e.g. "basis/spectrum.nl.md"
    lang: str
    meta: dict
    meta_line: int       # line where the front matter starts
    body_line: int       # first line of the Markdown body
    source: str = ""     # the Markdown as written (or as generated from the data)
    generated_from: str | None = None  # the data file a generated page comes from
    headings: list[Heading] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    citations: list[tuple[str, int]] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)

    @property
    def id(self) -> str | None:
        value = self.meta.get("id")
        return value if isinstance(value, str) else None  # anything else is reported by the schema

    @property
    def title(self) -> str:
        return str(self.meta.get("title", ""))

    @property
    def stem(self) -> str:
        """The path without language and extension: 'basis/spectrum', 'index', 'landen/index'."""
        return page_stem(self.rel)

    @property
    def url(self) -> str:
        return page_url(self.stem, self.lang)

    def twin_rel(self, lang: str) -> str:
        return f"{self.stem}.{lang}.md"

    def line_of(self, key: str) -> int:
        if isinstance(self.meta, yamlio.Node):
            return self.meta.line_of(key)
        return self.meta_line


def page_stem(rel: str) -> str:
    name = rel[:-3] if rel.endswith(".md") else rel
    for lang in LANGUAGES:
        if name.endswith("." + lang):
            return name[: -len(lang) - 1]
    return name


def language_of(rel: str) -> str | None:
    for lang in LANGUAGES:
        if rel.endswith(f".{lang}.md"):
            return lang
    return None


def page_url(stem: str, lang: str) -> str:
    """Where the built site serves a page: Dutch at /, English under /en/."""
    prefix = "/" if lang == DEFAULT_LANGUAGE else f"/{lang}/"
    if stem == "index":
        return prefix
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return f"{prefix}{stem}/"


class PageError(Exception):
    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def read_page(path: Path, docs_dir: Path) -> Page:
    rel = path.relative_to(docs_dir).as_posix()
    return parse_page(path.read_text(encoding="utf-8"), rel, path)


def parse_page(text: str, rel: str, path: Path | None = None) -> Page:
    """Parse a page's Markdown. The indexer calls this again on the text with its blocks expanded."""
    lang = language_of(rel)
    if lang is None:
        raise PageError(1, say("page_file_name"))
    tokens = _tokens(text)

    meta, meta_line, body_line = None, 1, 1
    if tokens and tokens[0].type == "front_matter":
        start, end = tokens[0].map
        meta_line, body_line = start + 1, end + 1
        try:
            meta = yamlio.parse(tokens[0].content, first_line=start + 2)
        except yamlio.YamlError as error:
            raise PageError(error.line, say("front_matter", advice=error.message)) from None
    if meta is None:
        raise PageError(1, say("page_no_front_matter"))
    if not isinstance(meta, dict):
        raise PageError(meta_line, say("page_front_matter_shape"))

    page = Page(path=path or Path(rel), rel=rel, lang=lang, meta=meta, meta_line=meta_line, body_line=body_line,
                source=text)
    _collect_structure(page, tokens)
    _collect_lines(page, text.splitlines())
    return page


@functools.lru_cache(maxsize=1024)
def _tokens(text: str) -> tuple:
    """The page's tokens, read only. A process that loads the same content again (the indexer
    after `kb.load`, an editor's check after `kb new`, the test suite) parses each text once."""
    return tuple(_parser.parse(_flatten_containers(text)))


def _flatten_containers(text: str) -> str:
    """Un-indent admonition and tab bodies so CommonMark reads them as text, not code.

    The line count stays the same, so every line number still points into the file.
    """
    out, stack = [], []  # stack: indents of the open containers
    for line in text.splitlines():
        if not line.strip():
            out.append("")
            continue
        indent = len(line) - len(line.lstrip(" "))
        while stack and indent < stack[-1] + 4:
            stack.pop()
        opener = CONTAINER.match(line)
        if opener and len(opener["indent"]) == (stack[-1] + 4 if stack else 0):
            out.append((opener["title"] or opener["tab"] or "") + " ")
            stack.append(len(opener["indent"]))
            continue
        out.append(line[4 * len(stack):] if stack else line)
    return "\n".join(out) + "\n"


def _inline_text(token) -> str:
    return "".join(child.content for child in (token.children or []) if child.type in ("text", "code_inline"))


def _collect_structure(page: Page, tokens) -> None:
    current = Section(heading=page.title, anchor="", text="", line=page.body_line)
    parts: list[str] = []
    linked = [0]  # characters of link text in the current section
    seen_slugs: dict[str, int] = {}

    def close(section: Section) -> None:
        section.text = " ".join(parts).strip()
        section.link_share = linked[0] / len(section.text) if section.text else 0.0
        page.sections.append(section)

    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            level = int(token.tag[1])
            text = _inline_text(tokens[i + 1]).strip()
            slug = heading_slug(text, "-")
            # Python-Markdown's toc makes repeated slugs unique with _1, _2, ...
            if slug in seen_slugs:
                seen_slugs[slug] += 1
                slug = f"{slug}_{seen_slugs[slug]}"
            else:
                seen_slugs[slug] = 0
            line = token.map[0] + 1
            page.headings.append(Heading(level=level, text=text, slug=slug, line=line))
            if level >= 2:
                close(current)
                current, parts, linked[0] = Section(heading=text, anchor=slug, text="", line=line), [], 0
            continue
        if token.type != "inline" or (i and tokens[i - 1].type == "heading_open"):
            continue
        parts.append(_plain(token))
        line, in_link = token.map[0] + 1, False
        for child in token.children or []:
            if child.type in ("softbreak", "hardbreak"):
                line += 1  # a paragraph spans several lines; count to the link's own line
            elif child.type == "link_open":
                in_link = True
                page.links.append(Link(href=child.attrs.get("href", ""), line=line))
            elif child.type == "image":  # a picture must exist just like a linked file
                page.links.append(Link(href=child.attrs.get("src", ""), line=line))
            elif child.type == "link_close":
                in_link = False
            elif in_link and child.type == "text":
                linked[0] += len(child.content)
    close(current)


def _plain(inline) -> str:
    words = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            words.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            words.append(" ")
    text = "".join(words)
    return CITATION.sub("", text)


def _collect_lines(page: Page, lines: list[str]) -> None:
    """Citations, generated blocks and admonition titles: found line by line, outside code."""
    in_fence = False
    for number, line in enumerate(lines, start=1):
        if number < page.body_line:
            continue
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        block = BLOCK.match(line.strip())
        if block:
            page.blocks.append(Block(name=block["name"], arg=block["arg"], line=number))
        for match in CITATION.finditer(line):
            page.citations.append((match.group(1), number))
