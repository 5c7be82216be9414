"""`inspector-app face ...`: face subcommands (thin layer over inspector_app.biometrics.face)."""
from __future__ import annotations

import argparse
from pathlib import Path

from inspector_app.cli.support import CliError, add_command, emit


def register(subparsers) -> None:
    """Add `face` with its subcommands (`face compare`)."""
    face = subparsers.add_parser("face", help="face matching (1:1 compare)", description="Face matching.")
    face.set_defaults(handler=lambda args: _usage(face))
    sub = face.add_subparsers(dest="face_command", metavar="SUBCOMMAND")
    p = add_command(sub, "compare", _compare, help="compare the best face of two images (1:1)")
    p.add_argument("image_a", type=Path, help="first image (JPEG/PNG/...)")
    p.add_argument("image_b", type=Path, help="second image")
    p.add_argument("--threshold", type=float, default=None, help="match threshold on Euclidean distance (default: face.THRESHOLD)")


def _usage(parser: argparse.ArgumentParser) -> int:
    raise CliError(parser.format_usage().strip() + "\nchoose a subcommand, e.g. `face compare A.jpg B.jpg`")


def _compare(args: argparse.Namespace) -> int:
    from inspector_app.biometrics import face

    threshold = face.THRESHOLD if args.threshold is None else args.threshold
    if not 0 < threshold < 2.5:
        raise CliError(f"--threshold must be a Euclidean distance between 0 and 2.5, got {threshold}")
    try:
        result = face.compare_images(args.image_a, args.image_b, threshold=threshold)
    except face.FaceError as exc:
        raise CliError(str(exc)) from exc
    d = result.to_dict()
    verdict = "MATCH" if result.match else "no match"
    emit(d, args.json, f"{verdict}: distance {d['distance']:.4f} (threshold {threshold}); faces found {d['faces_a']} and {d['faces_b']}")
    return 0
