"""Errors for bad input, in the consultant's terms (raised by use cases, also by printing)."""

from hkcase.domain.messages import tr


class ValidationError(ValueError):
    """Input that cannot be saved; ``field`` names what to correct."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class NeedsConfirmation(ValidationError):
    """Input that looks like a typo: ``questions`` to ask; save again with ``confirm=True``."""

    def __init__(self, questions: list[str], field: str) -> None:
        super().__init__(field, tr("{questions} (confirm to save it anyway)",
                                   questions=" ".join(questions)))
        self.questions = list(questions)
