"""Exceptions of the domain: raised by the law package, mapped to HTTP elsewhere."""

from ..errorcodes import Code


class DomainError(Exception):
    """A rule of the domain refused a value.

    ``field`` names the offending field (a dotted path such as ``child.cnp``) where one
    applies, ``code`` is a stable machine code of the catalogue (``errorcodes``),
    ``message`` is in Romanian for people.
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        code: Code = Code.INVALID_VALUE,
        article: str | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code
        self.article = article
