"""Every substantive sentence of the resource pack is reachable in the shipped content.

The pack is split into sentences and list items; headings of page layout, the PDF's navigation
words and the footer logos are left out. Both sides are compared as plain lowercase words, so
quotes, dashes, Markdown emphasis and links, and line breaks do not matter; the few plain slips
corrected in the content (listed in content/CHANGES.md) are applied to the pack first.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from _pack_support import pack_path, strings

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"

# The plain slips corrected in the content, as in content/CHANGES.md: pack text -> content text.
CORRECTIONS = {
    "Information Commissioner's Officer": "Information Commissioner's Office",
    "Children's Act 1989 and 2004": "Children Act 1989 and 2004",
    "UK General Data Protection Regulations (UK GDPR)": "UK General Data Protection Regulation "
    "(UK GDPR)",
    "pressures sores": "pressure sores",
    "Multi -agency": "Multi-agency",
}

# Lines of the pack that are not substance, with why (compared as normalised words).
NOT_SUBSTANTIVE = {
    "use the icons to navigate through": "the PDF's navigation; the app has its own",
    "the home buttons redirect to the start of each section": "the PDF's navigation",
    "legislation and guidance children s": "a navigation button; the page title says it",
}
RULE_NUMBER = re.compile(r"^\d+( continued)?$")  # "3", "3.continued": card numbers
FOOTER = "\nLeicester\nSafeguarding\nChildren Partnership"  # the partnerships' logos
SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[^a-z\s])")
LABEL = re.compile(r"^([^:]{1,60}):\s+(.+)$")  # "Consent: the individual has given ..."



def words(text: str) -> str:
    """Lowercase words and numbers only: punctuation, quotes and markup drop out."""
    text = re.sub(r"\]\([^)]*\)", "]", text)  # a Markdown link keeps its words, not its target
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def pack_units(text: str) -> list[str]:
    """Paragraphs and list items of the pack, footer cut off, as raw text."""
    if FOOTER in text:
        text = text[: text.rindex(FOOTER)]
    units: list[str] = []
    paragraph: list[str] = []
    for line in [*text.splitlines(), ""]:
        stripped = line.strip()
        if stripped.startswith("- ") or not stripped:
            if paragraph:
                units.append(" ".join(paragraph))
                paragraph = []
            if stripped:
                units.append(stripped[2:])
        else:
            paragraph.append(stripped)
    return units


def pack_sentences(text: str) -> list[str]:
    """Substantive sentences of the pack, corrections applied, links and markup resolved."""
    out = []
    for unit in pack_units(text):
        unit = re.sub(r"\\([()])", r"\1", unit)  # \(ICO\)
        unit = re.sub(r"<(https?://[^>]+)>", r"\1", unit).replace("¹", "").replace("²", "")
        unit = re.sub(r"\]\(#\)", "]", unit).replace("**", "")
        for before, after in CORRECTIONS.items():
            unit = unit.replace(before, after)
        for sentence in SENTENCE_END.split(unit):
            w = words(sentence)
            if w and w not in NOT_SUBSTANTIVE and not RULE_NUMBER.match(w):
                out.append(sentence)
    return out



def content_strings(root: Path = CONTENT) -> list[str]:
    """Every text value of every content file."""
    found: list[str] = []
    for path in sorted(root.rglob("*.yaml")):
        found += strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def missing(sentences: list[str], texts: list[str]) -> list[str]:
    """The sentences whose words appear in no single content text (nor, for "Label: text", its
    two parts)."""
    haystack = "\n".join(f" {words(t)} " for t in texts)

    def found(s: str) -> bool:
        return f" {words(s)} " in haystack

    out = []
    for s in sentences:
        if found(s):
            continue
        label = LABEL.match(s)
        if label and len(label[1].split()) <= 4 and found(label[1]) and found(label[2]):
            continue
        out.append(s)
    return out


@pytest.fixture(scope="module")
def pack() -> str:
    return pack_path().read_text(encoding="utf-8")


def test_the_pack_splits_into_many_sentences(pack: str) -> None:
    sentences = pack_sentences(pack)
    assert len(sentences) > 150
    assert "Fears about sharing information must not be allowed to stand in the way of " \
        "effective safeguarding." in sentences
    assert not any("WORKING TOGETHER" in s for s in sentences), "footer logos not cut off"


def test_every_substantive_sentence_is_in_the_content(pack: str) -> None:
    gone = missing(pack_sentences(pack), content_strings())
    assert gone == [], "sentences of the pack not found in content/:\n" + "\n".join(gone)


def test_a_deleted_sentence_is_reported(pack: str) -> None:
    texts = [t.replace("Fears about sharing information must not be allowed to stand in the way "
                       "of effective safeguarding.", "") for t in content_strings()]
    gone = missing(pack_sentences(pack), texts)
    assert gone == ["Fears about sharing information must not be allowed to stand in the way of "
                    "effective safeguarding."]


def test_every_skipped_line_is_in_the_pack(pack: str) -> None:
    in_pack = {words(u) for u in pack_units(pack)} | {
        words(s) for u in pack_units(pack) for s in SENTENCE_END.split(u)}
    assert set(NOT_SUBSTANTIVE) - in_pack == set(), "stale entries in NOT_SUBSTANTIVE"


@pytest.mark.parametrize("before", sorted(CORRECTIONS))
def test_each_correction_is_of_the_pack_and_recorded(pack: str, before: str) -> None:
    after = CORRECTIONS[before]
    assert before in pack, "the pack no longer has this slip: drop the correction"
    changes = (CONTENT / "CHANGES.md").read_text(encoding="utf-8")
    assert before in changes and after in changes
    assert not any(before in t for t in content_strings()), "the slip is still in the content"
