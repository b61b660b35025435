"""Resultaatwijzer's service: the built site, the search API and the decision wizard.

    gunicorn 'server:create_app()'      production (what `make serve` runs)
    flask --app server run --debug     development only
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from flask import Flask

from service import (  # issue 14: the payment calculator
    caching,
    calculator,
    calculator_page,
    cases,
    errors,
    health,
    openapi,
    pages,
    search,
    security,
    standards,
    wizard,
)
from service.artefacts import Artefacts

ROOT = Path(__file__).resolve().parent


def create_app(build_dir: str | Path | None = None, **config) -> Flask:
    app = Flask(__name__, static_folder=None, template_folder=str(ROOT / "service" / "templates"))
    app.config.update(
        BUILD_DIR=Path(build_dir or os.environ.get("RESULTAATWIJZER_BUILD_DIR", ROOT / "build")),
        MAX_CONTENT_LENGTH=64 * 1024,  # the service accepts small JSON bodies only
    )
    app.config.update(config)
    app.json.sort_keys = False  # keep the documented field order in API answers
    artefacts = Artefacts(app.config["BUILD_DIR"])
    app.extensions["artefacts"] = artefacts

    problem = artefacts.problem()
    if problem:
        logging.getLogger("resultaatwijzer").error(problem)

    errors.register(app)
    security.init_app(app)
    caching.init_app(app)
    search.init_app(app)
    app.register_blueprint(health.bp)
    app.register_blueprint(search.bp)
    app.register_blueprint(cases.bp)
    app.register_blueprint(openapi.bp)
    app.register_blueprint(wizard.bp)
    app.register_blueprint(standards.bp)
    app.register_blueprint(calculator.bp)
    app.register_blueprint(calculator_page.bp)
    app.register_blueprint(pages.bp)  # last: its catch-all route serves the built site
    return app
