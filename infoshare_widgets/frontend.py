"""The widgets' front-end files and the address they are served from.

Each component's code is an ES module in the package (``ui/question.js``, ``quiz/group.js``) that
imports what it uses (``import { el } from "./dom.js"``), and its stylesheet is a plain file
beside it. The app serves these files, and only these, at
``<base_url>infoshare/static/<version>/<path>`` (``app/widget_assets.py``; in JupyterLab the lab
extension adds the same route), where ``version`` is a hash of every one of them: the browser
keeps each file for a year and fetches it once per version, whatever the number of widgets.

A widget's ``_esm`` (:func:`loader`) is only a loader of a few hundred bytes that finds the base
URL in the page, links the stylesheets once per page (the shared ``ui/components.css`` first) and
imports the module. anywidget would itself import an ``_esm`` and link a ``_css`` given as a URL,
but only an absolute ``http(s)://`` one, and the kernel does not know the address the browser
used (a proxy in front, the base URL, JupyterLab): the loader builds it in the browser, from the
``baseUrl`` of the page's ``jupyter-config-data`` (as JupyterLab's ``PageConfig`` does).

This module imports nothing of ours, so the server (``app``) and the widgets (``ui``) agree on
the version without the server importing widget code.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROUTE = "infoshare/static"  # under the server's base URL
SHARED_CSS = "ui/components.css"  # box, text, buttons, form controls, focus ring, [hidden]
SUFFIXES = (".js", ".css")
# The room pages' scripts (app/) are served by their own route; theme.css is in the template.
NOT_WIDGET_CODE = ("app",)

_version_cache: dict[tuple, str] = {}


def files() -> dict[str, Path]:
    """Every widget front-end file by its path in the package (``ui/dom.js``): what is served."""
    found = {}
    for path in sorted(PACKAGE_DIR.rglob("*")):
        rel = path.relative_to(PACKAGE_DIR)
        if (path.suffix in SUFFIXES and len(rel.parts) > 1 and rel.parts[0] not in NOT_WIDGET_CODE
                and path.is_file()):
            found[rel.as_posix()] = path
    return found


def version() -> str:
    """A hash of every front-end file's path and bytes, recomputed only when one changes."""
    paths = files()
    key = tuple((name, p.stat().st_mtime_ns, p.stat().st_size) for name, p in paths.items())
    if key not in _version_cache:
        digest = hashlib.sha256()
        for name, path in paths.items():
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
        _version_cache.clear()
        _version_cache[key] = digest.hexdigest()[:16]
    return _version_cache[key]


def package_path(path: Path) -> str:
    """``ui/question.js`` for a file of the package."""
    return path.resolve().relative_to(PACKAGE_DIR).as_posix()


# The loader each widget instance carries; every name is local, nothing is left in the page but
# one <link> per stylesheet (its id is the file's path) and the browser's module map.
LOADER = """\
// {module}: served once per page by infoshare (infoshare_widgets/frontend.py)
const config = document.getElementById("jupyter-config-data");
const base = ((config && JSON.parse(config.textContent).baseUrl) || "/").replace(/\\/?$/, "/");
const root = new URL(base + "{route}/{version}/", document.baseURI);
function sheet(path) {{
  let link = document.getElementById("infoshare:" + path);
  if (!link) {{
    const href = new URL(path, root);
    link = Object.assign(document.createElement("link"), {{ id: "infoshare:" + path, href }});
    link.rel = "stylesheet";
    link.loaded = new Promise((done) => {{ link.onload = link.onerror = done; }});
    document.head.append(link);
  }}
  return link.loaded;
}}
export default async () => {{
  await Promise.all({sheets}.map(sheet));
  return (await import(new URL({module_json}, root))).default;
}};
"""


def loader(module: Path, *stylesheets: Path) -> str:
    """A widget's ``_esm``: link ``ui/components.css`` and ``stylesheets`` (once per page, in that
    order), wait for them, then import ``module`` from the app's front-end route."""
    name = package_path(module)
    sheets = [SHARED_CSS, *(package_path(p) for p in stylesheets)]
    known = files()
    missing = [p for p in [name, *sheets] if p not in known]
    if missing:
        raise FileNotFoundError(f"not a front-end file of the package: {', '.join(missing)}")
    return LOADER.format(module=name, module_json=json.dumps(name), route=ROUTE,
                         version=version(), sheets=json.dumps(sheets))
