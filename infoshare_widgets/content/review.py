"""Is the content's review of the law recent? `about.yaml`'s `reviewed:` date, checked.

The law on sharing changes (the Data (Use and Access) Act 2025, the Children's Wellbeing and
Schools Act 2026): content not checked for more than 12 months is flagged by `infoshare validate`.
A warning, never an error: it does not change the exit code. ``today`` is passed in, so tests
choose the date.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .templates import fill_template

if TYPE_CHECKING:
    from .loaded import Content

REVIEW_MONTHS = 12


def months_later(day: date, months: int) -> date:
    """The same day ``months`` later; the month's last day where it is shorter (29 Feb)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, d))
        except ValueError:
            continue
    raise ValueError(f"no such date: {day} + {months} months")  # pragma: no cover


def review_due(reviewed: date) -> date:
    """The last day on which a review of ``reviewed`` is still current."""
    return months_later(reviewed, REVIEW_MONTHS)


def review_warnings(content: Content, today: date) -> list[str]:
    """Why the content's review needs attention on ``today``; empty when it is current.

    No ``about.yaml`` (or a broken one, which is already a problem) means no known review date.
    """
    where = content.root / "about.yaml"
    if content.about is None:
        if "about" in content.broken_files:
            return []
        return [f"{where.name}: no review date; add about.yaml with `version:` and `reviewed:` "
                "(the date the content was last checked against the law)"]
    reviewed = content.about.reviewed
    if reviewed > today:
        return [f"{where.name}: reviewed: {reviewed.isoformat()} is after today "
                f"({today.isoformat()}); check the date"]
    if today > review_due(reviewed):
        return [f"{where.name}: reviewed: {reviewed.isoformat()} is more than "
                f"{REVIEW_MONTHS} months ago (today is {today.isoformat()}); check the content "
                "against current law and guidance, then update `reviewed:`"]
    return []


def long_date(day: date) -> str:
    """30 November 2026: the form the footer uses, the same on every platform."""
    return f"{day.day} {day:%B %Y}"


def footer_text(content: Content) -> str:
    """The footer's line: the content's version and review date, or that it has none."""
    about = content.about
    if about is None:
        return content.text("app", "not_reviewed")
    return fill_template(content.text("app", "reviewed_footer"),
                         {"version": about.version, "date": long_date(about.reviewed)})
