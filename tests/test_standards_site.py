"""Standards as readers and programs see them: versions at stable URLs, banners, history, the
register, the Atom feed, search, and the API over real HTTP."""
from __future__ import annotations

import re
from xml.etree import ElementTree as ET

import requests

from kb import standards
from kb.standards import KIND_NAMES, STATUS_NAMES
from search.engine import SearchIndex

ATOM = "{http://www.w3.org/2005/Atom}"
BANNER = re.compile(r'class="admonition standard-([a-z]+)"')


def html(release, url: str) -> str:
    return (release / "site" / url.lstrip("/") / "index.html").read_text(encoding="utf-8")


def test_every_version_has_its_own_stable_url(release, knowledge):
    for standard in standards.collect(knowledge).values():
        for version in standard.versions:
            for lang in ("nl", "en"):
                prefix = "/" if lang == "nl" else "/en/"
                url = f"{prefix}standaarden/{standard.id}/{version.number}/"
                page = html(release, url)
                # Its own banner, and only one: a version never shows another version's status.
                assert BANNER.findall(page) == [version.status], url


def test_a_standard_page_shows_the_current_version_and_its_history(release, knowledge):
    for standard in standards.collect(knowledge).values():
        page = html(release, f"/standaarden/{standard.id}/")
        assert BANNER.findall(page) == [standard.current.status]
        assert f"Tekst van versie {standard.current.number}" in page
        for version in standard.versions:
            assert f'href="{version.number}/"' in page, (standard.id, version.number)


def test_banners_say_what_a_status_means(release):
    draft = html(release, "/en/standaarden/evaluatie-onafhankelijk/")
    assert "Draft – not adopted (example)" in draft and "No ministry has adopted this standard" in draft
    assert "Adopted" not in re.sub(r"not adopted|adopted standard|has adopted", "", draft.split("<article")[1].split("</article>")[0])
    outcome = html(release, "/standaarden/uitkomst-duurzaam-werk/")
    assert "Vastgesteld – versie 1.0.0 (voorbeeld)" in outcome
    assert "Er is een nieuwere versie:" in outcome and 'href="1.1.0/"' in outcome
    old = html(release, "/standaarden/contractparameters-resultaatbetaling/1.0.0/")
    assert "Vervangen – niet meer geldig" in old and 'href="../2.0.0/"' in old


def test_a_rate_card_marks_its_amounts_illustrative(release):
    page = html(release, "/standaarden/tarievenkaart-duurzaam-werk/")
    assert "€1.000 (illustratief)" in page and "€100.000 (illustratief)" in page
    assert "Illustratieve bedragen" in page
    assert "$1,000 (illustrative)" not in page
    assert "€1,000 (illustrative)" in html(release, "/en/standaarden/tarievenkaart-duurzaam-werk/")


def test_the_register_lists_every_standard_from_the_data(release, knowledge):
    found = standards.collect(knowledge)
    for lang, url in (("nl", "/standaarden/register/"), ("en", "/en/standaarden/register/")):
        page = html(release, url)
        rows = re.findall(r'<tr data-kind="([^"]+)" data-status="([^"]+)"><td><a href="([^"]+)">', page)
        assert len(rows) == len(found)
        expected = {(KIND_NAMES[lang][s.current.meta["kind"]], STATUS_NAMES[lang][s.current.status], f"../{s.id}/")
                    for s in found.values()}
        assert set(rows) == expected
        assert 'data-filter="kind status"' in page  # filtered by tables.js; a plain table without it
        assert '<a href="../feed.xml" type="application/atom+xml">' in page


def test_the_register_and_guide_are_in_the_navigation(release):
    page = html(release, "/standaarden/")
    assert 'href="register/"' in page and 'href="handleiding/"' in page
    assert 'href="uitkomst-duurzaam-werk/"' not in page.split('class="md-content"')[0]  # standards stay out of the nav


def test_the_atom_feed_has_an_entry_per_version(release, knowledge):
    versions = [(s, v) for s in standards.collect(knowledge).values() for v in s.versions]
    for lang, path in (("nl", "standaarden/feed.xml"), ("en", "en/standaarden/feed.xml")):
        feed_file = release / "site" / path
        root = ET.parse(feed_file).getroot()
        assert root.tag == f"{ATOM}feed" and root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        entries = root.findall(f"{ATOM}entry")
        assert len(entries) == len(versions)
        ids = [e.findtext(f"{ATOM}id") for e in entries]
        assert len(set(ids)) == len(ids)
        for standard, version in versions:
            assert f"tag:resultaatwijzer,2026:standaarden/{standard.id}/{version.number}/{version.status}" in ids
        for entry in entries:
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", entry.findtext(f"{ATOM}updated"))
            href = entry.find(f"{ATOM}link").get("href")
            assert (feed_file.parent / href / "index.html").is_file(), href  # relative to the feed
        titles = " ".join(e.findtext(f"{ATOM}title") for e in entries)
        assert ("versie" in titles) == (lang == "nl")


def test_every_page_links_the_feed_for_feed_readers(release):
    for url, feed in (("/", "standaarden/feed.xml"), ("/en/landen/japan/", "../../standaarden/feed.xml")):
        assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in html(release, url)


def test_search_finds_standards_with_their_status(release):
    index = SearchIndex(release / "index")
    hits = index.search("tarievenkaart", "nl", limit=10).hits
    standard = [h for h in hits if h.type == "standard"]
    assert standard and {h.status for h in standard} == {"consultation"}
    assert all(h.status is None for h in hits if h.type != "standard")
    hits = index.search("control group independent evaluator", "en", limit=20, page_type="standard").hits
    assert hits and all(h.status in standards.STATUSES for h in hits)
    assert any(h.status == "draft" for h in hits)


# --- the API over real HTTP ------------------------------------------------------------

def test_api_lists_every_standard(server, knowledge):
    body = requests.get(server.url + "/api/standards", timeout=10).json()
    found = standards.collect(knowledge)
    assert body["lang"] == "nl" and body["total"] == len(found)
    for item in body["standards"]:
        standard = found[item["id"]]
        assert item["version"] == standard.current.number and item["status"] == standard.current.status
        assert item["title"] == standard.title("nl") and item["url"] == f"/standaarden/{standard.id}/"
        assert item["example"] is True and item["owner"] == "Resultaatwijzer (voorbeeld)"


def test_api_filters(server):
    def ids(**params):
        response = requests.get(server.url + "/api/standards", params=params, timeout=10)
        assert response.status_code == 200
        return [s["id"] for s in response.json()["standards"]]

    assert ids(kind="rate_card") == ["tarievenkaart-duurzaam-werk"]
    assert ids(status="draft") == ["evaluatie-onafhankelijk"]
    assert set(ids(status="adopted")) == {"uitkomst-duurzaam-werk", "contractparameters-resultaatbetaling"}
    assert ids(kind="guideline") == []
    english = requests.get(server.url + "/api/standards", params={"lang": "en", "kind": "rate_card"}, timeout=10).json()
    assert english["standards"][0]["title"] == "Outcomes rate card: sustained move into work"
    assert english["standards"][0]["url"] == "/en/standaarden/tarievenkaart-duurzaam-werk/"


def test_api_rejects_unknown_values_with_the_allowed_ones(server):
    for params, allowed in (({"kind": "prijslijst"}, "outcome_definition, evaluation_standard"),
                            ({"status": "final"}, "draft, consultation, adopted, superseded, withdrawn"),
                            ({"lang": "de"}, "nl, en")):
        response = requests.get(server.url + "/api/standards", params=params, timeout=10)
        assert response.status_code == 400
        body = response.json()
        assert body["status"] == 400 and allowed in body["error"] and list(params.values())[0] in body["error"]
    response = requests.get(server.url + "/api/standards/uitkomst-duurzaam-werk", params={"lang": "fr"}, timeout=10)
    assert response.status_code == 400


def test_api_one_standard_with_its_versions(server):
    body = requests.get(server.url + "/api/standards/contractparameters-resultaatbetaling", timeout=10).json()
    assert body["current_version"] == "2.0.0" and body["status"] == "adopted"
    assert [v["version"] for v in body["versions"]] == ["2.0.0", "1.0.0"]
    old = body["versions"][1]
    assert old["status"] == "superseded" and old["superseded_by"] == "2.0.0"
    assert old["url"] == "/standaarden/contractparameters-resultaatbetaling/1.0.0/"
    assert requests.get(server.url + old["url"], timeout=10).status_code == 200


def test_api_rate_card_amounts_are_numbers(server):
    body = requests.get(server.url + "/api/standards/tarievenkaart-duurzaam-werk", params={"lang": "en"}, timeout=10).json()
    outcomes = body["versions"][0]["outcomes"]
    assert [o["id"] for o in outcomes] == ["duurzaam-werk", "duurzaam-werk-boven-controlegroep"]
    assert outcomes[0]["price"] == {"amount": 1000, "currency": "EUR"}
    assert isinstance(outcomes[0]["cap"]["amount"], (int, float)) and outcomes[0]["cap"]["amount"] == 100000
    assert all(o["illustrative"] is True for o in outcomes)
    assert outcomes[0]["definition"].startswith("A participant")


def test_api_unknown_standard_is_a_json_404(server):
    response = requests.get(server.url + "/api/standards/bestaat-niet", timeout=10)
    assert response.status_code == 404
    assert response.headers["Content-Type"].startswith("application/json")
    assert "bestaat-niet" in response.json()["error"]


def test_results_page_shows_the_status_in_the_readers_language(server):
    page = requests.get(server.url + "/zoeken/", params={"query": "tarievenkaart"}, timeout=10).text
    assert "Standaard · In consultatie" in page
    page = requests.get(server.url + "/en/zoeken/", params={"query": "rate card"}, timeout=10).text
    assert "Standard · In consultation" in page
