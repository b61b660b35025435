"""The wizard pages over real HTTP and in a real browser with JavaScript off."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlparse

import pytest
import requests

from tests.test_wizard_scenarios import SCENARIOS

PATH = {"nl": "/keuzehulp/vragen/", "en": "/en/keuzehulp/vragen/"}


def get(server, path, params=None, **kwargs):
    return requests.get(server.url + path, params=params, timeout=10, **kwargs)


def asked(html: str) -> str | None:
    """The factor the page asks about (the hidden 'from' field), or None on a result page."""
    match = re.search(r'<input type="hidden" name="from" value="([a-z_]+)">', html)
    return match[1] if match else None


def test_the_first_question_inside_the_site_layout(server):
    for lang, path in PATH.items():
        response = get(server, path)
        assert response.status_code == 200
        html = response.text
        assert f'<html lang="{lang}"' in html and 'class="md-header' in html  # the site's own layout
        assert asked(html) == "outcome_measurable"
        assert "<fieldset" in html and "<legend>" in html and 'type="radio"' in html
        assert html.count('type="radio"') == 4  # three answers and "I don't know"
        assert re.search(r'<label for="outcome_measurable-yes">', html)
        assert "rw:slot" not in html


def test_answering_redirects_to_a_clean_shareable_address(server):
    response = get(server, PATH["nl"], {"outcome_measurable": "yes", "from": "outcome_measurable"},
                   allow_redirects=False)
    assert response.status_code == 303
    assert response.headers["Location"] == PATH["nl"] + "?outcome_measurable=yes"
    assert asked(get(server, response.headers["Location"]).text) == "attributable"


def test_questions_that_cannot_change_the_outcome_are_skipped(server):
    html = get(server, PATH["nl"], {"outcome_measurable": "no"}).text
    assert asked(html) is None
    assert "Ons advies" in html and "/basis/spectrum/" in html


def test_a_result_can_be_bookmarked_in_both_languages(server):
    name, _, answers, expected = next(s for s in SCENARIOS if s[0] == "rotterdam-buzinezzclub")
    for lang, path in PATH.items():
        html = get(server, path, answers).text
        assert asked(html) is None
        heading = re.search(r'<h2 id="rw-advice-title">(.*?)</h2>', html, re.S)[1]
        assert ("/en/vormen/sib/" if lang == "en" else "/vormen/sib/") in heading
        for section in ("rw-why", "rw-why-not", "rw-cautions", "rw-would-change", "rw-cases", "rw-summary-title"):
            assert f'id="{section}"' in html
        assert "/lessen/rotterdam/" in html or "/casussen/nl-buzinezzclub-rotterdam/" in html  # a similar case
        assert html.count("ask=") >= len(answers)  # a change link per answer


def test_every_scenario_result_page_recommends_the_expected_form(server, knowledge):
    from wizard import build_model, model_inputs

    names = {f.id: f.name["nl"] for f in build_model(model_inputs(knowledge)).forms}
    for name, _, answers, expected in SCENARIOS:
        html = get(server, PATH["nl"], {**answers}).text
        if asked(html) is None:
            heading = re.search(r'<h2 id="rw-advice-title">(.*?)</h2>', html, re.S)[1]
            assert names[expected] in heading, name


def test_a_result_without_supporting_answers_says_which_answers_weigh_against_the_others(server):
    name, _, answers, expected = next(s for s in SCENARIOS if s[0] == "no-capacity-no-budget")
    for lang, words in (("nl", ("Geen van uw antwoorden pleit voor deze vorm zelf", "Weinig capaciteit")),
                        ("en", ("None of your answers speaks for this form itself", "Little capacity"))):
        html = get(server, PATH[lang], answers).text
        why = re.search(r'<h2 id="rw-why">.*?</section>', html, re.S)[0]
        assert words[0] in why and words[1] in why and "<li>" in why
        assert "points to another form" not in html and "wijst naar een andere vorm" not in html


def test_the_model_page_has_the_diagram_as_a_table(server, knowledge):
    from wizard import build_model, model_inputs

    model = build_model(model_inputs(knowledge))
    for prefix, lang, heading in (("/", "nl", "Het schema als tabel"), ("/en/", "en", "The diagram as a table")):
        html = get(server, f"{prefix}keuzehulp/model/").text
        assert 'class="mermaid"' in html and heading in html
        table = html.split(heading, 1)[1].split("</table>", 1)[0]
        assert all(f.name[lang] in table for f in model.forms)
        for rule in model.rules:
            assert rule.label[lang] in table
        low = re.search(r"<tr>\s*<td><strong>" + re.escape(model.rules[[r.id for r in model.rules].index("low-capacity")].label[lang])
                        + r"</strong></td>(.*?)</tr>", table, re.S)[1]
        assert "−5" in low  # small minus points are in the table (and in the diagram)


def test_the_change_link_shows_the_question_with_the_answer_chosen(server):
    answers = {"outcome_measurable": "yes", "attributable": "no"}
    html = get(server, PATH["nl"], {**answers, "ask": "outcome_measurable"}).text
    assert asked(html) == "outcome_measurable"
    assert 'value="yes" checked' in html
    assert '<input type="hidden" name="attributable" value="no">' in html


def test_unknown_answers_and_the_number_question(server):
    # Not knowing whether the change can be attributed settles it (model 1.1.0): no outcomes
    # contract yet, so no more questions; the advice says what knowing it would change.
    html = get(server, PATH["en"], {"outcome_measurable": "yes", "attributable": "unknown"}).text
    assert asked(html) is None and "/en/basis/spectrum/#effort-oriented-paying-for-the-effort" in html
    changes = re.search(r'<ul class="rw-changes">(.*?)</ul>', html, re.S)[1]
    assert "Yes</strong> to ‘Can you attribute the change" in changes
    params = {"outcome_measurable": "yes", "attributable": "yes"}
    html = get(server, PATH["en"], params).text
    assert asked(html) == "months_to_outcome"
    assert 'type="number"' in html and 'for="months_to_outcome-input"' in html
    assert "months_to_outcome=unknown" in html  # "I don't know" is a plain link
    html = get(server, PATH["en"], {**params, "months_to_outcome": "unknown"}).text
    assert asked(html) != "months_to_outcome"


@pytest.mark.parametrize("params", [
    {"outcome_measurable": "maybe"},
    {"outcome_measurable": "yes", "attributable": "yes", "months_to_outcome": "-3"},
    {"outcome_measurable": "yes", "attributable": "yes", "months_to_outcome": "9999"},
    {"outcome_measurable": "yes", "attributable": "yes", "months_to_outcome": "", "from": "months_to_outcome"},
    {"from": "outcome_measurable"},
])
def test_bad_answers_show_the_question_again_with_an_error(server, params):
    response = get(server, PATH["nl"], params)
    assert response.status_code == 400
    assert 'class="rw-error-summary" role="alert"' in response.text
    assert 'aria-invalid="true"' in response.text


@pytest.mark.parametrize("query", ["ask=nonsense", "from=nonsense", "outcome_measurable=%00", "x=" + "a" * 5000,
                                   "outcome_measurable=<script>alert(1)</script>", "ask=", "comparable_contracts=1e9"])
def test_odd_addresses_never_fail(server, query):
    response = get(server, PATH["nl"] + "?" + query)
    assert response.status_code in (200, 400)
    assert "<script>alert(1)" not in response.text


def test_the_language_switch_keeps_the_answers(server):
    html = get(server, PATH["nl"], {"outcome_measurable": "yes"}).text
    assert '/en/keuzehulp/vragen/?outcome_measurable=yes" hreflang="en"' in html


def test_the_wizard_is_reachable_from_the_navigation_and_the_guide(server):
    for lang, prefix in (("nl", "/"), ("en", "/en/")):
        guide = get(server, f"{prefix}keuzehulp/").text
        assert 'href="vragen/"' in guide or f'href="{prefix}keuzehulp/vragen/"' in guide
        assert 'href="model/"' in guide
        model = get(server, f"{prefix}keuzehulp/model/")
        assert model.status_code == 200 and 'class="mermaid"' in model.text


# --- a real browser, JavaScript off ---------------------------------------------------------

def finish(page, choices: dict | None = None) -> None:
    """Answer the remaining questions: a chosen answer when the question mentions a word in
    `choices`, 1 for a number, else the last option ("I don't know")."""
    for _ in range(12):
        if not page.locator("legend").count():
            return
        legend = page.locator("legend").inner_text()
        choice = next((label for word, label in (choices or {}).items() if word in legend), None)
        if page.locator('input[type="number"]').count():
            page.locator('input[type="number"]').fill("1")
        elif choice:
            page.get_by_label(choice, exact=True).check()
        else:
            page.locator('input[type="radio"]').last.check()
        page.get_by_role("button", name="Doorgaan").click()
        page.wait_for_load_state()
        assert not page.locator("legend").count() or page.locator("legend").inner_text() != legend
    raise AssertionError("the wizard kept asking questions")


@pytest.mark.browser
def test_a_reader_walks_the_wizard_without_javascript(server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "/keuzehulp/")
    page.get_by_role("link", name="Start de keuzehulp").click()
    page.wait_for_url("**/keuzehulp/vragen/")

    def answer(label: str):
        page.get_by_label(label, exact=True).check()
        page.get_by_role("button", name="Doorgaan").click()
        page.wait_for_load_state()

    answer("Ja, met betrouwbare gegevens")
    answer("Ja")                                  # attributable
    page.get_by_label("Aantal maanden").fill("18")
    page.get_by_role("button", name="Doorgaan").click()
    page.wait_for_load_state()
    answer("Er is tijd om een aanpak en contract zorgvuldig op te zetten")
    answer("Veelbelovend: er zijn eerste aanwijzingen dat het werkt")
    answer("Ja")                                  # the provider can carry the risk
    finish(page)                                  # the rest: "I don't know" where offered
    assert "Pay-for-success" in page.locator("#rw-advice-title").inner_text()
    first_result = page.url

    # Change the answer about the provider: the advice becomes a SIB once investors are there.
    page.get_by_role("link", name=re.compile("Wijzigen uw antwoord op: Kan de uitvoerder")).click()
    assert page.get_by_label("Ja", exact=True).is_checked()
    page.get_by_label("Nee", exact=True).check()
    page.get_by_role("button", name="Doorgaan").click()
    page.wait_for_load_state()
    finish(page, {"investeerders": "Ja"})
    assert page.url != first_result
    query = dict(parse_qsl(urlparse(page.url).query))
    assert query["provider_can_bear_risk"] == "no" and query["months_to_outcome"] == "18"
    assert "Social Impact Bond" in page.locator("#rw-advice-title").inner_text()
    assert page.locator("#rw-summary-title").is_visible()

    # The address is the result: opening it again shows the same advice.
    again = context.new_page()
    again.goto(page.url)
    assert "Social Impact Bond" in again.locator("#rw-advice-title").inner_text()
    context.close()


# A long result: every answer given, five rules for the advice and long lists of reasons against
# the outcome forms (once printed on three pages).
LONG_RESULT = dict(outcome_measurable="partly", attributable="no", months_to_outcome=60, urgency="acute",
                   evidence="proven", provider_can_bear_risk="yes", investors_available="no", outcome_payers="one",
                   comparable_contracts=1, commissioner_capacity="low", multi_year_budget="no")


@pytest.mark.browser
def test_every_result_prints_on_at_most_two_a4_pages(server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.emulate_media(media="print")
    printed = []
    for name, answers in [(s[0], s[2]) for s in SCENARIOS] + [("long-result", LONG_RESULT)]:
        for lang in ("nl", "en") if name == "long-result" else ("nl",):
            page.goto(server.url + PATH[lang] + "?" + urlencode(answers))
            if not page.locator(".rw-result").count():
                continue
            printed.append(name)
            assert page.locator(".md-header").is_hidden()
            assert page.locator(".rw-summary-row a").first.is_hidden()  # no change links on paper
            assert page.locator(".rw-summary-row dd").first.is_visible()  # but every answer
            pdf = page.pdf(format="A4")
            assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 2, (name, lang)
    assert printed.count("long-result") == 2
    context.close()


@pytest.mark.browser
def test_wizard_pages_have_no_wcag_21_aa_violations(server, browser):
    axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")
    name, _, answers, _ = next(s for s in SCENARIOS if s[0] == "rotterdam-buzinezzclub")
    addresses = [PATH["nl"], PATH["en"] + "?outcome_measurable=yes&attributable=yes",
                 PATH["nl"] + "?outcome_measurable=yes&attributable=yes&months_to_outcome=abc",
                 PATH["nl"] + "?" + urlencode(answers), PATH["en"] + "?" + urlencode(answers), "/keuzehulp/model/"]
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}
    context = browser.new_context(bypass_csp=True)  # axe is injected as a script
    page = context.new_page()
    axe = axe_api.Axe()
    for address in addresses:
        page.goto(server.url + address, wait_until="networkidle")
        violations = axe.run(page, options=options).response["violations"]
        assert violations == [], (address, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations])
    context.close()
