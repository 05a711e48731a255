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
// Without the page's words: the widgets' loader's own (frontend.FAILED_TEXT; a test keeps them one).
const FAILED_TEXT = "This part could not be loaded: reload the page.";

/** The loading status goes once the widgets are drawn (or could not be): the reading text was
    shown as it arrived. Voila's helper waits for its theme too; ours is in the page. */
function loaded() {
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

/** A place whose widget could not be drawn says so in words, as a widget whose module failed
    does (the wording from the page: ui.yaml's part_failed, infoshare_widgets/frontend.py). */
function sayFailed(place, error) {
  const part = document.createElement("div");
  part.className = "jupyter-widgets is-module";
  part.dataset.isFailed = "";
  const message = document.createElement("p");
  message.className = "is-module-failed";
  message.setAttribute("role", "alert");
  message.textContent = document.body.dataset.isPartFailed || FAILED_TEXT;
  part.appendChild(message);
  place.node.replaceChildren(part);
  console.error(error);
}

/** Draw one output: a widget's view (its place hidden when the kernel closes it), plain text as
    text. The page's notebooks output nothing else (the template writes HTML and error cards
    itself); anything else is logged, not drawn. */
async function draw(manager, { place, output }) {
  const data = output.data || {};
  const view = data[WIDGET_VIEW];
  if (!view) {
    if (typeof data["text/plain"] === "string") {
      const text = document.createElement("pre");
      text.textContent = data["text/plain"];
      place.node.appendChild(text);
    } else {
      console.warn("An output this page does not draw:", Object.keys(data));
    }
    return;
  }
  if (!view.model_id) {
    place.hide();
    return;
  }
  try {
    const model = await manager.get_model(view.model_id);
    const shown = (await manager.create_view(model)).luminoWidget;
    place.addWidget(shown);
    shown.disposed.connect(() => place.hide());
  } catch (error) {
    sayFailed(place, error);
  }
}

/** Leaving the page ends its kernel: on pagehide, not beforeunload, which fires before a "leave
    this page?" prompt the learner may answer by staying (app/leave.py). */
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
  const places = outputPlaces();
  const kernelId = PageConfig.getOption("kernelId");
  if (!kernelId) {
    return;
  }
  const serverSettings = ServerConnection.makeSettings({ baseUrl: PageConfig.getBaseUrl() });
  // The kernel's name is not asked for (Voila's front end asked, one request more): every page's
  // notebook runs python3, and the connection uses the name only to start a kernel like it.
  const kernel = new KernelConnection({ model: { id: kernelId, name: "python3" }, serverSettings });
  endKernelOnLeave(kernel);
  const manager = new PageWidgetManager(kernel);
  await manager.load().catch((error) => console.error(error)); // each place then says so
  await Promise.all(places.map((place) => draw(manager, place)));
}

main().catch((error) => console.error(error)).finally(loaded);
