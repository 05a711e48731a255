"""The decision record (golden rule 7, "What do I do?"): answer, preview, download; nothing kept."""

from .download import DownloadButton
from .model import DecisionRecord, RecordItem, RecordWording, clean_answer, record_items
from .view import DecisionForm, DecisionRecordView, decision_record_widget

__all__ = [
    "DecisionForm", "DecisionRecord", "DecisionRecordView", "DownloadButton", "RecordItem",
    "RecordWording", "clean_answer", "decision_record_widget", "record_items",
]
