"""The assessment domain: framework, answers, scoring, phases, benchmarks, roadmap.

Pure Python (plus pydantic for validation). It imports no Qt, matplotlib, reportlab or
tinydb, and nothing from the floors above it; tests/test_layering.py enforces that.
"""
