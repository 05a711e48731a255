"""Interface wording each component needs from `content/ui.yaml`, checked when content loads.

A component that adds a label adds its key here, so a trainer's ui.yaml that lacks it is reported
by `infoshare validate` rather than discovered by a learner.
"""

REQUIRED_UI_KEYS: dict[str, list[str]] = {
    "app": ["home", "previous", "next", "error_title", "error_body", "source_label"],
    "quiz": ["check", "try_again", "correct", "not_quite", "nothing_chosen", "score"],
    "lawful_basis": [],
    "case_study": [],
    "golden_rules": [],
    "decision_record": [],
}
