"""Analyses: pure functions from a `WijkNetwork` to small result objects."""
