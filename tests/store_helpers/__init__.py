"""Helpers for the store tests: building assessments, file-tree snapshots, child processes."""
