"""The payment calculator: what an outcomes contract costs and what an investor gets back.

Pure Python, no web framework: `calculate(validate(body))` turns a JSON-like request into the
figures the API, the page and the CSV export show. The formulas are explained on the page
"Hoe de rekenhulp rekent" (docs/rekenhulp/methode.*.md).
"""
from pricing.compute import calculate
from pricing.inputs import DEFAULT_SCENARIOS, Inputs, Outcome, PricingError, validate

__all__ = ["calculate", "validate", "Inputs", "Outcome", "PricingError", "DEFAULT_SCENARIOS"]
