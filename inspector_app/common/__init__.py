"""Small standard-library pieces several packages need in exactly one form: canonical JSON, the
UTC timestamp format, password hashes.

The lowest layer besides ``domain``: it imports nothing else of the project (an import-linter
contract in pyproject.toml), so store, hub, screening, sync, devices and app can all use it
without depending on each other. ``domain`` stays pure and does not use it (no clock reads).
"""
