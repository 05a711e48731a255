/* The widget classes a page can hold, by the module name the kernel gives each model:
   ipywidgets' base and controls (boxes, the author's buttons) and anywidget's AnyModel, which
   every component of ours is. anywidget publishes its classes as an AMD module
   (`define(["@jupyter-widgets/base"], factory)`); amd_capture.js takes that factory. */
import * as base from "@jupyter-widgets/base";
import * as controls from "@jupyter-widgets/controls";
import { anywidgetFactory } from "./amd_capture.js";
import "anywidget";

const anywidget = anywidgetFactory()(base);

export const MODULES = {
  "@jupyter-widgets/base": base,
  "@jupyter-widgets/controls": controls,
  anywidget,
};

/** The class `name` of `module`, or an error that says which was asked for. */
export function widgetClass(name, module) {
  const exports = MODULES[module];
  const found = exports && exports[name];
  if (!found) {
    throw new Error(`This page cannot draw a widget of class ${name} from ${module}.`);
  }
  return found;
}
