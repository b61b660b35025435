"""`kb check` validates kb/data/search.yml: broken copies fail, naming the file and the line."""
from __future__ import annotations

import pytest

import kb
from kb import messages
from tests.test_kb_check import edit, line_of


@pytest.fixture(autouse=True)
def english():
    """These tests read the English messages of `kb.load` (Dutch is the default)."""
    messages.set_language("en")
    yield
    messages.set_language("nl")


def problems_in(copy, file="kb/data/search.yml") -> list[str]:
    return [str(p) for p in kb.load(copy).problems if p.file == file]


def test_the_real_search_data_is_valid(knowledge):
    assert not [p for p in knowledge.problems if p.file == "kb/data/search.yml"]


def test_a_best_bet_to_a_missing_page_names_file_and_line(project_copy):
    data = project_copy / "kb/data/search.yml"
    edit(data, "    page: keuzehulp/model", "    page: keuzehulp/modell")
    line = line_of(data, "page: keuzehulp/modell")
    assert problems_in(project_copy) == [
        f"kb/data/search.yml:{line}: a best bet names the page 'keuzehulp/modell', which does not exist in nl and en "
        "(write its path under docs/ without .nl.md or .en.md, e.g. vormen/sib)"]


def test_a_page_in_only_one_language_is_refused(project_copy):
    (project_copy / "docs/over/toegankelijkheid.en.md").unlink()
    messages = problems_in(project_copy)
    line = line_of(project_copy / "kb/data/search.yml", "page: over/toegankelijkheid")
    assert any(m.startswith(f"kb/data/search.yml:{line}: a best bet names the page 'over/toegankelijkheid', "
                            "which does not exist in en") for m in messages), messages


def test_a_facet_page_and_a_choice_term_are_checked(project_copy):
    data = project_copy / "kb/data/search.yml"
    edit(data, "pages: [valkuilen/index]", "pages: [valkuilen/indexx]")
    edit(data, "concepts: [sib, hib,", "concepts: [sibb, hib,")
    messages = problems_in(project_copy)
    facet_line = line_of(data, "valkuilen/indexx")
    choice_line = line_of(data, "concepts: [sibb")
    assert any(m.startswith(f"kb/data/search.yml:{facet_line}: facet 1 names the page 'valkuilen/indexx'") for m in messages)
    assert f"kb/data/search.yml:{choice_line}: choice names the term 'sibb', which is not an id in kb/data/glossary.yml" in messages


def test_one_phrase_leading_to_two_pages_is_refused(project_copy):
    data = project_copy / "kb/data/search.yml"
    edit(data, "nl: [beslismodel, beslisregels,", "nl: [keuzehulp, beslismodel, beslisregels,")
    messages = problems_in(project_copy)
    assert any("the best bet phrase 'keuzehulp' (nl) already leads to 'keuzehulp/index'" in m for m in messages), messages


def test_a_schema_error_names_the_line(project_copy):
    data = project_copy / "kb/data/search.yml"
    edit(data, "  - match:\n      nl: [beslismodel", "  - matches:\n      nl: [beslismodel")
    line = line_of(data, "  - matches:")
    assert any(m.startswith(f"kb/data/search.yml:{line}: ") and "unknown field 'matches'" in m
               for m in problems_in(project_copy))


def test_country_names_are_validated_too(project_copy):
    data = project_copy / "kb/data/countries.yml"
    edit(data, "names: [Ghanese, Ghanaian]", "names: Ghanese")
    line = line_of(data, "names: Ghanese")
    assert any(m.startswith(f"kb/data/countries.yml:{line}: ") and "should be a list" in m
               for m in problems_in(project_copy, "kb/data/countries.yml"))
