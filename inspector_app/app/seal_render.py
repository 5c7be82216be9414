"""Paint the seal of a landing (or the departure confirmation slip) with Qt: to a PDF
(QPdfWriter) or a printer (QPrinter).

Painting needs no widgets, so ``write_pdf`` can run on a worker thread; the seal is sized like
the sticker (90 x 62 mm) and placed on an A6 page so a desk printer can take it. Its title names
what was granted (``SealContent.title``, English and Japanese), a stay in hours ends on a date
and an hour.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPagedPaintDevice, QPageSize, QPainter, QPdfWriter, QPen

from inspector_app.booth.seal import SealContent, qr_matrix

SEAL_MM = QSizeF(90.0, 62.0)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def _line_label(label: str) -> str:
    """A detail's label on the seal (``booth.seal.SEAL_DETAILS``) in the language printed."""
    return {"Vessel or flight": tr("Vessel or flight"), "Cruise ship": tr("Cruise ship"),
            "Residence card": tr("Residence card"), "Re-entry permit": tr("Re-entry permit"),
            "Permit valid until": tr("Permit valid until"), "Decision": tr("Decision"),
            "Designation": tr("Designation")}.get(label, label)


def seal_rows(content: SealContent) -> list[tuple[str, str]]:
    """What the seal (or the departure slip) lists under its title, in order: only what was
    granted (no status row for a special landing, no period on a departure slip), the end of a
    stay in hours to the minute, and the details the decision recorded (``content.lines``)."""
    departure = content.decision_type == "departure_confirmation"
    rows = [(tr("Port"), content.port),
            (tr("Date of departure") if departure else tr("Date of landing"), content.landing_date.isoformat())]
    if content.status_name:
        rows.append((tr("Status"), content.status_name))
    if not departure and content.period:
        rows.append((tr("Period of stay"), _period(content.period)))
    if content.ends_at is not None:
        rows.append((tr("Until"), f"{content.ends_at:%Y-%m-%d %H:%M}"))
    elif content.period or content.decision_type == "returning_resident":   # the permit carries the stay over
        rows.append((tr("Until"), content.last_day.isoformat() if content.last_day else tr("unlimited")))
    rows += [(_line_label(label), value) for label, value in content.lines]
    rows += [(tr("Inspector"), content.inspector), (tr("Record"), content.record_id)]
    return rows


def _period(period: str) -> str:
    from inspector_app.app.i18n import core_text
    from inspector_app.domain.periods import Period, PeriodError

    try:
        return core_text(Period.parse(period).describe())
    except PeriodError:
        return period


def _title(painter: QPainter, title: str, width: float, dpmm: float) -> tuple[QFont, str]:
    """The title on one line in the largest type from 4.2 mm down to 3.2 mm that fits; a longer
    one (cruise-ship tourists) on two, the Japanese under the English."""
    font = QFont("IPAGothic", 1)
    font.setBold(True)
    for text in (title, "\n".join(title.rsplit(" ", 1))):
        size = 4.2
        while size >= 2.6 and (size >= 3.2 or "\n" in text):
            font.setPixelSize(int(size * dpmm))
            painter.setFont(font)
            metrics = painter.fontMetrics()
            if max(metrics.horizontalAdvance(line) for line in text.split("\n")) <= width:
                return font, text
            size -= 0.2
    return font, text


def paint_seal(painter: QPainter, device: QPagedPaintDevice, content: SealContent) -> float:
    """Paint the seal; returns how far down the frame its rows reached, in mm (at most the
    sticker's height: tests/ui/test_seal_render.py)."""
    dpmm = device.logicalDpiX() / 25.4
    w, h = SEAL_MM.width() * dpmm, SEAL_MM.height() * dpmm
    frame = QRectF(4 * dpmm, 4 * dpmm, w, h)
    painter.setPen(QPen(QColor("black"), 0.4 * dpmm))
    painter.drawRoundedRect(frame, 2 * dpmm, 2 * dpmm)

    title_box = QRectF(frame.left() + 2 * dpmm, frame.top() + dpmm, frame.width() - 4 * dpmm, 6 * dpmm)
    font, title = _title(painter, content.title, title_box.width(), dpmm)
    painter.setFont(font)
    title_box.setHeight(painter.fontMetrics().lineSpacing() * (title.count("\n") + 1))
    painter.drawText(title_box, Qt.AlignmentFlag.AlignHCenter, title)

    rows = seal_rows(content)
    top = title_box.bottom() + 2 * dpmm
    # seven rows fit at the usual size; more (a special landing's details) closer together
    pitch = min(4.6, (frame.bottom() - 2 * dpmm - top) / dpmm / max(1, len(rows)))
    body = QFont("IPAGothic", 1)
    body.setPixelSize(int(min(2.7, pitch * 0.62) * dpmm))
    painter.setFont(body)
    side = 24 * dpmm  # the QR code, bottom right
    qr_left = frame.right() - side - 2 * dpmm
    qr_top = frame.bottom() - side - 2 * dpmm
    y = top
    label_w = min(30 * dpmm, max(painter.fontMetrics().horizontalAdvance(label) for label, _v in rows) + 2.5 * dpmm)
    x_value = frame.left() + 3 * dpmm + label_w
    for label, value in rows:
        # rows beside the QR code are narrower; long values (port names) wrap onto two lines
        right = qr_left - dpmm if y + pitch * dpmm > qr_top else frame.right() - 2 * dpmm
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWrapAnywhere
        box = painter.boundingRect(QRectF(x_value, y, right - x_value, 2 * pitch * dpmm), flags, value)
        painter.drawText(QRectF(frame.left() + 3 * dpmm, y, label_w, pitch * dpmm), Qt.AlignmentFlag.AlignLeft, label)
        painter.drawText(QRectF(x_value, y, right - x_value, box.height()), flags, value)
        y += max(pitch * dpmm, box.height() + 0.6 * dpmm)

    matrix = qr_matrix(content.reference)
    cell = side / len(matrix)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    # one call for all the modules: PySide6 6.12 drops a reference to None on every call that
    # returns nothing, and hundreds of drawRect calls per seal brought the compute process down
    # ("deallocating None") after a few dozen seals
    painter.drawRects([QRectF(qr_left + c * cell, qr_top + r * cell, cell + 0.05, cell + 0.05)
                       for r, row in enumerate(matrix) for c, dark in enumerate(row) if dark])
    return (y - frame.top()) / dpmm


def write_pdf(path: Path, content: SealContent) -> Path:
    """Write the seal to ``path`` (PDF) and return it; the file is complete when this returns."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(300)
    writer.setTitle(f"{content.title} {content.record_id}")
    writer.setCreator("Border Inspector")
    painter = QPainter(writer)
    try:
        paint_seal(painter, writer, content)
    finally:
        painter.end()
    return path


def print_seal(printer, content: SealContent) -> None:
    """Print on a QPrinter the inspector chose in the print dialog."""
    painter = QPainter(printer)
    try:
        paint_seal(painter, printer, content)
    finally:
        painter.end()


def write_pdf_offscreen(path: str, content: SealContent) -> str:
    """For the compute process: the same PDF, with a headless QGuiApplication of its own.

    Font embedding in QPdfWriter holds the GIL for tens of milliseconds; in the booth's process
    that froze the UI thread, so the seal is written in the compute process instead.
    """
    import os

    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        global _APP
        _APP = QGuiApplication(["seal-writer", "-platform", "offscreen"])
    return str(write_pdf(Path(path), content))
