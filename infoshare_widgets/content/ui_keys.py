"""Interface wording each component needs from `content/ui.yaml`, checked when content loads.

A component that adds a label adds its key here, so a trainer's ui.yaml that lacks it is reported
by `infoshare validate` rather than discovered by a learner.
"""

REQUIRED_UI_KEYS: dict[str, list[str]] = {
    "app": ["home", "previous", "next", "error_title", "error_body", "source_label",
            "update_label", "nav_label", "app_title", "loading", "nav_label_end", "map_heading",
            "new_tab", "not_found"],
    "quiz": ["check", "try_again", "correct", "not_quite", "nothing_chosen", "score",
             "correct_icon", "wrong_icon", "choose_one", "choose_all", "option_right",
             "option_wrong", "missed_single", "missed_multiple"],
    "lawful_basis": ["usually", "sometimes", "rarely", "show_basis",
                     "hide_basis", "plain_english", "pack_text", "safeguarding",
                     "guidance_heading", "tool_label", "pick_prompt", "fits", "also_fits",
                     "audience_children", "audience_adults"],
    "case_study": ["your_thoughts", "not_saved", "reveal", "hide", "next_point", "points_heading",
                   "step_progress", "all_shown"],
    "golden_rules": ["rule_heading", "show_rule", "hide_rule", "reference", "check_title",
                     "check_prompt", "check_answer"],
    "decision_record": ["not_saved", "record_heading", "date_label", "not_answered", "missing",
                        "download", "download_hint"],
    "progress": ["not_kept", "loading", "questions", "prompts", "score", "visited", "not_started",
                 "not_stated", "sections_label", "complete", "continue", "clear",
                 "clear_confirm", "clear_yes", "clear_cancel", "cleared", "record_show",
                 "record_hide", "record_title", "record_label", "name_label", "name_hint",
                 "record_name", "record_date", "record_sections", "record_scores",
                 "record_cases", "record_none", "record_content", "print", "download",
                 "download_hint"],
}

# The wording filled with values, each with sample values: `infoshare validate` fills every one of
# them, so a template such as ``{total[0]}`` or ``{correct:>200000000}`` is reported, not shipped.
TEMPLATE_SAMPLES: dict[str, dict[str, dict[str, object]]] = {
    "quiz": {"score": {"correct": 2, "total": 3}},
    "lawful_basis": {"show_basis": {"name": "Legal obligation"},
                     "hide_basis": {"name": "Legal obligation"}},
    "case_study": {"step_progress": {"shown": 1, "total": 3}, "all_shown": {"total": 3}},
    "golden_rules": {"rule_heading": {"number": 1, "key_phrase": "Be alert"},
                     "check_answer": {"number": 1, "key_phrase": "Be alert"}},
    "decision_record": {"missing": {"count": 1, "total": 5}},
    "progress": {"questions": {"answered": 2, "total": 3}, "prompts": {"revealed": 1, "total": 4},
                 "score": {"correct": 1, "answered": 2}, "continue": {"title": "Adults"},
                 "record_content": {"version": "1.0", "reviewed": "2026-11-01"}},
}
