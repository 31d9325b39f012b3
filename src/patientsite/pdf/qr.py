"""QR codes for web addresses: inline SVG for the PDFs and pages, PNG for e-mails and slides."""

import io

import segno

# Error correction "M" (15 % may be damaged) is the usual choice for print; segno raises it when
# the same symbol size allows. Four modules of quiet zone is what the QR standard asks for.
_ERROR = "m"
_BORDER = 4


def _code(url: str) -> segno.QRCode:
    # micro=False: Micro QR codes are not read by most phone cameras.
    return segno.make(url, error=_ERROR, micro=False)


def qr_svg(url: str, title: str) -> str:
    """An SVG QR code that scales to its box (no fixed size), with a title for screen readers."""
    buffer = io.BytesIO()
    _code(url).save(
        buffer,
        kind="svg",
        xmldecl=False,
        svgns=True,
        border=_BORDER,
        omitsize=True,
        title=title,
        svgclass="qr",
        lineclass=None,
        nl=False,
    )
    svg = buffer.getvalue().decode("utf-8")
    # role="img" makes the title the accessible name in HTML and in the tagged PDF.
    return svg.replace("<svg ", '<svg role="img" ', 1)


def qr_png(url: str, scale: int = 10) -> bytes:
    """A PNG QR code; scale is pixels per module (10 gives about 4 cm at 150 dpi)."""
    buffer = io.BytesIO()
    _code(url).save(buffer, kind="png", scale=scale, border=_BORDER)
    return buffer.getvalue()
