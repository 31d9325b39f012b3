"""Interface words of our own templates, one table per language."""

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "permalink": "Link naar deze sectie",
        "not_found_title": "Pagina niet gevonden",
        "not_found_text": (
            "Deze pagina bestaat niet (meer). Misschien is de link oud of verkeerd getypt."
        ),
        "not_found_home": "Naar de startpagina",
        "not_found_search": "Of zoek met het zoekveld bovenaan.",
        "search_dialog": "Zoeken op deze website",
        "pdf_article": "Hele tekst (PDF)",
        "pdf_handout": "Folder (PDF, dubbelzijdig)",
        "pdf_poster_a3": "Poster A3 (PDF)",
        "pdf_poster_a4": "Poster A4 (PDF)",
        "print_links": "Printen of bewaren als PDF",
        "print_page": "Deze pagina printen",
        # The colour schemes' names (the header's button shows the one it switches to).
        "palette_default": "Lichte weergave",
        "palette_slate": "Donkere weergave",
        "language_switch": "Taal",
    },
    "en": {
        "permalink": "Link to this section",
        "not_found_title": "Page not found",
        "not_found_text": "This page does not exist (any more). The link may be old or mistyped.",
        "not_found_home": "Go to the home page",
        "not_found_search": "Or use the search box at the top.",
        "search_dialog": "Search this website",
        "pdf_article": "Full text (PDF)",
        "pdf_handout": "Handout (PDF, both sides)",
        "pdf_poster_a3": "Poster A3 (PDF)",
        "pdf_poster_a4": "Poster A4 (PDF)",
        "print_links": "Print or save as PDF",
        "print_page": "Print this page",
        "palette_default": "Light mode",
        "palette_slate": "Dark mode",
        "language_switch": "Language",
    },
}


def labels_for(language: str) -> dict[str, str]:
    """The label table for a language; unknown languages get English."""
    return LABELS.get(language, LABELS["en"])
