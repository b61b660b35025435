"""YAML loading that remembers where every mapping and list item came from.

Editors need "kb/data/cases.yml:42: ..." rather than "cases[3].country: ...", so mappings load as
`Node` (a dict) carrying the line of each key.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from kb.messages import say


class Node(dict):
    """A mapping that knows its own line and the line of each of its keys (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class Seq(list):
    """A list that knows the line of each of its items (1-based)."""

    line: int = 0
    item_lines: list


class _Loader(yaml.SafeLoader):
    pass


# libyaml's parser, where PyYAML has it, reads the content several times faster; the pure-Python
# one reads a file again only when it has a mistake, for the messages `advise` knows.
class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Node:
    loader.flatten_mapping(node)
    result = Node()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, say("yaml_duplicate", key=key), key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> Seq:
    result = Seq(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_timestamp_as_text(loader: _Loader, node: yaml.ScalarNode) -> str:
    # Dates stay text (ISO 8601): they are validated by the schema and serialise to JSON as-is.
    return loader.construct_scalar(node)


for _loader in (_Loader, _FastLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_as_text)


class YamlError(Exception):
    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def parse(text: str, first_line: int = 1):
    """Parse YAML text; line numbers are offset so they point into the enclosing file."""
    try:
        data = yaml.load(text, Loader=_FastLoader)
    except yaml.YAMLError:
        data = None  # read again below, for the message
    else:
        if first_line != 1:
            _shift(data, first_line - 1)
        return data
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        advice, mark = advise(error)
        line = mark.line + first_line if mark else None
        raise YamlError(line, advice) from None
    if first_line != 1:
        _shift(data, first_line - 1)
    return data


def advise(error: yaml.MarkedYAMLError):
    """Plain advice for the usual slips instead of the parser's own words, and where to look."""
    problem, context = error.problem or str(error), error.context or ""
    mark = error.problem_mark or error.context_mark
    if "'\\t'" in problem or "tab character" in problem:
        return say("yaml_tab"), mark
    if "mapping values are not allowed" in problem:
        return say("yaml_colon"), mark
    if "quoted scalar" in context:
        return say("yaml_quote"), error.context_mark or mark  # where the text starts, not the end of the file
    if "appears twice" in problem or "twee keer" in problem:
        return problem, mark
    if problem.startswith(("expected <block end>", "did not find expected", "could not find expected ':'")):
        return say("yaml_indent"), mark
    return say("yaml_other", problem=problem), mark


def load_file(path: Path):
    return parse(path.read_text(encoding="utf-8"))


def _shift(value, offset: int) -> None:
    if isinstance(value, Node):
        value.line += offset
        value.key_lines = {k: v + offset for k, v in value.key_lines.items()}
        for item in value.values():
            _shift(item, offset)
    elif isinstance(value, Seq):
        value.line += offset
        value.item_lines = [n + offset for n in value.item_lines]
        for item in value:
            _shift(item, offset)


def line_at(root, path) -> int | None:
    """The line of the value at a JSON-Schema error path (a sequence of keys and indexes)."""
    node, line = root, getattr(root, "line", None)
    for step in path:
        if isinstance(node, Node) and step in node:
            line = node.line_of(step)
            node = node[step]
        elif isinstance(node, Seq) and isinstance(step, int) and step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line
