/* The page's widget manager: ipywidgets' own ManagerBase, connected to the page's kernel over
   JupyterLab's KernelConnection, as JupyterLab's KernelWidgetManager is, without JupyterLab's
   application around it (rendermime, the shell, the extension loader): a page holds only our
   widgets, so the classes are bundled and known (widget_classes.js). */
import { shims } from "@jupyter-widgets/base";
import { ManagerBase } from "@jupyter-widgets/base-manager";
import { widgetClass } from "./widget_classes.js";

export class PageWidgetManager extends ManagerBase {
  constructor(kernel) {
    super();
    this.kernel = kernel;
    kernel.registerCommTarget(this.comm_target_name, (comm, message) =>
      this.handle_comm_open(new shims.services.Comm(comm), message));
  }

  /** Every model the kernel holds, with its state (ipywidgets' control comm). */
  load() {
    return this._loadFromKernel();
  }

  async loadClass(className, moduleName) {
    return widgetClass(className, moduleName);
  }

  async _create_comm(targetName, modelId, data, metadata, buffers) {
    const comm = this.kernel.createComm(targetName, modelId);
    if (data || metadata) {
      comm.open(data, metadata, buffers);
    }
    return new shims.services.Comm(comm);
  }

  async _get_comm_info() {
    const reply = await this.kernel.requestCommInfo({ target_name: this.comm_target_name });
    return reply.content.status === "ok" ? reply.content.comms : {};
  }
}
