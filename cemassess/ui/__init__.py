"""The desktop app (PySide6): a thin Qt layer over the domain.

One view + one controller per screen (`screens/`), one `Session` that owns the open
assessment, saves every change through the store and says what changed, and a main window
that only assembles the screens listed in the registry. Nothing here computes a score.
"""
