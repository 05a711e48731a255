"""The browser tests' Chromium switches keep what Playwright sets (tests/conftest.py).

Chromium keeps only the last ``--disable-features`` it is given, and ours comes after
Playwright's, so ours must repeat every feature the installed Playwright disables. Its list is read
from the driver's bundle (``chromiumSwitches.ts`` compiled into ``coreBundle.js``).
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import playwright

# tests/conftest.py by its path: under xdist, `from conftest import` finds whichever folder's
# conftest was imported last (tests/room_store/conftest.py in `make test-fast`).
_spec = importlib.util.spec_from_file_location("infoshare_tests_conftest",
                                               Path(__file__).parent / "conftest.py")
_root = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_root)
CHROMIUM_ARGS = _root.CHROMIUM_ARGS
PLAYWRIGHT_DISABLED_FEATURES = _root.PLAYWRIGHT_DISABLED_FEATURES
UNUSED_BROWSER_UI = _root.UNUSED_BROWSER_UI

BUNDLE = Path(playwright.__file__).parent / "driver" / "package" / "lib" / "coreBundle.js"


def playwright_disabled_features() -> set[str]:
    source = BUNDLE.read_text(encoding="utf-8")
    block = re.search(r"disabledFeatures = \[(.*?)\]\.filter\(Boolean\)", source, re.S)
    assert block, (f"Playwright's list of disabled features was not found in {BUNDLE}: its "
                   "shape changed; read chromiumSwitches.ts and update this test and conftest.py")
    code = re.sub(r"//[^\n]*", "", block.group(1))
    return set(re.findall(r'"([A-Za-z0-9]+)"', code))


def test_our_disable_features_switch_keeps_every_feature_playwright_disables() -> None:
    theirs = playwright_disabled_features()
    assert len(theirs) >= 5, theirs
    assert theirs <= set(PLAYWRIGHT_DISABLED_FEATURES), (
        f"Playwright now also disables {sorted(theirs - set(PLAYWRIGHT_DISABLED_FEATURES))}: add "
        "them to PLAYWRIGHT_DISABLED_FEATURES in tests/conftest.py")
    switches = [arg for arg in CHROMIUM_ARGS if arg.startswith("--disable-features=")]
    assert len(switches) == 1, switches
    assert set(switches[0].split("=", 1)[1].split(",")) == (
        set(PLAYWRIGHT_DISABLED_FEATURES) | set(UNUSED_BROWSER_UI))
