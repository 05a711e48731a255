"""The tiers (tests/_tiers.py): every fixture that starts a process is named there, so its tests
get the `server` or `browser` mark and stay out of the fast tier."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest
from _tiers import (
    BROWSER_FIXTURES,
    DYNAMIC_SERVERS,
    SERVER_FIXTURES,
    GroupScheduling,
    group_of,
    servers_used,
)

TESTS = Path(__file__).resolve().parent
# What starts a process in a fixture: a command, the app's server, nginx, Chromium, PostgreSQL.
STARTERS = {"Popen", "running_server", "running_nginx", "sync_playwright"}
STARTER_WORDS = {"pg_ctl"}


@functools.cache
def parsed() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8"))
            for path in sorted(TESTS.rglob("*.py"))}


def fixtures_that_start_processes() -> dict[str, str]:
    """Fixture name -> where it is, for each fixture under tests/ that starts a process."""
    found = {}
    for path, tree in parsed().items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef) or not any(
                    "fixture" in ast.unparse(d) for d in node.decorator_list):
                continue
            for inner in ast.walk(node):
                called = isinstance(inner, ast.Call) and (
                    getattr(inner.func, "id", None) in STARTERS
                    or getattr(inner.func, "attr", None) in STARTERS)
                named = isinstance(inner, ast.Constant) and inner.value in STARTER_WORDS
                if called or named:
                    found[node.name] = f"{path.relative_to(TESTS)}:{node.lineno}"
    return found


def test_every_fixture_that_starts_a_process_is_a_server_or_the_browser() -> None:
    found = fixtures_that_start_processes()
    assert {"app_server", "postgres_url", "browser", "lab"} <= set(found)
    unnamed = {name: where for name, where in found.items()
               if name not in SERVER_FIXTURES and name not in BROWSER_FIXTURES}
    assert not unnamed, f"add these to SERVER_FIXTURES in tests/_tiers.py: {unnamed}"


def test_every_named_fixture_exists() -> None:
    defined = {node.name for tree in parsed().values() for node in ast.walk(tree)
               if isinstance(node, ast.FunctionDef)}
    named = set(SERVER_FIXTURES) | BROWSER_FIXTURES | {f for f, _ in DYNAMIC_SERVERS}
    assert named - defined == set(), "renamed? tests/_tiers.py names fixtures that are gone"


def test_a_server_is_found_through_a_fixtures_parameter() -> None:
    assert servers_used(["store", "store_env"], {"store_env": "sqlite"}) == set()
    assert servers_used(["store", "store_env"], {"store_env": "postgresql"}) == {"postgres_url"}
    assert servers_used(["loaded", "app_server", "browser"], {}) == {"app_server"}


def test_each_test_has_one_group_or_none() -> None:
    assert group_of({"app_server"}) is None
    assert group_of({"nginx_many", "deploy_servers", "postgres_url"}) == "deploy"
    assert group_of({"app_server", "hardened_server"}) == "hardened"
    with pytest.raises(pytest.UsageError, match="make them one group"):
        group_of({"hardened_server", "deploy_servers"})


def test_the_slow_tier_hands_out_the_longest_scopes_first() -> None:
    """Last run's seconds order the queue; a scope new since then counts its tests at the mean
    rate of the known ones (280 s for 13 tests: new.py's two count 43 s)."""
    from collections import OrderedDict
    from types import SimpleNamespace

    queue = OrderedDict((scope, dict.fromkeys(range(n), False))
                        for scope, n in [("a.py", 9), ("@deploy", 3), ("b.py", 1), ("new.py", 2)])
    scheduler = SimpleNamespace(workqueue=queue, costs={"a.py": 30.0, "@deploy": 200.0,
                                                        "b.py": 50.0})
    GroupScheduling.longest_first(scheduler)  # type: ignore[arg-type]
    assert list(queue) == ["@deploy", "b.py", "new.py", "a.py"]
