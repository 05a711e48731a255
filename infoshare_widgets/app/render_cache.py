"""The page template compiled once, not once per kernel.

Voila builds a new exporter, and so a new Jinja environment, for every kernel it preheats; each
one parsed and compiled the page template (ours, the lab template it extends, nbconvert's
bases) again. In the profile of 30 simultaneous Start-page requests that compile was half of
the server's CPU (its pools refilling). :class:`CachedTemplatesExporter` gives every
environment one shared in-memory bytecode cache: a template is compiled once per source text
(Jinja keys the cache on the template's name and a hash of its source, so an edited template is
compiled again).

:func:`install` puts the exporter where Voila's notebook renderer looks for it;
``tests/app/test_voila_coupling.py`` checks that it is the one Voila uses.
"""

from __future__ import annotations

from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from voila.exporter import VoilaExporter

from .upstream.voila import use_exporter


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in this process, shared by every environment: the code objects
    themselves (immutable, so any environment may run them), under the checksum of the source
    they came from. Kept as marshalled bytes, every page paid for unmarshalling them again
    (about a tenth of the server's CPU per page in py-spy's profile)."""

    def __init__(self) -> None:
        self.store: dict[str, tuple[str, Any]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        kept = self.store.get(bucket.key)
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = kept[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self.store.clear()


SHARED_CACHE = MemoryBytecodeCache()


class CachedTemplatesExporter(VoilaExporter):
    """Voila's exporter whose Jinja environment shares :data:`SHARED_CACHE`."""

    @property
    def environment(self) -> Any:
        # nbconvert's (public) environment property builds the environment once and keeps it;
        # every template it loads goes through here first.
        environment = super().environment
        if environment.bytecode_cache is not SHARED_CACHE:
            environment.bytecode_cache = SHARED_CACHE
        return environment


def install() -> None:
    """Make Voila's notebook renderer build this exporter."""
    use_exporter(CachedTemplatesExporter)
