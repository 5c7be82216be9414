"""Widgets: layout and wiring only. State lives in the view models, rules in the domain."""
