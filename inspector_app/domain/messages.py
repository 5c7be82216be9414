"""Messages of the Qt-free core that a person reads, translatable without the core knowing Qt.

``msg("the document expired on {date}", date=...)`` returns a ``Message``: a ``str`` whose value is
the English text (what the store records, the command line prints and the logs show), carrying
its ``template`` and ``params``. The window translates the template (Qt context ``"core"``) and
puts the params back, each translated in turn when it is itself a message
(``inspector_app.app.i18n.core_text``). A record read back from the store holds only the English
text; the window finds its template by matching the text against the known templates.

Rules for templates (tests/ui/test_translations.py checks them):
- the first argument of ``msg`` is a string literal (the build collects the templates from the
  source: ``python build/compile_resources.py --update``);
- placeholders are plain ``{name}``: format numbers and dates into the param before passing it;
- the messages of ``domain.rules.Rule`` are templates too (collected from ``Rule(code, message)``).
"""
from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def render(template: str, params: dict) -> str:
    """``template`` with each ``{name}`` replaced by ``str(params[name])`` (unknown names stay)."""
    return PLACEHOLDER.sub(lambda m: str(params[m.group(1)]) if m.group(1) in params else m.group(0), template)


class Message(str):
    """English text that remembers the template and params it was made from."""

    template: str
    params: dict

    def __new__(cls, template: str, params: dict | None = None):
        params = dict(params or {})
        obj = super().__new__(cls, render(template, params) if params else template)
        obj.template = template
        obj.params = params
        return obj

    def __repr__(self) -> str:
        return f"msg({self.template!r}, {self.params!r})"


def msg(template: str, **params) -> Message:
    """The marker for a message a person reads: ``template`` must be a string literal."""
    return Message(template, params)

