"""How the browser tests start Debian's Chromium (tests/conftest.py's ``browser``)."""

from __future__ import annotations

# The features Playwright (1.65, chromiumSwitches.ts) disables. Chromium keeps only the last
# --disable-features it is given, so ours repeats these before adding its own; a fast test
# (tests/test_chromium_args.py) fails when the installed Playwright's list is no longer in it.
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding",
    "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin", "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled",
    "PreconnectToSearch", "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion",
)
# Headless Chromium 156 opens the address bar's two pop-ups (chrome://omnibox-popup.top-chrome,
# WebUI pages in a renderer of their own) for every new context, though a test never types in an
# address bar: about 0.6 of the 3 CPU-s a page load costs here, on every test that opens a page.
UNUSED_BROWSER_UI = ("WebUIOmniboxPopup", "WebUIOmniboxFullPopup", "WebUIOmniboxAimPopup")

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + UNUSED_BROWSER_UI),
]
