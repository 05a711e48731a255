"""What a learner types never leaves their browser (issue 11).

A marker is typed into every free-text box of every page; it must never appear in a websocket
frame (text or binary, either way), an HTTP request body, the kernel's widget state (read straight
from the kernel over its own connection file, not through the page) or the browser's storage.
On the Tips page, before the marker is typed, the browser is shown to make the decision record
the model describes (one load of the page for both).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from _app_support import kernel_id_of, wait_settled
from _shipped import shipped_content
from jupyter_client import BlockingKernelClient

from infoshare_widgets.content.templates import fill

CONTENT = shipped_content()
MARKER = "zq-private-7731"
TEXT_BOXES = "textarea:visible, input[type=text]:visible, input:not([type]):visible"

STATE_CODE = f"""
import json, ipywidgets
_found = [w.model_id for w in list(ipywidgets.Widget.widgets.values())
          if {MARKER!r} in json.dumps(w.get_state(), default=str)]
print("FOUND=" + json.dumps(_found))
"""


def connection_file(kernel_id: str) -> Path:
    """The kernel's connection file, from its process's command line (`-f <file>`)."""
    name = re.compile(rf"[^\s\0]*kernel-{kernel_id}\.json".encode())
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            found = name.search(cmdline.read_bytes())  # forked kernels: one string (setproctitle)
        except OSError:
            continue
        if found:
            return Path(found.group().decode())
    raise AssertionError(f"no kernel process with {name}")


def kernel_widgets_holding(kernel_id: str, marker_code: str = STATE_CODE) -> list[str]:
    """The ids of the kernel's widgets whose state holds the marker (read from the kernel)."""
    path = connection_file(kernel_id)
    client = BlockingKernelClient(connection_file=str(path))
    client.load_connection_file()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=30)
        out: list[str] = []
        client.execute_interactive(
            marker_code, timeout=30,
            output_hook=lambda msg: out.append(msg["content"].get("text", ""))
            if msg["msg_type"] == "stream" else None)
        found = [line for line in "".join(out).splitlines() if line.startswith("FOUND=")]
        assert found, f"the kernel did not answer: {out!r}"
        return json.loads(found[-1][len("FOUND="):])
    finally:
        client.stop_channels()


def sections_with_text_boxes() -> list[str]:
    return ["case-studies", "tips", "start"]


def check_the_record_is_the_models(page: object) -> None:
    """The browser makes the decision record the model describes: typed answers (markup, spaces
    and Windows line ends among them) give the model's preview text and the model's file."""
    from datetime import date

    from infoshare_widgets.decision_record.model import DecisionRecord
    from infoshare_widgets.decision_record.view import record_wording

    file = CONTENT.decision_record
    bases = [b.name for b in CONTENT.lawful_bases.bases] if CONTENT.lawful_bases else None
    record = DecisionRecord.from_file(file, record_wording(CONTENT), bases)
    form = page.locator(".is-record-form")  # type: ignore[attr-defined]
    typed = {}
    for n, item in enumerate(record.items):
        if item.ask_if and typed.get(item.ask_if[0]) != item.ask_if[1]:
            continue  # hidden until its answer is given (the Article 9 condition)
        if item.kind == "text" and n % 2 == 0:
            typed[item.id] = f"  line one <b>{n}</b>\r\nline two  "
            form.locator(".is-record-question").nth(n).locator("textarea").fill(typed[item.id])
        elif item.kind == "choice" and item.choices:
            typed[item.id] = item.choices[-1]
            form.locator(".is-record-question").nth(n).locator("label").last.click()
    record.update(typed)
    day = date.today()  # the kernel sets the day the page opened
    shown = form.locator(".is-record-preview-text").inner_text()
    assert shown.rstrip("\n") == record.as_text(day).rstrip("\n")
    with page.expect_download() as info:  # type: ignore[attr-defined]
        form.locator(".is-record-download").click()
    path = info.value.path()
    assert Path(path).read_text(encoding="utf-8") == record.as_text(day)
    assert info.value.suggested_filename == record.filename(day)
    assert record.as_text(day).startswith(CONTENT.text("decision_record", "exercise_line") + "\n")
    # The page says what was saved (a polite live region).
    said = fill(CONTENT.text("decision_record", "saved"), filename=record.filename(day))
    form.get_by_role("status").filter(has_text=said).wait_for()


@pytest.mark.parametrize("section_id", sections_with_text_boxes())
def test_typed_text_stays_in_the_page(app_server, context, section_id: str) -> None:
    frames: list[str | bytes] = []
    bodies: list[bytes] = []
    context.on("request", lambda r: bodies.append(r.post_data_buffer or b""))
    page = context.new_page()
    page.on("websocket", lambda ws: (ws.on("framesent", lambda f: frames.append(f)),
                                     ws.on("framereceived", lambda f: frames.append(f))))
    page.goto(app_server.section_url(section_id))
    wait_settled(page)
    if section_id == "start":  # the completion record's name box is shown on request
        page.locator(".is-progress-record-show").click()
    if section_id == "tips":  # the same page makes the record the model describes, first
        check_the_record_is_the_models(page)
    boxes = page.locator(TEXT_BOXES)
    count = boxes.count()
    assert count >= (1 if section_id == "start" else 2), f"{section_id}: {count} text boxes"
    for i in range(count):
        boxes.nth(i).fill(f"{MARKER} box {i} <b>x</b>")
        boxes.nth(i).press_sequentially(" more")
    # Work the page as a learner would after typing: reveal, download, print preview, etc.
    for button in page.locator("button:visible").all()[:30]:
        if re.search(r"clear|print|record-show", button.get_attribute("class") or ""):
            continue
        button.click()
    page.wait_for_timeout(1500)  # let anything that would be sent, be sent
    typed = [boxes.nth(i).input_value() for i in range(count)]
    assert all(MARKER in t for t in typed)  # the text is still there, in the page

    leaked = [f for f in frames if MARKER.encode() in (f if isinstance(f, bytes) else f.encode())]
    assert not leaked, f"{section_id}: the marker went over the websocket in {len(leaked)} frames"
    assert not [b for b in bodies if MARKER.encode() in b], "the marker was in a request body"
    storage = page.evaluate("""() => JSON.stringify([Object.entries(localStorage),
        Object.entries(sessionStorage), document.cookie])""")
    assert MARKER not in storage, "the marker is in the browser's storage"
    assert kernel_widgets_holding(kernel_id_of(page)) == [], "the marker is in the kernel"
    page.close()
