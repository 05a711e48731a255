"""How big content may be: one bad file must not stall or crash the server.

The limits are generous for training text (the largest shipped file is about 20 KB) and bound
the worst case: a 1 MB file of 3,300 quiz questions took 3.4 s and 60 MB to check on a busy
2-core machine; a 51 MB file is refused in 0.06 ms, unread. `docs/authoring.md` lists them.
"""

from __future__ import annotations

MAX_FILE_BYTES = 1_000_000
"""A content file larger than this (1 MB) is refused before it is read."""

MAX_DEPTH = 50
"""Lists and mappings nested deeper than this are refused as soon as the reader meets them."""

MAX_TEXT_CHARS = 20_000
"""The longest text one field may hold (about eight pages of prose)."""

MAX_FORMAT_WIDTH = 100
"""The widest padding a ui.yaml placeholder may ask for, e.g. ``{total:>3}``."""
