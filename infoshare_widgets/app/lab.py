"""`infoshare lab` (`make lab`): JupyterLab on this computer only, with the content files and
notebooks side by side, and Voila's JupyterLab preview drawing pages with our template.

Out of the box the preview (Voila's server extension inside JupyterLab, ``/voila/render/...``)
uses Voila's `lab` template and no filters of ours. JupyterLab here loads this module as its
server extension instead of ``voila.server_extension``: it sets the template and the page
settings (sources stripped, tracebacks hidden, Markdown sanitised, every filter the template
uses: :data:`FILTERS`), lets Voila register its handlers, then adds the package folder to the
template search path (the template includes `theme.css` from there), as
`voila_app.InfoshareVoila` does for `serve`.

A filter the template uses and this module does not register does not give an error page: Voila's
rendering task dies ("Task exception was never retrieved" in the log) and the preview waits for
ever on an empty page.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from traitlets.utils.importstring import import_item

from ..content import default_content_dir
from .serve import PACKAGE_DIR, TEMPLATE_NAME, ServerSettings, kernel_environment

PROJECT_DIR = PACKAGE_DIR.parent
EXTENSION = "infoshare_widgets.app.lab"

# Every Jinja filter the page template uses, by import path (as VoilaExporter.filters wants them).
FILTERS = {"infoshare_page": "infoshare_widgets.app.page_info.page_info",
           "infoshare_server": f"{EXTENSION}.lab_server_info",
           "infoshare_clean_html": "infoshare_widgets.content.markdown.clean_page_html"}


def lab_server_info(_: Any = None) -> dict[str, Any]:
    """The page script's settings in the preview: no liveness check (``alive_ms`` 0).

    JupyterLab serves no ``/infoshare/alive/`` route (a check would find the page "lost"), and
    its kernels are the trainer's own, ended from JupyterLab, not culled for a closed page.
    """
    return {"alive_ms": 0}


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": EXTENSION}]


def configure_voila(config: Any) -> None:
    """The page settings `infoshare serve` gives Voila, in JupyterLab's (traitlets) config."""
    config.VoilaConfiguration.template = TEMPLATE_NAME
    config.VoilaConfiguration.theme = "light"
    config.VoilaConfiguration.strip_sources = True
    config.VoilaConfiguration.show_tracebacks = False
    config.VoilaExporter.sanitize_html = True
    config.VoilaExporter.filters = dict(FILTERS)


def _load_jupyter_server_extension(server_app: Any) -> None:
    """Voila's server extension, set up as `infoshare serve` sets up Voila."""
    from voila import server_extension
    from voila.tornado.handler import TornadoVoilaHandler

    from .upstream.tornado import handler_kwargs
    from .upstream.voila import jinja_env

    configure_voila(server_app.config)
    server_extension.load_jupyter_server_extension(server_app)
    web_app = server_app.web_app
    env = jinja_env(web_app.settings)
    env.filters.update({name: import_item(path) for name, path in FILTERS.items()})
    env.loader.searchpath.append(str(PACKAGE_DIR))
    # No MathJax from cdnjs in the preview: Voila's page loads it unless both settings are None,
    # as they are in `infoshare serve`; the page asks nothing of another origin, as when served.
    web_app.settings.update(mathjax_url=None, mathjax_config=None)
    for kwargs in handler_kwargs(web_app, TornadoVoilaHandler):
        kwargs["template_paths"] = [*kwargs["template_paths"], str(PACKAGE_DIR)]
    # The widgets' modules and stylesheets, for the preview and JupyterLab's own notebooks.
    from .widget_assets import asset_routes
    web_app.add_handlers(".*$", asset_routes(web_app.settings.get("base_url", "/")))


def lab_command(settings: ServerSettings, open_browser: bool = True,
                base_env: dict[str, str] | None = None,
                root: Path = PROJECT_DIR) -> tuple[list[str], dict[str, str]]:
    """JupyterLab on 127.0.0.1 in `root` (the project folder: content and notebooks side by side;
    a test gives a copy, as JupyterLab saves the notebooks it opens), with our preview extension."""
    command = [
        sys.executable, "-m", "jupyterlab", str(root),
        f"--ServerApp.ip={settings.ip}",
        f"--ServerApp.port={settings.port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.open_browser={open_browser}",
        "--ServerApp.jpserver_extensions=voila.server_extension=False",
        f"--ServerApp.jpserver_extensions={EXTENSION}=True",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers: Jupyter refuses root
        command.append("--ServerApp.allow_root=True")
    env = kernel_environment(os.environ if base_env is None else base_env, settings)
    return command, env


def lab(content: Path | None = None, port: int = 8888, open_browser: bool = True) -> int:
    """Run JupyterLab until interrupted; the exit code."""
    settings = ServerSettings(
        content=Path(content).expanduser().resolve() if content else default_content_dir(),
        port=port)
    if not Path(settings.content).is_dir():
        print(f"infoshare: content folder not found: {settings.content}", file=sys.stderr)
        return 2
    if importlib.util.find_spec("jupyterlab") is None:  # the `lab` set, not the app's
        print("infoshare: JupyterLab is not installed here: `make lab` installs it (or "
              "pip install --require-hashes -r requirements/lab.txt)", file=sys.stderr)
        return 2
    command, env = lab_command(settings, open_browser)
    print(f"JupyterLab on http://{settings.ip}:{settings.port}/ (content: {settings.content}). "
          "Open a notebook in notebooks/ and press 'Render with Voila' in its toolbar to "
          "preview the page. Press Ctrl+C to stop.", file=sys.stderr)
    try:
        return subprocess.call(command, env=env)
    except KeyboardInterrupt:
        return 130
