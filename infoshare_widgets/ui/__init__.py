"""The shared UI kit: the pieces every component builds on.

Pure modules (no ipywidgets): ``feedback`` (Feedback, Part, QuizWords, Scoreboard),
``feedback_html``, ``reveal`` (Reveal, RevealWording), ``shared_html`` (headings, links, source
lines), ``word_groups`` (GroupWords: a ui.yaml group as a dataclass), ``exports``; ui.yaml
wording is filled by ``content.templates.fill``.
Widgets: ``blocks`` (prose), ``question`` (QuestionWidget), ``scored`` (ScoredQuestions),
``pager`` (QuestionPager), ``reveal_widget`` (RevealWidget), ``details`` (DetailsWidget),
``contents`` (OnThisPage), ``download`` (DownloadButton), ``error_card`` and ``safe_build``.
Front end: ``dom.js`` (prepended to every module), ``components.css`` (prepended to every
stylesheet), by ``styles``. This package imports only ``infoshare_widgets.content``; importing it
imports nothing else, so ``import infoshare_widgets.ui.feedback`` needs no ipywidgets.
"""
