"""The build-error notice shown over every page of the live preview while a rebuild fails.

Plain string work, no MkDocs: the plugin passes in the messages of the failed build and the
HTML of each page it serves. Only the preview gets this notice; built sites never do.
"""

import re
from dataclasses import dataclass
from html import escape

OVERLAY_ID = "patientsite-build-error"
_HTML_LANG = re.compile(rb"<html\b[^>]*\blang=\"([A-Za-z-]+)\"", re.IGNORECASE)
_BODY_OPEN = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Words:
    """The notice's words in one language."""

    title: str  # what happened
    explanation: str  # what the author sees and what to do


WORDS: dict[str, Words] = {
    "nl": Words(
        title="De site kon niet opnieuw gebouwd worden",
        explanation=(
            "Wat je hieronder ziet, is de vorige versie: je laatste wijziging staat er nog niet "
            "in. Verbeter wat hier staat en bewaar het bestand; deze melding verdwijnt vanzelf "
            "zodra het bouwen weer lukt."
        ),
    ),
    "en": Words(
        title="The site could not be rebuilt",
        explanation=(
            "What you see below is the previous version: your last change is not in it yet. "
            "Fix what is described here and save the file; this notice disappears by itself "
            "as soon as the build works again."
        ),
    ),
}

# Inline on purpose: the notice must look the same on any page, whatever the theme's
# stylesheets, and it exists only in the local preview, never in the published site.
_STYLE = (
    f"#{OVERLAY_ID}{{position:fixed;z-index:1000;top:0;left:0;right:0;max-height:70vh;"
    "overflow:auto;margin:0;padding:1rem 1.2rem;background:#fff;color:#1a1a1a;"
    "border-bottom:6px solid #b71c1c;box-shadow:0 4px 16px rgba(0,0,0,.4);"
    "font:16px/1.5 system-ui,sans-serif}"
    f"#{OVERLAY_ID} h2{{margin:0 0 .4rem;color:#b71c1c;font-size:1.2rem}}"
    f"#{OVERLAY_ID} pre{{white-space:pre-wrap;overflow-wrap:anywhere;margin:.6rem 0 0;"
    "padding:.6rem;background:#f5f5f5;color:#1a1a1a;font:14px/1.45 ui-monospace,monospace}"
)


def notice_language(page_language: str) -> str:
    """The language of the notice for a page's language ("nl-BE" -> "nl"); else English."""
    code = page_language.split("-")[0].lower()
    return code if code in WORDS else "en"


def overlay_html(messages: list[str], language: str) -> str:
    """The notice: a heading, what to do, and the build's own messages, escaped."""
    code = notice_language(language)
    words = WORDS[code]
    details = "\n\n".join(messages)
    return (
        f"<style>{_STYLE}</style>"
        f'<div id="{OVERLAY_ID}" role="alert" lang="{code}">'
        f"<h2>{escape(words.title)}</h2><p>{escape(words.explanation)}</p>"
        f"<pre>{escape(details)}</pre></div>"
    )


def insert_overlay(page: bytes, messages: list[str]) -> bytes:
    """The page with the notice first in its body; the page unchanged when there is no error."""
    if not messages:
        return page
    lang = _HTML_LANG.search(page)
    notice = overlay_html(messages, lang.group(1).decode("ascii") if lang else "en").encode()
    body = _BODY_OPEN.search(page)
    at = body.end() if body else 0
    return page[:at] + notice + page[at:]
