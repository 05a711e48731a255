"""The model of `content/confidence.yaml`: the optional before/after confidence questions.

Kept apart from `models.py` (one small file, one idea). A room asks them like any other
question; they are two separate questions (``confidence.before``, ``confidence.after``), so the
session's results count each on its own and never pair one device's two answers.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from .models import Strict, Text, _no_duplicates


class ConfidenceFile(Strict):
    """`content/confidence.yaml`: how confident learners feel, asked in a live room at the start
    and at the end of a session. Optional: without the file the room does not offer them."""

    title: Text = Field(description="What the room's question list and the phones call these "
                        "questions, e.g. `Your confidence`.")
    before: Text = Field(description="The question asked at the start of a session (plain "
                         "text), e.g. `Before we start: how confident are you to share "
                         "information to safeguard someone?`")
    after: Text = Field(description="The same question asked at the end (plain text).")
    scale: list[Text] = Field(min_length=2, max_length=10, description="The answers, in order "
                              "from least to most confident; the same for both questions.")

    @model_validator(mode="after")
    def _unique_answers(self) -> ConfidenceFile:
        _no_duplicates("scale", list(self.scale))
        return self
