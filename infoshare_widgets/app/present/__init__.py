"""The presenter view and the audience window: plain pages from the server, like the
room's (no kernel). The presenter page holds the steps and notes; the audience window receives
one step at a time from it over a ``BroadcastChannel`` in the same browser."""

from .addresses import present_routes

__all__ = ["present_routes"]
