"""Live rooms on the server (issue 17): the learner's page (``room``), the facilitator's page
(``room/host``), their JSON API (``room/api/...``) and assets (``room/static/...``).

The store is :mod:`infoshare_widgets.room_store`; :mod:`.service` runs it in a small thread pool
and :mod:`.watch` wakes waiting pages when a room changes. :func:`room_routes` is what
``route_allowlist.py`` adds to the allowlisted handlers.
"""

from __future__ import annotations

from .routes import room_routes
from .service import RoomService, take_rooms_url

__all__ = ["RoomService", "room_routes", "take_rooms_url"]
