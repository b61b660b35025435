"""Build the search index from the knowledge model: one document per page section.

Each language gets its own index (index/nl, index/en) with its own analyzer, so Dutch is stemmed
as Dutch and English as English.
"""
from __future__ import annotations

import json
from pathlib import Path

from whoosh import fields, index

from kb import standards
from kb.pages import LANGUAGES, parse_page
from search.analysis import analyzer, spelling_analyzer, vocabulary_from
from search.concepts import ConceptMatcher, concept_groups

# Pages that are tools rather than answers are not indexed, nor blocks that only list links.
NOT_INDEXED = {"zoeken", "niet-gevonden"}
SKIPPED_BLOCKS = ("sources",)
TITLE_WEIGHT, HEADING_WEIGHT = 3, 2
# Case pages are short factsheets: without a lower weight they outrank the guidance that explains.
TYPE_WEIGHT = {"case": 0.5}
# A page's opening section says what the whole page is about: for a short query naming the
# subject ("sib") it is the best answer, ahead of deep sections that mention it in passing.
LEAD_WEIGHT = 1.6
LINK_LIST = 0.6


def schema(lang: str, vocabulary: frozenset[str]) -> fields.Schema:
    text = analyzer(lang, vocabulary)
    return fields.Schema(
        key=fields.ID(unique=True, stored=True),
        url=fields.STORED,
        page_id=fields.ID(stored=True),
        title=fields.STORED,
        heading=fields.STORED,
        body=fields.STORED,
        # One searched field keeps queries fast (Whoosh scores in Python, per field and term);
        # the title and heading weigh more because they are repeated in it.
        content=fields.TEXT(analyzer=text),
        concepts=fields.KEYWORD(lowercase=True, scorable=True, field_boost=2.0),
        spell=fields.TEXT(analyzer=spelling_analyzer(), spelling=True),
        type=fields.ID(stored=True),
        # The topics are searched as part of `content`; kept here as the page lists them.
        topics=fields.STORED,
        lang=fields.ID(stored=True),  # the same in every document of an index; for results
        status=fields.STORED,
    )


def documents(knowledge, lang: str, expand):
    """Every section of every page in one language, with its blocks expanded from the data by
    `expand(knowledge, rel, lang, markdown, skip)` (the publishing layer's renderer)."""
    for page in knowledge.pages_in(lang):
        if page.id in NOT_INDEXED:
            continue
        expanded = parse_page(expand(knowledge, page.rel, lang, page.source, skip=SKIPPED_BLOCKS),
                              page.rel, page.path)
        topics = [str(t) for t in page.meta.get("topics") or []]
        for section in expanded.sections:
            if not section.anchor and not section.text:
                section.text = str(page.meta.get("description", ""))  # a page that opens with a heading
            if section.link_share > LINK_LIST:
                continue  # a list of links to other pages answers nothing itself
            yield {
                "key": f"{page.url}#{section.anchor}" if section.anchor else page.url,
                "url": f"{page.url}#{section.anchor}" if section.anchor else page.url,
                "page_id": page.id,
                "title": page.title,
                "heading": section.heading if section.anchor else "",
                "body": section.text,
                "topics": topics,
                "type": page.meta.get("type", "guidance"),
                "lang": lang,
                "status": standards.status_of(knowledge, page),  # shown with results; None for other pages
            }


def build_index(knowledge, index_dir: Path, expand) -> dict:
    index_dir.mkdir(parents=True)
    groups = concept_groups(knowledge.glossary)
    matcher = ConceptMatcher(groups)
    glossary_words = [" ".join(names) for names in groups.values()]
    stats = {"documents": 0}
    for lang in LANGUAGES:
        docs = list(documents(knowledge, lang, expand))
        vocabulary = vocabulary_from([d["body"] + " " + d["heading"] + " " + d["title"] for d in docs] + glossary_words)
        directory = index_dir / lang
        directory.mkdir()
        ix = index.create_in(str(directory), schema(lang, vocabulary))
        writer = ix.writer()
        for doc in docs:
            text = " ".join([doc["title"], doc["heading"], doc["body"]])
            weighted = " ".join([doc["title"]] * TITLE_WEIGHT + [doc["heading"]] * HEADING_WEIGHT
                                + doc["topics"] + [doc["body"]])
            boost = TYPE_WEIGHT.get(doc["type"], 1.0) * (1.0 if doc["heading"] else LEAD_WEIGHT)
            writer.add_document(**doc, content=weighted, _boost=boost, spell=text, concepts=matcher.occurrences(text))
        writer.commit()
        stats[lang] = len(docs)
        stats["documents"] += len(docs)
    # A glossary term's own page (its `page:`) is the best answer to a query that only names it.
    best_pages = {entry["id"]: knowledge.page_by_stem(entry["page"], "nl").id
                  for entry in knowledge.glossary if entry.get("page")}
    (index_dir / "concepts.json").write_text(json.dumps({"groups": groups, "pages": best_pages}, ensure_ascii=False,
                                                        indent=1), encoding="utf-8")
    return stats
