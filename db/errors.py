"""Errors of the store the user can act on; ``message`` says what happened
and what to do, in Vietnamese. (The core's ``UserError`` plays the same part
above this layer.)"""


class StoreError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
