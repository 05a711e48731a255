/* anywidget's package is an AMD module: it calls a global `define` with its factory. This
   module, imported just before it, gives it one that keeps the factory (and is not `define.amd`,
   so no UMD module elsewhere in the bundle takes it for a loader). */
let captured = null;
globalThis.define = (dependencies, factory) => {
  captured = factory;
};

/** The captured factory; the global `define` is gone after the first call. */
export function anywidgetFactory() {
  delete globalThis.define;
  if (typeof captured !== "function") {
    throw new Error("anywidget's classes were not found in its package.");
  }
  return captured;
}
