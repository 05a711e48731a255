"""CPU-seconds of one pool refill: the new kernel's CPU time from its start until it waits for
the visit (its CPU time stops growing), with and without the fork server (fork_provisioner.py).

    .venv/bin/python benchmarks/refill_cpu.py [ROUNDS] [VISITS]
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _servers  # noqa: E402
import proctree  # noqa: E402

from infoshare_widgets.app.serve import ServerSettings, voila_command  # noqa: E402
from infoshare_widgets.content import snapshot  # noqa: E402

PAGE = "01-what-is-it"


def settled(pid: int, quiet: float = 1.5, timeout: float = 60) -> float:
    """The process's CPU seconds once they have not grown for `quiet` seconds."""
    last, since, deadline = -1.0, time.monotonic(), time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = proctree.cpu_seconds(pid)
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return now
        time.sleep(0.1)
    return last


def run(fork: bool, visits: int, folder: Path) -> list[float]:
    settings = ServerSettings(port=_servers.free_port(), log_level="INFO")
    command, env = voila_command(settings)
    command.append(f"--InfoshareVoila.fork_kernels={fork}")
    log = folder / f"server-{fork}.log"
    env[snapshot.FOLDER_VARIABLE] = str(log.with_suffix(".snapshots"))
    with log.open("w") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    server = _servers.Server(f"http://127.0.0.1:{settings.port}", process, log)
    found = []
    try:
        _servers._wait(server, re.compile(r"Kernel pool of \S+ is filled"), 6, 600)
        for pid in proctree.kernels(process.pid).values():
            settled(pid)
        zygote = [p for p in proctree.descendants(process.pid)
                  if b"fork_server" in Path(f"/proc/{p}/cmdline").read_bytes()]
        zygote_cpu = sum(map(proctree.cpu_seconds, zygote))
        for _ in range(visits):
            before = set(proctree.kernels(process.pid).values())
            urllib.request.urlopen(server.page(PAGE), timeout=60).read()
            deadline = time.monotonic() + 30
            new: set[int] = set()
            while not new and time.monotonic() < deadline:
                time.sleep(0.05)
                new = set(proctree.kernels(process.pid).values()) - before
            for pid in new:
                found.append(settled(pid))
        if zygote:
            print(f"  zygote: {(sum(map(proctree.cpu_seconds, zygote)) - zygote_cpu) / visits:.4f}"
                  " CPU-s a fork", flush=True)
    finally:
        _servers.stop(process)
    return found


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    visits = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(rounds):
            for fork in (False, True):
                cpu = run(fork, visits, Path(tmp))
                with open("/proc/loadavg") as f:
                    load = f.read().split()[:3]
                print(f"round {r} fork={fork}: refills {[round(c, 2) for c in cpu]} "
                      f"mean {sum(cpu) / max(1, len(cpu)):.3f} CPU-s; load {' '.join(load)}",
                      flush=True)


if __name__ == "__main__":
    main()
