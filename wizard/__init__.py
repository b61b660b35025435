"""The decision wizard: which financing form fits a social problem?

The decision model is data (kb/data/wizard.yml, checked by `kb check`); this package gathers
its inputs as plain JSON (wizard.model.model_inputs) and turns them into a `Model`
(wizard.model.build_model), evaluates answers against it (wizard.engine, pure, no Flask),
reads answers from JSON or a query string (wizard.answers), presents results in one language
(wizard.present) and draws the model as a diagram (wizard.diagram).
"""
from wizard.engine import Result, evaluate, next_question
from wizard.model import Model, build_model, model_inputs

__all__ = ["Model", "Result", "build_model", "evaluate", "model_inputs", "next_question"]
