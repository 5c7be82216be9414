"""The details a decision records, as real fields: one per ``domain.decisions.DetailField``.

The domain says which details the chosen decision needs (they depend on the type, the status, the
period and the details chosen so far); this builds a choice list or a text field for each and
hands each value to the view model. The fields are rebuilt only when the set of fields changes,
so typing never loses its focus; a field the inspector was in keeps the focus across a rebuild.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from inspector_app.app.widgets.common import core_text, tr  # module-level tr(): lupdate's "" context


class DetailsForm(QObject):
    """The rows of a QFormLayout holding the details; ``changed(key, value)`` reports each edit."""

    def __init__(self, layout: QFormLayout, placeholder: QLabel, changed, label_width, parent=None):
        """``label_width()``: the width of the labels, the decision form's own label column, so
        that the details' fields line up with the decision's and have room."""
        super().__init__(parent)
        self.layout, self.placeholder, self.changed, self.label_width = layout, placeholder, changed, label_width
        self.editors: dict[str, QWidget] = {}
        self._shape: tuple = ()
        self._filling = False

    def editor(self, key: str) -> QWidget | None:
        return self.editors.get(key)

    def show(self, fields: list, values: dict, enabled: bool) -> bool:
        """Show ``fields`` with ``values``; True when the fields were rebuilt."""
        shape = tuple((f.key, f.kind, f.required, tuple(v for v, _w in f.choices), str(f.label)) for f in fields)
        rebuilt = shape != self._shape
        if rebuilt:
            self._rebuild(fields)
            self._shape = shape
        self._filling = True
        try:
            for key, w in self.editors.items():
                value = str(values.get(key) or "")
                if isinstance(w, QComboBox):
                    w.setCurrentIndex(max(0, w.findData(value)))
                elif not w.hasFocus() and w.text() != value:
                    w.setText(value)
                w.setEnabled(enabled)
                self.layout.labelForField(w).setEnabled(enabled)
        finally:
            self._filling = False
        self.placeholder.setVisible(not fields)
        return rebuilt

    def retranslate(self) -> None:
        self._shape = ()   # the next show() builds the rows again, in the language now shown

    def _rebuild(self, fields: list) -> None:
        focused = next((k for k, w in self.editors.items() if w.hasFocus()), None)
        while self.layout.rowCount() > 1:   # row 0 is the "no details" placeholder
            row = self.layout.takeRow(1)
            for item in (row.labelItem, row.fieldItem):
                if item is not None and item.widget() is not None:
                    item.widget().hide()
                    item.widget().deleteLater()
        self.editors = {}
        width = self.label_width()
        for f in fields:
            text = core_text(f.label)
            # the domain's labels are phrases ("re-entry permit number"); a form label starts upper-case
            label = QLabel(text[:1].upper() + text[1:] + (" *" if f.required else ""))
            label.setWordWrap(True)
            label.setFixedWidth(width)   # long labels wrap, each line in full
            label.setMinimumHeight(label.heightForWidth(width))
            label.setObjectName(f"l_detail_{f.key}")
            if f.choices:
                w = QComboBox()
                w.addItem(tr("— choose —"), "")
                for value, words in f.choices:
                    w.addItem(core_text(words), value)
                w.currentIndexChanged.connect(lambda _i, w=w, key=f.key: self._edited(key, w.currentData() or ""))
            else:
                w = QLineEdit()
                if f.kind == "date":
                    w.setPlaceholderText(tr("YYYY-MM-DD"))
                w.textChanged.connect(lambda text, key=f.key: self._edited(key, text))
            w.setObjectName(f"detail_{f.key}")
            if f.required:
                w.setToolTip(tr("required"))
            label.setBuddy(w)
            self.layout.addRow(label, w)
            label.show()   # now, not when the layout gets round to it: the focus can come back at once
            w.show()
            self.editors[f.key] = w
        if focused in self.editors:
            self.editors[focused].setFocus(Qt.FocusReason.OtherFocusReason)

    def _edited(self, key: str, value: str) -> None:
        if not self._filling:
            self.changed(key, value)
