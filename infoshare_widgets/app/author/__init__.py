"""The author area: ``author`` and its sign-in pages, on with ``--authoring``.

Plain pages from Jinja templates, no kernel: :mod:`.author_routes` (the addresses),
:mod:`.author_handlers` (flag, transport, cookie, CSRF), :mod:`.author_pages` (home, sign-in,
sign-out, set password), :mod:`.sso` and :mod:`.sso_handlers` (OpenID Connect),
:mod:`.author_service` (store, limits, and ``AUTHOR_PAGES``, where the builders add theirs),
:mod:`.author_config` (settings and secrets), :mod:`.author_command` (``infoshare author``).
"""
