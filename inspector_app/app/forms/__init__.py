"""Modules generated from ui/*.ui and resources/inspector.qrc by build/compile_resources.py: do not edit."""
