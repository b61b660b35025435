"""The messages an editor reads from `kb check`, in Dutch and English.

Dutch is the default (the editors' guide is Dutch); `kb check --lang en` switches to English.
One entry per mistake: what is wrong, then the fix, so the first advice is the real one.
"""
from __future__ import annotations

LANGUAGES = ("nl", "en")
_language = "nl"


def set_language(lang: str) -> None:
    global _language
    _language = lang if lang in LANGUAGES else "nl"


def language() -> str:
    return _language


def say(key: str, /, **values) -> str:
    return MESSAGES[key][_language].format(**values)


def count_of_problems(count: int) -> dict:
    """`count` and `problems` for a summary: "1 probleem", "2 problemen"."""
    return {"count": count, "problems": say("problem" if count == 1 else "problems")}


MONEY_ADVICE = {
    "nl": "schrijf 1500 of 1500.00, zonder € of scheidingstekens voor duizendtallen",
    "en": "write 1500 or 1500.00, without € or thousands separators",
}

MESSAGES = {
    # --- YAML ---------------------------------------------------------------------------
    "yaml_tab": {
        "nl": "er staat een tab in de gegevens: spring in met twee spaties, nooit met een tab",
        "en": "there is a tab in the data: indent with two spaces, never with a tab",
    },
    "yaml_colon": {
        "nl": "deze tekst bevat een dubbele punt: zet de hele tekst tussen aanhalingstekens, bijvoorbeeld title: \"Deel 1: inleiding\"",
        "en": "this text contains a colon: put the whole text in quotes, for example title: \"Part 1: introduction\"",
    },
    "yaml_indent": {
        "nl": "de inspringing klopt niet: elk niveau springt twee spaties verder in dan het niveau erboven, en velden op hetzelfde niveau beginnen recht onder elkaar",
        "en": "the indentation is wrong: each level is indented two spaces further than the one above it, and fields on the same level start right under each other",
    },
    "yaml_quote": {
        "nl": "een aanhalingsteken wordt niet gesloten: sluit de tekst af met hetzelfde teken waarmee hij begint (\" of ')",
        "en": "a quotation mark is not closed: end the text with the same mark it starts with (\" or ')",
    },
    "yaml_duplicate": {
        "nl": "het veld '{key}' staat er twee keer: houd er één over",
        "en": "the field '{key}' appears twice: keep one",
    },
    "yaml_other": {
        "nl": "dit is geen geldige YAML ({problem}); controleer de inspringing (twee spaties, geen tabs) en zet tekst met een dubbele punt tussen aanhalingstekens",
        "en": "this is not valid YAML ({problem}); check the indentation (two spaces, no tabs) and put text with a colon in quotes",
    },
    "front_matter": {
        "nl": "in de gegevens bovenaan de pagina: {advice}",
        "en": "in the front matter: {advice}",
    },
    # --- schema (the `standard:` part and the ledger) ------------------------------------
    "schema_required": {"nl": "het veld '{field}' ontbreekt{where}", "en": "the field '{field}' is missing{where}"},
    "schema_unknown": {
        "nl": "onbekend veld '{field}'{where}; toegestane velden: {allowed}",
        "en": "unknown field '{field}'{where}; allowed fields are: {allowed}",
    },
    "schema_enum": {
        "nl": "{subject} is '{value}', en dat is geen van de toegestane waarden: {allowed}",
        "en": "{subject} is '{value}', which is not one of the allowed values: {allowed}",
    },
    "schema_date": {
        "nl": "{subject} is '{value}', en dat is geen bestaande datum: schrijf JJJJ-MM-DD, bijvoorbeeld 2027-01-01",
        "en": "{subject} is '{value}', which is not a real date: write YYYY-MM-DD, for example 2027-01-01",
    },
    "schema_version_number": {
        "nl": "{subject} is {value}, wat YAML als getal leest: schrijf {fix}",
        "en": "{subject} is {value}, which YAML reads as a number: write {fix}",
    },
    "schema_number_as_text": {
        "nl": "{subject} is {value}, wat YAML als getal leest: zet het tussen aanhalingstekens",
        "en": "{subject} is {value}, which YAML reads as a number: put it in quotes",
    },
    "schema_pattern": {
        "nl": "{subject} is '{value}', en dat heeft niet de verwachte vorm: {hint}",
        "en": "{subject} is '{value}', which does not have the expected form: {hint}",
    },
    "schema_type": {"nl": "{subject} moet {wanted} zijn", "en": "{subject} should be {wanted}"},
    "schema_empty": {"nl": "{subject} is leeg of te kort", "en": "{subject} is empty or too short"},
    "schema_other": {"nl": "{subject} klopt niet: {detail}", "en": "{subject} is not right: {detail}"},
    "kind_text": {"nl": "tekst", "en": "text"},
    "kind_list": {"nl": "een lijst", "en": "a list"},
    "kind_mapping": {"nl": "een groep 'veld: waarde'-regels", "en": "a set of 'field: value' lines"},
    "kind_boolean": {"nl": "true of false", "en": "true or false"},
    "kind_number": {"nl": "een getal", "en": "a number"},
    "or": {"nl": " of ", "en": " or "},
    "in": {"nl": " (in {where})", "en": " (in {where})"},
    # --- where a standard's files live -----------------------------------------------------
    "banner_off_version": {
        "nl": "het blok kb:standard-version werkt alleen op een versie van een standaard (een pagina met een deel 'standard:' in de gegevens bovenaan)",
        "en": "the block kb:standard-version only works on a version of a standard (a page whose front matter has a 'standard:' part)",
    },
    "needs_standard_part": {
        "nl": "elk bestand in docs/{folder}/{id}/ behalve index is een versie van de standaard: de gegevens bovenaan hebben een deel 'standard:' nodig (begin een versie met 'kb new version {id}')",
        "en": "every file in docs/{folder}/{id}/ except index is a version of the standard: its front matter needs a 'standard:' part (run 'kb new version {id}' to start one)",
    },
    "index_type": {"nl": "de pagina van een standaard heeft 'type: standard' nodig", "en": "the page of a standard needs 'type: standard'"},
    "index_block": {
        "nl": "de pagina van een standaard toont de geldende versie met een regel '<!-- kb:standard {id} -->' onder de titel",
        "en": "the page of a standard shows its current version with a line '<!-- kb:standard {id} -->' under the title",
    },
    "type_outside": {
        "nl": "'type: standard' is alleen voor de pagina's in de map van een standaard, docs/{folder}/<id van de standaard>/",
        "en": "'type: standard' is only for the pages in a standard's folder, docs/{folder}/<standard id>/",
    },
    "version_type": {
        "nl": "een pagina met een deel 'standard:' is een versie van een standaard, dus ze heeft 'type: standard' nodig",
        "en": "a page with a 'standard:' part is a version of a standard, so it needs 'type: standard'",
    },
    "wrong_file": {
        "nl": "dit bestand zegt dat het versie {number} van de standaard '{id}' is, dus het moet docs/{expected} heten (de map is de id van de standaard, de bestandsnaam de versie)",
        "en": "this file says it is version {number} of the standard '{id}', so it must be docs/{expected} (the folder is the standard's id, the file name its version)",
    },
    "page_id": {
        "nl": "de pagina-id van versie {number} van '{id}' moet '{page_id}' zijn, zodat elke versie een eigen id heeft",
        "en": "the page id of version {number} of '{id}' must be '{page_id}', so that every version has its own id",
    },
    "no_banner": {
        "nl": "een versie van een standaard toont haar statusbanner: zet een regel '<!-- kb:standard-version -->' onder de titel",
        "en": "a version of a standard shows its status banner: add a line '<!-- kb:standard-version -->' under the title",
    },
    "no_index": {
        "nl": "de standaard '{id}' heeft geen eigen pagina: maak docs/{folder}/{id}/index.nl.md en index.en.md ('kb new standard' doet dat)",
        "en": "the standard '{id}' has no page of its own: create docs/{folder}/{id}/index.nl.md and index.en.md ('kb new standard' does this)",
    },
    "no_versions": {
        "nl": "de standaard '{id}' heeft nog geen versies: voer 'kb new version {id}' uit",
        "en": "the standard '{id}' has no versions yet: run 'kb new version {id}'",
    },
    # --- the lifecycle -------------------------------------------------------------------
    "two_adopted": {
        "nl": "versie {older} en {newer} van '{id}' zijn allebei vastgesteld, maar er kan maar één versie gelden: zet versie {older} op 'status: superseded' met 'superseded_by: {newer}'",
        "en": "versions {older} and {newer} of '{id}' are both adopted, but only one version can be in force: set version {older} to 'status: superseded' with 'superseded_by: {newer}'",
    },
    "older_not_draft": {
        "nl": "versie {number} van '{id}' heeft de status '{status}', maar de nieuwere versie {newer} is al vastgesteld: een oudere versie kan niet meer worden vastgesteld; zet {number} op 'status: withdrawn' met een 'withdrawn_reason'",
        "en": "version {number} of '{id}' has status '{status}', but the newer version {newer} is already adopted: an older version cannot be adopted any more, so set {number} to 'status: withdrawn' with a 'withdrawn_reason'",
    },
    "kind_differs": {
        "nl": "versie {number} is van de soort '{kind}', maar de geldende versie {current} is '{current_kind}': alle versies van een standaard zijn van dezelfde soort",
        "en": "version {number} is of kind '{kind}', but the current version {current} is '{current_kind}': all versions of a standard are of the same kind",
    },
    "effective_earlier": {
        "nl": "versie {number} gaat in op {effective}, vóór de oudere versie {older} ({older_effective}): een nieuwere versie kan niet eerder ingaan",
        "en": "version {number} takes effect on {effective}, before the older version {older} ({older_effective}): a newer version cannot take effect earlier",
    },
    "needs": {
        "nl": "versie {number} heeft de status '{status}', dus er ontbreekt {hint}",
        "en": "version {number} has status '{status}', so it needs {hint}",
    },
    "hint_owner": {"nl": "een eigenaar, het ministerie of orgaan dat haar publiceert: voeg 'owner: ...' toe",
                   "en": "an owner, the ministry or body that publishes it: add 'owner: ...'"},
    "hint_effective": {"nl": "de datum waarop ze ingaat: voeg 'effective: JJJJ-MM-DD' toe",
                       "en": "the date it takes effect: add 'effective: YYYY-MM-DD'"},
    "hint_review": {"nl": "de datum waarop ze uiterlijk wordt herzien: voeg 'review: JJJJ-MM-DD' toe",
                    "en": "the date by which it will be reviewed: add 'review: YYYY-MM-DD'"},
    "hint_superseded_by": {"nl": "de versie die haar vervangt: voeg 'superseded_by: ...' toe (bijvoorbeeld 2.0.0)",
                           "en": "the version that replaces it: add 'superseded_by: ...' (for example 2.0.0)"},
    "hint_adopted_by": {"nl": "het orgaan dat haar heeft vastgesteld: voeg 'adopted_by: ...' toe (bijvoorbeeld de minister van SZW)",
                        "en": "the body that adopted it: add 'adopted_by: ...' (for example the Minister of Social Affairs)"},
    "hint_decision": {"nl": "het besluit waarmee ze is vastgesteld: voeg 'decision: ...' toe (bijvoorbeeld 'Stcrt. 2027, 12345' of de datum en titel van het besluit)",
                      "en": "the decision that adopted it: add 'decision: ...' (for example 'Stcrt. 2027, 12345' or the date and title of the decision)"},
    "hint_withdrawn_reason": {"nl": "de reden van intrekking: voeg 'withdrawn_reason: ...' toe",
                              "en": "the reason for the withdrawal: add 'withdrawn_reason: ...'"},
    "todo_changes": {
        "nl": "beschrijf onder 'changes:' wat er in versie {number} is veranderd (vervang de {placeholder}-tekst) voordat ze geen concept meer is",
        "en": "describe what changed in version {number} under 'changes:' (replace the {placeholder} text) before it leaves draft",
    },
    "successor_but_status": {
        "nl": "versie {number} noemt een opvolger (superseded_by) maar heeft de status '{status}': zet 'status: superseded', of haal superseded_by weg",
        "en": "version {number} names its successor (superseded_by) but has status '{status}': set 'status: superseded', or remove superseded_by",
    },
    "review_before_effective": {
        "nl": "de herzieningsdatum {review} ligt vóór de ingangsdatum {effective}",
        "en": "the review date {review} is before the effective date {effective}",
    },
    "review_past": {
        "nl": "versie {number} is vastgesteld, maar haar herzieningsdatum {review} is voorbij: herzie de standaard en publiceer een nieuwe versie met 'kb new version {id}'",
        "en": "version {number} is adopted, but its review date {review} has passed: review the standard and publish a new version with 'kb new version {id}'",
    },
    "ref_unknown_standard": {
        "nl": "'{name}: {ref}' noemt de standaard '{target}', die niet bestaat in docs/{folder}/ (bekende standaarden: {known})",
        "en": "'{name}: {ref}' names the standard '{target}', which does not exist in docs/{folder}/ (known standards: {known})",
    },
    "ref_unknown_version": {
        "nl": "'{name}: {ref}' noemt versie {number} van '{target}', die niet bestaat (de versies zijn: {known})",
        "en": "'{name}: {ref}' names version {number} of '{target}', which does not exist (its versions are: {known})",
    },
    "ref_self": {"nl": "'{name}: {ref}' noemt deze versie zelf", "en": "'{name}: {ref}' names this version itself"},
    "ref_supersedes_newer": {
        "nl": "versie {number} kan alleen een oudere versie vervangen, maar {ref} is nieuwer: versienummers gaan alleen omhoog",
        "en": "version {number} can only supersede an older version, but {ref} is newer: versions only go up",
    },
    "ref_successor_older": {
        "nl": "versie {number} kan alleen door een nieuwere versie worden vervangen, maar {ref} is ouder: versienummers gaan alleen omhoog",
        "en": "version {number} can only be replaced by a newer version, but {ref} is older: versions only go up",
    },
    "successor_withdrawn": {
        "nl": "versie {number} is vervangen door {ref}, maar {ref} is ingetrokken, zodat geen versie meer zou gelden: trek {number} ook in",
        "en": "version {number} is marked superseded by {ref}, but {ref} has been withdrawn, so no version would be in force: withdraw {number} too",
    },
    "successor_not_in_force": {
        "nl": "versie {number} is vervangen door {ref}, maar die versie heeft de status '{status}' en is dus nog niet vastgesteld: houd {number} vastgesteld tot {ref} is vastgesteld",
        "en": "version {number} is marked superseded by {ref}, but that version has status '{status}', so it is not in force yet: keep {number} adopted until {ref} is adopted",
    },
    # --- rate cards and money --------------------------------------------------------------
    "rate_card_outcomes": {
        "nl": "een tarievenkaart noemt haar resultaten onder 'outcomes:', elk met id, definition, evidence, price en cap",
        "en": "a rate card lists its outcomes under 'outcomes:', each with id, definition, evidence, price and cap",
    },
    "outcomes_not_rate_card": {
        "nl": "alleen een tarievenkaart (kind: rate_card) noemt resultaten met prijzen: haal 'outcomes:' weg of verander de soort",
        "en": "only a rate card (kind: rate_card) lists outcomes with prices: remove 'outcomes:' or change the kind",
    },
    "outcome_twice": {"nl": "het resultaat '{name}' staat twee keer op deze tarievenkaart",
                      "en": "the outcome id '{name}' is used twice on this rate card"},
    "money_format": {
        "nl": "resultaat '{name}': het bedrag bij '{field}' is '{raw}': " + MONEY_ADVICE["nl"],
        "en": "outcome '{name}': the amount under '{field}' is '{raw}': " + MONEY_ADVICE["en"],
    },
    "money_shape": {
        "nl": "resultaat '{name}': schrijf '{field}' als {{amount: 1500, currency: EUR}}",
        "en": "outcome '{name}': write '{field}' as {{amount: 1500, currency: EUR}}",
    },
    "money_currency": {
        "nl": "resultaat '{name}': de munteenheid bij '{field}' is '{value}'; gebruik een van: {allowed}",
        "en": "outcome '{name}': the currency under '{field}' is '{value}'; use one of: {allowed}",
    },
    "currency_differs": {
        "nl": "resultaat '{name}': de prijs is in {price} maar het maximum in {cap}; gebruik één munteenheid",
        "en": "outcome '{name}': the price is in {price} but the cap in {cap}; use one currency",
    },
    "cap_lower": {
        "nl": "resultaat '{name}': het maximum ({cap}) is lager dan de prijs van één resultaat ({price})",
        "en": "outcome '{name}': the cap ({cap}) is lower than the price of a single outcome ({price})",
    },
    "example_illustrative": {
        "nl": "resultaat '{name}': deze standaard is een voorbeeld, dus de bedragen zijn geen echte prijzen: voeg 'illustrative: true' toe",
        "en": "outcome '{name}': this standard is an example, so its amounts are not real prices: add 'illustrative: true'",
    },
    "template_text": {
        "nl": "deze regel is nog sjabloontekst ({placeholder}): schrijf hem voordat versie {number} geen concept meer is",
        "en": "this line is still template text ({placeholder}): write it before version {number} leaves draft",
    },
    "languages_differ": {
        "nl": "'{key}' is {here} hier maar {there} in de Nederlandse versie docs/{dutch}: beide talen moeten hetzelfde zeggen",
        "en": "'{key}' is {here} here but {there} in the Dutch version docs/{dutch}: both languages must say the same",
    },
    "missing": {"nl": "afwezig", "en": "missing"},
    "outcomes_differ": {
        "nl": "de resultaten verschillen van die in de Nederlandse versie docs/{dutch}: ids, prijzen, maxima en 'illustrative' moeten gelijk zijn; alleen definition en evidence worden vertaald",
        "en": "the outcomes differ from those in the Dutch version docs/{dutch}: ids, prices, caps and 'illustrative' must be the same; only definition and evidence are translated",
    },
    # --- the ledger: adopted means frozen ---------------------------------------------------
    "not_recorded": {
        "nl": "versie {number} van '{id}' heeft de status '{status}', maar die staat nog niet in het register van versies ({ledger}): voer 'kb ledger' uit en lever het bijgewerkte register mee in dezelfde wijziging",
        "en": "version {number} of '{id}' has status '{status}', but that is not yet recorded in the ledger of versions ({ledger}): run 'kb ledger' and commit the updated ledger with this change",
    },
    "frozen_changed": {
        "nl": "versie {number} van '{id}' is gepubliceerd als '{status}' en ligt vast (vingerafdruk {fingerprint}), maar {part} is veranderd: zet de wijziging terug en publiceer een nieuwe versie met 'kb new version {id}'",
        "en": "version {number} of '{id}' was published as '{status}' and is frozen (fingerprint {fingerprint}), but {part} has changed: undo the change and publish a new version with 'kb new version {id}'",
    },
    "part_text": {"nl": "de tekst", "en": "the text"},
    "part_field": {"nl": "'{field}'", "en": "'{field}'"},
    "status_backwards": {
        "nl": "versie {number} van '{id}' is op {date} gepubliceerd als '{recorded}' en kan niet terug naar '{status}': zet 'status: {recorded}' terug en publiceer wijzigingen als nieuwe versie met 'kb new version {id}'",
        "en": "version {number} of '{id}' was published as '{recorded}' on {date} and cannot go back to '{status}': set 'status: {recorded}' again and publish changes as a new version with 'kb new version {id}'",
    },
    "published_missing": {
        "nl": "versie {number} van '{id}' is gepubliceerd ({status}), maar docs/{folder}/{id}/{number}.{lang}.md bestaat niet meer: een gepubliceerde versie blijft altijd op haar adres; zet het bestand terug",
        "en": "version {number} of '{id}' was published ({status}), but docs/{folder}/{id}/{number}.{lang}.md no longer exists: a published version always stays at its address; restore the file",
    },
    "ledger_twice": {
        "nl": "versie {number} van '{id}' staat twee keer in het register",
        "en": "version {number} of '{id}' is in the ledger twice",
    },
    "ledger_refused": {
        "nl": "kb ledger: er is niets vastgelegd, want kb check vindt eerst deze problemen:",
        "en": "kb ledger: nothing was recorded, because kb check first finds these problems:",
    },
    "ledger_recorded": {"nl": "vastgelegd: {id} {number}: {status} ({date})", "en": "recorded: {id} {number}: {status} ({date})"},
    "ledger_nothing": {"nl": "kb ledger: het register is bij; er is niets nieuws vast te leggen.",
                       "en": "kb ledger: the ledger is up to date; nothing new to record."},
    # --- kb new ----------------------------------------------------------------------------
    "new_no_project": {"nl": "{root} lijkt geen Resultaatwijzer-project (er is geen map docs/)",
                       "en": "{root} does not look like a Resultaatwijzer project (no docs/ folder)"},
    "new_created": {"nl": "gemaakt: {path}", "en": "created {path}"},
    "new_next": {"nl": "Verder: schrijf de tekst, voer 'make check' uit en bekijk het resultaat met 'make preview' (zie de handleiding).",
                 "en": "Next: write the text, run 'make check' and look at it with 'make preview' (see the authoring guide)."},
    "new_bad_id": {"nl": "de id '{id}' mag alleen kleine letters, cijfers en losse streepjes bevatten, bijvoorbeeld 'uitkomst-duurzaam-werk'",
                   "en": "the id '{id}' may only hold lower-case letters, digits and single hyphens, e.g. 'uitkomst-duurzaam-werk'"},
    "new_bad_kind": {"nl": "de soort '{kind}' is geen van: {kinds}", "en": "the kind '{kind}' is not one of: {kinds}"},
    "new_empty_title": {"nl": "de titel ({lang}) is leeg", "en": "the {lang} title is empty"},
    "new_exists": {"nl": "docs/{folder}/{id}/ bestaat al; een nieuwe versie begint u met 'kb new version {id}'",
                   "en": "docs/{folder}/{id}/ already exists; to add a version, run 'kb new version {id}'"},
    "new_no_standard": {
        "nl": "er is geen standaard '{id}' in docs/{folder}/ (bekend: {known}); begin er een met 'kb new standard {id} --kind ... --title-nl ... --title-en ...'",
        "en": "there is no standard '{id}' in docs/{folder}/ (known: {known}); start one with 'kb new standard {id} --kind ... --title-nl ... --title-en ...'",
    },
    "new_no_version": {"nl": "docs/{folder}/{id}/ heeft geen versie om van uit te gaan (bestanden zoals 1.0.0.nl.md)",
                       "en": "docs/{folder}/{id}/ has no version to start from (files named like 1.0.0.nl.md)"},
    "new_no_file": {"nl": "versie {old} heeft geen bestand docs/{folder}/{id}/{old}.{lang}.md om van uit te gaan",
                    "en": "version {old} has no file docs/{folder}/{id}/{old}.{lang}.md to start from"},
    "new_file_exists": {"nl": "docs/{folder}/{id}/{new}.{lang}.md bestaat al", "en": "docs/{folder}/{id}/{new}.{lang}.md already exists"},
    "new_unreadable": {"nl": "{name} is niet te lezen (regel {line}): {message}; voer 'kb check' uit",
                       "en": "{name} cannot be read (line {line}): {message}; run 'kb check'"},
    "new_no_part": {"nl": "{name} heeft geen deel 'standard:' in de gegevens bovenaan; voer 'kb check' uit",
                    "en": "{name} has no 'standard:' part in its front matter; run 'kb check'"},
    # --- content checks (kb/checks.py) ---------------------------------------------------
    "id_twice": {
        "nl": "de {what} '{value}' wordt twee keer gebruikt (eerst op regel {line}); elke id mag maar één keer voorkomen",
        "en": "the {what} '{value}' is used twice (first on line {line}); ids must be unique",
    },
    "id_document": {"nl": "document-id", "en": "document id"},
    "id_section": {"nl": "bronsectie-id", "en": "section id"},
    "id_term": {"nl": "begrip-id", "en": "term id"},
    "id_case": {"nl": "casus-id", "en": "case id"},
    "id_form": {"nl": "vorm-id", "en": "form id"},
    "id_country": {"nl": "landcode", "en": "country code"},
    "id_question": {"nl": "vraag-id", "en": "question id"},
    "id_rule": {"nl": "beslisregel-id", "en": "rule id"},
    "id_caution": {"nl": "waarschuwing-id", "en": "caution id"},
    "where_term": {"nl": "het begrip '{id}'", "en": "term '{id}'"},
    "where_case": {"nl": "de casus '{id}'", "en": "case '{id}'"},
    "where_form": {"nl": "de vorm '{id}'", "en": "form '{id}'"},
    "where_country": {"nl": "het land '{id}'", "en": "country '{id}'"},
    "where_front_matter": {"nl": "'sources:' in de gegevens bovenaan de pagina", "en": "the front matter"},
    "unknown_section": {
        "nl": "{where} noemt de bronsectie '{section}', maar die staat niet in kb/data/sources.yml",
        "en": "{where} cites the source section '{section}', which is not in kb/data/sources.yml",
    },
    "section_unknown_document": {
        "nl": "de bronsectie '{id}' hoort bij het document '{document}', maar dat staat niet onder documents",
        "en": "section '{id}' belongs to the document '{document}', which is not listed under documents",
    },
    "term_no_page": {
        "nl": "het begrip '{id}' verwijst naar de pagina '{page}', maar die bestaat niet in beide talen (schrijf het pad onder docs/ zonder .nl.md of .en.md, bijvoorbeeld vormen/sib)",
        "en": "term '{id}': there is no page '{page}' in both languages (write its path under docs/ without .nl.md or .en.md, e.g. vormen/sib)",
    },
    "term_defined_twice": {
        "nl": "'{word}' wordt al gedefinieerd door het begrip '{term}' (regel {line}); elk begrip wordt maar één keer gedefinieerd",
        "en": "'{word}' is already defined by the term '{term}' (line {line}); every term is defined once",
    },
    "case_unknown_form": {
        "nl": "de casus '{id}' heeft de vorm '{form}', maar die staat niet in kb/data/forms.yml; bekende vormen: {known}",
        "en": "case '{id}' has the form '{form}', which is not in kb/data/forms.yml; known forms: {known}",
    },
    "case_ends_early": {
        "nl": "de casus '{id}' eindigt ({end}) voordat hij begint ({start}): controleer start_year en end_year",
        "en": "case '{id}' ends ({end}) before it starts ({start})",
    },
    "points_to_missing_page": {
        "nl": "{where} verwijst naar de pagina '{page}', maar die bestaat niet",
        "en": "{where} points to the page '{page}', which does not exist",
    },
    "timeline_unknown_section": {
        "nl": "'{section}' is geen id van een bronsectie in kb/data/sources.yml",
        "en": "'{section}' is not a section id in kb/data/sources.yml",
    },
    "page_id_twice": {
        "nl": "de pagina-id '{id}' wordt ook gebruikt door {other}; elke pagina heeft een eigen id",
        "en": "the page id '{id}' is also used by {other}; page ids must be unique",
    },
    "lang_nl": {"nl": "Nederlandse", "en": "Dutch"},
    "lang_en": {"nl": "Engelse", "en": "English"},
    "no_twin": {
        "nl": "deze pagina heeft geen {language} versie: maak docs/{twin}",
        "en": "this page has no {language} version: create docs/{twin}",
    },
    "twin_id_differs": {
        "nl": "de id '{id}' verschilt van de id '{twin_id}' van de {language} versie docs/{twin}; geef beide versies dezelfde id",
        "en": "the id '{id}' differs from the id '{twin_id}' of its {language} version docs/{twin}",
    },
    "main_headings": {
        "nl": "een pagina heeft precies één hoofdkop nodig ('# Titel'); deze pagina heeft er {count}",
        "en": "a page needs exactly one main heading ('# Title'); this one has {count}",
    },
    "unknown_citation": {
        "nl": "de bronvermelding [^{section}] noemt geen bronsectie uit kb/data/sources.yml",
        "en": "the citation [^{section}] does not name a section in kb/data/sources.yml",
    },
    "link_absolute": {
        "nl": "de link '{href}' begint met '/'; verwijs in plaats daarvan met een relatief pad naar het .md-bestand",
        "en": "the link '{href}' starts with '/'; link to the .md file with a relative path instead",
    },
    "link_no_file": {
        "nl": "de link '{href}' verwijst naar een bestand dat niet bestaat",
        "en": "the link '{href}' points to a file that does not exist",
    },
    "link_no_page": {
        "nl": "de link '{href}' verwijst naar een pagina die niet bestaat (gezocht naar docs/{stem}.{lang}.md)",
        "en": "the link '{href}' points to a page that does not exist (looked for docs/{stem}.{lang}.md)",
    },
    "link_no_heading": {
        "nl": "de link '{href}' verwijst naar het onderdeel '#{anchor}', maar dat is geen kop op docs/{page}",
        "en": "the link '{href}' points to the section '#{anchor}', which is not a heading on docs/{page}",
    },
    # --- generated blocks (kb/blocks.py) ------------------------------------------------------
    "block_unknown": {
        "nl": "onbekend gegenereerd blok 'kb:{name}'; bekende blokken: {known}",
        "en": "unknown generated block 'kb:{name}'; known blocks: {known}",
    },
    "block_no_argument": {
        "nl": "kb:{name}: dit blok neemt geen argument, maar er staat '{arg}'; haal het weg",
        "en": "kb:{name}: this block takes no argument, but got '{arg}'",
    },
    "block_needs_argument": {
        "nl": "kb:{name}: noem een {kind}, bijvoorbeeld '{example}'",
        "en": "kb:{name}: name a {kind}, e.g. '{example}'",
    },
    "block_unknown_argument": {
        "nl": "kb:{name}: er is geen {kind} '{arg}'; bekend: {known}",
        "en": "kb:{name}: '{arg}' is not a known {kind}; known: {known}",
    },
    "block_kind_country": {"nl": "land", "en": "country"},
    "block_kind_case": {"nl": "casus", "en": "case"},
    "block_kind_chart": {"nl": "grafiek", "en": "chart"},
    "block_kind_standard": {"nl": "standaard", "en": "standard"},
    # --- pages and data files that cannot be read (kb/pages.py, kb/model.py, kb/generated.py)
    "page_file_name": {
        "nl": "de bestandsnaam moet eindigen op .nl.md (Nederlands) of .en.md (Engels)",
        "en": "the file name must end in .nl.md (Dutch) or .en.md (English)",
    },
    "page_no_front_matter": {
        "nl": "de pagina heeft geen gegevens bovenaan (een blok tussen twee regels --- aan het begin van de pagina)",
        "en": "the page has no front matter (a block between --- lines at the top)",
    },
    "page_front_matter_shape": {
        "nl": "de gegevens bovenaan de pagina moeten een lijst van regels 'veld: waarde' zijn",
        "en": "the front matter must be a list of 'field: value' lines",
    },
    "data_file_missing": {"nl": "dit gegevensbestand ontbreekt", "en": "this data file is missing"},
    "docs_missing": {"nl": "de map docs/ met de pagina's ontbreekt", "en": "the docs/ folder with the pages is missing"},
    "case_page_error": {"nl": "casus '{id}': {message}", "en": "case '{id}': {message}"},
    # --- the wizard's model (kb/data/wizard.yml; kb/checks.py, kb/wizard_checks.py) --------------
    "where_rule": {"nl": "de beslisregel '{id}'", "en": "rule '{id}'"},
    "where_caution": {"nl": "de waarschuwing '{id}'", "en": "caution '{id}'"},
    "form_unknown": {
        "nl": "de vorm '{form}' staat niet in kb/data/forms.yml; bekende vormen: {known}",
        "en": "the form '{form}' is not in kb/data/forms.yml; known forms: {known}",
    },
    "form_public_missing": {
        "nl": "de vorm '{form}' ontbreekt onder forms. De API van de keuzehulp en de adressen van opgeslagen adviezen gebruiken de vormen {forms}, dus elke versie van het model moet ze houden; zet '- id: {form}' terug",
        "en": "the form '{form}' is missing under forms. The wizard's API and saved advice addresses use the forms {forms}, so every version of the model must keep them; add '- id: {form}' again",
    },
    "names_unknown_form": {
        "nl": "{where} noemt de vorm '{form}', maar die staat niet onder forms in dit bestand; bekend: {known}",
        "en": "{where} names the form '{form}', which is not under forms in this file; known: {known}",
    },
    "order_unknown": {
        "nl": "de volgorde (order) noemt '{factor}', maar dat is geen van de vragen",
        "en": "the order names '{factor}', which is not one of the questions",
    },
    "order_twice": {
        "nl": "de volgorde (order) noemt '{factor}' twee keer; houd er één over",
        "en": "the order names '{factor}' twice",
    },
    "question_not_ordered": {
        "nl": "de vraag '{factor}' staat niet in de lijst order, dus ze wordt nooit gesteld; zet haar in die lijst",
        "en": "the question '{factor}' is not in the order list, so it is never asked",
    },
    "question_same_answer": {
        "nl": "de vraag '{id}' biedt hetzelfde antwoord twee keer aan",
        "en": "question '{id}' offers the same answer twice",
    },
    "question_max_below_min": {
        "nl": "de vraag '{id}' heeft een max ({high}) die lager is dan haar min ({low})",
        "en": "question '{id}' has a max ({high}) below its min ({low})",
    },
    "question_bad_default": {
        "nl": "de vraag '{id}' heeft als default '{default}', maar dat is geen van haar antwoorden en ook niet 'unknown'",
        "en": "question '{id}' has the default '{default}', which is not one of its answers or 'unknown'",
    },
    "condition_unknown_question": {
        "nl": "{where} vraagt naar '{factor}', maar dat is geen van de vragen; bekend: {known}",
        "en": "{where} asks about '{factor}', which is not one of the questions; known: {known}",
    },
    "condition_yes_no": {
        "nl": "{where}: zet \"yes\" en \"no\" tussen aanhalingstekens bij '{factor}'; zonder aanhalingstekens leest YAML ze als true en false",
        "en": "{where}: write \"yes\" and \"no\" in quotes for '{factor}'; without them YAML reads true and false",
    },
    "condition_unknown_answer": {
        "nl": "{where} verwacht '{value}' bij '{factor}', maar dat is geen van de antwoorden: {allowed}{hint}",
        "en": "{where} expects '{value}' for '{factor}', which is not one of its answers: {allowed}{hint}",
    },
    "hint_number_range": {
        "nl": "; gebruik {{min: N}} of {{max: N}} bij een vraag naar een getal",
        "en": "; use {{min: N}} or {{max: N}} for a number question",
    },
    "condition_range_on_choice": {
        "nl": "{where} geeft een bereik voor '{factor}', maar dat is een keuzevraag; noem in plaats daarvan de antwoorden",
        "en": "{where} gives a range for '{factor}', which is a choice question; list its answers instead",
    },
    "condition_unknown_parameter": {
        "nl": "{where} gebruikt de parameter '{parameter}', maar die staat niet onder parameters; bekend: {known}",
        "en": "{where} uses the parameter '{parameter}', which is not under parameters; known: {known}",
    },
    "range_parameter": {"nl": " (de parameter '{name}')", "en": " (the parameter '{name}')"},
    "range_empty": {
        "nl": "{where} vraagt om '{factor}' van {low}{low_name} tot {high}{high_name}: het minimum ligt boven het maximum, dus kan geen enkel antwoord passen en geldt de voorwaarde nooit; draai de getallen om of verbeter ze",
        "en": "{where} asks for '{factor}' from {low}{low_name} to {high}{high_name}: the min is above the max, so no answer can match and the rule never applies; swap or correct the numbers",
    },
    "range_from_to": {"nl": "van {low} tot en met {high}", "en": "from {low} to {high}"},
    "range_from": {"nl": "van {low} of meer", "en": "of {low} or more"},
    "range_up_to": {"nl": "tot en met {high}", "en": "up to {high}"},
    "range_outside": {
        "nl": "{where} gebruikt {value}{name} als {bound} voor '{factor}', maar die vraag accepteert alleen antwoorden {allowed}; kies een getal binnen dat bereik",
        "en": "{where} uses {value}{name} as the {bound} for '{factor}', but that question only takes answers {allowed}; choose a number in that range",
    },
    "form_anchor_missing": {
        "nl": "de vorm '{form}' verwijst naar het onderdeel '#{anchor}', maar dat is geen kop op docs/{page} (de uitlegpagina van de vorm in kb/data/forms.yml)",
        "en": "the form '{form}' points to the section '#{anchor}', which is not a heading on docs/{page} (its guidance page in kb/data/forms.yml)",
    },
    "guidance_no_twin": {
        "nl": "{where} verwijst naar de pagina '{stem}', maar die heeft geen {language} versie (docs/{stem}.{lang}.md)",
        "en": "{where} points to the page '{stem}', which has no {language} version (docs/{stem}.{lang}.md)",
    },
    "guidance_no_heading": {
        "nl": "{where} verwijst naar het onderdeel '#{anchor}', maar dat is geen kop op docs/{page}",
        "en": "{where} points to the section '#{anchor}', which is not a heading on docs/{page}",
    },
    "context_in_condition": {
        "nl": "{where} vraagt naar '{factor}', een contextvraag: die bepaalt alleen welke casussen worden getoond en weegt nooit mee in het advies; haal de voorwaarde weg",
        "en": "{where} asks about '{factor}', a context question: it may only choose the cases shown, never weigh in the advice; remove the condition",
    },
    "actionable_unknown_answer": {
        "nl": "bij de vraag '{factor}' noemt actionable onder towards '{value}', maar dat is geen van haar antwoorden: {allowed}",
        "en": "question '{factor}' is actionable towards '{value}', which is not one of its answers: {allowed}",
    },
    "actionable_context": {
        "nl": "de vraag '{factor}' is een contextvraag, dus een ander antwoord verandert het advies nooit: ze kan niet actionable zijn; haal 'actionable' weg",
        "en": "question '{factor}' is a context question, so changing it never changes the advice: it cannot be actionable",
    },
    "case_area_unknown": {
        "nl": "case_areas noemt '{area}', maar dat is geen antwoord op de vraag policy_area; bekend: {known}",
        "en": "case_areas names '{area}', which is not an answer of the question policy_area; known: {known}",
    },
    "case_area_unknown_case": {
        "nl": "case_areas '{area}' noemt de casus '{case}', maar die staat niet in kb/data/cases.yml",
        "en": "case_areas '{area}' names the case '{case}', which is not in kb/data/cases.yml",
    },
    "form_unknown_level": {
        "nl": "de vorm '{form}' heeft pays_for_results {level}, maar dat niveau staat niet onder levels; bekend: {known}",
        "en": "the form '{form}' has pays_for_results {level}, which is not under levels; known: {known}",
    },
    "in_lang_nl": {"nl": "het Nederlands", "en": "nl"},
    "in_lang_en": {"nl": "het Engels", "en": "en"},
    "and": {"nl": " en ", "en": " and "},
    "next_step_no_page": {
        "nl": "een vervolgstap van '{form}' verwijst naar de pagina '{stem}', maar die heeft geen versie in {language} (docs/{stem}.{lang}.md)",
        "en": "a next step of '{form}' points to the page '{stem}', which has no version in {language} (docs/{stem}.{lang}.md)",
    },
    "next_step_no_heading": {
        "nl": "een vervolgstap van '{form}' verwijst naar het onderdeel '#{anchor}', maar dat is geen kop op docs/{page}",
        "en": "a next step of '{form}' points to the section '#{anchor}', which is not a heading on docs/{page}",
    },
    "next_step_address": {
        "nl": "een vervolgstap van '{form}' heeft het adres '{url}'; schrijf een adres op deze site, dat begint met /",
        "en": "a next step of '{form}' has the address '{url}'; write an address on this site, starting with /",
    },
    # --- the calculator's presets (kb/data/calculator.yml) ---------------------------------
    "preset_twice": {
        "nl": "de vorm '{form}' heeft een tweede voorinstelling (de eerste staat op regel {line}); houd er één over",
        "en": "the form '{form}' has a second preset (the first is on line {line})",
    },
    # --- the site search (kb/data/search.yml) ----------------------------------------------
    "where_not_covered": {"nl": "onderwerp {number} onder not_covered", "en": "not_covered topic {number}"},
    "where_facet": {"nl": "facet {number}", "en": "facet {number}"},
    "where_best_bet": {"nl": "een best bet", "en": "a best bet"},
    "search_missing_page": {
        "nl": "{where} noemt de pagina '{stem}', maar die bestaat niet in {languages} (schrijf het pad onder docs/ zonder .nl.md of .en.md, bijvoorbeeld vormen/sib)",
        "en": "{where} names the page '{stem}', which does not exist in {languages} (write its path under docs/ without .nl.md or .en.md, e.g. vormen/sib)",
    },
    "search_unknown_term": {
        "nl": "choice noemt het begrip '{term}', maar dat is geen id in kb/data/glossary.yml",
        "en": "choice names the term '{term}', which is not an id in kb/data/glossary.yml",
    },
    "best_bet_phrase_twice": {
        "nl": "de zoekterm '{phrase}' ({lang}) van een best bet leidt al naar '{page}' (regel {line}); een zoekterm kan maar naar één pagina leiden",
        "en": "the best bet phrase '{phrase}' ({lang}) already leads to '{page}' (line {line}); a phrase can lead to one page only",
    },
    # --- citations (publish/check_citations.py) -----------------------------------------------
    "external_needs": {
        "nl": "bij de externe bron '{id}' ontbreekt {what}: vul die aan, want zonder dat gegeven kan niemand het feit nagaan",
        "en": "the external source '{id}' needs {what}; without it the fact cannot be traced",
    },
    "external_url": {
        "nl": "een 'url' (het webadres waar een lezer de bron kan nalezen)",
        "en": "a 'url' (the web address where a reader can check it)",
    },
    "external_checked": {
        "nl": "een datum 'checked' (JJJJ-MM-DD, wanneer het adres voor het laatst is gecontroleerd)",
        "en": "a 'checked' date (YYYY-MM-DD, when the address was last checked)",
    },
    "cited_not_listed": {
        "nl": "de pagina verwijst naar [^{section}], maar noemt '{section}' niet onder sources: in de gegevens bovenaan; zet het daar bij",
        "en": "the page cites [^{section}] but does not list '{section}' under sources: in its front matter; add it there",
    },
    "listed_not_cited": {
        "nl": "de gegevens bovenaan noemen '{section}' onder sources:, maar geen voetnoot op de pagina verwijst naar [^{section}]; verwijs ernaar waar de pagina de bron gebruikt, of haal het weg",
        "en": "the front matter lists '{section}' under sources:, but no footnote on the page cites [^{section}]; cite it where the page uses it, or remove it",
    },
    # --- data files (JSON Schema, kb/schema.py) -----------------------------------------------
    "schema_this": {"nl": "dit", "en": "this"},
    "data_in": {"nl": " in {where}", "en": " in {where}"},
    "data_hint": {"nl": ": {hint}", "en": ": {hint}"},
    "data_pattern": {
        "nl": "{subject} is '{value}', en dat heeft niet de verwachte vorm{hint}",
        "en": "{subject} is '{value}', which does not have the expected form{hint}",
    },
    "data_date": {
        "nl": "{subject} is '{value}', en dat is geen bestaande datum{hint}",
        "en": "{subject} is '{value}', which is not a real date{hint}",
    },
    "data_hint_brackets": {"nl": " ({hint})", "en": " ({hint})"},
    "data_number_as_text": {
        "nl": "{subject} is {value}, wat YAML als getal leest: zet het tussen aanhalingstekens{hint}",
        "en": "{subject} is {value}, which YAML reads as a number: put it in quotes{hint}",
    },
    "kind_whole_number": {"nl": "een geheel getal", "en": "a whole number"},
    "kind_empty": {"nl": "leeg", "en": "empty"},
    "data_one_of": {
        "nl": "{subject} heeft niet de verwachte vorm{hint}",
        "en": "{subject} does not have the expected form{hint}",
    },
    "data_too_long": {
        "nl": "{subject} is te lang (hoogstens {limit} tekens)",
        "en": "{subject} is too long (at most {limit} characters)",
    },
    "data_out_of_range": {
        "nl": "{subject} is {value}, en dat valt buiten het toegestane bereik",
        "en": "{subject} is {value}, which is out of range",
    },
    "data_other": {"nl": "{subject}: {detail}", "en": "{subject}: {detail}"},
    # --- kb check's summary ---------------------------------------------------------------
    "warning": {"nl": "waarschuwing", "en": "warning"},
    "summary_problems": {
        "nl": "\n{count} {problems} gevonden. Er is niets gepubliceerd.",
        "en": "\n{count} {problems} found. Nothing was published.",
    },
    "summary_build_problems": {
        "nl": "\n{count} {problems} gevonden. De vorige build blijft gepubliceerd.",
        "en": "\n{count} {problems} found. The previous build stays published.",
    },
    "site_build_failed": {"nl": "De vorige build blijft gepubliceerd.", "en": "The previous build stays published."},
    "built": {"nl": "Gebouwd en gepubliceerd: {release}", "en": "Built and published {release}"},
    "problem": {"nl": "probleem", "en": "problem"},
    "problems": {"nl": "problemen", "en": "problems"},
    "summary_ok": {
        "nl": "OK: {pages} pagina's en {data} gegevensbestanden zijn geldig.",
        "en": "OK: {pages} pages and {data} data files are valid.",
    },
}
