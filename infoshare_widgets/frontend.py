"""The widgets' front-end files and the address they are served from.

Each component's code is an ES module in the package (``ui/question.js``, ``quiz/group.js``) that
imports what it uses (``import { el } from "./dom.js"``), and its stylesheet is a plain file
beside it. The app serves these files, and only these, at
``<base_url>infoshare/static/<version>/<path>`` (``app/widget_assets.py``; in JupyterLab the lab
extension adds the same route), where ``version`` is a hash of every one of them: the browser
keeps each file for a year and fetches it once per version, whatever the number of widgets.

A widget's ``_esm`` (:func:`loader`) is only a loader of about a kilobyte that finds the base
URL in the page and, at a view's first render, links the stylesheets once per page (the shared
``ui/components.css`` first), imports the module and lets it draw, then marks the view drawn (or
says in words that it failed: see ``VIEW_CLASS``). anywidget would itself import an ``_esm``
and link a ``_css`` given as a URL, but only an absolute ``http(s)://`` one, and the kernel does
not know the address the browser used (a proxy in front, the base URL, JupyterLab): the loader
builds it in the browser, from the ``baseUrl`` of the page's ``jupyter-config-data`` (as
JupyterLab's ``PageConfig`` does).

This module imports nothing of ours, so the server (``app``) and the widgets (``ui``) agree on
the version without the server importing widget code.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROUTE = "infoshare/static"  # under the server's base URL
SHARED_CSS = "ui/components.css"  # box, text, buttons, form controls, focus ring, [hidden]
SUFFIXES = (".js", ".css")
# The room pages' scripts (app/) are served by their own route; theme.css is in the template.
NOT_WIDGET_CODE = ("app",)

_version_cache: dict[tuple, str] = {}


def files() -> dict[str, Path]:
    """Every widget front-end file by its path in the package (``ui/dom.js``): what is served.
    Every kernel walks the package once for each widget class, so the walk skips ``__pycache__``
    and the folders that hold no widget code."""
    found = {}
    for folder, subfolders, names in os.walk(PACKAGE_DIR):
        top = folder == str(PACKAGE_DIR)
        subfolders[:] = [d for d in subfolders if not d.startswith(("_", "."))
                         and not (top and d in NOT_WIDGET_CODE)]
        if top:
            continue
        for name in names:
            if name.endswith(SUFFIXES):
                path = Path(folder, name)
                found[path.relative_to(PACKAGE_DIR).as_posix()] = path
    return dict(sorted(found.items()))


def version(paths: dict[str, Path] | None = None) -> str:
    """A hash of every front-end file's path and bytes (``paths``, or :func:`files`), recomputed
    only when one changes."""
    paths = files() if paths is None else paths
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


# Every view of a widget of ours carries VIEW_CLASS from the moment it exists (its
# ``_dom_classes``, ui/styles.py) and, once its module has drawn it, DRAWN; if the module could not
# be loaded or could not draw, it shows a message in words instead (the page's
# ``data-is-part-failed``, from ui.yaml) and carries FAILED. A page whose every ``.is-module``
# view carries one or the other has drawn every widget: nothing is still coming over HTTP.
VIEW_CLASS = "is-module"
DRAWN = "data-is-drawn"
FAILED = "data-is-failed"
FAILED_TEXT = "This part could not be loaded: reload the page."

# The loader each widget instance carries; every name is local, nothing is left in the page but
# one <link> per stylesheet (its id is the file's path) and the browser's module map. Its default
# export is the widget at once, so anywidget's model is ready at once (anywidget drops the
# model's messages for good if it is not ready within 2 s); the files are fetched by the first
# render, all at once: the module, every module it imports (:func:`imports`, so the browser does
# not find them one round trip at a time) and the stylesheets; each view is marked when drawn
# (above).
LOADER = """\
// {module}: infoshare_widgets/frontend.py
const d = document, c = d.getElementById("jupyter-config-data");
const base = ((c && JSON.parse(c.textContent).baseUrl) || "/").replace(/\\/?$/, "/");
const root = new URL(base + "{route}/{version}/", d.baseURI);
const sheet = (path) => {{
  let l = d.getElementById("infoshare:" + path);
  if (!l) {{
    l = Object.assign(d.createElement("link"), {{ id: "infoshare:" + path, rel: "stylesheet",
      href: new URL(path, root) }});
    l.loaded = new Promise((done) => {{ l.onload = l.onerror = done; }});
    d.head.append(l);
  }}
  return l.loaded;
}};
let w;
export default {{ async render(view) {{
  const el = view.el;
  try {{
    w ||= Promise.all([...{modules}.map((m) => import(new URL(m, root))), ...{sheets}.map(sheet)]);
    const end = await (await w)[0].default.render(view);
    el.dataset.{drawn} = "";
    return end;
  }} catch (e) {{
    w = null;
    console.error(e);
    el.replaceChildren(Object.assign(d.createElement("p"), {{ className: "is-module-failed",
      role: "alert", textContent: d.body.dataset.isPartFailed || "{failed_text}" }}));
    el.dataset.{failed} = "";
  }}
}} }};
"""


IMPORT = re.compile(r'^import\b[^"\']*["\'](\.{1,2}/[a-z_/]+\.js)["\'];?$', re.MULTILINE)


def imports(name: str, known: dict[str, Path]) -> list[str]:
    """Every front-end module ``name`` imports, directly or not (``ui/dom.js``), in a stable
    order: the loader asks for them with the module itself, in one round trip."""
    found: list[str] = []
    todo = [name]
    while todo:
        current = todo.pop()
        for relative in IMPORT.findall(known[current].read_text(encoding="utf-8")):
            path = posixpath.normpath(posixpath.join(posixpath.dirname(current), relative))
            if path not in found and path != name:
                found.append(path)
                todo.append(path)
    return sorted(found)


def loader(module: Path, *stylesheets: Path) -> str:
    """A widget's ``_esm``: at its first render, link ``ui/components.css`` and ``stylesheets``
    (once per page, in that order) and import ``module`` and what it imports from the app's
    front-end route, all at once; when all are in, let the module draw; mark the view drawn,
    or say in words that it failed."""
    name = package_path(module)
    sheets = [SHARED_CSS, *(package_path(p) for p in stylesheets)]
    known = files()
    missing = [p for p in [name, *sheets] if p not in known]
    if missing:
        raise FileNotFoundError(f"not a front-end file of the package: {', '.join(missing)}")
    code = LOADER.format(module=name, modules=json.dumps([name, *imports(name, known)]),
                         route=ROUTE, version=version(known), sheets=json.dumps(sheets),
                         drawn="isDrawn", failed="isFailed", failed_text=FAILED_TEXT)
    return "\n".join(line.strip() for line in code.splitlines()) + "\n"  # bytes on every socket
