"""The knowledge model of Resultaatwijzer: load, validate and hand out the content.

Everything that reads content (the site build, the search indexer, the service, `kb check`)
goes through `kb.load`, so content is parsed in one place only.
"""
from kb.model import Knowledge, load
from kb.problems import Problem

__all__ = ["Knowledge", "Problem", "load"]
