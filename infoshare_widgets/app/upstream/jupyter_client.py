"""jupyter_client's undocumented hook for choosing a kernel's provisioner (jupyter_client 8)."""

from __future__ import annotations

from typing import Any


class ChosenProvisioner:
    """Mixed into a ``KernelManager``: its kernels use :meth:`make_provisioner`'s provisioner.

    jupyter_client 8 makes ``self.provisioner`` in ``_async_pre_start_kernel``, from the kernel
    spec, only when none is set (a restart keeps it); we set ours first. The documented way, an
    entry point named in each kernel spec, would change every kernel of the environment.
    """

    provisioner: Any

    def make_provisioner(self, kernel_id: str | None) -> Any:
        raise NotImplementedError

    async def _async_pre_start_kernel(self, **kw: Any) -> Any:
        if self.provisioner is None:
            self.provisioner = self.make_provisioner(kw.get("kernel_id") or self.kernel_id)
        return await super()._async_pre_start_kernel(**kw)  # type: ignore[misc]
