"""Renderers: turn a network and its analysis into files people open (never compute)."""
