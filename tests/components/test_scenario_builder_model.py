"""The scenario builder's model: every shipped scenario opens as form values and comes back the
same; a new one is checked against the site (bases, helper answers, ids) and, published, joins
the shared exercise without anyone editing the shared file."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from infoshare_widgets.builders import scenario_form
from infoshare_widgets.builders.form_words import builder_words
from infoshare_widgets.content.loader import load_content
from infoshare_widgets.content.yaml_reader import read_yaml
from infoshare_widgets.pages.drafts import for_mode
from infoshare_widgets.publishing.publish_store import Author, PublishStore

WORDS = builder_words()


@functools.cache
def shipped():
    content = load_content()
    path, _ = content.origin(content.scenarios)
    raw = read_yaml(path, path.parent).data["scenarios"]
    return content, {s.id: (s, entry) for s, entry in zip(content.scenarios.scenarios, raw,
                                                          strict=True)}


def test_there_are_shipped_scenarios_to_round_trip():
    assert len(shipped()[1]) >= 10


@pytest.mark.parametrize("scenario_id", sorted(shipped()[1]))
def test_every_shipped_scenario_comes_back_the_same(scenario_id):
    content, scenarios = shipped()
    scenario, entry = scenarios[scenario_id]
    site = scenario_form.SiteChoices.from_content(content, opened_id=scenario_id)
    built = scenario_form.build(scenario_form.values_from_data(entry), WORDS, base=entry,
                                site=site)
    assert built.errors == {}
    assert built.scenario == scenario
    again = scenario_form.values_from_data(built.data)
    assert scenario_form.build(again, WORDS, site=site).scenario == scenario  # no base needed


def test_a_blank_form_names_each_field_in_the_trainers_words():
    site = scenario_form.SiteChoices.from_content(shipped()[0])
    assert scenario_form.build(scenario_form.blank_values(), WORDS, site=site).errors == {
        "id": "Enter an id, like young-carer-sam",
        "title": "Enter the title",
        "situation": "Enter the situation",
        "fits": "Select at least one lawful basis that fits",
        "explanation": "Enter why the bases fit",
        "source": "Enter the law or guidance the answer rests on",
    }


def _values(**changes):
    values = {**scenario_form.blank_values(), "id": "school-shares-with-police",
              "organisation": "school", "title": "A school shares with the police",
              "situation": "**You are a designated safeguarding lead.** The police ask ...",
              "fits": ["public-task"], "explanation": "A school's official task.",
              "helper": {"who": "public"},
              "sources": [{"title": "UK GDPR Article 6(1)(e)",
                           "publisher": "Information Commissioner's Office", "version": "",
                           "url": "https://ico.org.uk/", "checked": "2026-12-06"}]}
    values.update(changes)
    return values


def _site():
    return scenario_form.SiteChoices.from_content(shipped()[0])


def test_what_the_site_does_not_know_is_named_at_its_field():
    values = _values(id="nursery-bruising", fits=["public-tsk"],
                     basis_feedback={"consnt": "Not consent."}, helper={"who": "wizard"},
                     sources=[{"title": "", "publisher": "", "url": "ico.org.uk",
                               "checked": "6/12/2026"}])
    assert scenario_form.build(values, WORDS, site=_site()).errors == {
        "id": WORDS["scenario_id_taken"],
        "fits.0": "Select a lawful basis from the list",
        "basis_feedback.consnt": "Select a lawful basis from the list",
        "helper.who": "Select one of the helper's answers for this question",
        "source.title": "Enter the title of the law or guidance, with the part",
        "source.publisher": "Enter who issued the law or guidance",
        "source.url": "Enter the address of the law or guidance, starting with https://",
        "source.checked": "Enter the date you checked it as year-month-day, like 2026-12-06",
    }


def test_a_placeholder_is_an_error_unless_the_scenario_is_a_draft():
    values = _values(title="[A few words naming the situation]")
    assert list(scenario_form.build(values, WORDS, site=_site()).errors) == ["title"]
    assert scenario_form.build({**values, "draft": True}, WORDS, site=_site()).errors == {}


def test_a_built_scenario_is_published_into_the_shared_exercise(tmp_path: Path):
    built = scenario_form.build(_values(), WORDS, site=_site())
    assert built.errors == {} and "'no'" not in built.yaml_text
    store = PublishStore(shipped()[0].root, tmp_path / "published")
    store.publish("scenarios", "school-shares-with-police", built.yaml_text,
                  Author("sam.editor", "editor"))
    content = for_mode(load_content(store.content_root, store.overlay), "learner")
    assert content.scenarios.scenarios[-1] == built.scenario
    assert ("scenarios", "school-shares-with-police") in content.changed_locally
    assert not (tmp_path / "published" / "lawful_basis_scenarios.yaml").exists()
