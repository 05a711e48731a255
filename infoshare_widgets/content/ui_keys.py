"""Interface wording each component needs from `content/ui.yaml`, checked when content loads.

A component that adds a label adds its key here, so a trainer's ui.yaml that lacks it is reported
by `infoshare validate` rather than discovered by a learner.
"""

from typing import get_args

from .models import OrganisationKind

ORGANISATION_KINDS: tuple[str, ...] = get_args(OrganisationKind)

BUILDER_KEYS = [
    "builder_heading", "builder_intro", "builder_start", "builder_open", "builder_open_hint",
    "builder_opened", "builder_open_failed", "builder_id", "builder_id_hint",
    "builder_id_taken", "builder_name",
    "builder_about", "builder_audience", "builder_children", "builder_adults", "builder_story",
    "builder_story_hint", "builder_prompt", "builder_prompt_text", "builder_points",
    "builder_points_hint", "builder_notes", "builder_source", "builder_draft",
    "builder_draft_hint", "builder_field_problem", "builder_problems", "builder_no_problems",
    "builder_download", "builder_download_hint", "builder_preview_heading", "builder_preview_note",
]
"""The case-study builder's wording (`?mode=author` on Case studies)."""

ROOM_KEYS = [
    "room_start", "room_start_text", "room_host_title", "room_code_heading", "room_address",
    "room_qr_alt", "room_link_note", "room_pick", "room_ask", "room_close", "room_reveal",
    "room_end", "room_end_text", "room_idle", "room_open", "room_closed", "room_revealed",
    "room_revealed_points", "room_revealed_counts", "room_verdict_acceptable", "room_results_few",
    "room_chart_label", "room_devices", "room_answered", "room_announce", "room_title",
    "room_intro", "room_code_label", "room_code_hint", "room_join", "room_joined", "room_send",
    "room_sent", "room_right", "room_ended", "room_no_such_code", "room_slow_down", "room_full",
    "room_refused", "room_unavailable", "room_share_yes", "room_share_no", "room_share_unsure",
    "room_asked", "room_not_open", "room_lock", "room_unlock", "room_locked_note",
    "room_unlocked_note", "room_locked", "room_remove_label", "room_remove", "room_removed",
    "room_no_such_device", "room_your_number", "room_store_down", "room_store_back",
    "room_share_question", "room_share_label", "room_end_confirm", "room_end_yes",
    "room_end_cancel", "room_new_question", "room_verdict_best", "room_verdict_not_best",
    "room_verdict_none", "room_results_heading", "room_results_text", "room_results_csv",
    "room_results_page", "room_results_saved", "room_results_title", "room_results_made",
    "room_results_none", "room_results_number", "room_results_group", "room_results_question",
    "room_results_option", "room_results_best", "room_results_count", "room_results_answered",
    "room_removed_device", "room_verdict_unsafe", "room_share_after",
]
"""The live room pages' wording: the learner's and the facilitator's."""

PRESENT_KEYS = [
    "present", "present_text", "present_title", "present_audience_title", "present_choose",
    "present_plans", "present_pages", "present_plan_minutes", "present_open_audience",
    "present_audience_blocked", "present_one_screen", "present_one_screen_hint",
    "present_previous", "present_next", "present_now", "present_coming", "present_last",
    "present_steps", "present_position", "present_keys", "present_back", "present_waiting",
    "present_continued", "present_discuss", "present_point", "present_question",
    "present_answer", "present_discuss_timer", "present_time_left", "present_time_up",
    "present_join", "present_no_room", "present_room_open", "present_live",
    "present_chart", "present_chart_count", "present_chart_waiting",
]
"""The presenter view's and the audience window's wording."""

REQUIRED_UI_KEYS: dict[str, list[str]] = {
    "app": ["home", "previous", "next", "error_title", "error_body", "error_body_explained",
            "error_what", "error_in_log", "source_label",
            "update_label", "nav_label", "app_title", "loading", "nav_label_end", "map_heading",
            "new_tab", "not_found", "not_reviewed", "added_label",
            "local_heading", "local_ask_lead", "local_ask_lead_more", "local_children",
            "local_adults", "local_emergency", "local_escalation", "local_phone", "local_email",
            "local_web", "local_hours", "see_also", "busy_title", "busy_body",
            "lost_connection", "reload",
            # the label on a draft (ui/shared_html.draft_html)
            "draft_label", "draft_note",
            "on_this_page",
            # skip link, warning text, character count
            "skip_link", "warning_label", "count_limit", "count_left", "count_left_one",
            "count_over", "count_over_one",
            "source_checked",
            # the footer's sign-off line (content/review.footer_text)
            "signed_off_footer", "changed_since_sign_off", "published_since_sign_off",
            "not_signed_off"],
    "quiz": ["check", "try_again", "correct", "not_quite", "nothing_chosen", "score",
             "correct_icon", "wrong_icon", "choose_one", "choose_all", "option_right",
             "option_wrong", "missed_single", "missed_multiple",
             # paging, the score beside each question, the inline error
             "question_position", "score_beside", "next_question", "previous_question",
             "error_prefix", "question_name",
             # judgement graded like practice: grades, the graded score, the summary
             "best", "acceptable", "unsafe", "acceptable_icon", "missed_best", "score_graded",
             "unsafe_none", "unsafe_one", "unsafe_many", "summary_label", "summary_revisit",
             "summary_all_best", "revisit_rule"],
    "lawful_basis": ["usually", "sometimes", "rarely", "show_basis",
                     "hide_basis", "plain_english", "pack_text", "safeguarding",
                     "guidance_heading", "tool_label", "pick_prompt", "fits", "also_fits",
                     "audience_children", "audience_adults", "not_in_pack", "organisation",
                     *(f"organisation_{kind}" for kind in ORGANISATION_KINDS),
                     # the guided lawful-basis helper
                     "helper_show", "helper_clear", "helper_missing", "helper_shown",
                     "helper_not_fit", "helper_tool_label", "helper_use", "helper_used",
                     "helper_no_record",
                     "scenario_position"],
    "case_study": ["your_thoughts", "not_saved", "reveal", "hide", "next_point", "points_heading",
                   "step_progress", "all_shown", *BUILDER_KEYS,
                   # names and warning text
                   "practice_only", "thoughts_for", "reveal_for"],
    "golden_rules": ["rule_heading", "show_rule", "hide_rule", "reference", "check_title",
                     "check_prompt", "check_answer"],
    "decision_record": ["not_saved", "record_heading", "date_label", "not_answered", "missing",
                        "download", "download_hint", "not_applicable",
                        # the check before download
                        "check_heading", "change", "all_answered", "preview_show",
                        # the file's first line; what the page says after a download
                        "exercise_line", "saved"],
    "facilitator": ["notes_label", "run_session", "run_session_text", "mode_heading",
                    "mode_text", "guide_link", "learner_link", "guide_heading", "timer_heading",
                    "timer_minutes", "timer_pause", "timer_resume", "timer_done",
                    "timer_running", "timer_paused", "reveal_all", "jump_label",
                    "reveal_answer", "hide_answer", "right_answer", "wrong_answer",
                    "answer_shown", "walkthrough_text",
                    # the presenter view and the audience window
                    *PRESENT_KEYS,
                    # live rooms
                    *ROOM_KEYS],
    "progress": ["not_kept", "loading", "questions", "prompts", "score", "not_started",
                 "not_stated", "sections_label", "complete", "continue", "clear",
                 "clear_confirm", "clear_yes", "clear_cancel", "cleared", "record_show",
                 "record_hide", "record_title", "record_label", "name_label", "name_hint",
                 "record_name", "record_date", "record_sections", "record_cases",
                 "record_none", "record_content", "print", "download", "download_hint", "saved",
                 # the learner's path: the way in and the task list
                 "start_course", "summary", "in_progress", "questions_score",
                 "record_in_progress"],
}

REVIEW_KEYS = [
    "title", "intro", "version", "no_about", "not_signed_off", "made", "contents", "caption",
    "col_item", "col_statement", "col_source", "empty_page", "no_source", "draft",
    "changed_locally", "kind_helper_rule",
    "kind_basis", "kind_bases_guidance", "kind_note", "kind_scenario", "kind_topic",
    "kind_question", "applies", "body", "not_fit", "plain_english", "guidance", "fits",
    "explanation", "if_picked", "items", "after", "prompt", "option_right", "option_wrong",
    "unverified_heading", "unverified_intro", "unverified_none", "col_where", "col_why",
    "reason_plain_text", "reason_no_link", "reason_no_date", "reason_no_source",
    "problems_heading", "problems_intro", "sign_off_heading", "sign_off_intro", "sign_off_now",
]
"""The review pack's wording (`infoshare review`, content/review_html.py)."""

BUILDER_KEYS = [
    "enter_id", "bad_id", "quiz_id_taken", "scenario_id_taken", "enter_title", "select_section",
    "bad_order", "add_question", "enter_question_id", "same_question_id", "enter_question",
    "select_kind", "add_answers", "enter_answer", "enter_feedback", "select_one_right",
    "select_a_right", "grade_all_or_none", "grades_single_only", "best_is_right",
    "select_audience", "select_organisation", "enter_situation", "select_fits", "unknown_basis",
    "enter_explanation", "enter_source", "enter_source_title", "enter_source_publisher",
    "bad_source_url", "bad_source_checked", "unknown_helper_answer", "placeholder", "too_long",
    "other_problem", "case_id_taken", "enter_about", "select_case_audience", "enter_story",
    "enter_points",
]
"""The builders' messages (`builders/`): optional, a key left out takes the shipped wording."""

OPTIONAL_UI_KEYS: dict[str, list[str]] = {"review": REVIEW_KEYS, "builder": BUILDER_KEYS}
"""Wording a trainer's ui.yaml may leave out: the shipped ui.yaml's is used instead. Not for
learners' pages (a missing key there would show as its name)."""

PRIVACY_KEYS = ["room_controller", "room_privacy_link", "room_privacy_ask", "room_controller_ask",
                "room_controller_ask_host"]  # the data controller (app/privacy_notice.py)
OVER_SHIPPED_KEYS: dict[str, list[str]] = {"app": ["too_large"],
                                           "facilitator": ["room_results_many",
                                                           "present_chart_after_close",
                                                           "present_chart_withheld",
                                                           "present_added_in_part",
                                                           *PRIVACY_KEYS]}
"""Wording read over the shipped ui.yaml's (`shipped_words.py`): a partnership's older ui.yaml
may lack it (the author area's `author` group is read so too, every key)."""

# The wording filled with values, each with sample values: `infoshare validate` fills every one of
# them, so a template such as ``{total[0]}`` or ``{correct:>200000000}`` is reported, not shipped.
TEMPLATE_SAMPLES: dict[str, dict[str, dict[str, object]]] = {
    "builder": {"enter_question_id": {"number": 2}, "same_question_id": {"number": 2},
                "enter_answer": {"number": 2}, "enter_feedback": {"number": 2},
                "placeholder": {"text": "[Heading]"}, "too_long": {"limit": "20,000"},
                "other_problem": {"message": "must be text"}, "enter_points": {"number": 2}},
    "app": {"not_signed_off": {"version": "2026.12", "date": "6 December 2026"},
            "signed_off_footer": {"version": "2026.12", "role": "Designated safeguarding lead",
                                  "date": "6 December 2026", "signed_version": "2026.12"},
            "changed_since_sign_off": {"version": "2026.12", "role": "Designated safeguarding "
                                       "lead", "date": "6 December 2026",
                                       "signed_version": "2026.11"},
            "published_since_sign_off": {"version": "2026.12", "role": "Designated "
                                         "safeguarding lead", "date": "6 December 2026",
                                         "signed_version": "2026.12"},
            "source_checked": {"date": "6 December 2026"},
            "too_large": {"limit": "1 MB"},
            # filled in the browser (ui/text_box.js)
            "count_limit": {"max": "5,000"}, "count_left": {"count": "4,990"},
            "count_over": {"count": "10"}},
    "quiz": {"score": {"correct": 2, "total": 3},
             # paging and names
             "question_position": {"number": 2, "total": 6}, "score_beside": {"correct": 2},
             "question_name": {"title": "Why and when to share", "number": 2},
             "score_graded": {"best": 4, "total": 5, "unsafe": "1 unsafe choice"},
             "unsafe_many": {"count": 2},
             "summary_revisit": {"score": "4 of 5 best answers, 1 unsafe choice"},
             "summary_all_best": {"score": "5 of 5 best answers, no unsafe choices"},
             "revisit_rule": {"number": 3}},
    "lawful_basis": {"show_basis": {"name": "Legal obligation"},
                     "hide_basis": {"name": "Legal obligation"},
                     "helper_missing": {"count": 2},
                     "helper_shown": {"summary": "Public task; No extra condition is needed"},
                     "helper_used": {"filled": "Public task"},
                     "scenario_position": {"number": 3, "total": 10}},
    "case_study": {"step_progress": {"shown": 1, "total": 3}, "all_shown": {"total": 3},
                   "thoughts_for": {"name": "Jessie"},
                   "reveal_for": {"name": "Jessie", "prompt": "What is worrying you?"},
                   "builder_opened": {"file": "sam.yaml"},
                   "builder_open_failed": {"file": "sam.yaml", "reason": "line 2: ..."},
                   "builder_problems": {"count": 2}, "builder_id_taken": {"id": "sam"},
                   "builder_prompt": {"number": 1},
                   "builder_field_problem": {"message": "must not be empty"}},
    "golden_rules": {"rule_heading": {"number": 1, "key_phrase": "Be alert"},
                     "check_answer": {"number": 1, "key_phrase": "Be alert"}},
    "decision_record": {"missing": {"count": 1, "total": 5},
                        "saved": {"filename": "decision-record-2026-12-06.txt"}},
    "facilitator": {"timer_minutes": {"minutes": 5}, "timer_running": {"minutes": 5},
                    "timer_done": {"minutes": 5},
                    "room_share_label": {"prompt": "What is worrying you?"},
                    "room_new_question": {"group": "Jessie"},  # filled in the browser
                    "room_results_made": {"date": "6 December 2026"},
                    "room_controller": {"organisation": "Northshire County Council"},
                    "room_privacy_link": {"organisation": "Northshire County Council"},
                    # filled by app/present/ (the server) and present.js (the browser)
                    "present_plan_minutes": {"title": "A 60-minute session", "minutes": 60},
                    "present_position": {"number": 1, "total": 40},
                    "present_point": {"number": 1, "total": 5},
                    "present_time_left": {"time": "4:59"},
                    "present_live": {"devices": 12, "answered": 9},
                    "present_chart_count": {"count": 6, "answered": 9, "percent": 67}},
    # the author area (app/author/), filled by the server
    "author": {"author_draft_cap": {"max": 50}},
    # the review pack (content/review_html.py); optional keys, checked when given
    "review": {"version": {"version": "2026.12", "reviewed": "6 December 2026"},
               "made": {"date": "6 December 2026"}, "caption": {"title": "What is it?"},
               "if_picked": {"name": "Consent"}, "option_right": {"name": "True"},
               "option_wrong": {"name": "False"}},
    "progress": {"questions": {"answered": 2, "total": 3}, "prompts": {"revealed": 1, "total": 4},
                 "score": {"correct": 1, "answered": 2}, "continue": {"title": "Adults"},
                 "questions_score": {"answered": 2, "total": 3, "correct": 1},
                 "summary": {"completed": 1, "total": 5},
                 "record_content": {"version": "1.0", "reviewed": "2026-11-01"},
                 "saved": {"filename": "completion-record-2026-12-06.html"}},
}
