"""Publishing (server side): published items in an overlay folder, each publish a version.

Imports only ``content``: the author area (``app``) calls it, kernels never do (they read the
overlay through the content loader). ``store.PublishStore`` publishes, rolls back and keeps
authors' drafts apart; ``item_check`` says why an item may not be published; ``versions`` is the
history; ``exchange`` exports and imports the overlay.
"""
