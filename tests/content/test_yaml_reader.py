"""The two YAML readers: libyaml's parser (the fast path every visit takes) and PyYAML's own
(the reader of record for a failing file) give the same data and lines for every shipped file,
and the fast path refuses what the slow one refuses, so no file is read differently."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from infoshare_widgets.content import default_content_dir
from infoshare_widgets.content import yaml_reader as reader

SHIPPED = sorted(default_content_dir().rglob("*.yaml"))


def pure_python(text: str) -> tuple[yaml.Node | None, object]:
    loader = reader._Loader(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node)
    finally:
        loader.dispose()


@pytest.mark.skipif(reader._CParser is None, reason="PyYAML here was built without libyaml")
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_both_readers_give_the_same_data_and_lines(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = reader._fast_parse(text)
    assert fast is not None, f"{path.name}: the fast reader failed on a shipped file"
    slow = pure_python(text)
    assert fast[1] == slow[1]
    assert reader.line_map(fast[0]) == reader.line_map(slow[0])
    assert reader.duplicate_keys(fast[0]) == reader.duplicate_keys(slow[0])


REFUSED = {
    "alias": "a: &x [1, 2]\nb: *x\n",
    "too deep": "a: " + "[" * (reader.MAX_DEPTH + 2) + "]" * (reader.MAX_DEPTH + 2) + "\n",
    "python tag": "a: !!python/object/apply:os.system ['true']\n",
    "syntax": "a: b: c\n",
}


@pytest.mark.skipif(reader._CParser is None, reason="PyYAML here was built without libyaml")
@pytest.mark.parametrize("name", REFUSED)
def test_the_fast_reader_gives_up_where_the_slow_one_refuses(name: str) -> None:
    assert reader._fast_parse(REFUSED[name]) is None
    problems = reader.read_yaml_text(REFUSED[name], Path("x.yaml")).problems
    assert problems and problems[0].line == (1 if name != "alias" else 2)
