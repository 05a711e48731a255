"""What a kernel's environment keeps of the server's: of our own ``INFOSHARE_*`` variables only
those a page reads (:data:`KERNEL_VARIABLES`); every other one stays with the server.

The server needs the rest, and a kernel runs learners' pages: so the single sign-on settings
(``INFOSHARE_OIDC_*``: the issuer, client id, the secret or its file, and the allowlist, which
names people), the databases' addresses and their files (``INFOSHARE_AUTHORS_URL*``,
``INFOSHARE_ROOMS_URL*``), the data folder that holds the authors' database
(``INFOSHARE_DATA_DIR``) and every deployment setting never reach one. This is an allowlist: a
variable added later stays out until a page needs it. (``serve.kernel_environment`` has already
cut the server's environment to what Python needs; the secrets are also taken out of
``os.environ`` when the server starts, ``author_config.take_author_secrets``.)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from ..content import snapshot
from ..content.overlay import OFF, OVERLAY_VARIABLE, default_overlay_dir

OURS = "INFOSHARE_"
# A page reads its content, the published items, the server's loaded content (the snapshots'
# folder, where the server wrote it), and (tests only) the timer's minute.
KERNEL_VARIABLES = frozenset({"INFOSHARE_CONTENT", OVERLAY_VARIABLE, snapshot.FOLDER_VARIABLE,
                              "INFOSHARE_TIMER_MINUTE_SECONDS"})


def kernel_only(env: Mapping[str, str]) -> dict[str, str]:
    """`env` without our variables a page does not read; the published items' folder resolved
    here, so the data folder's own variable need not go with it."""
    kept = {k: v for k, v in env.items() if not k.startswith(OURS) or k in KERNEL_VARIABLES}
    kept[OVERLAY_VARIABLE] = str(default_overlay_dir(dict(env)) or OFF)
    return kept


class KernelEnvironment:
    """Mixed into the kernel manager: every kernel starts with :func:`kernel_only` of what it
    was given (Voila passes ``env``; without one a kernel would inherit ``os.environ``)."""

    async def start_kernel(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["env"] = kernel_only(kwargs.get("env") or os.environ)
        return await super().start_kernel(*args, **kwargs)  # type: ignore[misc]
