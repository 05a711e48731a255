"""The builders' "Preview as learners see it" in the test's own process (no Voila): a valid form
becomes a snapshot under a new token, with a link to the learners' page and the cookie that opens
it; an invalid one says what to fix first and keeps nothing. Also the builders' shared rules:
only a draft's owner or a publisher discards it; 50 drafts an author at most."""

from __future__ import annotations

import re

import pytest
from _author_area import as_role  # its fixture `area` comes from tests/app/conftest.py
from test_author_builders import NEW, quiz_form
from test_author_cases import form as case_form
from test_author_scenarios import form as scenario_form

from infoshare_widgets.app.author import item_handler
from infoshare_widgets.app.author.preview_gate import is_preview_path
from infoshare_widgets.app.serve import ServerSettings, voila_command
from infoshare_widgets.content.preview_snapshots import read_snapshot, write_snapshot

LINK = re.compile(r'href="(/voila/render/author/preview\.ipynb\?token=([A-Za-z0-9_-]{32}))"')


def snapshots(area) -> list[str]:
    folder = area[2] / "author-previews"
    return sorted(p.stem for p in folder.glob("*.json")) if folder.is_dir() else []


def test_a_valid_quiz_becomes_a_snapshot_linked_with_its_own_cookie(area) -> None:
    client = as_role(area, "ann", "author")
    page = client.post(NEW, quiz_form(client, "learner-preview"))
    assert page.status_code == 200 and "There is a problem" not in page.text
    found = LINK.search(page.text)
    assert found and 'target="infoshare-learner-preview" autofocus' in page.text
    snapshot = read_snapshot(found.group(2), area[2] / "author-previews")
    assert snapshot is not None and snapshot.kind == "quizzes" and snapshot.owner == "ann"
    assert "Sharing basics" in snapshot.text
    cookie = page.headers["Set-Cookie"]
    assert "infoshare_author_preview=" in cookie and "Path=/voila/render/author" in cookie
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    again = client.post(NEW, quiz_form(client, "learner-preview"))
    assert LINK.search(again.text).group(2) != found.group(2)  # each press: a new snapshot
    assert len(snapshots(area)) == 2
    assert not (area[2] / "drafts" / "quizzes").exists()  # nothing saved as a draft


def test_an_invalid_form_says_what_to_fix_first_and_keeps_nothing(area) -> None:
    client = as_role(area, "ann", "author")
    page = client.post(NEW, quiz_form(client, "learner-preview", title=""))
    assert "There is a problem" in page.text and 'href="#title"' in page.text
    assert not LINK.search(page.text) and "Set-Cookie" not in page.headers
    assert snapshots(area) == []


def test_case_studies_and_scenarios_are_previewed_too(area) -> None:
    client = as_role(area, "ann", "author")
    case = client.post("/author/case_studies/new", case_form(client, "learner-preview"))
    scenario = client.post("/author/scenarios/new", scenario_form(client, "learner-preview"))
    assert LINK.search(case.text) and LINK.search(scenario.text), (case.text, scenario.text)
    kinds = {read_snapshot(t, area[2] / "author-previews").kind for t in snapshots(area)}
    assert kinds == {"case_studies", "scenarios"}


def test_signing_out_clears_the_preview_cookie(area) -> None:
    client = as_role(area, "ann", "author")
    client.post(NEW, quiz_form(client, "learner-preview"))
    out = client.post("/author/sign-out", {"csrf": client.csrf("/author")})
    cleared = out.headers.get("Set-Cookie", "")
    assert 'infoshare_author_preview=""' in cleared and "Path=/voila/render/author" in cleared


def test_only_the_drafts_owner_or_a_publisher_discards_it(area) -> None:
    ann, bob = as_role(area, "ann", "author"), as_role(area, "bob", "author")
    assert ann.post(NEW, quiz_form(ann, "save")).status_code == 303
    path = "/author/quizzes/edit/sharing-basics"
    refused = bob.post(path, quiz_form(bob, "discard", path=path))
    assert refused.status_code == 403 and "Only its author or a publisher" in refused.text
    assert ann.get(path).status_code == 200
    pat = as_role(area, "pat", "publisher")
    assert pat.post(path, quiz_form(pat, "discard", path=path)).status_code == 303
    assert ann.get(path).status_code == 404


def test_an_author_keeps_at_most_the_cap_of_drafts(area, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(item_handler, "MAX_DRAFTS", 2)
    client = as_role(area, "ann", "author")
    for n in range(2):
        assert client.post(NEW, quiz_form(client, "save", quiz_id=f"q-{n}")).status_code == 303
    third = client.post(NEW, quiz_form(client, "save", quiz_id="q-2"))
    assert third.status_code == 200 and "You already have 2 drafts" in third.text
    path = "/author/quizzes/edit/q-1"  # saving over one of them is still fine
    assert client.post(path, quiz_form(client, "save", quiz_id="q-1", path=path)
                       ).status_code == 303
    other = as_role(area, "bob", "author")  # the cap is each author's own
    assert other.post(NEW, quiz_form(other, "save", quiz_id="q-3")).status_code == 303


@pytest.mark.parametrize("path", ["author/preview.ipynb", "author//preview.ipynb",
                                  "./author/preview.ipynb", "x/../author/preview.ipynb",
                                  "/author/other.ipynb", "AUTHOR/preview.ipynb"])
def test_every_spelling_of_the_authors_folder_is_gated(path: str) -> None:
    assert is_preview_path(path)


@pytest.mark.parametrize("path", ["00-start.ipynb", "authoring/x.ipynb", "x/author/y.ipynb",
                                  "author.ipynb", ""])
def test_the_learners_pages_are_not(path: str) -> None:
    assert not is_preview_path(path)


def test_the_preview_page_never_has_a_preheated_kernel() -> None:
    command, _ = voila_command(ServerSettings(max_kernels=4, pool_sizes={"x.ipynb": 3}),
                               base_env={})
    assert "--InfoshareVoila.pool_sizes=author/preview.ipynb=0" in command


def test_expired_previews_are_deleted_by_the_next_author_page(area) -> None:
    client = as_role(area, "ann", "author")
    folder = area[2] / "author-previews"
    old = write_snapshot("quizzes", "id: x\n", "ann", folder, now=0.0)
    live = write_snapshot("quizzes", "id: y\n", "ann", folder)
    assert client.get("/author/items").status_code == 200
    assert snapshots(area) == [live] and old != live
