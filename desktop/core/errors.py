"""Errors the user can act on.

A ``UserError`` carries a Vietnamese sentence that names what was wrong and
what to do; the CLI prints it and exits 2, the window shows it in a dialog.
Anything else reaching the top is a bug and exits 1.
"""


class UserError(Exception):
    """Input refused; nothing was written."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotFound(UserError):
    """A unit, directive or requirement named by the user does not exist."""


class Cancelled(UserError):
    """The user stopped a long job; everything it did was rolled back."""

    def __init__(self, message: str = "Đã hủy theo yêu cầu; không có gì được ghi."):
        super().__init__(message)
