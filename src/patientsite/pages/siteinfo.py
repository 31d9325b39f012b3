"""The clinic's details (mkdocs.yml `extra.clinic`) as a block on the About page."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from html import escape

from patientsite.pages.labels import Labels

# The marker as Python-Markdown renders a paragraph holding only `[[site-info]]`; in code it is
# rendered inside <code>, so it never matches there.
_MARKER_PARAGRAPH = re.compile(r"<p>\s*\[\[site-info\]\]\s*</p>")
_EMAIL = re.compile(r"[^@\s<>\"']+@[^@\s<>\"']+\.[a-z]{2,}", re.IGNORECASE)
_WEB_ADDRESS = re.compile(r"https?://\S+", re.IGNORECASE)


class ClinicConfigError(ValueError):
    """`extra.clinic` in mkdocs.yml holds something other than text settings we know."""


@dataclass(frozen=True)
class Clinic:
    """What a clinic fills in about itself; an empty string means not filled in."""

    name: str = ""  # the clinic's name
    logo: str = ""  # path (inside the site) or web address of its logo
    author: str = ""  # who wrote the pages for the clinic, with credentials
    reviewer: str = ""  # who checked them, with credentials
    contact: str = ""  # e-mail address, web address or phone number
    funding: str = ""  # who pays for the site
    conflicts: str = ""  # conflicts of interest of the author and reviewer
    licence: str = ""  # on what terms others may reuse the text, e.g. "CC BY 4.0"
    country: str = ""  # "BE" or "NL": the warning signs show only that country's routes


def clinic_from_extra(extra: Mapping[str, object]) -> Clinic:
    """The clinic's details from mkdocs.yml's `extra`, checked: only known keys, only text."""
    settings = extra.get("clinic") or {}
    if not isinstance(settings, Mapping):
        raise ClinicConfigError("extra.clinic in mkdocs.yml must hold settings such as 'name:'.")
    known = [field.name for field in fields(Clinic)]
    values = {}
    for key, value in settings.items():
        if key not in known:
            raise ClinicConfigError(
                f"extra.clinic.{key} in mkdocs.yml is not a setting we know. "
                f"Known settings: {', '.join(known)}."
            )
        if value is not None and not isinstance(value, str):
            # A phone number without quotes becomes a number and loses its leading zero.
            raise ClinicConfigError(
                f"extra.clinic.{key} in mkdocs.yml must be text: put the value in quotes."
            )
        values[key] = (value or "").strip()
    return Clinic(**values)


def _contact_html(contact: str) -> str:
    if _EMAIL.fullmatch(contact):
        return f'<a href="mailto:{escape(contact)}">{escape(contact)}</a>'
    if _WEB_ADDRESS.fullmatch(contact):
        return f'<a href="{escape(contact)}">{escape(contact)}</a>'
    return escape(contact)


def site_info_html(clinic: Clinic, labels: Labels, logo_url: str = "") -> str:
    """The clinic's details as a definition list. The name and contact only when set; the
    JAMA disclosure items (author, reviewer, funding, conflicts) and the licence always, so
    readers see plainly when the clinic has not filled them in yet."""
    rows: list[tuple[str, str]] = []
    if clinic.name:
        rows.append((labels.clinic, escape(clinic.name)))
    always = (
        (labels.author, clinic.author),
        (labels.reviewer, clinic.reviewer),
        (labels.funding, clinic.funding),
        (labels.conflicts, clinic.conflicts),
        (labels.licence, clinic.licence),
    )
    for label, value in always:
        rows.append((label, escape(value) if value else escape(labels.not_filled_in)))
    if clinic.contact:
        rows.append((labels.contact, _contact_html(clinic.contact)))

    parts = ['<div class="site-info">']
    if clinic.logo:
        alt = labels.logo.format(name=clinic.name) if clinic.name else labels.logo_unnamed
        parts.append(
            f'<p class="site-info__logo"><img src="{escape(logo_url or clinic.logo)}" '
            f'alt="{escape(alt)}"></p>'
        )
    parts.append("<dl>")
    parts.extend(f"<dt>{escape(label)}</dt>\n<dd>{value}</dd>" for label, value in rows)
    parts.append("</dl>\n</div>")
    return "\n".join(parts)


def replace_marker(page_html: str, block: str) -> str:
    """The page's HTML with every `[[site-info]]` paragraph replaced by the block."""
    return _MARKER_PARAGRAPH.sub(lambda _match: block, page_html)
