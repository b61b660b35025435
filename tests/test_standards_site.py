"""Standards as readers and programs see them: versions at stable URLs, banners, history, the
register, the Atom feeds, search, and the API over real HTTP; drafts only in the preview build."""
from __future__ import annotations

import json
import re
from xml.etree import ElementTree as ET

import pytest
import requests

import kb
from kb import drafts, standards, standards_ledger
from kb.standards import KIND_NAMES, STATUS_NAMES
from publish import (
    render,  # noqa: F401  (the standard blocks render through it)
    standard_blocks,
)
from search.engine import SearchIndex
from tests.conftest import ROOT, client_for
from tests.test_kb_check import edit

ATOM = "{http://www.w3.org/2005/Atom}"
BANNER = re.compile(r'class="admonition standard-([a-z]+)"')
DRAFT = "evaluatie-onafhankelijk"  # the example whose only version is a draft


def html(release, url: str) -> str:
    return (release / "site" / url.lstrip("/") / "index.html").read_text(encoding="utf-8")


def published(knowledge) -> dict:
    return standards.collect(drafts.public_view(knowledge))


def test_every_published_version_has_its_own_stable_url_and_no_draft_does(release, all_knowledge):
    assert any(v.status == "draft" for s in standards.collect(all_knowledge).values() for v in s.versions)
    for standard in standards.collect(all_knowledge).values():
        for version in standard.versions:
            for lang in ("nl", "en"):
                prefix = "/" if lang == "nl" else "/en/"
                url = f"{prefix}standaarden/{standard.id}/{version.number}/"
                if version.status == "draft":
                    assert not (release / "site" / url.lstrip("/")).exists(), url
                    continue
                page = html(release, url)
                # Its own banner, and only one: a version never shows another version's status.
                assert BANNER.findall(page) == [version.status], url
    # (the sitemap, published only with a public address, is checked in tests/test_release.py)


def test_a_standard_page_shows_the_current_version_and_its_history(release, knowledge):
    for standard in published(knowledge).values():
        if not standard.versions:
            continue
        page = html(release, f"/standaarden/{standard.id}/")
        assert BANNER.findall(page) == [standard.current.status]
        assert f"Tekst van versie {standard.current.number}" in page
        for version in standard.versions:
            assert f'href="{version.number}/"' in page, (standard.id, version.number)


def test_banners_say_what_a_status_means(release):
    draft = html(release, f"/en/standaarden/{DRAFT}/")
    assert "No version of this standard has been published yet." in draft and "Draft" not in draft.split("<article")[1]
    outcome = html(release, "/standaarden/uitkomst-duurzaam-werk/")
    assert "Vastgesteld – versie 1.0.0 (voorbeeld)" in outcome and "geldt sinds 2026-01-01" in outcome
    assert "Er is een nieuwere versie:" in outcome and 'href="1.1.0/"' in outcome
    old = html(release, "/standaarden/contractparameters-resultaatbetaling/1.0.0/")
    assert "Vervangen – niet meer geldig" in old and 'href="../2.0.0/"' in old and "die geldt sinds 2026-01-01" in old


def test_a_standard_page_says_which_version_is_in_force_when(release):
    page = html(release, "/standaarden/contractparameters-resultaatbetaling/")
    table = page.split('id="welke-versie-geldt-wanneer"')[1].split("</table>")[0]
    rows = re.findall(r"<tr>\s*<td><a href=\"([^\"]+)\">([0-9.]+)</a></td>\s*<td>([0-9-]+)</td>\s*<td>([^<]+)</td>", table)
    assert rows == [("2.0.0/", "2.0.0", "2026-01-01", "–"), ("1.0.0/", "1.0.0", "2025-01-01", "2026-01-01")]


def test_supersession_shows_on_the_successors_effective_date(project_copy):
    """A successor adopted for a later date: until then the old version is still in force, and says so."""
    folder = project_copy / "docs/standaarden/contractparameters-resultaatbetaling"
    for lang in ("nl", "en"):
        text = (folder / f"2.0.0.{lang}.md").read_text(encoding="utf-8")
        (folder / f"2.0.0.{lang}.md").write_text(text.replace("effective: 2026-01-01", "effective: 2099-01-01")
                                                 .replace("review: 2027-07-01", "review: 2100-01-01"), encoding="utf-8")
    knowledge = kb.load(project_copy)  # frozen dates changed: kb check refuses it, the rendering shows the rule
    contract = standards.collect(knowledge)["contractparameters-resultaatbetaling"]
    assert contract.in_force(contract.version("1.0.0").effective).number == "1.0.0"
    new = standard_blocks.standard_version(knowledge, None, "nl", "standaarden/contractparameters-resultaatbetaling/2.0.0.nl.md")
    assert '!!! standard-adopted "Vastgesteld – geldt vanaf 2099-01-01 (voorbeeld)"' in new
    assert "Tot die datum geldt [versie 1.0.0](1.0.0.md)." in new
    old = standard_blocks.standard_version(knowledge, None, "en", "standaarden/contractparameters-resultaatbetaling/1.0.0.en.md")
    assert '!!! standard-superseded "Superseded from 2099-01-01 – in force until then (example)"' in old
    assert "Until that date, version 1.0.0 is still in force." in old


def test_a_version_page_shows_its_fingerprint_and_the_differences(release, knowledge):
    recorded = standards_ledger.read(knowledge)[0][("contractparameters-resultaatbetaling", "2.0.0")]["fingerprint"]
    page = html(release, "/standaarden/contractparameters-resultaatbetaling/2.0.0/")
    assert f"<code>{recorded}</code>" in page and "Vingerafdruk (sha256)" in page
    diff = re.sub(r"<[^>]+>", "", page.split("Verschillen met versie 1.0.0")[1].split("</details>")[0])
    added = [line for line in diff.split("\n") if line.startswith("+") and not line.startswith("+++")]
    assert added and any("regeertermijn" in line for line in added)
    assert "Verschillen met" not in html(release, "/standaarden/contractparameters-resultaatbetaling/1.0.0/")
    assert "Vingerafdruk" not in html(release, "/standaarden/tarievenkaart-duurzaam-werk/0.1.0/")  # not frozen yet


def test_a_rate_card_marks_its_amounts_illustrative(release):
    page = html(release, "/standaarden/tarievenkaart-duurzaam-werk/")
    assert "€1.000 (illustratief)" in page and "€100.000 (illustratief)" in page
    assert "Illustratieve bedragen" in page
    assert "$1,000 (illustrative)" not in page
    assert "€1,000 (illustrative)" in html(release, "/en/standaarden/tarievenkaart-duurzaam-werk/")


def test_the_register_lists_every_published_standard(release, knowledge):
    found = {i: s for i, s in published(knowledge).items() if s.versions}
    assert DRAFT not in found
    for lang, url in (("nl", "/standaarden/register/"), ("en", "/en/standaarden/register/")):
        page = html(release, url)
        rows = re.findall(r'<tr data-kind="([^"]+)" data-status="([^"]+)"><td><a href="([^"]+)">', page)
        assert len(rows) == len(found)
        expected = {(KIND_NAMES[lang][s.current.meta["kind"]], STATUS_NAMES[lang][s.current.status], f"../{s.id}/")
                    for s in found.values()}
        assert set(rows) == expected
        assert 'data-filter="kind status"' in page  # filtered by tables.js; a plain table without it
        assert '<a href="../feed.xml" type="application/atom+xml">' in page
    assert "Alleen voorbeelden" in html(release, "/standaarden/register/")  # every standard is an example


def test_the_examples_warning_goes_once_a_real_standard_is_published(project_copy):
    for lang in ("nl", "en"):
        page = project_copy / f"docs/standaarden/tarievenkaart-duurzaam-werk/0.1.0.{lang}.md"
        edit(page, "  example: true\n", "")
        edit(page, "owner: Resultaatwijzer (voorbeeld)", "owner: Ministerie van SZW")
    knowledge = drafts.public_view(kb.load(project_copy))
    register = standard_blocks.register(knowledge, None, "nl", "standaarden/register.nl.md")
    assert "Alleen voorbeelden" not in register and "Ministerie van SZW" in register


def test_the_register_and_guide_are_in_the_navigation(release):
    page = html(release, "/standaarden/")
    assert 'href="register/"' in page and 'href="handleiding/"' in page
    assert 'href="uitkomst-duurzaam-werk/"' not in page.split('class="md-content"')[0]  # standards stay out of the nav


def test_the_atom_feed_has_an_entry_per_status_change(release, knowledge):
    ledger = standards_ledger.read(knowledge)[0]
    changes = [(key, item) for key, entry in ledger.items() for item in entry["history"]]
    for lang, path in (("nl", "standaarden/feed.xml"), ("en", "en/standaarden/feed.xml")):
        feed_file = release / "site" / path
        root = ET.parse(feed_file).getroot()
        assert root.tag == f"{ATOM}feed" and root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        entries = root.findall(f"{ATOM}entry")
        assert len(entries) == len(changes)
        ids = [e.findtext(f"{ATOM}id") for e in entries]
        assert len(set(ids)) == len(ids) and not any(DRAFT in i for i in ids)
        for (standard_id, number), item in changes:
            entry = entries[ids.index(f"tag:resultaatwijzer,2026:standaarden/{standard_id}/{number}/{item['status']}")]
            assert entry.findtext(f"{ATOM}updated") == f"{item['date']}T00:00:00Z"  # dated by the change
            fingerprint = ledger[(standard_id, number)].get("fingerprint")
            if fingerprint and item["status"] != "consultation":
                assert fingerprint in entry.findtext(f"{ATOM}summary")
        for entry in entries:
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", entry.findtext(f"{ATOM}updated"))
            href = entry.find(f"{ATOM}link").get("href")
            assert (feed_file.parent / href / "index.html").is_file(), href  # relative to the feed
        titles = " ".join(e.findtext(f"{ATOM}title") for e in entries)
        assert ("versie" in titles) == (lang == "nl")


def test_every_standard_has_its_own_feed(release):
    feed_file = release / "site/standaarden/uitkomst-duurzaam-werk/feed.xml"
    root = ET.parse(feed_file).getroot()
    ids = [e.findtext(f"{ATOM}id") for e in root.findall(f"{ATOM}entry")]
    assert ids and all("/uitkomst-duurzaam-werk/" in i for i in ids)
    for entry in root.findall(f"{ATOM}entry"):
        assert (feed_file.parent / entry.find(f"{ATOM}link").get("href") / "index.html").is_file()
    assert 'href="feed.xml" type="application/atom+xml"' in html(release, "/standaarden/uitkomst-duurzaam-werk/")


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
    # A standard whose only version is a draft keeps its page (with no version on it) and no status.
    assert hits and all(h.status in standards.STATUSES or h.url.rstrip("/").endswith(DRAFT) for h in hits)
    assert not any(h.status == "draft" for h in hits)  # drafts are not published, so not found
    assert not any("0.1.0" in h.url and DRAFT in h.url for h in index.search("onafhankelijke evaluator", "nl", limit=50).hits)


# --- the API over real HTTP ------------------------------------------------------------

def test_api_lists_every_published_standard(server, knowledge):
    body = requests.get(server.url + "/api/standards", timeout=10).json()
    found = {i: s for i, s in published(knowledge).items() if s.versions}
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
    assert ids(status="draft") == []  # drafts are private
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


def test_api_rate_card_amounts_are_exact_decimal_strings(server):
    body = requests.get(server.url + "/api/standards/tarievenkaart-duurzaam-werk", params={"lang": "en"}, timeout=10).json()
    outcomes = body["versions"][0]["outcomes"]
    assert [o["id"] for o in outcomes] == ["duurzaam-werk", "duurzaam-werk-boven-controlegroep"]
    assert outcomes[0]["price"] == {"amount": "1000", "currency": "EUR"}
    assert outcomes[0]["cap"] == {"amount": "100000", "currency": "EUR"}
    assert all(o["illustrative"] is True for o in outcomes)
    assert outcomes[0]["definition"].startswith("A participant")
    spec = requests.get(server.url + "/api/openapi.json", timeout=10).json()
    assert spec["components"]["schemas"]["ExactMoney"]["properties"]["amount"]["type"] == "string"


def test_api_one_version_with_its_text_amounts_and_fingerprint(server, knowledge):
    body = requests.get(server.url + "/api/standards/contractparameters-resultaatbetaling/1.0.0", timeout=10).json()
    ledger = standards_ledger.read(knowledge)[0]
    assert body["version"] == "1.0.0" and body["status"] == "superseded" and body["superseded_by"] == "2.0.0"
    assert body["fingerprint"] == ledger[("contractparameters-resultaatbetaling", "1.0.0")]["fingerprint"]
    assert body["history"] == [dict(h) for h in ledger[("contractparameters-resultaatbetaling", "1.0.0")]["history"]]
    source = (ROOT / "docs/standaarden/contractparameters-resultaatbetaling/1.0.0.nl.md").read_text(encoding="utf-8")
    assert body["text"].startswith("# Contractparameters") and "kb:standard-version" not in body["text"]
    assert body["text"].split("\n")[-2] in source and "## Waarvoor deze parameters zijn" in body["text"]
    english = requests.get(server.url + "/api/standards/tarievenkaart-duurzaam-werk/0.1.0", params={"lang": "en"}, timeout=10).json()
    assert english["fingerprint"] is None  # in consultation: not frozen yet
    assert english["outcomes"][1]["price"] == {"amount": "2000", "currency": "EUR"} and english["text"].startswith("# Outcomes rate card")
    for url in (f"/api/standards/{DRAFT}/0.1.0", "/api/standards/tarievenkaart-duurzaam-werk/9.9.9", "/api/standards/x/1.0.0"):
        response = requests.get(server.url + url, timeout=10)
        assert response.status_code == 404 and response.json()["error"]


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


# --- the preview build: drafts for editors, never published ----------------------------------

@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    from publish.build import build

    directory = tmp_path_factory.mktemp("preview")
    return build(ROOT, directory, log=lambda *_: None, preview=True)


def test_the_preview_shows_drafts_with_a_banner_on_every_page(preview, release):
    page = html(preview, f"/standaarden/{DRAFT}/0.1.0/")
    assert BANNER.findall(page) == ["draft"]
    for url in ("/", "/basis/spectrum/", f"/standaarden/{DRAFT}/", "/standaarden/register/", "/casussen/"):
        assert 'class="admonition preview"' in html(preview, url) and "Voorvertoning – niet gepubliceerd" in html(preview, url)
        assert "Voorvertoning" not in html(release, url)
    assert "Preview – not published" in html(preview, "/en/")
    assert json.loads((preview / "manifest.json").read_text())["preview"] is True


def test_the_preview_has_drafts_in_register_feed_api_and_search(preview):
    assert f"../{DRAFT}/" in html(preview, "/standaarden/register/")
    feed = (preview / "site/standaarden/feed.xml").read_text(encoding="utf-8")
    assert f"standaarden/{DRAFT}/0.1.0/draft" in feed
    data = json.loads((preview / "standards.json").read_text(encoding="utf-8"))
    assert DRAFT in {s["id"] for s in data["standards"]}
    hits = SearchIndex(preview / "index").search("control group independent evaluator", "en", limit=20, page_type="standard").hits
    assert any(h.status == "draft" for h in hits)


def test_the_service_serves_the_preview_for_editors(preview):
    from server import create_app

    client = client_for(create_app(preview.parent.parent))
    assert client.get(f"/standaarden/{DRAFT}/0.1.0/").status_code == 200
    assert client.get(f"/api/standards/{DRAFT}/0.1.0").get_json()["status"] == "draft"
