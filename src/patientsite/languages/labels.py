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
        "pdf_article": "Hele tekst als PDF (om te printen)",
        "pdf_handout": "Folder voor de wachtkamer (PDF, één blad, dubbelzijdig)",
        "pdf_poster_a3": "Poster voor de wachtkamer (PDF, A3)",
        "pdf_poster_a4": "Poster (PDF, A4)",
    },
    "en": {
        "permalink": "Link to this section",
        "not_found_title": "Page not found",
        "not_found_text": "This page does not exist (any more). The link may be old or mistyped.",
        "not_found_home": "Go to the home page",
        "not_found_search": "Or use the search box at the top.",
        "search_dialog": "Search this website",
        "pdf_article": "Full text as PDF (to print)",
        "pdf_handout": "Waiting-room handout (PDF, one sheet, both sides)",
        "pdf_poster_a3": "Waiting-room poster (PDF, A3)",
        "pdf_poster_a4": "Poster (PDF, A4)",
    },
}


def labels_for(language: str) -> dict[str, str]:
    """The label table for a language; unknown languages get English."""
    return LABELS.get(language, LABELS["en"])
