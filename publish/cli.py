"""The `kb` command: check and build the content.

    kb check [PATH]   validate all pages and data of the project at PATH (default: here)
    kb build [PATH]   check, then build the site and search index into build/ and swap them in
    kb new standard ID --kind K --title-nl T --title-en T    start a standard (see publish/new.py)
    kb new version ID [--major|--minor|--patch]              start its next version
    kb ledger [PATH]  record newly published versions of standards (see publish/ledger.py)
    --lang en         messages in English (Dutch by default); kb build --preview: drafts too
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kb.problems import ContentError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kb", description="Check and build Resultaatwijzer's content.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every page and data file")
    check.add_argument("path", nargs="?", default=".", help="the project folder (default: current folder)")
    build = commands.add_parser("build", help="check, then build the site and search index")
    build.add_argument("path", nargs="?", default=".", help="the project folder (default: current folder)")
    build.add_argument("--build-dir", help="where releases go (default: PATH/build, or PATH/build-preview with --preview)")
    build.add_argument("--site-url", help="the public address of the site, for the sitemap "
                       "(default: $RESULTAATWIJZER_SITE_URL; without one no sitemap is published)")
    build.add_argument("--preview", action="store_true",
                       help="for editors: include drafts, with a 'preview – not published' banner on every page")
    for command in (check, build):
        command.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the messages (default: nl)")
    from publish import new  # `kb new standard` and `kb new version`
    new.add_arguments(commands.add_parser("new", help="start a standard or a new version of one from a template"))
    from publish import ledger  # `kb ledger`
    ledger.add_arguments(commands.add_parser("ledger", help="record newly published versions of standards"))
    args = parser.parse_args(argv)
    from kb import messages
    messages.set_language(getattr(args, "lang", "nl"))
    if args.command == "new":
        return new.run(args)
    if args.command == "ledger":
        return ledger.run(args)

    root = Path(args.path)
    if not (root / "docs").is_dir() and not (root / "kb" / "data").is_dir():
        print(f"kb: {root} does not look like a Resultaatwijzer project (no docs/ or kb/data/ folder)", file=sys.stderr)
        return 2
    if args.command == "check":
        return _check(root)
    return _build(root, Path(args.build_dir) if args.build_dir else None, args.site_url, args.preview)


def _check(root: Path) -> int:
    from kb import load
    from kb.messages import count_of_problems, say
    from publish.checks import all_problems

    knowledge = load(root)
    problems = all_problems(knowledge)
    for problem in problems:
        print(problem, file=sys.stderr)
    for warning in knowledge.warnings:
        print(f"{say('warning')}: {warning}", file=sys.stderr)
    if problems:
        print(say("summary_problems", **count_of_problems(len(problems))), file=sys.stderr)
        return 1
    print(say("summary_ok", pages=len(knowledge.pages), data=len(knowledge.data)))
    return 0


def _build(root: Path, build_dir: Path | None, site_url: str | None, preview: bool = False) -> int:
    from kb.messages import count_of_problems, say
    from publish.build import BuildError, build

    try:
        release = build(root, build_dir, site_url=site_url, preview=preview)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(say("summary_build_problems", **count_of_problems(len(error.problems))), file=sys.stderr)
        return 1
    except BuildError as error:
        print(f"kb build: {error}\n{say('site_build_failed')}", file=sys.stderr)
        return 1
    print(say("built", release=release))
    return 0


if __name__ == "__main__":
    sys.exit(main())
