"""How `make test` shares the test files between its two processes (pytest-xdist)."""

from __future__ import annotations

import pytest

# Files that share expensive session fixtures run in the same process: the deployment tests
# start three servers and nginx once for both files, the hostile-visitor tests one small server.
SHARED_GROUPS = {
    "test_deploy_proxy.py": "deploy",
    "test_deploy_servers.py": "deploy",
    "test_app_hardening.py": "hardened",
    "test_app_hostile.py": "hardened",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each file is one group (as `--dist loadfile`), except the files that share servers."""
    for item in items:
        name = item.path.name
        item.add_marker(pytest.mark.xdist_group(SHARED_GROUPS.get(name, str(item.path))))
