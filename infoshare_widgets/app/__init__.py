"""The web app: the Voila command line (`serve.py`), our Voila server (`voila_app.py`) and template.

`infoshare serve` and the browser tests both start the server through
:func:`infoshare_widgets.app.serve.voila_command`, so the tests test what ships.
"""

from .jsonschema_iri import leave_out

leave_out()  # before Voila, Jupyter Server or nbformat import jsonschema: see jsonschema_iri.py
