"""Paint the landing permission seal with Qt: to a PDF (QPdfWriter) or a printer (QPrinter).

Painting needs no widgets, so ``write_pdf`` can run on a worker thread; the seal is sized like
the sticker (80 x 55 mm) and placed on an A6 page so a desk printer can take it.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPagedPaintDevice, QPageSize, QPainter, QPdfWriter, QPen

from inspector_app.booth.seal import SealContent, qr_matrix

SEAL_MM = QSizeF(90.0, 62.0)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def paint_seal(painter: QPainter, device: QPagedPaintDevice, content: SealContent) -> None:
    dpmm = device.logicalDpiX() / 25.4
    w, h = SEAL_MM.width() * dpmm, SEAL_MM.height() * dpmm
    frame = QRectF(4 * dpmm, 4 * dpmm, w, h)
    painter.setPen(QPen(QColor("black"), 0.4 * dpmm))
    painter.drawRoundedRect(frame, 2 * dpmm, 2 * dpmm)

    title = QFont("IPAGothic", 1)
    title.setPixelSize(int(4.2 * dpmm))
    title.setBold(True)
    painter.setFont(title)
    painter.drawText(QRectF(frame.left(), frame.top() + dpmm, frame.width(), 6 * dpmm),
                     Qt.AlignmentFlag.AlignHCenter, tr("LANDING PERMISSION") + " 上陸許可")

    body = QFont("IPAGothic", 1)
    body.setPixelSize(int(2.7 * dpmm))
    painter.setFont(body)
    rows = [
        (tr("Port"), content.port),
        (tr("Date of landing"), content.landing_date.isoformat()),
        (tr("Status"), f"{content.status_name}"),
        (tr("Period of stay"), content.period),
        (tr("Until"), content.last_day.isoformat() if content.last_day else tr("unlimited")),
        (tr("Inspector"), content.inspector),
        (tr("Record"), content.record_id),
    ]
    side = 24 * dpmm  # the QR code, bottom right
    qr_left = frame.right() - side - 2 * dpmm
    qr_top = frame.bottom() - side - 2 * dpmm
    y = frame.top() + 9 * dpmm
    label_w = 22 * dpmm
    x_value = frame.left() + 3 * dpmm + label_w
    for label, value in rows:
        # rows beside the QR code are narrower; long values (port names) wrap onto two lines
        right = qr_left - dpmm if y + 4 * dpmm > qr_top else frame.right() - 2 * dpmm
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWrapAnywhere
        box = painter.boundingRect(QRectF(x_value, y, right - x_value, 9 * dpmm), flags, value)
        painter.drawText(QRectF(frame.left() + 3 * dpmm, y, label_w, 4 * dpmm), Qt.AlignmentFlag.AlignLeft, label)
        painter.drawText(QRectF(x_value, y, right - x_value, box.height()), flags, value)
        y += max(4.6 * dpmm, box.height() + 0.6 * dpmm)

    matrix = qr_matrix(content.reference)
    cell = side / len(matrix)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                painter.drawRect(QRectF(qr_left + c * cell, qr_top + r * cell, cell + 0.05, cell + 0.05))


def write_pdf(path: Path, content: SealContent) -> Path:
    """Write the seal to ``path`` (PDF) and return it; the file is complete when this returns."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(300)
    writer.setTitle(f"Landing permission {content.record_id}")
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
