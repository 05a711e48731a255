"""The two test tiers and how `make test` shares the slow one between two processes.

A test is in the slow tier because of the fixtures it uses, never because of a hand mark: a test
that uses a fixture of SERVER_FIXTURES (it starts a server process: Voila, JupyterLab, nginx,
PostgreSQL) gets the `server` mark, one that uses BROWSER_FIXTURES (Chromium) the `browser` mark,
wherever it is and however deep the fixture is (`item.fixturenames` holds them all). The fast
tier is `-m "not server and not browser"`. Servers started in the test's own process (the room
routes in a thread, a websocket stand-in) are fast and have no mark.

A fixture that asks for a server at run time (`request.getfixturevalue`) is not in
`item.fixturenames`: DYNAMIC_SERVERS names those cases, and `pytest_fixture_setup` below fails a
test without the mark that starts a server anyway (so a new case is found by the fast tier).

Special servers (a group below) start once in the whole run: every test that uses one is sent to
the same process; other tests go by file, as with `--dist loadfile`. xdist's own `--dist
loadgroup` cannot do this here: it writes the group into `item._nodeid`, which pytest 9.2 no
longer reads (pytest-dev/pytest-xdist#1386), and a conftest loaded before xdist's worker plugin
adds its marks after xdist has read them. So `make test` asks for `--dist loadgroup`, the workers
write each test's group to a file, and GroupScheduling reads it: the `xdist_group` marks stay the
one statement of the groups.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping

import pytest
from xdist.scheduler import LoadScopeScheduling

# Fixture -> the group of tests that share it (None: every process may start its own).
SERVER_FIXTURES: dict[str, str | None] = {
    "app_server": None,  # the app's Voila: most browser tests, one per process
    "hardened_server": "hardened",  # Voila at small limits (the hostile-visitor files)
    "deploy_servers": "deploy",  # three Voila servers under /infoshare/ ...
    "nginx_one": "deploy",  # ... nginx with the shipped single-server file in front of one
    "nginx_many": "deploy",  # ... and with the several-servers file in front of all three
    "postgres_url": None,  # PostgreSQL: a few seconds to start, so each process starts its own
    "error_server": "error_server",  # module fixtures: a module's tests in one process
    "leave_server": "leave_server",
    "forking_server": "forking_server",  # its zygote is killed: a server of its own
    "lab": "lab",  # JupyterLab
    "shipped_unit": "unit",  # the app as the systemd unit starts it: apart from the deploy group
    "oidc_provider": "author",  # Node's oidc-provider (two issuers) for the author sign-in ...
    "author_server": "author",  # ... and the app with --authoring pointed at it, started once
}
BROWSER_FIXTURES = frozenset({"browser"})  # Chromium (context, loaded, ... all use it)

# (fixture, its parameter) -> the server fixture it asks for with request.getfixturevalue.
DYNAMIC_SERVERS: dict[tuple[str, str], str] = {
    ("store_env", "postgresql"): "postgres_url",  # tests/room_store/conftest.py
}

# A server or browser test fails after this long, its own startup included (a session server
# starts in the first test that uses it: JupyterLab took 78 s at load 50); a fast test after the
# ini's `timeout` (pyproject.toml). A `timeout` mark of the test's own wins over both.
SERVER_TIMEOUT = 300


def servers_used(fixturenames: Iterable[str], params: Mapping[str, object]) -> set[str]:
    """The server fixtures a test uses: its own fixtures and those its parameters ask for."""
    used = {name for name in fixturenames if name in SERVER_FIXTURES}
    used |= {server for (fixture, param), server in DYNAMIC_SERVERS.items()
             if params.get(fixture) == param}
    return used


def group_of(servers: Iterable[str]) -> str | None:
    """The one group of a test's special servers (None when it uses none)."""
    groups = {SERVER_FIXTURES[name] for name in servers} - {None}
    if len(groups) > 1:
        raise pytest.UsageError(
            f"a test uses servers of groups {sorted(groups)} (tests/_tiers.py): make them one "
            "group, or each process running one of them would start the other")
    return groups.pop() if groups else None


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook, which reads xdist_group
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The server and browser marks, the process group and the timeout, from the fixtures."""
    for item in items:
        names = getattr(item, "fixturenames", ())
        callspec = getattr(item, "callspec", None)
        servers = servers_used(names, callspec.params if callspec else {})
        browser = any(name in BROWSER_FIXTURES for name in names)
        if servers:
            item.add_marker(pytest.mark.server)
        if browser:
            item.add_marker(pytest.mark.browser)
        group = group_of(servers)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))
        if (servers or browser) and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(SERVER_TIMEOUT))


# --- a fast test that starts a server anyway -------------------------------------------------

_running: list[pytest.Item] = []


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> object:
    _running.append(item)
    try:
        return (yield)
    finally:
        _running.pop()


@pytest.hookimpl(tryfirst=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef) -> None:
    name = fixturedef.argname
    mark = "server" if name in SERVER_FIXTURES else "browser" if name in BROWSER_FIXTURES else None
    if mark and _running and _running[-1].get_closest_marker(mark) is None:
        pytest.fail(f"{_running[-1].nodeid} starts {name} without the {mark} mark: it asked for "
                    "it at run time; name that case in DYNAMIC_SERVERS (tests/_tiers.py)",
                    pytrace=False)


# --- one process per group ---------------------------------------------------------------------

GROUPS_DIR = "infoshare_groups"  # the key of the workers' input that names the folder
_folder = pytest.StashKey[str]()


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("dist", "no") == "loadgroup" and not hasattr(config, "workerinput"):
        config.stash[_folder] = tempfile.mkdtemp(prefix="infoshare-groups-")


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(_folder, None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)



@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: object) -> None:
    """Controller: tell each worker where to write its tests' groups."""
    folder = node.config.stash.get(_folder, None)  # type: ignore[attr-defined]
    if folder:
        node.workerinput[GROUPS_DIR] = folder  # type: ignore[attr-defined]


@pytest.hookimpl(tryfirst=True)  # before xdist tells the controller the collection is done
def pytest_collection_finish(session: pytest.Session) -> None:
    """Worker: write each grouped test's group, for GroupScheduling."""
    workerinput = getattr(session.config, "workerinput", {})
    if GROUPS_DIR not in workerinput:
        return
    groups = {}
    for item in session.items:
        names = sorted({str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                        for mark in item.iter_markers("xdist_group")})
        if names:
            groups[item.nodeid] = "_".join(names)
    path = os.path.join(workerinput[GROUPS_DIR], f"{workerinput['workerid']}.json")
    with open(path + ".tmp", "w", encoding="utf-8") as out:
        json.dump(groups, out)
    os.replace(path + ".tmp", path)


class GroupScheduling(LoadScopeScheduling):
    """`--dist loadscope` whose scope is a test's group, or its file when it has none (as
    `--dist loadfile`: a file's tests stay together, in their order): each group goes whole to
    one process. The longest go first, by the seconds each took in the last run (COSTS, ignored
    by git): a long group handed out last keeps one process busy long after the other is done.
    Without a last run, the largest first (xdist's `--loadscope-reorder`)."""

    def __init__(self, config: pytest.Config, log: object = None) -> None:
        super().__init__(config, log)  # type: ignore[arg-type]
        self.folder = config.stash[_folder]
        self.groups: dict[str, str] | None = None
        self.ran: dict[str, str] = {}  # group -> the worker it went to
        self.costs_file = config.rootpath / COSTS  # pyproject.toml turns pytest's cache off
        try:
            self.costs: dict[str, float] = json.loads(self.costs_file.read_text("utf-8"))
        except (OSError, ValueError):
            self.costs = {}
        self.seconds: dict[str, float] = {}  # this run's, by scope
        self.ordered = False

    def _split_scope(self, nodeid: str) -> str:
        if self.groups is None:  # every worker has collected (and written) by now
            self.groups = {}
            for name in sorted(os.listdir(self.folder)):
                if name.endswith(".json"):
                    with open(os.path.join(self.folder, name), encoding="utf-8") as found:
                        self.groups.update(json.load(found))
        group = self.groups.get(nodeid)
        return f"@{group}" if group else nodeid.split("::", 1)[0]

    def longest_first(self) -> None:
        """Order the queue by last run's seconds (a new scope: its tests at the mean rate)."""
        known = [(self.costs[s], len(ids)) for s, ids in self.workqueue.items() if s in self.costs]
        rate = sum(c for c, _ in known) / max(1, sum(n for _, n in known))
        cost = {s: self.costs.get(s, rate * len(ids)) for s, ids in self.workqueue.items()}
        for scope in sorted(self.workqueue, key=lambda s: -cost[s]):
            self.workqueue.move_to_end(scope)

    def mark_test_complete(self, node: object, item_index: int, duration: float = 0) -> None:
        scope = self._split_scope(self.registered_collections[node][item_index])  # type: ignore
        self.seconds[scope] = self.seconds.get(scope, 0.0) + duration
        super().mark_test_complete(node, item_index, duration)  # type: ignore[arg-type]

    def save_costs(self) -> None:
        costs = {**self.costs, **{s: round(t, 1) for s, t in self.seconds.items()}}
        with contextlib.suppress(OSError):  # a read-only checkout: next run in xdist's order
            self.costs_file.parent.mkdir(exist_ok=True)
            self.costs_file.write_text(json.dumps(costs, indent=0), "utf-8")

    def _assign_work_unit(self, node: object) -> None:
        if not self.ordered and self.costs:
            self.longest_first()
        self.ordered = True
        scope = next(iter(self.workqueue))
        if scope.startswith("@"):
            self.ran[scope[1:]] = node.gateway.id  # type: ignore[attr-defined]
        super()._assign_work_unit(node)  # type: ignore[arg-type]


_scheduler = pytest.StashKey["GroupScheduling"]()
COSTS = ".pytest_cache/infoshare-slow-tier-seconds.json"  # scope -> seconds, the last run


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    if config.getoption("dist") == "loadgroup":
        scheduler = GroupScheduling(config, log)
        config.stash[_scheduler] = scheduler
        return scheduler
    return None


def pytest_terminal_summary(terminalreporter: object, config: pytest.Config) -> None:
    scheduler = config.stash.get(_scheduler, None)
    if scheduler:
        scheduler.save_costs()
    if scheduler and scheduler.ran:
        ran = ", ".join(f"{group} in {worker}" for group, worker in sorted(scheduler.ran.items()))
        terminalreporter.write_line(f"server groups (one process each): {ran}")  # type: ignore
