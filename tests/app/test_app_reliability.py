"""Pages never hang, and kernels of closed pages do not pile up.

Filling an Output widget while Voila executes a notebook stalled one load in five to one in two
(docs/architecture.md, "No Output widgets"); each page is loaded ten times in a row and must settle
every time. Voila never shuts a kernel down when its page closes; the server culls idle kernels,
and every kernel behind the pages opened here must be gone within a minute of closing them.
"""

from __future__ import annotations

import time

import pytest
from _app_support import kernel_id_of, wait_settled
from _hardening_support import kernel_pids

from infoshare_widgets.content import default_content_dir, load_content

CONTENT = load_content(default_content_dir())
LOADS = 4  # each page, each load settles; more loads only repeat it (the suite has a budget)


@pytest.mark.parametrize("section_id", [s.id for s in CONTENT.sections])
def test_every_page_settles_on_every_load_and_its_kernels_are_culled(
        app_server, context, section_id: str) -> None:
    url = app_server.section_url(section_id)
    page = context.new_page()
    kernels = []
    for _ in range(LOADS):
        page.goto(url)
        wait_settled(page)  # fails if the page stalls
        kernels.append(kernel_id_of(page))
    assert len(set(kernels)) == LOADS  # each visit had its own kernel
    # (The kernel API answers only a page's own visitor: the kernel processes are counted.)
    assert kernels[-1] in kernel_pids(app_server)  # the open page's kernel is alive
    page.close()
    deadline = time.monotonic() + 60
    alive = set(kernels)
    while alive and time.monotonic() < deadline:
        alive &= set(kernel_pids(app_server))
        if alive:
            time.sleep(0.5)
    assert alive == set(), f"{len(alive)} kernel(s) still running a minute after their page closed"
