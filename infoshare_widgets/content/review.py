"""Is the content's review of the law recent, and who signed it off? `about.yaml`, read.

The law on sharing changes (the Data (Use and Access) Act 2025, the Children's Wellbeing and
Schools Act 2026): content not checked for more than 12 months is flagged by `infoshare validate`.
A warning, never an error: it does not change the exit code. ``today`` is passed in, so tests
choose the date. Each source's own `checked:` date is held to the same 12 months, and the footer
says "checked by ... on ..." only from the partnership's `signed_off:` record.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .models import SignOff
from .problems import Problem
from .sources import (
    SourceRef,
    loaded_files,
    located_refs,
    long_date,
    written_line,
    written_loc,
)
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
    return [*_review_date_warnings(content.about.reviewed, where.name, today),
            *_sign_off_warnings(content, where.name, today)]


def _review_date_warnings(reviewed: date, name: str, today: date) -> list[str]:
    if reviewed > today:
        return [f"{name}: reviewed: {reviewed.isoformat()} is after today "
                f"({today.isoformat()}); check the date"]
    if today > review_due(reviewed):
        return [f"{name}: reviewed: {reviewed.isoformat()} is more than "
                f"{REVIEW_MONTHS} months ago (today is {today.isoformat()}); check the content "
                "against current law and guidance, then update `reviewed:`"]
    return []


def _sign_off_warnings(content: Content, name: str, today: date) -> list[str]:
    """A sign-off dated in the future, of another version, or without the signed pack's time:
    say so (the footer does too)."""
    about = content.about
    sign_off = about.signed_off if about else None
    if about is None or sign_off is None:
        return []
    if sign_off.date > today:
        return [f"{name}: signed_off.date: {sign_off.date.isoformat()} is after today "
                f"({today.isoformat()}); check the date"]
    if sign_off.content_version != about.version:
        return [f"{name}: signed_off.content_version: {sign_off.content_version} was signed "
                f"off, but the content is now version {about.version}; the footer says it "
                "changed since sign-off. Make the review pack (`infoshare review`) and ask for "
                "sign-off again"]
    if sign_off.pack_made is None:
        return [f"{name}: signed_off.pack_made: missing, so the footer cannot tell what the "
                "signed pack showed and says 'published since sign-off' whenever anything is "
                "published here. Copy the pack_made line from the review pack that was signed"]
    return []


def stale_source_warnings(content: Content, today: date) -> list[Problem]:
    """A warning for each source last checked more than 12 months before ``today``."""
    found = []
    for value in loaded_files(content):
        path, lines = content.origin(value)
        for loc, ref in located_refs(value):
            if not isinstance(ref, SourceRef) or ref.checked is None:
                continue
            if today > review_due(ref.checked):
                found.append(Problem(
                    path, f"checked: {ref.checked.isoformat()} is more than {REVIEW_MONTHS} "
                    f"months ago (today is {today.isoformat()}); check '{ref.title}' again and "
                    "update `checked:`", loc=written_loc(lines, (*loc, "checked")),
                    line=written_line(lines, (*loc, "checked"))))
    return found


def footer_text(content: Content) -> str:
    """The footer's line: who signed the content off and when, from `about.yaml`'s `signed_off`
    only; that it changed since (a newer version, or an item published here that the pack read
    for the sign-off did not show: :func:`published_since`); or, without a sign-off, plainly that
    it has none."""
    about = content.about
    if about is None:
        return content.text("app", "not_reviewed")
    sign_off = about.signed_off
    if sign_off is None:
        return fill_template(content.text("app", "not_signed_off"),
                             {"version": about.version, "date": long_date(about.reviewed)})
    values = {"version": about.version, "role": sign_off.role,
              "date": long_date(sign_off.date), "signed_version": sign_off.content_version}
    key = ("changed_since_sign_off" if sign_off.content_version != about.version
           else "published_since_sign_off" if published_since(content, sign_off)
           else "signed_off_footer")
    return fill_template(content.text("app", key), values)


NOT_IN_PACK = ("case_studies",)
"""Kinds the overlay publishes that the review pack does not show: published, never read."""


def published_since(content: Content, sign_off: SignOff) -> bool:
    """Whether something published here (the overlay) was not in the pack that was signed off:
    a kind the pack does not show (case studies), or an item published or edited after the
    pack was made (``sign_off.pack_made``; instants, so time zones and the UK day do not
    matter). A sign-off with no ``pack_made`` cannot tell: anything published counts. An item
    whose time cannot be read counts as after."""
    published = getattr(content, "published_on", {})  # a snapshot from before the field: none
    items = set(content.changed_locally) | set(published)
    if not items:
        return False
    made = sign_off.pack_made
    if made is None or any(kind in NOT_IN_PACK for kind, _ in items):
        return True
    return any(published.get(item) is None or published[item] > made  # type: ignore[operator]
               for item in items)
