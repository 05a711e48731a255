"""The server's processes import jsonschema without its IRI checks (app/jsonschema_iri.py), and no
installed schema that Voila, Jupyter Server, nbformat or JupyterLab's server validate uses them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

# The packages whose schemas the server (and the tests' notebooks) are validated against.
VALIDATING = ("nbformat", "jupyter_events", "jupyter_server", "jupyterlab_server", "voila",
              "jupyter_client", "nbconvert")
IRI_FORMAT = re.compile(r"""["']?format["']?\s*:\s*["']?iri(-reference)?\b""")


def test_the_server_imports_jsonschema_without_the_iri_parsers() -> None:
    probe = ("import sys, infoshare_widgets.app.voila_app, jsonschema, json; "
             "print(json.dumps([sys.modules.get('rfc3987_syntax') is None, 'lark' in sys.modules,"
             " sorted(jsonschema.FormatChecker.checkers)]))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, timeout=120).stdout
    absent, lark, formats = json.loads(out)
    assert absent and not lark
    assert "iri" not in formats and "iri-reference" not in formats
    assert {"uri", "date-time", "email"} <= set(formats)  # the other checks are still there


def test_without_the_guard_jsonschema_would_import_them() -> None:
    """The guard is needed while jsonschema imports rfc3987_syntax as it starts: when a release no
    longer does, this fails and jsonschema_iri.py can go."""
    probe = "import sys, jsonschema; print('rfc3987_syntax' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, timeout=120).stdout
    assert out.strip() == "True"


def test_no_schema_the_server_validates_uses_an_iri_format() -> None:
    found, read = [], 0
    for name in VALIDATING:
        spec = find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for root in spec.submodule_search_locations:
            for path in Path(root).rglob("*"):
                if path.suffix in (".json", ".yaml", ".yml") and path.is_file():
                    read += 1
                    if IRI_FORMAT.search(path.read_text(encoding="utf-8", errors="replace")):
                        found.append(str(path))
    assert read > 20, "no schemas found to read"  # nbformat's alone are more
    assert found == []
    assert IRI_FORMAT.search('{"type": "string", "format": "iri-reference"}')  # it would see one
