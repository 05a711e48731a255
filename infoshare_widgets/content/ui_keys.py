"""Interface wording each component needs from `content/ui.yaml`, checked when content loads.

A component that adds a label adds its key here, so a trainer's ui.yaml that lacks it is reported
by `infoshare validate` rather than discovered by a learner.
"""

REQUIRED_UI_KEYS: dict[str, list[str]] = {
    "app": ["home", "previous", "next", "error_title", "error_body", "source_label",
            "update_label", "nav_label", "app_title", "loading", "nav_label_end", "map_heading",
            "new_tab", "not_found", "busy_title", "busy_body", "lost_connection", "reload"],
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
}
