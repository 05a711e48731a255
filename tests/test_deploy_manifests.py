"""deploy/: the Kubernetes objects validated (core objects with kubernetes-validate, Gateway API
objects against the v1.6.1 CRD schemas in ../shared), and what the Containerfile and the
systemd unit must say (issue 16)."""

from __future__ import annotations

import copy
import functools
import os
import re
import shlex
import subprocess
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
import yaml

from infoshare_widgets.app.proxy import networks

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
KUBERNETES = DEPLOY / "kubernetes"
GATEWAY_CRDS = ROOT.parent / "shared" / "vendor" / "gateway-api-v1.6.1"
KUBERNETES_VERSION = "1.37.0"  # the newest schema kubernetes-validate 1.37.0 carries

# Measured (docs/deploy.md): the server process, a preheated kernel, an open page's kernel.
SERVER_MB, POOL_KERNEL_MB, PAGE_MB = 113, 71, 73
SHIPPED_POOL_KERNELS = 7


def documents(name: str) -> list[dict]:
    with (KUBERNETES / name).open(encoding="utf-8") as handle:
        return [doc for doc in yaml.safe_load_all(handle) if doc]


def env_of(container: dict) -> dict[str, str]:
    return {item["name"]: item["value"] for item in container["env"]}


def mebibytes(quantity: str) -> int:
    number, unit = re.fullmatch(r"(\d+)(Mi|Gi)", quantity).groups()  # type: ignore[union-attr]
    return int(number) * (1024 if unit == "Gi" else 1)


@pytest.mark.parametrize("name", ["deployment.yaml", "service.yaml", "networkpolicy.yaml"])
def test_core_objects_are_valid_kubernetes(name: str) -> None:
    for doc in documents(name):
        kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_a_wrong_core_object_is_refused() -> None:
    broken = copy.deepcopy(documents("deployment.yaml")[0])
    broken["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["port"] = []
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


def test_the_deployment_probes_drains_runs_unprivileged_and_is_sized() -> None:
    deployment = documents("deployment.yaml")[0]
    pod = deployment["spec"]["template"]["spec"]
    container = pod["containers"][0]
    env = env_of(container)
    base = env["INFOSHARE_BASE_URL"]
    assert container["readinessProbe"]["httpGet"]["path"] == f"{base}healthz"
    assert container["livenessProbe"]["httpGet"]["path"] == f"{base}healthz?live"
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] != 0
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    assert pod["terminationGracePeriodSeconds"] >= float(env["INFOSHARE_DRAIN_SECONDS"]) + 20
    # Memory from the measured figures: the server, the pools, and a page for every kernel the
    # limit allows; the request holds a room of 30.
    max_kernels = int(env["INFOSHARE_MAX_KERNELS"])
    full = SERVER_MB + max_kernels * PAGE_MB
    room = SERVER_MB + SHIPPED_POOL_KERNELS * POOL_KERNEL_MB + 30 * PAGE_MB
    assert mebibytes(container["resources"]["requests"]["memory"]) >= room
    assert mebibytes(container["resources"]["limits"]["memory"]) >= full
    # Issue 27: one address holds well under a pod's visitors' pages (at most a half: a few
    # addresses cannot hold a pod), and a room of 30 behind one address fits over the replicas.
    per_client = int(env["INFOSHARE_MAX_PAGES_PER_CLIENT"])
    assert per_client <= (max_kernels - SHIPPED_POOL_KERNELS) / 2
    assert per_client * deployment["spec"]["replicas"] >= 30


def test_the_deployment_keeps_rooms_and_trusts_only_its_proxy() -> None:
    """The probe: rooms failed under readOnlyRootFilesystem (no data folder, no database), and
    X-Forwarded-For was believed from all of 10.0.0.0/8 while listening on every address."""
    pod = documents("deployment.yaml")[0]["spec"]["template"]["spec"]
    container = pod["containers"][0]
    env = env_of(container)
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert "emptyDir" in volumes[mounts[env["INFOSHARE_DATA_DIR"]]]
    secret_folder, _, file_name = env["INFOSHARE_ROOMS_URL_FILE"].rpartition("/")
    secret = volumes[mounts[secret_folder]]["secret"]
    assert [item["path"] for item in secret["items"]] == [file_name]
    assert "INFOSHARE_ROOMS_URL" not in env  # the address, password and all: a file only
    trusted = networks(env["INFOSHARE_TRUSTED_PROXIES"].split(","))
    assert env["INFOSHARE_IP"] == "0.0.0.0" and all(n.num_addresses <= 256 for n in trusted)
    policy = documents("networkpolicy.yaml")[0]
    assert policy["spec"]["podSelector"]["matchLabels"] == \
        documents("deployment.yaml")[0]["spec"]["selector"]["matchLabels"]
    assert policy["spec"]["policyTypes"] == ["Ingress"]
    assert all(rule.get("from") for rule in policy["spec"]["ingress"])  # never "from anywhere"


def gateway_schema(kind: str) -> dict:
    if not GATEWAY_CRDS.is_dir():
        pytest.skip(f"the Gateway API CRDs are not at {GATEWAY_CRDS} (../shared is absent): "
                    "the Gateway and HTTPRoute objects are not validated")
    return _crd_schema({"Gateway": "gateways", "HTTPRoute": "httproutes"}[kind])


@functools.cache
def _crd_schema(name: str) -> dict:
    """The CRD's v1 schema, read once (the HTTPRoute CRD is 530 KB of YAML)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = (GATEWAY_CRDS / f"gateway.networking.k8s.io_{name}.yaml").read_text(encoding="utf-8")
    crd = yaml.load(text, Loader=loader)  # noqa: S506 (a safe loader)
    version = next(v for v in crd["spec"]["versions"] if v["name"] == "v1")
    return version["schema"]["openAPIV3Schema"]


def validate_gateway_object(doc: dict) -> None:
    assert doc["apiVersion"] == "gateway.networking.k8s.io/v1"
    jsonschema.Draft7Validator(gateway_schema(doc["kind"])).validate(doc)


@pytest.mark.parametrize("name", ["gateway.yaml", "httproute.yaml"])
def test_gateway_objects_match_the_v1_6_1_schemas(name: str) -> None:
    for doc in documents(name):
        validate_gateway_object(doc)


def test_the_route_keeps_a_learner_on_their_pod_and_a_wrong_route_is_refused() -> None:
    route = documents("httproute.yaml")[0]
    rule = route["spec"]["rules"][0]
    persistence = rule["sessionPersistence"]
    assert persistence["type"] == "Cookie"
    # The CRD's CEL rule (not checked by jsonschema): a permanent cookie needs a timeout.
    if persistence.get("cookieConfig", {}).get("lifetimeType") == "Permanent":
        assert "absoluteTimeout" in persistence
    assert rule["matches"][0]["path"]["value"] == "/infoshare/"
    broken = copy.deepcopy(route)
    broken["spec"]["rules"][0]["sessionPersistence"]["type"] = "Sticky"
    with pytest.raises(jsonschema.ValidationError):
        validate_gateway_object(broken)


def containerfile_steps() -> list[str]:
    text = (DEPLOY / "Containerfile").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_the_containerfile_is_make_install_and_a_non_root_user() -> None:
    steps = containerfile_steps()
    assert any(re.match(r"RUN (\S+=\S+ )*make install ", line) for line in steps)
    user = next(line.split()[1] for line in steps if line.startswith("USER "))
    assert user.split(":")[0] not in ("0", "root")
    assert "infoshare" in next(line for line in steps if line.startswith("CMD"))


def make_dry_run(*args: str) -> list[str]:
    """What `make ARGS` would run from nothing (-B: as if no stamp were there), run by none."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS"))}
    out = subprocess.run(["make", "-n", "-B", "--no-print-directory", *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True).stdout
    return out.splitlines()


def pip_installs(commands: list[str]) -> list[list[str]]:
    """The arguments of each `pip install` in a dry run's commands."""
    installs = []
    for command in commands:
        words = shlex.split(command) if "pip install" in command else []
        if words:
            installs.append(words[words.index("install") + 1:])
    return installs


def assert_runtime_lock_only(commands: list[str]) -> None:
    """The runtime lock (and the locked build backend) with hashes, then the app alone (--no-deps,
    built by that backend): nothing else is installed."""
    installs = pip_installs(commands)
    assert installs, commands
    assert [words for words in installs if "--require-hashes" in words] == [
        ["--quiet", "--require-hashes", "-r", "requirements/build.txt",
         "-r", "requirements/runtime.txt"]]
    others = [words for words in installs if "--require-hashes" not in words]
    assert others and all({"--no-deps", "--no-build-isolation"} <= set(words) and words[-1] == "."
                          for words in others), others
    dry_run = "\n".join(commands)
    for other_set in ("requirements/test.txt", "requirements/lab.txt", "[test", "[lab", "[bench"):
        assert other_set not in dry_run


def test_the_image_installs_the_runtime_lock_only() -> None:
    """The Containerfile's `make install`, dry: the runtime set from the lock, no test tools."""
    run = next(line for line in containerfile_steps() if " make install " in line)
    make_args = shlex.split(run.split("&&")[0])[1:]
    make_args = make_args[make_args.index("make") + 1:]
    assert make_args[0] == "install"
    assert_runtime_lock_only(make_dry_run(*make_args))
    steps = "\n".join(containerfile_steps())
    for test_tool in ("test.txt", "lab.txt", "make test", "pytest", "playwright", "jupyterlab"):
        assert test_tool not in steps


def test_make_serve_installs_the_runtime_lock_only() -> None:
    commands = make_dry_run("serve")
    assert_runtime_lock_only(commands)
    assert commands[-1].startswith(".venv/bin/infoshare serve")


def test_make_test_adds_the_test_lock() -> None:
    installs = pip_installs(make_dry_run("test"))
    assert ["--quiet", "--require-hashes", "-r", "requirements/test.txt"] in installs


def test_the_image_context_leaves_out_a_local_venv() -> None:
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert ".venv/" in ignored and ".tools/" in ignored


def test_the_systemd_unit_drains_before_it_is_killed() -> None:
    lines = (DEPLOY / "systemd" / "infoshare.service").read_text(encoding="utf-8").splitlines()
    settings: dict[str, list[str]] = {}
    for line in lines:
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            settings.setdefault(key.strip(), []).append(value.strip())
    env = dict(item.split("=", 1) for item in settings["Environment"])
    assert settings["User"] != ["root"]
    assert settings["ExecStart"][0].endswith("infoshare serve --no-browser")
    assert settings["KillSignal"] == ["SIGTERM"]
    assert float(settings["TimeoutStopSec"][0]) >= float(env["INFOSHARE_DRAIN_SECONDS"]) + 20
    assert env["INFOSHARE_IP"] == "127.0.0.1"  # behind nginx on the same machine


def test_the_unit_and_the_image_give_rooms_a_writable_folder() -> None:
    """The probe: every room call failed under ProtectSystem=strict and in the image (SQLite in
    ./data, read-only)."""
    lines = (DEPLOY / "systemd" / "infoshare.service").read_text(encoding="utf-8").splitlines()
    settings = [line.split("=", 1) for line in lines if "=" in line and line[0] not in "#["]
    unit = {key: value for key, value in settings if key != "Environment"}
    env = dict(value.split("=", 1) for key, value in settings if key == "Environment")
    assert unit["ProtectSystem"] == "strict"
    assert env["INFOSHARE_DATA_DIR"] == f"/var/lib/{unit['StateDirectory']}"
    assert "INFOSHARE_ROOMS_URL" not in env  # PostgreSQL's address: a credential file only
    steps = containerfile_steps()
    image_env = " ".join(line for line in steps if line.startswith(("ENV", "    ")))
    assert "INFOSHARE_DATA_DIR=/data" in image_env
    assert "VOLUME /data" in steps and "install -d -o 10001 -g 10001 -m 0700 /data" in \
        " ".join(steps)


NGINX_SITES = ("infoshare-single.conf", "infoshare-servers.conf")


@pytest.mark.parametrize("name", NGINX_SITES)
def test_nginx_logs_no_visitor_and_nothing_of_the_room(name: str) -> None:
    """Review of issue 24, item 9: nginx's default access log ("combined") holds each device's
    address and user agent. The site files log in a format without them, in every server
    block, and the room's pages and calls get no access line at all."""
    text = (DEPLOY / "nginx" / name).read_text(encoding="utf-8")
    formats = re.findall(r"log_format\s+(\w+)\s+((?:'[^']*'\s*)+);", text)
    assert [f[0] for f in formats] == ["infoshare_no_address"]
    for variable in ("$remote_addr", "$binary_remote_addr", "$http_user_agent", "$http_referer",
                     "$request_uri", "$args", "$request ", "$http_x_forwarded_for"):
        assert variable not in formats[0][1] + " ", variable
    servers = text.split("\nserver {")[1:]
    assert len(servers) == 2
    for server in servers:
        assert "access_log /var/log/nginx/infoshare-access.log infoshare_no_address;" in server
    room = re.search(r"location \^~ /infoshare/room \{([^}]*)\}", text)
    assert room is not None and "access_log off;" in room.group(1)
