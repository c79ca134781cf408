"""Undoable edits: each command holds the value before and after, and applies it through
the session (which saves it at once). The QUndoStack of the session holds them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from cemassess.domain.assessment import Agreed, Answer
    from cemassess.ui.session import Session


class _Command(QUndoCommand):
    def __init__(self, session: Session, text: str) -> None:
        super().__init__(text)
        self.session = session

    def _apply(self, value: Any) -> bool:
        raise NotImplementedError

    def redo(self) -> None:
        if not self._apply(self.new):
            self.setObsolete(True)  # the store refused: nothing to undo

    def undo(self) -> None:
        self._apply(self.old)


class AnswerCommand(_Command):
    """One respondent's answer to one practice (None = no answer)."""

    def __init__(self, session: Session, rid: str, pid: str, old: Answer | None,
                 new: Answer | None, text: str) -> None:
        super().__init__(session, text)
        self.rid, self.pid, self.old, self.new = rid, pid, old, new

    def _apply(self, value: Answer | None) -> bool:
        return self.session._put_answer(self.rid, self.pid, value)

    # a comment saved as it is typed (several saves per comment) is one undo step
    def id(self) -> int:
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt)
        if not (isinstance(other, AnswerCommand) and (other.rid, other.pid) == (self.rid, self.pid)):
            return False
        if not (_only_comment(self.old, self.new) and _only_comment(other.old, other.new)):
            return False
        self.new = other.new
        return True


def _only_comment(a: Answer | None, b: Answer | None) -> bool:
    """True when `a` and `b` differ in their comment only."""
    if a is None or b is None:
        return (a or b) is not None and not ((a or b).value is not None or (a or b).review)
    return a.model_copy(update={"comment": ""}) == b.model_copy(update={"comment": ""}) and a != b


class AgreedCommand(_Command):
    """The facilitator's agreed answer and dissent for a practice (consensus mode)."""

    def __init__(self, session: Session, pid: str, old: Agreed | None, new: Agreed | None,
                 text: str) -> None:
        super().__init__(session, text)
        self.pid, self.old, self.new = pid, old, new

    def _apply(self, value: Agreed | None) -> bool:
        return self.session._put_agreed(self.pid, value)


class FieldCommand(_Command):
    """A whole top-level part of the assessment (roadmap edits, metrics, company...)."""

    def __init__(self, session: Session, field: str, old: Any, new: Any, text: str) -> None:
        super().__init__(session, text)
        self.field, self.old, self.new = field, old, new

    def _apply(self, value: Any) -> bool:
        return self.session._put_fields({self.field: value})


class RespondentsCommand(_Command):
    """Respondents together with their answers (adding, removing, renaming)."""

    def __init__(self, session: Session, old: tuple, new: tuple, text: str) -> None:
        super().__init__(session, text)
        self.old, self.new = old, new

    def _apply(self, value: tuple) -> bool:
        respondents, answers = value
        return self.session._put_fields({"respondents": respondents, "answers": answers})
