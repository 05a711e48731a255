"""The content loader reads the overlay: a published item replaces the shipped one by id, a new
one is added, and the cache notices a publish on the next read (no restart)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from _publish_support import quiz_text, scenario_text

from infoshare_widgets.content.cache import current_content
from infoshare_widgets.content.loader import load_content
from infoshare_widgets.content.overlay import default_overlay_dir
from infoshare_widgets.content.review_html import review_html, review_words
from infoshare_widgets.content.review_pack import review_pack

TODAY = date(2026, 12, 6)


def _put(overlay: Path, kind: str, item_id: str, text: str) -> Path:
    path = overlay / kind / f"{item_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_an_overlay_item_replaces_the_shipped_one_and_a_new_id_is_added(site, tmp_path):
    overlay = tmp_path / "published"
    _put(overlay, "quizzes", "sample", quiz_text(title="Published over the pack"))
    _put(overlay, "quizzes", "local-quiz", quiz_text(id="local-quiz", title="Ours"))
    content = load_content(site, overlay)
    assert not content.problems, content.problems
    titles = {q.id: q.title for q in content.quizzes}
    assert titles == {"sample": "Published over the pack", "local-quiz": "Ours"}
    assert content.changed_locally == {("quizzes", "sample"): "changed",
                                       ("quizzes", "local-quiz"): "added"}
    assert load_content(site).quizzes[0].title == "A sample quiz"  # no overlay: as shipped


def test_a_published_scenario_replaces_its_entry_in_the_shared_file(site, tmp_path):
    overlay = tmp_path / "published"
    _put(overlay, "scenarios", "referral", scenario_text())
    _put(overlay, "scenarios", "new-one", scenario_text("new-one", title="A new one"))
    content = load_content(site, overlay)
    assert not content.problems, content.problems
    assert [(s.id, s.title) for s in content.scenarios.scenarios] == [
        ("referral", "A referral, changed here"), ("new-one", "A new one")]
    assert content.origin(content.scenarios)[0] == site / "lawful_basis_scenarios.yaml"


def test_a_published_scenarios_problem_names_its_own_file_and_line(site, tmp_path):
    overlay = tmp_path / "published"
    path = _put(overlay, "scenarios", "referral", scenario_text(fits=["public-tsk"]))
    problems = load_content(site, overlay).problems
    assert [(p.file, p.field, p.line) for p in problems] == [(path, "fits[0]", 6)]
    assert "did you mean 'public-task'" in problems[0].message


def test_the_history_and_other_files_in_the_overlay_are_not_content(site, tmp_path):
    overlay = tmp_path / "published"
    _put(overlay, ".history", "x", "not: content")
    _put(overlay, "topics", "x", "not: read")
    content = load_content(site, overlay)
    assert not content.problems and not content.changed_locally


def test_a_symlink_in_the_overlay_is_refused(site, tmp_path):
    overlay = tmp_path / "published"
    (overlay / "quizzes").mkdir(parents=True)
    os.symlink(site / "quizzes" / "sample.yaml", overlay / "quizzes" / "sample.yaml")
    problems = load_content(site, overlay).problems
    assert any("symlinks are not read" in p.message for p in problems)


def test_the_overlay_is_a_setting_beside_the_data_folder(tmp_path):
    assert default_overlay_dir({}) == (Path("data") / "published").resolve()
    assert default_overlay_dir({"INFOSHARE_DATA_DIR": str(tmp_path)}) == tmp_path / "published"
    assert default_overlay_dir({"INFOSHARE_OVERLAY": str(tmp_path / "o")}) == tmp_path / "o"
    assert default_overlay_dir({"INFOSHARE_OVERLAY": "off"}) is None


def test_the_cache_notices_a_publish_on_the_next_read(site, tmp_path):
    overlay = tmp_path / "published"
    first = current_content(site, overlay)
    assert current_content(site, overlay) is first  # nothing changed: not read again
    _put(overlay, "quizzes", "sample", quiz_text(title="Live on the next page load"))
    assert current_content(site, overlay).quizzes[0].title == "Live on the next page load"


def test_the_review_pack_marks_what_was_changed_locally(site, tmp_path):
    overlay = tmp_path / "published"
    _put(overlay, "scenarios", "referral", scenario_text())
    content = load_content(site, overlay)
    statements = [s for page in review_pack(content).pages for s in page.statements]
    assert [s.changed_locally for s in statements if s.kind == "kind_scenario"] == [True]
    words = review_words(content)
    assert "Changed locally" in review_html(review_pack(content), words, TODAY)
    assert "Changed locally" not in review_html(review_pack(load_content(site)), words, TODAY)
