"""`inspector-app finger compare|quality`: thin wrappers over `fingerprint` (imported lazily)."""
from __future__ import annotations

from pathlib import Path

from inspector_app.cli.support import CliError, add_command, emit


def _load(path: Path, dpi):
    from inspector_app.biometrics import fingerprint

    try:
        return fingerprint.load_image(path, dpi)
    except fingerprint.FingerImageError as exc:
        raise CliError(str(exc)) from exc


def _template(path: Path, dpi):
    """An image, or an ISO 19794-2 template file (starts with FMR\\0)."""
    from inspector_app.biometrics import fingerprint, iso19794

    try:
        head = path.read_bytes()[:4]
    except OSError as exc:
        raise CliError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if head == iso19794.MAGIC:
        try:
            return iso19794.read(path.read_bytes())
        except iso19794.TemplateError as exc:
            raise CliError(f"{path}: {exc}") from exc
    from inspector_app.biometrics.finger.extract import ExtractionError

    try:
        return fingerprint.extract(_load(path, dpi))
    except ExtractionError as exc:
        raise CliError(f"{path}: {exc}") from exc


def _compare(args) -> int:
    from inspector_app.biometrics import fingerprint

    a, b = _template(args.a, args.dpi), _template(args.b, args.dpi)
    score = fingerprint.match(a, b)
    result = {"score": round(score, 4), "match": score >= fingerprint.THRESHOLD, "threshold": fingerprint.THRESHOLD}
    verdict = "MATCH" if result["match"] else "no match"
    emit(result, args.json, f"{verdict}: score {result['score']} (threshold {fingerprint.THRESHOLD})")
    return 0


def _quality(args) -> int:
    from inspector_app.biometrics import fingerprint

    q = fingerprint.quality(_load(args.image, args.dpi))
    emit({"quality": q}, args.json, f"quality {q}/100")
    return 0


def _positive_dpi(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1
    if value <= 0:
        import argparse

        raise argparse.ArgumentTypeError(f"dpi must be a positive number, not {text!r}")
    return value


def register(subparsers) -> None:
    """Add `finger compare` and `finger quality`."""
    finger = subparsers.add_parser("finger", help="fingerprint comparison and quality",
                                   description="fingerprint comparison and quality")
    sub = finger.add_subparsers(dest="finger_command", metavar="ACTION", required=True)
    p = add_command(sub, "compare", _compare, help="compare two fingerprints (images or ISO 19794-2 templates)")
    p.add_argument("a", type=Path)
    p.add_argument("b", type=Path)
    p.add_argument("--dpi", type=_positive_dpi, default=None, help="scanner resolution when the files carry none (default 500)")
    p = add_command(sub, "quality", _quality, help="image quality 0-100 (NFIQ 2 in spirit)")
    p.add_argument("image", type=Path)
    p.add_argument("--dpi", type=_positive_dpi, default=None, help="scanner resolution when the file carries none (default 500)")
