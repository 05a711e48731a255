"""The footer's "published since sign-off" marker: each published item's time against when the
review pack that was signed off was made (`signed_off.pack_made`), never against the sign-off's
day. DPO review: the old rule compared UTC days with the sign-off's date, so an item published
between making the pack and signing, or at 00:30 BST on the sign-off day, counted as read; the
history's time hid a later edit of the file; and published case studies, which the pack never
shows, counted as read once older than the sign-off."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from pathlib import Path

import yaml
from _publish_support import CASE, quiz_text

from infoshare_widgets.content.loader import load_content
from infoshare_widgets.content.review import footer_text
from infoshare_widgets.content.review_html import review_html, review_words
from infoshare_widgets.content.review_pack import review_pack

SIGNED = "T signed off: 2026.12 DSL {day}"
MARKED = "T published since sign-off: 2026.12 2026.12 DSL {day}"


def _sign(site: Path, day: str, made: str | None) -> None:
    line = f"  pack_made: {made}\n" if made else ""
    (site / "about.yaml").write_text(
        'version: "2026.12"\nreviewed: 2026-12-06\nsigned_off:\n  role: DSL\n'
        f'  date: {day}\n  content_version: "2026.12"\n{line}', encoding="utf-8")


def _publish(overlay: Path, kind: str, item_id: str, text: str, at: str | None,
             file_at: str | None = None) -> None:
    """The item's file (its time ``file_at``, else ``at``) and a history version saying ``at``
    (as `publishing.versions` writes it)."""
    path = overlay / kind / f"{item_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    stamp = datetime.fromisoformat(file_at or at or "2026-01-01T00:00:00+00:00").timestamp()
    os.utime(path, (stamp, stamp))
    if at is not None:
        folder = overlay / ".history" / kind / item_id
        folder.mkdir(parents=True, exist_ok=True)
        number = len(list(folder.glob("*.json"))) + 1
        (folder / f"{number:06d}.json").write_text(json.dumps({"number": number, "at": at}),
                                                   encoding="utf-8")


def _footer(site: Path, overlay: Path) -> str:
    content = load_content(site, overlay)
    assert not content.problems, content.problems
    return footer_text(content)


def _quiz(overlay: Path, at: str | None, file_at: str | None = None) -> None:
    _publish(overlay, "quizzes", "local-quiz", quiz_text(id="local-quiz", title="Ours"), at,
             file_at)


def test_published_before_the_pack_was_made_is_read_and_after_it_is_not(site, tmp_path):
    """Pack made at 10:00 on the 7th, signed on the 8th: a publish at 09:00 on the 7th was in
    the pack; one at 12:00 on the 7th was not (the old rule counted it as read, being before
    the signing day)."""
    overlay = tmp_path / "published"
    _sign(site, "2026-12-08", "2026-12-07T10:00:00+00:00")
    assert _footer(site, overlay) == SIGNED.format(day="8 December 2026")
    _quiz(overlay, "2026-12-07T09:00:00+00:00")
    assert _footer(site, overlay) == SIGNED.format(day="8 December 2026")
    _quiz(overlay, "2026-12-07T12:00:00+00:00")  # after the pack was made: not read
    content = load_content(site, overlay)
    said = MARKED.format(day="8 December 2026")
    assert footer_text(content) == said and review_pack(content).footer == said


def test_a_publish_just_after_midnight_uk_time_is_after_a_pack_made_just_before_it(
        site, tmp_path):
    """00:30 BST on 15 June is 23:30 UTC on the 14th: the old rule's UTC day put it before a
    sign-off dated the 15th; against the pack made at 00:15 BST it is after."""
    overlay = tmp_path / "published"
    _sign(site, "2026-06-15", "2026-06-15T00:15:00+01:00")
    _quiz(overlay, "2026-06-15T00:30:00+01:00")
    assert _footer(site, overlay) == MARKED.format(day="15 June 2026")
    _sign(site, "2026-06-15", "2026-06-15T00:45:00+01:00")  # a pack made after it: read
    assert _footer(site, overlay) == SIGNED.format(day="15 June 2026")


def test_a_file_edited_after_its_last_publish_counts_from_the_edit(site, tmp_path):
    overlay = tmp_path / "published"
    _sign(site, "2026-12-08", "2026-12-07T10:00:00+00:00")
    _quiz(overlay, "2026-12-01T09:00:00+00:00", file_at="2026-12-07T11:00:00+00:00")
    assert _footer(site, overlay) == MARKED.format(day="8 December 2026")


def test_an_item_without_history_is_dated_by_its_file(site, tmp_path):
    """An overlay copied in by hand has no history: the file's own time dates it."""
    overlay = tmp_path / "published"
    _sign(site, "2026-12-08", "2026-12-07T10:00:00+00:00")
    _quiz(overlay, None, file_at="2026-12-01T12:00:00+00:00")
    assert _footer(site, overlay) == SIGNED.format(day="8 December 2026")
    _quiz(overlay, None, file_at="2026-12-07T10:00:01+00:00")
    assert _footer(site, overlay) == MARKED.format(day="8 December 2026")


def test_a_history_time_without_a_zone_counts_as_after(site, tmp_path):
    overlay = tmp_path / "published"
    _sign(site, "2026-12-08", "2026-12-07T10:00:00+00:00")
    _quiz(overlay, "2026-12-01T09:00:00", file_at="2026-12-01T09:00:00+00:00")
    assert _footer(site, overlay) == MARKED.format(day="8 December 2026")


def test_a_published_case_study_is_never_in_the_pack_so_keeps_the_marker(site, tmp_path):
    overlay = tmp_path / "published"
    _sign(site, "2026-12-08", "2026-12-07T10:00:00+00:00")
    case_id = yaml.safe_load(CASE)["id"]
    _publish(overlay, "case_studies", case_id, CASE, "2026-11-01T09:00:00+00:00")
    assert _footer(site, overlay) == MARKED.format(day="8 December 2026")


def test_an_older_sign_off_without_pack_made_is_marked_while_anything_is_published(
        site, tmp_path):
    overlay = tmp_path / "published"
    _sign(site, "2026-12-08", None)
    assert _footer(site, overlay) == SIGNED.format(day="8 December 2026")
    _quiz(overlay, "2026-11-01T09:00:00+00:00")  # long before the sign-off's day
    assert _footer(site, overlay) == MARKED.format(day="8 December 2026")


def test_the_pack_prints_when_it_was_made_and_that_line_records_it(site, tmp_path):
    """The sign-off lines the pack prints, written into about.yaml as they are, give the
    pack's made-at time; a time with no zone is refused."""
    made = datetime(2026, 12, 7, 10, 0, 5, 123, tzinfo=UTC)
    content = load_content(site)
    html = review_html(review_pack(content, made), review_words(content), date(2026, 12, 7))
    assert "2026-12-07T10:00:05+00:00" in html.split("<nav", 1)[0]  # at the top
    form = html.split("<pre>", 1)[1].split("</pre>", 1)[0]
    assert "  pack_made: 2026-12-07T10:00:05+00:00" in form.splitlines()
    _sign(site, "2026-12-08", "2026-12-07T10:00:05+00:00")
    assert load_content(site).about.signed_off.pack_made == made.replace(microsecond=0)
    _sign(site, "2026-12-08", "2026-12-07T10:00:05")
    problems = [str(p) for p in load_content(site).problems]
    assert any("signed_off.pack_made" in p and "offset" in p for p in problems), problems
