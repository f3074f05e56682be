"""Write the catalogue of error codes (``filing_service.errorcodes``) into
``schemas/README.md``, between its two markers. Run it after changing the catalogue;
``tests/unit/test_error_codes.py`` fails while the table is out of date."""

from pathlib import Path

from filing_service.errorcodes import markdown_table

README = Path(__file__).resolve().parents[1] / "schemas" / "README.md"
START, END = "<!-- error codes: start -->\n", "<!-- error codes: end -->\n"


def main() -> None:
    text = README.read_text("utf-8")
    head, rest = text.split(START)
    _, tail = rest.split(END)
    README.write_text(head + START + markdown_table() + END + tail, "utf-8")


if __name__ == "__main__":
    main()
