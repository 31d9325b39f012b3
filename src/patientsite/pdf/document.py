"""Parts both PDFs share: the HTML head, the clinic's brand line, the QR block, page CSS."""

from dataclasses import dataclass
from datetime import date
from html import escape

from patientsite.dates import in_words
from patientsite.pdf.coverage import text_presentation
from patientsite.pdf.labels import Labels
from patientsite.pdf.qr import qr_svg
from patientsite.pdf.settings import BODY_FAMILIES, CODE_FAMILIES, Language, Settings


@dataclass(frozen=True)
class Meta:
    """What goes into the PDF's document information."""

    title: str  # the PDF title, shown by viewers instead of the file name
    author: str  # the PDF author
    description: str  # the PDF subject
    lang: str  # the document language: /Lang in the PDF


def format_date(day: date, labels: Labels) -> str:
    """A date as readers write it: 23 november 2026 / 23 November 2026."""
    return in_words(day, labels.date, labels.language)


def author_of(settings: Settings, language: Language) -> str:
    """The clinic's author, else the clinic, else the site: a PDF should always name one."""
    return settings.clinic.author or settings.clinic.name or language.site_name


def html_document(meta: Meta, body: str, body_class: str) -> str:
    # WeasyPrint takes the PDF title from <title>, the author from <meta name=author> and
    # /Lang from <html lang>.
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(meta.lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(meta.title)}</title>\n"
        f'<meta name="author" content="{escape(meta.author)}">\n'
        f'<meta name="description" content="{escape(meta.description)}">\n'
        f'<meta name="generator" content="patientsite">\n'
        f'</head>\n<body class="{body_class}">\n{text_presentation(body)}\n</body>\n</html>\n'
    )


def brand_html(settings: Settings, labels: Labels) -> str:
    """The clinic's logo and name; nothing when the clinic has set neither."""
    clinic = settings.clinic
    parts = []
    if settings.logo is not None:
        alt = labels.logo.format(name=clinic.name) if clinic.name else labels.logo_unnamed
        source = settings.logo.as_uri()
        parts.append(f'<img class="brand__logo" src="{source}" alt="{escape(alt)}">')
    if clinic.name:
        parts.append(f'<span class="brand__name">{escape(clinic.name)}</span>')
    return f'<div class="brand">{"".join(parts)}</div>' if parts else ""


def printed_address(url: str) -> str:
    """An address as a reader types it from paper: "rugpijn.be" or "rugpijn.be/en/", without
    the "https://" that every browser adds by itself (and that breaks the line on a poster)."""
    address = url.removeprefix("https://")
    return address.removesuffix("/") if address.count("/") == 1 else address


def online_text_html(url: str, labels: Labels) -> str:
    """What the QR code does, and the address printed (and clickable) for who cannot scan."""
    return (
        f'<div class="online__text"><p>{escape(labels.scan_code)}</p>\n'
        f'<p class="online__url">{escape(labels.read_online)}: '
        f'<a href="{escape(url)}">{escape(printed_address(url))}</a></p></div>'
    )


def qr_html(url: str, labels: Labels) -> str:
    return f'<div class="online__code">{qr_svg(url, labels.qr_alt.format(url=url))}</div>'


def online_html(url: str, labels: Labels, css_class: str) -> str:
    """The QR code to the online text, with the address beside it."""
    return (
        f'<div class="online {css_class}">\n{qr_html(url, labels)}\n'
        f"{online_text_html(url, labels)}\n</div>"
    )


def css_string(text: str) -> str:
    """A CSS string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def font_list(families: tuple[str, ...]) -> str:
    """A CSS font-family value: '"Atkinson Hyperlegible", "Patientsite DejaVu Sans", ...'."""
    return ", ".join(css_string(family) for family in families)


def font_css(settings: Settings) -> str:
    """@font-face rules for the fonts we embed, from the files in our package."""
    rules = [
        f"@font-face {{ font-family: {css_string(font.family)}; "
        f'src: url("{path.as_uri()}"); font-weight: {font.weight}; font-style: {font.style}; }}'
        for font, path in settings.font_files()
    ]
    # Only our families: a glyph none of them has must not come from whatever the machine has
    # (coverage.py refuses such characters before layout).
    rules.append(f"html, svg text {{ font-family: {font_list(BODY_FAMILIES)}; }}")
    rules.append(f"code, kbd, samp, pre {{ font-family: {font_list(CODE_FAMILIES)}; }}")
    return "\n".join(rules)


def margin_css(header_left: str, header_right: str, footer_left: str, labels: Labels) -> str:
    """The running header and footer: titles at the top, address and page numbers below."""
    page_of = labels.page_of.split("{page}")
    before, rest = page_of[0], page_of[1] if len(page_of) > 1 else ""
    between, _, after = rest.partition("{pages}")
    numbers = (
        f"{css_string(before)} counter(page) {css_string(between)} counter(pages) "
        f"{css_string(after)}"
    )
    return (
        "@page {\n"
        f"  @top-left {{ content: {css_string(header_left)}; }}\n"
        f"  @top-right {{ content: {css_string(header_right)}; }}\n"
        f"  @bottom-left {{ content: {css_string(footer_left)}; }}\n"
        f"  @bottom-right {{ content: {numbers}; }}\n"
        "}\n"
        "@page :first { @top-left { content: none; } @top-right { content: none; } }\n"
    )
