"""The decision record (golden rule 7, "What do I do?"): answer, preview, download; nothing kept.

``import infoshare_widgets.decision_record.model`` imports no widgets: the view is imported on
first use of one of its names. The download button is the UI kit's (``ui.download``).
"""

from ..ui.exports import lazy_exports
from .model import DecisionRecord, RecordItem, RecordWording, clean_answer, record_items

_VIEW = {name: ".view" for name in ("DecisionForm", "DecisionRecordView",
                                    "decision_record_widget")}
__all__ = ["DecisionRecord", "RecordItem", "RecordWording", "clean_answer", "record_items",
           *_VIEW]
__getattr__ = lazy_exports(__name__, _VIEW)
