"""The calculator page without JavaScript: the real build, the real app, Flask's test client."""
from __future__ import annotations

import re
from decimal import Decimal
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest


@pytest.fixture(scope="module")
def client(build_dir):
    from server import create_app
    return create_app(build_dir).test_client()


def text(response) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))))


def value_of(response, input_id: str) -> str | None:
    match = re.search(rf'<input id="{re.escape(input_id)}"[^>]*value="([^"]*)"', response.get_data(as_text=True))
    return unescape(match.group(1)) if match else None


WORKED = ("cohort=1000&duration_months=36&contract_cap=1200000&capital=1000000"
          "&outcome-0-label=Werk&outcome-0-price=5000&outcome-0-rate=0.3&outcome-0-lag_months=24")


def test_the_page_opens_with_the_worked_example_in_the_sites_layout(client):
    response = client.get("/rekenhulp/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<html lang="nl"' in html and "md-header" in html  # the built site's own layout
    body = text(response)
    assert "Rekenhulp: wat kost een resultaatcontract?" in body
    assert "€ 1.200.000,00" in body and "9,54%" in body and "66,7%" in body
    assert '<script src="/assets/javascripts/rekenhulp.js" defer></script>' in html
    assert value_of(response, "cohort") == "1000"


def test_a_submitted_form_is_calculated_on_the_server_in_dutch_and_english(client):
    nl = client.get("/rekenhulp/?" + WORKED)
    en = client.get("/en/rekenhulp/?" + WORKED)
    assert nl.status_code == en.status_code == 200
    # 1,000 x 0.15 x €5,000 in the low scenario; IRR of the low scenario (0.75)^(1/2) - 1 = -13.4%.
    assert "€ 750.000,00" in text(nl) and "−13,4%" in text(nl)
    assert "€750,000.00" in text(en) and "−13.4%" in text(en)
    assert "Scenario laag: alle kansen × 0,5" in text(nl)
    assert "Scenario low: every rate × 0.5" in text(en)


def test_dutch_numbers_are_accepted_and_shown_back_as_typed(client):
    response = client.get("/rekenhulp/?cohort=1.000&outcome-0-price=5.000&outcome-0-rate=30%&contract_cap=1.200.000,00")
    assert response.status_code == 200
    assert "€ 1.200.000,00" in text(response)
    assert value_of(response, "outcome-0-rate") == "30%"


def test_english_pages_read_thousands_commas_and_links_carry_plain_numbers(client):
    response = client.get("/en/rekenhulp/?cohort=1,000&outcome-0-price=5,000&outcome-0-rate=0.3"
                          "&outcome-0-lag_months=24&contract_cap=1,200,000&capital=1,000,000")
    assert response.status_code == 200
    assert "€1,200,000.00" in text(response) and "9.54%" in text(response)
    html = response.get_data(as_text=True)
    dutch = unescape(re.search(r'href="([^"]*rekenhulp/\?[^"]*)" hreflang="nl"', html).group(1))
    assert "contract_cap=1200000" in dutch and "cohort=1000&" in dutch


def test_bad_input_gets_a_400_page_that_names_the_field_next_to_it(client):
    response = client.get("/rekenhulp/?cohort=100&outcome-0-price=1000&outcome-0-rate=2")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert '<html lang="nl"' in html
    assert "Resultaat 1: verwachte kans moet tussen 0 en 1 liggen" in text(response)
    assert re.search(r'<input id="outcome-0-rate"[^>]*aria-invalid="true"', html)
    assert 'href="#outcome-0-rate"' in html
    english = client.get("/en/rekenhulp/?cohort=100&outcome-0-price=1000&outcome-0-rate=2")
    assert "Outcome 1: expected rate must be between 0 and 1" in text(english)


@pytest.mark.parametrize("query, field, message", [
    ("cohort=0&outcome-0-price=1&outcome-0-rate=1", "cohort", "Aantal deelnemers moet tussen 1 en 10000000 liggen"),
    ("cohort=abc&outcome-0-price=1&outcome-0-rate=1", "cohort", "Aantal deelnemers moet een getal zijn"),
    ("cohort=10&outcome-0-price=1&outcome-0-rate=1&capital=0", "capital", "Investering bij de start moet groter zijn dan 0"),
    ("cohort=10&outcome-0-price=1&outcome-0-rate=1&top_up_share=3", "top_up_share", "Aandeel van het centrale fonds moet tussen 0 en 1"),
    ("cohort=10&outcome-0-rate=1", "outcome-0-price", "Resultaat 1: prijs per resultaat is verplicht"),
    ("cohort=10&outcome-0-price=1&outcome-0-rate=1&outcome-1-label=Tweede&outcome-1-price=5&outcome-1-rate=0.5&outcome-1-lag_months=700",
     "outcome-1-lag_months", "Resultaat 2: betaald na (maanden) moet tussen 0 en 600 liggen"),
])
def test_each_error_points_at_its_input(client, query, field, message):
    response = client.get("/rekenhulp/?" + query)
    assert response.status_code == 400
    assert message in text(response)
    assert re.search(rf'<input id="{field}"[^>]*aria-invalid="true"', response.get_data(as_text=True))


def test_the_address_is_shareable_and_the_language_switch_keeps_it(client):
    response = client.get("/rekenhulp/?" + WORKED)
    html = response.get_data(as_text=True)
    share = unescape(re.search(r'<a class="rw-calc-share" href="([^"]+)"', html).group(1))
    # The shared address holds the same request, with the numbers written plainly.
    from pricing import validate
    from pricing.query import to_body
    assert validate(to_body(dict(parse_qsl(urlsplit(share).query)))) == validate(to_body(dict(parse_qsl(WORKED))))
    assert client.get(share).status_code == 200
    assert re.search(r'href="(\.\./)?/?en/rekenhulp/\?[^"]*cohort=1000[^"]*" hreflang="en"', html)


def test_the_csv_link_gives_the_same_figures(client):
    html = client.get("/rekenhulp/?" + WORKED).get_data(as_text=True)
    csv_url = unescape(re.search(r'<a class="rw-calc-csv" href="([^"]+)"', html).group(1))
    csv_text = client.get(csv_url).get_data(as_text=True)
    assert "base,1.0,total,1200000.0" in csv_text


def test_partial_gives_only_the_results(client):
    response = client.get("/rekenhulp/?" + WORKED + "&partial=1")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in html and 'class="rw-calc-results"' in html
    assert 'data-status="Verwachte betaling: € 1.200.000,00"' in html


def test_the_chart_is_an_svg_with_title_and_description_and_a_table_beside_it(client):
    html = client.get("/en/rekenhulp/?" + WORKED).get_data(as_text=True)
    svg = re.search(r"<svg[^>]*role=\"img\"[^>]*>.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "At 100% (the expected rates) the payment is €1,200,000.00" in unescape(svg)
    # The table holds the same points: at 100% every rate is expected, so €1,200,000.
    table = re.search(r"<caption>The same data as a table</caption>.*?</table>", html, re.S).group(0)
    assert re.search(r"<th scope=\"row\">100%</th><td>30%</td><td>€1,200,000.00</td>", table)
    assert svg.count("<circle") == table.count("<tr>") - 1


# --- prefill ------------------------------------------------------------------------------

def test_prefill_from_a_rate_card_fills_prices_and_caps_and_asks_for_rates(client, release):
    import json
    cards = [s for s in json.loads((release / "standards.json").read_text())["standards"] if s["kind"] == "rate_card"]
    card = cards[0]
    version = next(v for v in card["versions"] if v["version"] == card["current_version"])
    response = client.get(f"/rekenhulp/?rate_card={card['id']}")
    assert response.status_code == 200
    for index, outcome in enumerate(version["outcomes"]):
        assert float(value_of(response, f"outcome-{index}-price")) == float(outcome["price"]["amount"])  # an exact decimal string
        assert float(value_of(response, f"outcome-{index}-cap")) == float(outcome["cap"]["amount"])
        assert value_of(response, f"outcome-{index}-rate") == ""
    body = text(response)
    assert "Vul per resultaat de verwachte kans in" in body
    assert "Illustratief" in body
    # With the rates filled in (the form keeps the rate card), the result says it is illustrative.
    query = f"rate_card={card['id']}&cohort=100" + "".join(
        f"&outcome-{i}-id={o['id']}&outcome-{i}-price={o['price']['amount']}&outcome-{i}-rate=0.4"
        for i, o in enumerate(version["outcomes"]))
    result = client.get("/rekenhulp/?" + query)
    assert result.status_code == 200
    results = result.get_data(as_text=True).split('id="rw-calc-output"')[1]
    assert "rw-calc-illustrative" in results
    # 100 x 0.4 = 40 outcomes of each at their prices.
    expected = sum(40 * Decimal(o["price"]["amount"]) for o in version["outcomes"])  # exact decimal strings
    assert f"€ {expected:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".") in text(result)


def test_a_rate_card_version_can_be_chosen_and_a_wrong_one_is_a_400(client, release):
    import json
    card = next(s for s in json.loads((release / "standards.json").read_text())["standards"] if s["kind"] == "rate_card")
    version = card["versions"][-1]["version"]
    assert client.get(f"/rekenhulp/?rate_card={card['id']}&version={version}").status_code == 200
    wrong = client.get(f"/en/rekenhulp/?rate_card={card['id']}&version=9.9.9")
    assert wrong.status_code == 400 and "has no version 9.9.9" in text(wrong)
    unknown = client.get("/rekenhulp/?rate_card=bestaat-niet")
    assert unknown.status_code == 400 and "Er is geen tarievenkaart ‘bestaat-niet’" in text(unknown)


def test_prefill_from_the_wizards_sib_result_adds_an_investment_and_says_so(client):
    response = client.get("/rekenhulp/?form=sib")
    assert response.status_code == 200
    body = text(response)
    assert "Ingevuld voor: Social Impact Bond (SIB)" in body
    assert value_of(response, "capital")
    assert "Jaarlijks rendement (IRR)" in body  # priced at once: the second click of the wizard's path
    english = client.get("/en/rekenhulp/?form=pay_for_success")
    assert "Filled in for: Pay-for-success" in text(english)
    assert not value_of(english, "capital") and "Annual return (IRR)" not in text(english)


def test_every_wizard_form_has_a_preset_that_calculates(client, knowledge):
    for form_id in knowledge.forms:
        for prefix in ("", "/en"):
            response = client.get(f"{prefix}/rekenhulp/?form={form_id}")
            assert response.status_code == 200, (form_id, text(response)[:300])
            assert 'class="rw-calc-result"' in response.get_data(as_text=True)


def test_an_unknown_form_is_a_400_in_the_readers_language(client):
    response = client.get("/en/rekenhulp/?form=nonsense")
    assert response.status_code == 400 and "The wizard has no form ‘nonsense’" in text(response)


def test_the_method_page_cites_the_source_and_labels_practice_beyond_it(client):
    for path, beyond in (("/rekenhulp/methode/", "Buiten de bron:"), ("/en/rekenhulp/methode/", "Beyond the source:")):
        response = client.get(path)
        html = response.get_data(as_text=True)
        response.close()  # a static page is streamed from its file
        assert response.status_code == 200
        body = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))
        assert "12%" in body and body.count(beyond) >= 4
        assert "nl-rotterdam" in html


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.test_calculator_api import query_names  # noqa: E402


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.dictionaries(query_names | st.sampled_from(["form", "rate_card", "version", "partial"]),
                             st.text(max_size=25) | st.from_regex(r"[0-9.,%€ -]{0,12}", fullmatch=True), max_size=8),
       lang=st.sampled_from(["", "/en"]))
def test_any_query_gets_a_page_in_the_readers_language(client, query, lang):
    response = client.get(f"{lang}/rekenhulp/", query_string=query)
    assert response.status_code in (200, 400)
    if query.get("partial") != "1":
        assert f'<html lang="{"en" if lang else "nl"}"' in response.get_data(as_text=True)
