"""The rest of the site works beside hostile files: the page shows a card for each, named, and the
sound quiz still works, with a bad ui.yaml template shown unfilled instead of breaking every quiz.

(The loader and validate are tested in test_hostile_content.py; this is the page a learner sees.)
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from _content_support import QUIZ

from infoshare_widgets import pages
from infoshare_widgets.content import load_content
from infoshare_widgets.content.size_limits import MAX_FILE_BYTES

SECRET = "root:$6$very-secret-hash:19000:0:99999:7:::"


@pytest.mark.timeout(120)
def test_the_children_page_beside_deep_huge_linked_files_and_a_bad_template(
        sound: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    quizzes = sound / "quizzes"
    (quizzes / "deep.yaml").write_text("id: deep\nsection: children\ntitle: "
                                       + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    with (quizzes / "huge.yaml").open("wb") as out:
        out.write(b"id: huge\nsection: children\n")
        out.truncate(50 * MAX_FILE_BYTES)
    secret = tmp_path / "shadow"
    secret.write_text(f"section: children\n{SECRET}\n", encoding="utf-8")
    (quizzes / "link.yaml").symlink_to(secret)
    ui = sound / "ui.yaml"
    ui.write_text(ui.read_text(encoding="utf-8").replace("T score: {correct} {total}",
                                                         "{total[0]}"), encoding="utf-8")
    (quizzes / "other.yaml").write_text(QUIZ.replace("id: sample", "id: other")
                                        .replace("section: children", "section: adults"),
                                        encoding="utf-8")

    with caplog.at_level(logging.WARNING, logger="infoshare_widgets"):
        box = pages.Page("children", load_content(sound)).quizzes()
    title, quiz, *cards = box.children  # the title is the page's own HTML
    assert "is-quiz-title" in title.value
    assert quiz.score_text == "{total[0]}"  # shown as written; validate names it
    html = [card.value for card in cards]
    assert len(html) == 3 and all("is-error-card" in h for h in html)
    # The card names the file; what is wrong goes to the server's log (ui/error_card.py).
    for name, words in (("deep.yaml", "nested more than"), ("huge.yaml", "too large"),
                        ("link.yaml", "symlinks are not read")):
        assert any(f"<code>quizzes/{name}</code>" in h for h in html), (name, html)
        assert any(name in r.getMessage() and words in r.getMessage()
                   for r in caplog.records), name
    assert not any(SECRET in h or "very-secret" in h for h in html)
    assert "very-secret" not in caplog.text
