"""jsonschema's IRI format checks, left out of the server's processes: they cost 2 CPU-s each start.

jsonschema 4.26 imports ``rfc3987_syntax`` when it is installed (jupyter-events asks for
``jsonschema[format-nongpl]``), and that module builds three Earley parsers with Lark as it is
imported: about 1.7 of the 2.8 CPU-s it takes to import our Voila server here, paid by every
server start and every test process, before anything is served (jsonschema issues 1392 and 1428).
Only the "iri" and "iri-reference" formats use it, and no schema the server or the tests validate
uses them (``tests/app/test_jsonschema_iri.py`` reads every installed schema). So the package marks
the module absent before anything imports jsonschema (a ``None`` in ``sys.modules`` makes the import
raise ``ImportError``, Python's documented way), and jsonschema leaves those two checks out, as it
does when the module is not installed. Kernels never import this package, nor jsonschema.
"""

from __future__ import annotations

import sys

MODULE = "rfc3987_syntax"


def leave_out() -> None:
    """Mark the module absent, unless jsonschema has already imported it (then nothing changes)."""
    sys.modules.setdefault(MODULE, None)  # type: ignore[arg-type]
