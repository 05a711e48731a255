"""The case-study builder (``?mode=author`` on the Case studies page): a form, its problems by
field, the YAML to download. Nothing is written on the server and nothing typed is logged.

``import infoshare_widgets.case_builder.model`` imports no widgets; the form is imported on use.
The preview is drawn by the case-study component, wired in ``pages.builder``.
"""

from ..ui.exports import lazy_exports
from .model import (
           Built,
           blank_values,
           build,
           data_from_values,
           open_text,
           to_yaml,
           values_from_data,
)

_VIEW = {name: ".view" for name in ("CaseBuilderForm", "builder_labels")}
__all__ = ["Built", "blank_values", "build", "data_from_values", "open_text", "to_yaml",
           "values_from_data", *_VIEW]
__getattr__ = lazy_exports(__name__, _VIEW)
