"""A quiz or a lawful-basis scenario as learners will read it, for the builders' previews: the
same sanitiser as the learners' pages (`content.markdown`: Markdown rendered, then cleaned by
nh3; plain text escaped), so what the preview shows is what can reach a learner, never more.

A server page, not the learners' kernel-backed component: the author area runs no kernel, and a
draft must never be handed to a kernel other learners' pages share. Each answer is shown with
the feedback a learner gets on choosing it.
"""

from __future__ import annotations

from collections.abc import Mapping

from ...content import models
from ...content.markdown import escape, to_html, to_inline_html


def preview_html(quiz: models.Quiz, words: Mapping[str, str]) -> str:
    """The quiz's heading, questions, answers (the right ones and grades said in words) and
    each answer's feedback; safe to place in a page as it is."""
    parts = [f'<h3 class="is-preview-title">{escape(quiz.title)}</h3>']
    for number, question in enumerate(quiz.questions, start=1):
        kind = words.get(f"author_preview_{question.kind}", question.kind)
        parts.append(f'<section class="is-preview-question" aria-labelledby="pq-{number}">'
                     f'<h4 id="pq-{number}">{escape(words.get("author_question", "Question"))} '
                     f'{number}</h4><div>{to_html(question.prompt)}</div>'
                     f'<p class="is-author-hint">{escape(kind)}</p><ol>')
        for option in question.options:
            marks = [words.get("author_preview_right", "right")] if option.correct else []
            if option.grade:
                marks.append(words.get(f"author_grade_{option.grade}", option.grade))
            said = f" <strong>({escape(', '.join(marks))})</strong>" if marks else ""
            parts.append(f"<li><p>{escape(option.text)}{said}</p>"
                         f'<p class="is-preview-feedback">{to_inline_html(option.feedback)}</p>'
                         "</li>")
        parts.append("</ol>")
        if question.explanation:
            parts.append(f"<div>{to_html(question.explanation)}</div>")
        parts.append("</section>")
    return "".join(parts)


def case_html(case: models.CaseStudy, words: Mapping[str, str]) -> str:
    """The case study's name, about line, story and each prompt with its model points (which
    learners see after thinking); safe to place in a page as it is."""
    parts = [f'<h3 class="is-preview-title">{escape(case.name)}</h3>',
             f'<p class="is-author-hint">{escape(case.about)}</p><div>{to_html(case.story)}</div>']
    for number, question in enumerate(case.questions, start=1):
        points = "".join(f"<li>{to_inline_html(p)}</li>" for p in question.points)
        parts.append(f'<section class="is-preview-question" aria-labelledby="pc-{number}">'
                     f'<h4 id="pc-{number}">{escape(question.prompt)}</h4>'
                     f'<p class="is-author-hint">{escape(words.get("author_case_points", ""))}'
                     f"</p><ul>{points}</ul></section>")
    return "".join(parts)


def scenario_html(scenario: models.Scenario, basis_names: Mapping[str, str],
                  words: Mapping[str, str]) -> str:
    """The scenario's situation, the bases that fit (by name) with their feedback, the
    explanation and its sources; safe to place in a page as it is."""
    fits = "".join(f"<li>{escape(basis_names.get(b, b))}</li>" for b in scenario.fits)
    feedback = "".join(f"<dt>{escape(basis_names.get(b, b))}</dt><dd>{to_html(text)}</dd>"
                       for b, text in scenario.basis_feedback.items())
    refs = scenario.source if isinstance(scenario.source, list) else [scenario.source]
    sources = "".join(f"<li>{escape(getattr(r, 'title', None) or str(r))}</li>" for r in refs
                      if r)
    return (f'<h3 class="is-preview-title">{escape(scenario.title)}</h3>'
            f"<div>{to_html(scenario.situation)}</div>"
            f'<h4>{escape(words.get("author_scenario_fits", "Bases that fit"))}</h4>'
            f"<ul>{fits}</ul><div>{to_html(scenario.explanation)}</div>"
            + (f"<dl>{feedback}</dl>" if feedback else "")
            + (f'<h4>{escape(words.get("author_scenario_sources", "Sources"))}</h4>'
               f"<ul>{sources}</ul>" if sources else ""))
