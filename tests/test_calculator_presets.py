"""The calculator's starting points: every preset is a request the calculator takes, `kb check`
names the file and line of a broken one, and the release carries them for the service."""
from __future__ import annotations

import json

import pytest

from kb import messages
from pricing import calculate, validate
from pricing.presets import request_in


@pytest.fixture(autouse=True)
def english():
    """These tests read the English messages of `kb.load` (Dutch is the default)."""
    messages.set_language("en")
    yield
    messages.set_language("nl")


def presets(knowledge):
    data = knowledge.data["calculator"]
    return [("example", data["example"])] + [(p["form"], p) for p in data["presets"]]


def test_every_preset_is_a_request_the_calculator_takes(knowledge):
    for name, preset in presets(knowledge):
        for lang in ("nl", "en"):
            result = calculate(validate(request_in(preset["request"], lang)))
            assert result["expected_payment"] > 0, name


def test_the_example_is_the_issues_worked_check(knowledge):
    result = calculate(validate(request_in(knowledge.data["calculator"]["example"]["request"], "nl")))
    assert result["expected_payment"] == 1_200_000 and round(result["investor"]["irr"], 4) == 0.0954


def test_bond_presets_carry_an_investment_and_others_do_not(knowledge):
    for name, preset in presets(knowledge):
        has_capital = "investment" in preset["request"]
        assert has_capital == (name in ("example", "sib", "hib", "dib")), name


@pytest.mark.parametrize("change, message", [
    (("top_up_share: 0.2", "top_up_share: 1.2"), "'presets.5.request.top_up_share' is 1.2, which is out of range"),
    (("form: sib\n", "form: sibb\n"), "the form 'sibb' is not in kb/data/forms.yml"),
    (("form: hib\n", "form: sib\n"), "the form 'sib' has a second preset"),
    (("cohort: 1000\n", "cohort: 10.5\n"), "cohort"),
])
def test_kb_check_names_file_and_line_of_a_broken_preset(project_copy, change, message):
    import kb
    from kb.checks import check_all

    path = project_copy / "kb" / "data" / "calculator.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(*change, 1), encoding="utf-8")
    knowledge = kb.load(project_copy)
    problems = [p for p in knowledge.problems + check_all(knowledge) if p.file == "kb/data/calculator.yml"]
    assert any(message in str(p) and p.line > 1 for p in problems), problems


def test_the_release_carries_the_presets_and_form_names(release, knowledge):
    data = json.loads((release / "calculator.json").read_text(encoding="utf-8"))
    assert set(data["presets"]) == {p["form"] for p in knowledge.data["calculator"]["presets"]}
    assert data["forms"]["sib"] == knowledge.forms["sib"]["name"]
    assert data["example"]["request"]["cohort"] == knowledge.data["calculator"]["example"]["request"]["cohort"]


def test_a_release_without_calculator_json_is_degraded_and_says_which(build_dir, tmp_path):
    import shutil

    from server import create_app

    copy = tmp_path / "build"
    shutil.copytree(build_dir, copy, symlinks=True)
    (copy / "current" / "calculator.json").unlink()
    client = create_app(copy).test_client()
    health = client.get("/healthz").get_json()
    assert health["status"] == "degraded" and "calculator.json" in health["missing"]
    # The page still opens (an empty form) and the API needs no release file at all...
    assert client.get("/rekenhulp/").status_code == 200
    assert client.post("/api/calculator", json={"cohort": 1, "outcomes": [{"id": "a", "price": 1, "rate": 1}]}).status_code == 200
    # ...but a preset cannot be filled in: a 503 page in the reader's language (health names the file).
    response = client.get("/en/rekenhulp/?form=sib")
    assert response.status_code == 503 and '<html lang="en"' in response.get_data(as_text=True)
