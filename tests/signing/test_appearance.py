"""The visible signature: on the last page, in an embedded font that carries ș and ț,
naming the signer, the role and the date."""

import io
import re

from pypdf import PdfReader, PdfWriter

from filing_service.signing.profiles import Level

from .conftest import P12_PASSPHRASE
from .helpers import key_spec, sign


def widgets(page) -> list:
    return [
        a.get_object() for a in page.get("/Annots", []) if a.get_object().get("/FT") == "/Sig"
    ]


def signed_three_pages(pki, p12_files) -> PdfReader:
    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    signed = sign(
        out.getvalue(),
        key_spec("pkcs12", "director", p12_files=p12_files),
        Level.B_B,
        pki.tsa_url,
        secret=P12_PASSPHRASE,
        signer="director",
    )
    return PdfReader(io.BytesIO(signed))


def test_the_visible_signature_is_on_the_last_page(pki, p12_files):
    reader = signed_three_pages(pki, p12_files)
    assert [len(widgets(page)) for page in reader.pages] == [0, 0, 1]
    x0, y0, x1, y1 = [float(v) for v in widgets(reader.pages[2])[0]["/Rect"]]
    assert x1 - x0 > 100 and y1 - y0 > 30  # visible, not a zero-size field


def test_the_appearance_embeds_a_font_that_maps_s_and_t_with_comma_below(pki, p12_files):
    widget = widgets(signed_three_pages(pki, p12_files).pages[2])[0]
    fonts = widget["/AP"]["/N"]["/Resources"]["/Font"]
    [font] = [f.get_object() for f in fonts.values()]
    descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
    assert "DejaVuSans" in str(font["/BaseFont"])
    assert "/FontFile2" in descriptor or "/FontFile3" in descriptor  # embedded (PDF/A)
    to_unicode = font["/ToUnicode"].get_object().get_data().decode("ascii").lower()
    assert "0219" in to_unicode and "021b" in to_unicode  # ș and ț of "Funcția", "și"


def test_the_appearance_names_the_signer_role_and_date(pki, p12_files):
    widget = widgets(signed_three_pages(pki, p12_files).pages[2])[0]
    fonts = widget["/AP"]["/N"]["/Resources"]["/Font"]
    [font] = [f.get_object() for f in fonts.values()]
    text = _shown_text(
        widget["/AP"]["/N"].get_object().get_data(), font["/ToUnicode"].get_object().get_data()
    )
    assert "Mihai Ionescu" in text
    assert "Funcția: Director executiv" in text
    assert "Data și ora:" in text


def _shown_text(content: bytes, cmap: bytes) -> str:
    """Decode the hex glyph strings of a content stream through the font's ToUnicode."""
    mapping = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src, dst in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            mapping[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, rest in re.findall(
            rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)", block
        ):
            targets = [int(t, 16) for t in re.findall(rb"<([0-9a-fA-F]+)>", rest)]
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                # "[<a> <b> ...]" lists each target; "<a>" starts a consecutive run
                mapping[code] = chr(targets[i] if len(targets) > 1 else targets[0] + i)
    lines = []
    for hexes in re.findall(rb"<([0-9a-fA-F]+)>", content):
        glyphs = [int(hexes[i : i + 4], 16) for i in range(0, len(hexes), 4)]
        lines.append("".join(mapping.get(g, "") for g in glyphs))
    return "".join(lines)  # kerning splits a line into several strings
