/* A page's front end: connect to the page's kernel, load its widgets and draw each one where
   the page's HTML holds its place (a `vnd.voila.cell-output+json` script, as Voila's template
   writes it). This is what Voila's JupyterLab front end does for such a page, in one bundle of
   the same libraries (ipywidgets, JupyterLab's kernel connection, anywidget) and without the
   rest of JupyterLab: the reading text is already in the page's HTML.
   Built by `make front-end` into the template's static/page.js (see docs/architecture.md). */
import "@jupyter-widgets/base/css/index.css";
import "@jupyter-widgets/controls/css/widgets-base.css";
import { PageConfig } from "@jupyterlab/coreutils";
import { ServerConnection } from "@jupyterlab/services";
import { KernelConnection } from "@jupyterlab/services/lib/kernel/default";
import { Panel, Widget } from "@lumino/widgets";
import { PageWidgetManager } from "./widget_manager.js";

const OUTPUT = 'script[type="application/vnd.voila.cell-output+json"]';
const WIDGET_VIEW = "application/vnd.jupyter.widget-view+json";

/** The page's HTML is shown (Voila's helper waits for its theme; ours is in the page). */
function showPage() {
  window.themeLoaded = true;
  if (window.cellLoaded && window.display_cells) {
    window.display_cells();
  }
}

/** Each output's place: a panel where Voila's front end would put it, the script gone. */
function outputPlaces() {
  return [...document.querySelectorAll(OUTPUT)].map((script) => {
    const place = new Panel();
    place.addClass("jp-OutputArea-output");
    let output = {};
    try {
      output = JSON.parse(script.textContent);
    } catch (error) {
      console.error(error);
    }
    const container = script.parentElement;
    container.removeChild(script);
    Widget.attach(place, container);
    return { place, output };
  });
}

/** Draw one output: a widget's view, plain text as text; the reason in words if it fails. */
async function draw(manager, { place, output }) {
  const data = output.data || {};
  const view = data[WIDGET_VIEW];
  if (!view) {
    if (typeof data["text/plain"] === "string") {
      const text = document.createElement("pre");
      text.textContent = data["text/plain"];
      place.node.appendChild(text);
    }
    return;
  }
  if (!view.model_id) {
    place.hide();
    return;
  }
  try {
    const model = await manager.get_model(view.model_id);
    const shown = await manager.create_view(model);
    place.addWidget(shown.luminoWidget);
  } catch (error) {
    place.node.textContent = "Error displaying widget";
    place.addClass("jupyter-widgets");
    console.error(error);
  }
}

/** Leaving the page ends its kernel (pagehide, not beforeunload: see upstream/pagehide.js). */
function endKernelOnLeave(kernel) {
  window.addEventListener("pagehide", () => {
    const form = new FormData();
    const xsrf = document.cookie.match("\\b_xsrf=([^;]*)\\b");
    form.append("_xsrf", (xsrf && xsrf[1]) || "");
    navigator.sendBeacon(`${PageConfig.getBaseUrl()}voila/api/shutdown/${kernel.id}`, form);
    kernel.dispose();
  });
}

async function main() {
  showPage();
  const places = outputPlaces();
  const kernelId = PageConfig.getOption("kernelId");
  if (!kernelId) {
    return;
  }
  const serverSettings = ServerConnection.makeSettings({ baseUrl: PageConfig.getBaseUrl() });
  const kernel = new KernelConnection({ model: { id: kernelId, name: "python3" }, serverSettings });
  endKernelOnLeave(kernel);
  const manager = new PageWidgetManager(kernel);
  await manager.load();
  await Promise.all(places.map((place) => draw(manager, place)));
}

main().catch((error) => console.error(error));
