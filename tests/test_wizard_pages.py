"""The wizard pages (GOV.UK question pages) over real HTTP and in a real browser, with and
without JavaScript: start page, one question per page with the question as H1, back keeps the
answers, a change made on the result returns to it, skipped questions, download and print."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlparse

import pytest
import requests

from tests.helpers import assert_no_violations
from tests.test_wizard_scenarios import TABLE

PATH = {"nl": "/keuzehulp/vragen/", "en": "/en/keuzehulp/vragen/"}
ROTTERDAM = {"policy_area": "employment", **TABLE["bases"]["rotterdam"]}
CLOSE = {"policy_area": "health_care", "outcome_measurable": "no", "attributable": "no", "evidence": "proven",
         "urgency": "normal"}


def get(server, path, params=None, **kwargs):
    return requests.get(server.url + path, params=params, timeout=10, **kwargs)


def asked(html: str) -> str | None:
    """The factor the page asks about (the hidden 'from' field), or None."""
    match = re.search(r'<input type="hidden" name="from" value="([a-z_]+)">', html)
    return match[1] if match else None


def h1(html: str) -> str:
    headings = re.findall(r"<h1\b[^>]*>(.*?)</h1>", html, re.S)
    assert len(headings) == 1, headings
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", headings[0])).strip()


def title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S)[1]


def test_the_start_page_says_how_many_questions_how_long_and_what_to_have_ready(server):
    for lang, words in (("nl", ("hoogstens 14 vragen", "minuten", "Handig om bij de hand te hebben", "Start de keuzehulp")),
                        ("en", ("at most 14 questions", "minutes", "Useful to have at hand", "Start the wizard"))):
        html = get(server, PATH[lang]).text
        assert all(w in html for w in words), lang
        assert asked(html) is None and "rw:slot" not in html
        assert f'href="{PATH[lang]}?start=1"' in html


def test_each_question_is_the_h1_in_the_site_layout(server):
    for lang in PATH:
        html = get(server, PATH[lang], {"start": "1"}).text
        assert f'<html lang="{lang}"' in html and 'class="md-header' in html
        assert asked(html) == "policy_area"
        assert "<legend><h1>" in html and h1(html).startswith("Vraag 1" if lang == "nl" else "Question 1")
        assert html.count('type="radio"') == 10  # nine areas and "I don't know"
        html = get(server, PATH[lang], {"policy_area": "youth"}).text
        assert asked(html) == "outcome_measurable" and "2" in h1(html).split()[1]
        assert title(html).startswith(("Kunt u", "Can you"))


def test_answering_redirects_to_a_clean_shareable_address(server):
    response = get(server, PATH["nl"], {"policy_area": "youth", "from": "policy_area"}, allow_redirects=False)
    assert response.status_code == 303 and response.headers["Location"] == PATH["nl"] + "?policy_area=youth"


def test_number_fields_are_text_with_a_numeric_keyboard(server):
    html = get(server, PATH["en"], {"policy_area": "youth", "outcome_measurable": "yes", "attributable": "yes"}).text
    assert asked(html) == "months_to_outcome"
    field = re.search(r'<input id="months_to_outcome-input"[^>]*>', html, re.S)[0]
    assert 'type="text"' in field and 'inputmode="numeric"' in field and 'type="number"' not in html


def test_the_result_heading_is_the_outcome_and_shows_no_points(server):
    for lang, sib in (("nl", "Advies: Social Impact Bond (SIB)"), ("en", "Advice: Social Impact Bond (SIB)")):
        html = get(server, PATH[lang], ROTTERDAM).text
        assert asked(html) is None and h1(html) == sib and title(html).startswith(sib)
        assert not re.search(r"\d+ (punten|points)", html)
        for section in ("rw-confidence", "rw-why", "rw-risks", "rw-cautions", "rw-compare", "rw-next-steps",
                        "rw-would-change", "rw-cases", "rw-summary-title"):
            assert f'id="{section}"' in html, section
        prefix = "/" if lang == "nl" else "/en/"
        assert f'href="{prefix}starten/"' in html and f'href="{prefix}rekenhulp/?form=sib"' in html
        assert "ask=None" not in html


def test_a_close_and_an_undecided_result_say_so_in_words(server):
    html = get(server, PATH["nl"], CLOSE).text
    assert h1(html).endswith("liggen dicht bij elkaar") and "Wat geeft de doorslag?" in html
    html = get(server, PATH["en"], {f: "unknown" for f in ROTTERDAM}).text
    assert h1(html) == "Not decidable yet" and 'id="rw-find-out"' in html
    find_out = re.search(r'<section aria-labelledby="rw-find-out">.*?</section>', html, re.S)[0]
    assert "Can you measure the outcome" in find_out and "Answer anyway" in find_out
    assert 'href="/en/rekenhulp/"' in html and 'href="/en/starten/"' in html


def test_skipped_questions_are_listed_with_answer_anyway(server):
    answers = {"policy_area": "youth", "outcome_measurable": "no"}
    html = get(server, PATH["nl"], {**answers, "show": "result"}).text
    section = re.search(r'<section aria-labelledby="rw-skipped".*?</section>', html, re.S)[0]
    assert "Kunt u de verandering toeschrijven aan de aanpak?" in section
    link = re.search(r'href="([^"]*ask=attributable[^"]*)"', section)[1].replace("&amp;", "&")
    query = dict(parse_qsl(urlparse(link).query))
    assert query == {**answers, "ask": "attributable", "then": "result"}


def test_a_change_from_the_result_returns_to_the_result(server):
    change = re.search(r'href="([^"]*ask=urgency[^"]*)"', get(server, PATH["nl"], ROTTERDAM).text)[1].replace("&amp;", "&")
    html = get(server, change).text
    assert asked(html) == "urgency" and 'value="normal" checked' in html
    assert h1(html).startswith("Vraag 5")  # the question's own place, not the count of answers
    assert '<input type="hidden" name="then" value="result">' in html
    back = re.search(r'class="rw-back" href="([^"]+)"', html)[1].replace("&amp;", "&")
    assert dict(parse_qsl(urlparse(back).query)).get("show") == "result"
    response = get(server, PATH["nl"], {**ROTTERDAM, "urgency": "acute", "from": "urgency", "then": "result"},
                   allow_redirects=False)
    assert response.status_code == 303 and "show=result" in response.headers["Location"]
    html = get(server, response.headers["Location"]).text
    assert asked(html) is None and h1(html).startswith("Advies:")


def test_the_back_link_keeps_every_answer_selected(server):
    answers = {"policy_area": "youth", "outcome_measurable": "yes", "attributable": "no"}
    html = get(server, PATH["nl"], answers).text
    back = re.search(r'class="rw-back" href="([^"]+)"', html)[1].replace("&amp;", "&")
    query = dict(parse_qsl(urlparse(back).query))
    assert {k: query[k] for k in answers} == answers and query["ask"] == "attributable"
    html = get(server, back).text
    assert asked(html) == "attributable" and 'value="no" checked' in html and h1(html).startswith("Vraag 3")
    # continuing goes to the next question already answered, or on
    response = get(server, PATH["nl"], {**answers, "from": "outcome_measurable", "then": "next"}, allow_redirects=False)
    assert "ask=attributable" in response.headers["Location"]


def test_error_pages_say_error_in_the_title(server):
    for lang, word in (("nl", "Fout: "), ("en", "Error: ")):
        response = get(server, PATH[lang], {"policy_area": "youth", "outcome_measurable": "maybe"})
        assert response.status_code == 400 and title(response.text).startswith(word)
        assert 'class="rw-error-summary" role="alert"' in response.text and 'aria-invalid="true"' in response.text


def test_the_dutch_change_link_reads_wijzig_uw_antwoord_op(server):
    html = get(server, PATH["nl"], ROTTERDAM).text
    assert 'Wijzig<span class="rw-visually-hidden"> uw antwoord op: ' in html and "Wijzigen uw antwoord" not in html


def test_the_language_switch_keeps_the_answers_and_adds_nothing(server):
    html = get(server, PATH["nl"], {"policy_area": "youth", "outcome_measurable": "yes"}).text
    assert '/en/keuzehulp/vragen/?policy_area=youth&amp;outcome_measurable=yes" hreflang="en"' in html
    assert "ask=None" not in get(server, PATH["nl"], ROTTERDAM).text


def test_the_markdown_download_is_the_same_summary(server):
    for lang in PATH:
        response = get(server, PATH[lang], {**ROTTERDAM, "format": "md"})
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "text/markdown; charset=utf-8"
        assert "attachment" in response.headers["Content-Disposition"]
        text = response.text
        assert text.startswith("# Advi") and "Social Impact Bond (SIB)" in text and "2.0.0" in text
        assert "policy_area=employment" in text and "rekenhulp/?form=sib" in text
        assert "## " in text and "<div" not in text


def test_every_value_a_page_offers_the_api_accepts(server):
    """The pages and the API accept the same answers, "I don't know" included."""
    model = requests.get(server.url + "/api/wizard/model", timeout=10).json()
    for question in model["questions"]:
        html = get(server, PATH["nl"], {"ask": question["id"]}).text
        values = re.findall(rf'name="{question["id"]}" value="([^"]+)"', html)
        if question["type"] == "number":
            values = [0 if question["min"] == 0 else question["min"], "unknown"]
            assert f'{question["id"]}=unknown' in html
        assert "unknown" in values
        for value in values:
            body = {"answers": {question["id"]: value}}
            assert requests.post(server.url + "/api/wizard", json=body, timeout=10).status_code == 200, (question["id"], value)


@pytest.mark.parametrize("query", ["ask=nonsense", "from=nonsense", "outcome_measurable=%00", "x=" + "a" * 5000,
                                   "outcome_measurable=<script>alert(1)</script>", "ask=", "comparable_contracts=1e9",
                                   "then=evil&show=result", "format=md", "show=result&format=pdf"])
def test_odd_addresses_never_fail(server, query):
    response = get(server, PATH["nl"] + "?" + query)
    assert response.status_code in (200, 400)
    assert "<script>alert(1)" not in response.text


def test_the_model_page_has_the_diagram_as_a_table(server, knowledge):
    from wizard import build_model
    from wizard.model import model_inputs

    model = build_model(model_inputs(knowledge))
    for prefix, lang, heading in (("/", "nl", "Het schema als tabel"), ("/en/", "en", "The diagram as a table")):
        html = get(server, f"{prefix}keuzehulp/model/").text
        assert 'class="mermaid"' in html and heading in html
        table = html.split(heading, 1)[1].split("</table>", 1)[0]
        assert all(f.name[lang] in table for f in model.forms)
        for rule in model.rules:
            assert rule.label[lang] in table


# --- a real browser, with and without JavaScript ----------------------------------------------

def walk(page, answers: dict) -> None:
    """Answer question after question from `answers` ("I don't know" for the others)."""
    for _ in range(20):
        form = page.locator("form.rw-question")
        if not form.count():
            return
        factor = page.locator('input[name="from"]').get_attribute("value")
        value = answers.get(factor, "unknown")
        if page.locator(f'input[type="text"][name="{factor}"]').count():
            if value == "unknown":
                page.locator(".rw-dont-know").click()
                page.wait_for_load_state()
                continue
            page.fill(f'input[name="{factor}"]', str(value))
        else:
            page.check(f'input[name="{factor}"][value="{value}"]')
        page.locator("form.rw-question button[type=submit]").click()
        page.wait_for_load_state()
    raise AssertionError("the wizard kept asking questions")


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_a_reader_walks_back_changes_and_downloads(server, new_context, javascript):
    page = new_context(java_script_enabled=javascript, accept_downloads=True).new_page()
    page.goto(server.url + PATH["nl"])
    page.get_by_role("link", name="Start de keuzehulp").click()
    page.wait_for_load_state()
    walk(page, ROTTERDAM)
    assert page.locator("h1").inner_text().startswith("Advies: Social Impact Bond")
    result_url = page.url

    # Back from the result: the last question, its answer selected; back again: the one before.
    page.locator("a.rw-back").click()
    page.wait_for_load_state()
    assert page.locator("form.rw-question input:checked").count() == 1
    first_back = page.locator('input[name="from"]').get_attribute("value")
    page.locator("a.rw-back").click()
    page.wait_for_load_state()
    factor = page.locator('input[name="from"]').get_attribute("value")
    assert factor != first_back
    if page.locator(f'form.rw-question input[type="text"][name="{factor}"]').count():
        assert page.locator(f'input[name="{factor}"]').input_value() == str(ROTTERDAM[factor])
    else:
        assert page.locator("form.rw-question input:checked").get_attribute("value") == ROTTERDAM[factor]
    query = dict(parse_qsl(urlparse(page.url).query))
    assert {k: str(v) for k, v in ROTTERDAM.items() if k in query} == {k: query[k] for k in ROTTERDAM if k in query}

    # A change from the result returns to the result.
    page.goto(result_url)
    page.get_by_role("link", name=re.compile("Wijzig uw antwoord op: Zijn er investeerders")).click()
    page.wait_for_load_state()
    assert page.get_by_label("Ja", exact=True).is_checked()
    page.get_by_label("Nee", exact=True).check()
    page.get_by_role("button", name="Doorgaan").click()
    page.wait_for_load_state()
    assert page.locator("#rw-outcome").count() == 1
    assert dict(parse_qsl(urlparse(page.url).query))["investors_available"] == "no"
    assert "Social Impact Bond" not in page.locator("h1").inner_text()

    # Skipped questions: "answer anyway" asks one and comes back to the result.
    skipped = page.locator('section[aria-labelledby="rw-skipped"] a')
    if skipped.count():
        skipped.first.click()
        page.wait_for_load_state()
        assert page.locator("form.rw-question").count() == 1
        page.locator('form.rw-question input[type="radio"]').first.check()
        page.get_by_role("button", name="Doorgaan").click()
        page.wait_for_load_state()
        assert page.locator("#rw-outcome").count() == 1

    # The download is the Markdown summary.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download als Markdown-notitie").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.startswith("# ") and "2.0.0" in text


@pytest.mark.browser
def test_print_shows_the_address_date_and_version_on_a4(server, new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(server.url + PATH["nl"] + "?" + urlencode(ROTTERDAM))
    assert page.locator(".rw-print-only").is_hidden()
    page.emulate_media(media="print")
    block = page.locator(".rw-print-only")
    assert block.is_visible()
    text = block.inner_text()
    assert "policy_area=employment" in text and "2.0.0" in text and re.search(r"\d{4}-\d{2}-\d{2}", text)
    assert page.locator(".md-header").is_hidden() and page.locator(".rw-summary-row a").first.is_hidden()
    pdf = page.pdf(format="A4")
    assert 1 <= len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 3


@pytest.mark.browser
def test_wizard_page_states_have_no_wcag_21_aa_violations(server, tab, axe):
    states = []
    for _lang, path in PATH.items():
        # The questions asked one by one (from ?start=1) are checked in test_accessibility.py.
        states += [path, path + "?policy_area=youth&outcome_measurable=yes&attributable=yes",
                   path + "?policy_area=youth&outcome_measurable=maybe",
                   path + "?" + urlencode(ROTTERDAM), path + "?" + urlencode(CLOSE),
                   path + "?" + urlencode({f: "unknown" for f in ROTTERDAM}),
                   path + "?" + urlencode({"policy_area": "youth", "outcome_measurable": "no", "show": "result"}),
                   path + "?" + urlencode({**ROTTERDAM, "ask": "urgency", "then": "result"})]
    for address in states:
        tab.goto(server.url + address)  # drawn by the server: nothing arrives after the load
        assert_no_violations(axe, tab, address)
