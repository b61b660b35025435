"""The built guidance as a reader sees it: one form of address, the route for a municipality,
and the corrected findings of the content audit, in both languages."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.I)


class _Text(HTMLParser):
    """The text of a page as a reader (or a screen reader) gets it: everything but scripts and styles."""

    def __init__(self):
        super().__init__()
        self.depth, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        self.depth += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.depth -= tag in ("script", "style")

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def text_of(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def page(release, path: str) -> str:
    return (release / "site" / path.strip("/") / "index.html").read_text(encoding="utf-8")


def test_every_dutch_page_addresses_the_reader_as_u(release, knowledge):
    site = release / "site"
    dutch = [f for f in site.rglob("*.html") if not f.relative_to(site).as_posix().startswith("en/")]
    # every built Dutch page: written, generated (cases, standards) and tool pages alike
    assert len(dutch) > len(knowledge.pages_in("nl"))
    offenders = []
    for html in dutch:
        text = text_of(html.read_text(encoding="utf-8"))
        offenders += [f"{html.relative_to(site)}: …{text[max(0, m.start() - 40):m.end() + 30]}…"
                      for m in INFORMAL.finditer(text)]
    assert not offenders, "\n".join(offenders[:20])


@pytest.mark.parametrize("prefix, title", [("", "Zo begint u"), ("en/", "Getting started")])
def test_the_route_page_comes_first_on_the_home_page(release, prefix, title):
    home = page(release, prefix)
    cards = home[home.index('class="grid cards"'):]
    links = re.findall(r'<a href="([^"]+)"', cards)
    assert links[0] in ("starten/", "./starten/"), links[:3]
    route = page(release, prefix + "starten")
    assert title in text_of(route)
    # every stage, and the tools presented as examples that bind nobody
    text = text_of(route)
    assert len(re.findall(r"<h2[^>]*>(?:Stap|Step) \d\.", route)) == 8
    assert text.count("Voorbeeld, niet bindend" if prefix == "" else "Example, not binding") >= 4
    assert 'href="/' + prefix + 'rekenhulp/"' in route
    for standard in ("uitkomst-duurzaam-werk", "tarievenkaart-duurzaam-werk",
                     "contractparameters-resultaatbetaling", "evaluatie-onafhankelijk"):
        assert f"standaarden/{standard}/" in route


def test_the_what_you_find_here_table_covers_every_section(release):
    for prefix in ("", "en/"):
        home = page(release, prefix)
        table = home[home.rindex("<table"):home.rindex("</table>")]
        linked = set(re.findall(r'href="(?:\./)?([a-z-]+)/"', table))
        tabs = re.findall(r'<a[^>]*class="md-tabs__link[^"]*"[^>]*>', home)
        sections = {m.group(1) for t in tabs if (m := re.search(r'href="(?:\./)?([a-z-]+)/"', t))}
        assert sections and sections <= linked, sections - linked


@pytest.mark.parametrize("path", ["landen", "lessen", "vormen/sib"])
@pytest.mark.parametrize("prefix, flag", [("", "De bron spreekt zichzelf tegen"), ("en/", "The source contradicts itself")])
def test_the_japan_count_contradiction_is_flagged(release, path, prefix, flag):
    html = page(release, prefix + path)
    boxes = [text_of(b) for b in re.findall(r'<div class="admonition warning">(.*?)</div>', html, re.S)]
    flagged = [b for b in boxes if flag in b]
    assert flagged, f"{prefix}{path}: no warning '{flag}'"
    assert "Portugal" in flagged[0] and "27" in flagged[0] and "18" in flagged[0]


@pytest.mark.parametrize("prefix, challenge, overstated, anchoring", [
    ("", "Politieke wisselingen zijn een uitdaging", "grootste risico", "niet in beleid verankerd"),
    ("en/", "Political change is a challenge", "biggest risk", "not anchored in policy"),
])
def test_colombia_says_what_the_source_says(release, prefix, challenge, overstated, anchoring):
    text = text_of(page(release, prefix + "landen/colombia"))
    assert challenge in text and anchoring in text
    assert not re.search(r"(Politieke wisselingen zijn het|Political change is the) " + overstated, text)


def test_english_interviews_are_credited_to_the_report_authors(release, knowledge):
    countries = [p for p in knowledge.pages_in("en") if p.stem.startswith("landen/") and p.stem != "landen/index"]
    assert len(countries) == 6
    for country in countries:
        text = text_of(page(release, country.url))
        assert "told the report's authors" in text, country.rel
        assert "told us" not in text, country.rel


@pytest.mark.parametrize("prefix, claim", [("", "Velden volgen de namen van INDIGO"), ("en/", "Field names follow INDIGO")])
def test_the_case_library_does_not_claim_to_follow_indigo(release, prefix, claim):
    text = text_of(page(release, prefix + "casussen"))
    assert claim not in text and "INDIGO" in text
