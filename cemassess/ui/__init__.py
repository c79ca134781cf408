"""The desktop app (PySide6): a thin Qt layer over the domain.

One view + one controller per screen (`screens/`), one `Session` that owns the open
assessment, saves every change through the store and says what changed, and a main window
that only assembles the screens listed in the registry. Nothing here computes a score.

Participant mode (`participant.py`) is a second, smaller window over the same Session and
walk-through, with a one-file autosave (`participant_store.py`) in place of the portfolio.
Workshop and event actions live in `workshop.py`; `portfolio.py` is the one door to the store.
"""
