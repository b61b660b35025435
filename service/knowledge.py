"""The knowledge model, loaded and checked once when the app starts (data for the API, the wizard)."""
from __future__ import annotations

import logging

from flask import current_app

import kb


def init_app(app, root) -> None:
    knowledge = kb.load(root)
    if knowledge.problems:
        logging.getLogger("resultaatwijzer").error(
            "The content has %d problem(s); run 'kb check'. First: %s", len(knowledge.problems), knowledge.problems[0])
    app.extensions["knowledge"] = knowledge


def knowledge() -> kb.Knowledge:
    return current_app.extensions["knowledge"]
