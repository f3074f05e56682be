"""What a case system gets back about its XML: every problem, each with where (line,
column, XPath), a stable machine code, and a message in Romanian.

The codes are part of the API: a case system may branch on them, so they never change
meaning. They are listed in ``schemas/README.md``.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem of a submission.

    ``line`` and ``column`` are 1-based positions in the document as received (``None``
    when the problem is about the document as a whole, e.g. its size). ``xpath`` selects
    the element with the prefix ``fs`` bound to ``urn:filing-service:dgaspc:v1``.
    ``field`` is the same place in the JSON model (``parents[0].cnp``) where there is one;
    ``article`` the article of law a rule cites.
    """

    code: str
    message: str
    line: int | None = None
    column: int | None = None
    xpath: str | None = None
    field: str | None = None
    article: str | None = None
    severity: str = "error"

    def as_dict(self) -> dict:
        """The problem as the API answers it (keys with no value are left out)."""
        out = {
            "code": self.code,
            "message": self.message,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "xpath": self.xpath,
            "field": self.field,
        }
        if self.article:
            out["article"] = self.article
        return out


class XmlRejected(Exception):
    """The document was refused; ``problems`` says every reason found.

    ``status`` is the HTTP status that fits: 413 for a document over the size limit,
    400 for one that is not safe, well-formed XML, 422 for XML that breaks the schema or
    the law.
    """

    def __init__(self, problems: list[Problem], status: int = 400):
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems
        self.status = status
