"""Reading one YAML file: safe loading, a line for every field, and refusals with their reason.

Only PyYAML's safe constructor is used (on both paths below): a tag such as
``!!python/object/apply`` is refused, never run.
Duplicate field names, which YAML would silently collapse to the last, are reported. Aliases are
refused (nested ones, "billion laughs", would make checking take for ever), and so is nesting
deeper than `MAX_DEPTH`: the reader stops at the first level too deep, before anything is built.

Every page visit reads the content afresh, so reading is on the learner's path: where PyYAML has
libyaml, its C parser makes the events (about six times faster than the pure-Python scanner) and
our composer builds the nodes from them, with the same refusals. A file that fails is read again
by the pure-Python loader, whose messages (and our hints for them) are the ones trainers see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .files import read_content_file
from .problems import Problem
from .size_limits import MAX_DEPTH

# PyYAML's wording for the syntax slips trainers make most, and what to do about each.
_SYNTAX_HINTS = {
    "mapping values are not allowed here":
        "if the text contains ': ', put the whole text in quotes",
    "that cannot start any token": "indent with spaces, not tabs; text starting with @, ` "
        "or % must be in quotes",
    "expected <block end>": "check this line is indented like the lines above it",
    "could not find expected ':'": "each field needs a name, a colon and a space: `name: value`",
}


@dataclass
class YamlFile:
    """A file's mapping (None when it is unusable), its line map, its problems and, read even
    from a broken file where possible, the `section:` and `audience:` it declares."""

    data: dict | None = None
    lines: dict[tuple, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    declared: dict[str, str] = field(default_factory=dict)


class _Refused(yaml.MarkedYAMLError):
    """An alias or a level too deep: stop reading at once."""


class _Refusals:
    """A composer step that refuses aliases and counts how deep lists and mappings are nested."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):  # `*name` repeats a value: nested repeats explode
            raise _Refused(problem=f"'*{event.anchor}' repeats another value; anchors and aliases "
                           "(&name, *name) are not read here, so write the value out in full",
                           problem_mark=event.start_mark)
        nests = isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent))
        self.depth += nests
        if self.depth > MAX_DEPTH:
            raise _Refused(problem=f"lists and mappings are nested more than {MAX_DEPTH} levels "
                           "deep here; the file is not read", problem_mark=event.start_mark)
        try:
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self.depth -= nests


class _Loader(_Refusals, yaml.SafeLoader):
    """SafeLoader (pure Python) with the refusals: the reader of record for a failing file."""


try:
    from yaml.cyaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml: the pure-Python loader reads every file
    _CParser = None


if _CParser is not None:
    class _FastLoader(_Refusals, yaml.composer.Composer, _CParser, yaml.constructor.SafeConstructor,
                      yaml.resolver.Resolver):
        """libyaml's parser for the events; PyYAML's composer (so our refusals) and constructor."""

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)


def _fast_parse(text: str) -> tuple[yaml.Node | None, Any] | None:
    """The node tree and data through libyaml, or None when it is missing or the file fails."""
    if _CParser is None:
        return None
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def read_yaml(path: Path, root: Path) -> YamlFile:
    """Read ``path`` (inside ``root``) as one YAML mapping, collecting every reason it cannot be."""
    out = YamlFile()
    raw = read_content_file(path, root)
    if isinstance(raw, Problem):
        out.problems.append(raw)
        return out
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[:err.start]
        out.problems.append(Problem(
            path, f"not UTF-8 text (byte 0x{raw[err.start]:02x}); save the file as UTF-8",
            line=before.count(b"\n") + 1, column=err.start - before.rfind(b"\n")))
        return out
    return read_yaml_text(text, path, out)


def read_yaml_text(text: str, path: Path, out: YamlFile | None = None) -> YamlFile:
    """Read ``text`` (named ``path`` in problems) as one YAML mapping: the same checks as a
    file, for text that never touches the disk (a file opened in the case-study builder)."""
    out = out or YamlFile()
    if not text.strip():
        out.problems.append(Problem(path, "the file is empty"))
        return out
    node, data = _parse(path, text, out.problems)
    out.declared = _declared(data, text)
    if out.problems:
        return out
    if data is None:
        out.problems.append(Problem(path, "the file is empty (it has only comments)"))
        return out
    if not isinstance(data, dict):
        out.problems.append(Problem(path, "the file must be a mapping of fields (name: value)",
                                    line=1))
        return out
    out.lines = line_map(node)
    for loc, line, first in duplicate_keys(node):
        out.problems.append(Problem(path, f"'{loc[-1]}' is given twice (first on line {first}); "
                                          "keep one", loc=loc, line=line))
    out.data = None if out.problems else data
    return out


def _parse(path: Path, text: str, problems: list[Problem]) -> tuple[yaml.Node | None, Any]:
    """The node tree (for lines) and the data, in one pass of the parser."""
    fast = _fast_parse(text)
    if fast is not None:
        return fast
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    except yaml.constructor.ConstructorError as err:
        problem = str(err.problem)
        tag = problem.split("tag '", 1)[1].rstrip("'") if "for the tag '" in problem else ""
        what = (f"the tag '{tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed"
                if tag else f"not allowed: {problem}")
        problems.append(_marked(path, f"{what}; only plain YAML (text, numbers, true/false, "
                                      "lists and mappings) is read", err.problem_mark))
    except _Refused as err:
        problems.append(_marked(path, str(err.problem), err.problem_mark))
    except yaml.MarkedYAMLError as err:
        problem = str(err.problem or err.context)
        hint = next((h for key, h in _SYNTAX_HINTS.items() if key in problem), "")
        problems.append(_marked(path, f"YAML syntax error: {problem}" + (f" ({hint})" if hint
                                                                        else ""),
                                err.problem_mark or err.context_mark))
    except yaml.YAMLError as err:
        problems.append(Problem(path, f"YAML error: {err}"))
    finally:
        loader.dispose()
    return None, None


def _marked(path: Path, message: str, mark: Any) -> Problem:
    return Problem(path, message, line=mark.line + 1 if mark else None,
                   column=mark.column + 1 if mark else None)


_TOP_LEVEL = re.compile(r"^(section|audience):[ \t]*[\"']?([A-Za-z0-9_-]+)", re.MULTILINE)


def _declared(data: Any, text: str) -> dict[str, str]:
    """`section:` and `audience:` as the file gives them: from the data, else from the text."""
    if isinstance(data, dict):
        return {k: data[k] for k in ("section", "audience") if isinstance(data.get(k), str)}
    found: dict[str, str] = {}
    for match in _TOP_LEVEL.finditer(text):  # a file YAML cannot read: its top-level lines
        found.setdefault(match[1], match[2])
    return found


def line_map(node: yaml.Node | None) -> dict[tuple, int]:
    """Map each field path, e.g. ('questions', 0, 'prompt'), to its 1-based line in the file."""
    lines: dict[tuple, int] = {}

    def walk(n: yaml.Node, path: tuple) -> None:
        if isinstance(n, yaml.MappingNode):
            for key, value in n.value:
                p = (*path, key.value)
                lines[p] = key.start_mark.line + 1
                walk(value, p)
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                p = (*path, i)
                lines[p] = item.start_mark.line + 1
                walk(item, p)

    if node is not None:
        lines[()] = node.start_mark.line + 1
        walk(node, ())
    return lines


def duplicate_keys(node: yaml.Node | None) -> list[tuple[tuple, int, int]]:
    """Field names given twice in one mapping, as (path, line, first line): YAML keeps the last."""
    found: list[tuple[tuple, int, int]] = []

    def walk(n: yaml.Node, path: tuple) -> None:
        if isinstance(n, yaml.MappingNode):
            first: dict[Any, int] = {}
            for key, value in n.value:
                p = (*path, key.value)
                line = key.start_mark.line + 1
                if key.value in first:
                    found.append((p, line, first[key.value]))
                first.setdefault(key.value, line)
                walk(value, p)
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                walk(item, (*path, i))

    if node is not None:
        walk(node, ())
    return found


__all__ = ["YamlFile", "duplicate_keys", "line_map", "read_yaml"]
