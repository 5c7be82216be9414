"""`inspector-app gui|demo|demo-build` and the hidden `compute-worker` (the Qt app's child process)."""
from __future__ import annotations

from inspector_app.cli.support import CliError, add_command, emit, home_of


def _gui(args) -> int:
    from inspector_app.app.launch import run_gui
    from inspector_app.store import StoreError

    try:
        return run_gui(home=args.home, language=args.language)
    except StoreError as exc:  # wrong key, insecure key or secret file: what to do, not a traceback
        raise CliError(f"the booth's store cannot be opened: {exc}") from exc


def _demo(args) -> int:
    from inspector_app.app.launch import run_gui

    home = args.home
    if home is None:
        from inspector_app.home import resolve_home

        home = resolve_home(None) / "demo"
    from inspector_app.app.demo import DemoError
    from inspector_app.store import StoreError

    try:
        return run_gui(home=home, demo=True, language=args.language)
    except DemoError as exc:
        raise CliError(f"the demo cannot start: {exc}") from exc
    except StoreError as exc:  # e.g. INSPECTOR_MACHINE_SECRET readable by others: say what to do
        raise CliError(f"the demo cannot start: {exc}") from exc


def _demo_build(args) -> int:
    from inspector_app.app.demo import DemoError, build_demo_home

    try:
        info = build_demo_home(home_of(args), force=args.force)
    except DemoError as exc:
        raise CliError(str(exc)) from exc
    emit(info, args.json, text=f"demo home ready at {info['home']} (users: {', '.join(info['users'])})")
    return 0


def _compute_worker(args) -> int:
    from inspector_app.app.compute import serve

    return serve()


def register(subparsers) -> None:
    # internal (no help= so argparse does not list it): `python -m inspector_app compute-worker` is
    # the matching child process the window starts, see app/compute.py
    subparsers.add_parser(
        "compute-worker", description="internal: the Qt application's matching child process (app/compute.py); "
        "reads requests on standard input").set_defaults(handler=_compute_worker, home=None)
    p = add_command(subparsers, "gui", _gui, "open the workstation window", json_flag=False)
    p.add_argument("--language", choices=["en", "ja"], default=None, help="start in this language")
    p = add_command(subparsers, "demo", _demo,
                    "open the workstation on the embedded demo setup (demo users, planted hits, "
                    "SBI simulator, simulated camera, local hub)", json_flag=False)
    p.add_argument("--language", choices=["en", "ja"], default=None, help="start in this language")
    p = add_command(subparsers, "demo-build", _demo_build,
                    "create (or refresh) the demo booth home without opening the window")
    p.add_argument("--force", action="store_true", help="rebuild even if the demo home exists")
