"""The messages an editor reads from `kb check` about standards and YAML, in Dutch and English.

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
