"""Publishing: every publish a version (who, role, when, a diff), rollback to any version, stale
edits refused, nothing invalid published, drafts kept apart from what learners get."""

from __future__ import annotations

import datetime as dt

import pytest
from _publish_support import quiz_text, scenario_text

from infoshare_widgets.content.loader import load_content
from infoshare_widgets.content.size_limits import MAX_FILE_BYTES
from infoshare_widgets.pages.drafts import for_mode
from infoshare_widgets.publishing.publish_store import Author, Changed, Refused


def _title(store, quiz_id="sample"):
    content = load_content(store.content_root, store.overlay)
    return next(q.title for q in content.quizzes if q.id == quiz_id)


def test_a_publish_is_a_version_with_who_when_and_a_readable_diff(store, editor):
    version = store.publish("quizzes", "sample", quiz_text(title="Consent, again"), editor)
    assert (version.number, version.action, version.account, version.role) == (
        1, "publish", "sam.editor", "editor")
    when = dt.datetime.fromisoformat(version.at)
    assert abs(dt.datetime.now(dt.UTC) - when) < dt.timedelta(minutes=5)
    assert "-title: A sample quiz\n" in version.diff
    assert "+title: Consent, again\n" in version.diff
    assert "quizzes/sample.yaml (as shipped)" in version.diff
    assert _title(store) == "Consent, again"
    assert store.versions("quizzes", "sample") == [version]


def test_rollback_to_any_earlier_version_and_back_to_the_shipped_item(store, editor):
    lead = Author("ali.lead", "lead")
    store.publish("quizzes", "sample", quiz_text(title="One"), editor)
    store.publish("quizzes", "sample", quiz_text(title="Two"), editor)
    back = store.rollback("quizzes", "sample", 1, lead)
    assert (back.number, back.action, back.restored, back.account) == (3, "rollback", 1, "ali.lead")
    assert "-title: Two\n+title: One\n" in back.diff
    assert _title(store) == "One"
    withdrawn = store.withdraw("quizzes", "sample", lead)
    assert withdrawn.text is None and _title(store) == "A sample quiz"
    store.rollback("quizzes", "sample", 2, lead)
    assert _title(store) == "Two"
    assert [v.number for v in store.versions("quizzes", "sample")] == [1, 2, 3, 4, 5]
    assert store.history() == [("quizzes", "sample")]


def test_publishing_over_a_newer_version_than_was_opened_is_refused(store, editor):
    store.publish("quizzes", "sample", quiz_text(title="One"), editor, opened_version=0)
    with pytest.raises(Changed, match="changed since you opened it"):
        store.publish("quizzes", "sample", quiz_text(title="Mine"), editor, opened_version=0)
    assert _title(store) == "One"


@pytest.mark.parametrize(("text", "wanted"), [
    (quiz_text(title=""), "title"),
    (quiz_text(title="[The quiz's heading]"), "replace the placeholder"),
    (quiz_text(draft=True), "a draft cannot be published"),
    (quiz_text(id="other"), "must match the file name"),
    ("title: [unclosed\n", "YAML syntax error"),
    ("- a list\n", "mapping"),
])
def test_an_invalid_item_is_never_published(store, editor, text, wanted):
    with pytest.raises(Refused) as refused:
        store.publish("quizzes", "sample", text, editor)
    assert wanted in str(refused.value)
    assert store.versions("quizzes", "sample") == []
    assert _title(store) == "A sample quiz"


def test_a_scenario_naming_an_unknown_basis_is_refused_with_its_field(store, editor):
    with pytest.raises(Refused) as refused:
        store.publish("scenarios", "referral", scenario_text(fits=["public-tsk"]), editor)
    (problem,) = refused.value.problems
    assert (problem.field, problem.line) == ("fits[0]", 6)
    assert problem.file == store.overlay / "scenarios" / "referral.yaml"


@pytest.mark.parametrize("item_id", ["../sample", "quizzes/../../x", "/etc/passwd", "Sample",
                                     "", ".", "..", "a" * 61, "sample.yaml", "x\n", "a--b"])
def test_an_id_that_is_not_an_id_never_reaches_the_disk(store, editor, item_id, tmp_path):
    before = sorted(tmp_path.rglob("*"))
    for act in (lambda: store.publish("quizzes", item_id, quiz_text(), editor),
                lambda: store.save_draft("quizzes", item_id, quiz_text()),
                lambda: store.versions("quizzes", item_id),
                lambda: store.publish("../quizzes", "sample", quiz_text(), editor)):
        with pytest.raises(Refused, match="not a valid id"):
            act()
    assert sorted(tmp_path.rglob("*")) == before


def test_an_oversized_item_is_refused_unread(store, editor):
    text = quiz_text(title="x" * (MAX_FILE_BYTES + 1))
    with pytest.raises(Refused, match="too large"):
        store.publish("quizzes", "sample", text, editor)
    with pytest.raises(Refused, match="too large"):
        store.save_draft("quizzes", "sample", text)


def test_drafts_are_kept_apart_and_never_reach_learners_or_facilitators(store, editor):
    store.save_draft("quizzes", "unfinished", quiz_text(id="unfinished", title="[Heading]"))
    store.save_draft("quizzes", "sample", quiz_text(title="Half done"))
    assert store.draft_ids("quizzes") == ["sample", "unfinished"]
    assert "Half done" in store.draft_text("quizzes", "sample")
    content = load_content(store.content_root, store.overlay)
    for mode in ("learner", "facilitator"):
        seen = for_mode(content, mode)
        assert [(q.id, q.title) for q in seen.quizzes] == [("sample", "A sample quiz")]
    store.discard_draft("quizzes", "sample")
    assert store.draft_ids("quizzes") == ["unfinished"]
    assert not store.drafts.is_relative_to(store.overlay)
