"""Errors a use case raises for bad input, in the consultant's terms."""


class ValidationError(ValueError):
    """Input that cannot be saved; ``field`` names what to correct."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"
