"""Exceptions of reportedly; each message names the bad value and what was expected."""


class ReportedlyError(Exception):
    """Base class of every error reportedly raises on purpose."""

    kind = "error"


class InputError(ReportedlyError):
    """An input document or record cannot be read as an article."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class ModelNotFoundError(ReportedlyError):
    """No spaCy English pipeline is installed."""

    kind = "model"


class StoreError(ReportedlyError):
    """A store file cannot be opened, read or written."""

    kind = "store"


class SetupError(ReportedlyError):
    """A resource built at setup (the gazetteer) is missing: run reportedly setup."""

    kind = "setup"
