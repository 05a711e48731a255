"""The Voila command line, the template and `infoshare serve`, without starting a server."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from infoshare_widgets import cli
from infoshare_widgets.app import page_info, serve
from infoshare_widgets.app.serve import ServerSettings, kernel_environment, voila_command
from infoshare_widgets.content import default_content_dir, load_content

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
TEMPLATE = serve.TEMPLATE_ROOT / "voila" / "templates" / serve.TEMPLATE_NAME


def flags(settings: ServerSettings | None = None) -> list[str]:
    command, _ = voila_command(settings or ServerSettings(), base_env={})
    return command


def test_the_command_keeps_every_safety_setting() -> None:
    command = flags()
    for flag in (
        "--strip_sources=True",
        "--show_tracebacks=False",
        "--VoilaExporter.sanitize_html=True",
        "--VoilaConfiguration.allow_template_override=NO",
        "--VoilaConfiguration.allow_theme_override=NO",
        f"--template={serve.TEMPLATE_NAME}",
        "--Voila.ip=127.0.0.1",
        "--preheat_kernel=True",
        "--MappingKernelManager.cull_connected=False",
        "--VoilaConfiguration.multi_kernel_manager_class="
        "infoshare_widgets.app.kernels.InfoshareKernelManager",
    ):
        assert flag in command
    assert command[1:3] == ["-m", "infoshare_widgets.app.voila_app"]
    assert not any("execute_request" in f or "allowed_message_types" in f for f in command)


def test_the_cell_that_waits_for_the_visit_has_no_timeout_and_the_others_do() -> None:
    from infoshare_widgets.app.voila_app import CellTimeout

    assert not any("VoilaExecutor.timeout=" in flag for flag in flags())  # no blanket timeout
    assert "--InfoshareVoila.cell_timeout=60" in flags()
    timeout = CellTimeout(60)
    for path in NOTEBOOKS.glob("*.ipynb"):
        code = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
        waits = [c for c in code if timeout(c) is None]
        assert len(waits) == 1 and waits[0] is code[0], path.name  # the first cell waits
        assert all(timeout(c) == 60 for c in code[1:])
        assert all("open_page(" not in c.source for c in code[1:])
    assert CellTimeout(0)(nbformat.v4.new_code_cell("1")) is None


def test_the_limits_are_on_the_command_line_and_sized_from_memory_by_default() -> None:
    from infoshare_widgets.app.kernel_capacity import default_max_kernels

    command = flags(ServerSettings(max_kernels=9, max_pages_per_client=3, kernel_memory_mb=512,
                                   liveness_timeout=40, connect_timeout=7.5,
                                   allowed_hosts=("training.example",)))
    for flag in ("--InfoshareVoila.max_kernels=9", "--InfoshareVoila.max_pages_per_client=3",
                 "--LimitedKernelManager.memory_limit_mb=512",
                 "--InfoshareKernelManager.liveness_timeout=40",
                 "--InfoshareKernelManager.connect_timeout=7.5",
                 "--InfoshareVoila.max_message_kb=256", "--KernelManager.autorestart=False",
                 "--InfoshareVoila.message_rate=20", "--InfoshareVoila.message_burst=200",
                 "--InfoshareVoila.allowed_hosts=training.example"):
        assert flag in command
    _, env = voila_command(ServerSettings(), base_env={})
    assert env["JUPYTER_WIDGETS_ECHO"] == "0"
    default = ServerSettings()
    assert default.kernel_limit() == default_max_kernels(default.total_pool(), 1024)
    assert default_max_kernels(7, memory_mb=8192) == 40          # half of 8 GB at 100 MB each
    assert default_max_kernels(7, memory_mb=512) == 11           # never below the pools + 4
    assert default_max_kernels(7, memory_mb=10**7) == 500


def test_infoshare_serve_warns_when_run_as_root(monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setattr(subprocess, "Popen", lambda command, env: type(
        "P", (), {"wait": lambda self, timeout=None: 0})())
    monkeypatch.setattr(serve, "running_as_root", lambda: True)
    assert cli.main(["serve", "--no-browser", "--max-kernels", "5", "--allow-host", "a.b"]) == 0
    assert "running as root" in capsys.readouterr().err
    monkeypatch.setattr(serve, "running_as_root", lambda: False)
    assert cli.main(["serve", "--no-browser"]) == 0
    assert "root" not in capsys.readouterr().err


def test_pools_and_culling_follow_the_settings() -> None:
    command = flags(ServerSettings(port=9999, default_pool_size=1, pool_sizes={"00-start.ipynb": 3},
                                   cull_idle_timeout=7, cull_interval=2))
    assert "--port=9999" in command
    assert "--InfoshareVoila.pool_sizes=default=1" in command
    assert "--InfoshareVoila.pool_sizes=00-start.ipynb=3" in command
    assert "--MappingKernelManager.cull_idle_timeout=7" in command
    assert "--MappingKernelManager.cull_interval=2" in command


def test_the_shipped_defaults_preheat_start_more_and_cull_within_minutes() -> None:
    settings = ServerSettings()
    assert settings.pool_sizes["00-start.ipynb"] > settings.default_pool_size >= 1
    assert 0 < settings.cull_idle_timeout <= 600 and 0 < settings.cull_interval <= 60
    assert settings.port == 8866 and settings.ip == "127.0.0.1"


def test_kernels_get_no_secret_from_the_shell(tmp_path: Path) -> None:
    env = kernel_environment(
        {"PATH": "/bin", "HOME": "/home/x", "LC_ALL": "C.UTF-8", "AWS_SECRET_ACCESS_KEY": "s",
         "GITHUB_TOKEN": "t", "DATABASE_URL": "postgres://u:p@h/db", "JUPYTER_PATH": "/extra"},
        ServerSettings(content=tmp_path))
    assert env["PATH"] == "/bin" and env["LC_ALL"] == "C.UTF-8"
    assert not {"AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN", "DATABASE_URL"} & set(env)
    assert env["INFOSHARE_CONTENT"] == str(tmp_path.resolve())
    assert env["JUPYTER_PATH"].split(":") == [str(serve.TEMPLATE_ROOT), "/extra"]


def test_kernels_read_the_servers_published_items_wherever_they_run(tmp_path: Path) -> None:
    settings = ServerSettings(content=tmp_path)
    env = kernel_environment({"INFOSHARE_DATA_DIR": "data-here"}, settings)
    assert env["INFOSHARE_OVERLAY"] == str((Path("data-here") / "published").resolve())
    assert kernel_environment({"INFOSHARE_OVERLAY": "off"}, settings)["INFOSHARE_OVERLAY"] == "off"


def test_the_template_is_where_voila_will_look_and_extends_lab() -> None:
    assert (TEMPLATE / "index.html.j2").is_file()
    assert '"base_template": "lab"' in (TEMPLATE / "conf.json").read_text()
    for name in ("page.html", "error.html", "404.html", "tree.html", "tree-lab.html"):
        assert (TEMPLATE / name).is_file(), name


def test_the_template_loads_nothing_from_another_origin() -> None:
    # the built front end (static/) names addresses only in licences and error messages
    css = (TEMPLATE / "static" / "page.css").read_text(encoding="utf-8")
    assert not re.search(r"(url\(|@import)\s*['\"]?(https?:)?//", css)
    for path in TEMPLATE.iterdir():
        if path.is_dir():
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(src|href)=\"(https?:)?//", text), path.name
        assert "http://" not in text and "https://" not in text, path.name


def test_the_template_includes_the_one_theme_and_a_print_stylesheet() -> None:
    index = (TEMPLATE / "index.html.j2").read_text(encoding="utf-8")
    assert '{% include "theme.css" %}' in index and '{% include "app.css" %}' in index
    css = (TEMPLATE / "app.css").read_text(encoding="utf-8")
    assert "@media print" in css and "max-width: 480px" in css
    assert "var(--is-font-size" in css and "var(--is-measure" in css
    assert "{#" not in css  # Jinja would read it as a comment


def test_page_titles_name_the_section_not_the_file() -> None:
    content = load_content(default_content_dir())
    for section in content.sections:
        info = page_info.page_info(section.notebook)
        assert info["title"] == section.title
        assert info["full_title"].startswith(section.title)
        assert section.notebook not in info["full_title"]
        assert info["home_url"] == f"{content.sections[0].notebook}.ipynb"


def test_page_information_never_fails(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("INFOSHARE_CONTENT", str(tmp_path / "missing"))
    info = page_info.page_info("02-children")
    assert info["title"] == "02-children" and info["home_url"] == "00-start.ipynb"


def test_infoshare_serve_runs_the_one_command(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[tuple[list[str], dict[str, str]]] = []

    class FakeProcess:
        def __init__(self, command: list[str], env: dict[str, str]) -> None:
            started.append((command, env))

        def wait(self, timeout: float | None = None) -> int:
            return 0

    monkeypatch.setattr(subprocess, "Popen", FakeProcess)
    assert cli.main(["serve", "--port", "9123", "--no-browser"]) == 0
    command, env = started[0]
    expected, _ = voila_command(ServerSettings(port=9123, open_browser=False))
    assert command == expected
    assert env["INFOSHARE_CONTENT"] == str(default_content_dir())


def test_infoshare_serve_content_folder_and_a_missing_one(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    started: list[dict[str, str]] = []
    monkeypatch.setattr(subprocess, "Popen", lambda command, env: started.append(env) or
                        type("P", (), {"wait": lambda self, timeout=None: 0})())
    assert cli.main(["serve", "--content", str(tmp_path), "--no-browser"]) == 0
    assert started[0]["INFOSHARE_CONTENT"] == str(tmp_path.resolve())
    assert cli.main(["serve", "--content", str(tmp_path / "nope"), "--no-browser"]) == 2
    assert "content folder not found" in capsys.readouterr().err
    assert len(started) == 1


def test_the_server_module_runs_as_a_program() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "infoshare_widgets.app.voila_app", "--help-all"],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    for option in ("--InfoshareVoila.pool_sizes", "--InfoshareVoila.max_kernels",
                   "--InfoshareVoila.allowed_hosts"):
        assert option in result.stdout
