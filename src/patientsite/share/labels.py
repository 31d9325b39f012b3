"""Every word of the share kit and the share page, one table per language.

The e-mail addresses the patient as the site does: "je" in Dutch, "you" in English. The page
speaks to clinic staff (a receptionist, not a programmer), in the same plain words.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ShareLabels:
    """The words of one language."""

    name: str  # the language's own name, for the language switch: "Nederlands"
    language_switch: str  # accessible name of the language switch
    subject: str  # e-mail subject; {title} is the page title
    line: str  # the e-mail sentence; {clinic} is at_clinic or "", {title} the page title
    at_clinic: str  # fills {clinic} above; {name} is the clinic's name
    qr_alt: str  # text alternative of a QR code; {url} is its web address
    title: str  # the share page's title and heading
    skip: str  # the "skip to content" link
    intro: str  # who the page is for and what is on it
    other_language: str  # how to find the texts in the other language
    email_heading: str  # heading: how to put a link in an appointment e-mail
    email_steps: tuple[str, ...]  # the steps, in order
    email_fallback: str  # what to do when the copy button is missing or fails
    qr_heading: str  # heading: how to use a QR code
    qr_text: str  # what a QR code is and how to use the files
    print_heading: str  # heading: the handout and the posters
    print_text: str  # how to print them
    documents_label: str  # accessible name of the list of PDFs
    pages_heading: str  # heading above the pages
    pages_label: str  # accessible name of the list of links to the pages below
    address: str  # label of a page's web address
    subject_label: str  # label of the e-mail subject field
    text_label: str  # label of the e-mail text field
    html_summary: str  # the fold holding the HTML snippet
    html_label: str  # label of the HTML snippet field
    copy_subject: str  # button: copy the subject
    copy_text: str  # button: copy the e-mail text
    copy_html: str  # button: copy the HTML
    copied: str  # said after a copy worked
    copy_failed: str  # said when the browser refused to copy
    qr_download: str  # before the download links of a QR code
    qr_png: str  # the PNG download
    qr_svg: str  # the SVG download


# fmt: off
LABELS: dict[str, ShareLabels] = {
    "nl": ShareLabels(
        name="Nederlands",
        language_switch="Taal",
        subject="Voor je afspraak: {title}",
        line="Voor je afspraak{clinic}: lees hier vooraf \u201e{title}\u201d",
        at_clinic=" bij {name}",
        qr_alt="QR-code naar {url}",
        title="Deze site delen met je patiënten",
        skip="Ga naar inhoud",
        intro=(
            "Deze pagina is voor de medewerkers van de praktijk, bijvoorbeeld aan het onthaal. "
            "Je vindt hier voor elke pagina van de site een tekst voor de afspraakmail, het "
            "webadres en een QR-code. Ook de folder en de affiches om af te drukken staan hier."
        ),
        other_language=(
            "Leest je patiënt liever Engels? Kies bovenaan EN. Daar staan dezelfde teksten "
            "voor de Engelse pagina's."
        ),
        email_heading="Een pagina in je afspraakmail zetten",
        email_steps=(
            "Zoek hieronder de pagina die je patiënt moet lezen.",
            "Klik op de knop \u201eKopieer de tekst\u201d onder het vak \u201eTekst voor de "
            "e-mail\u201d.",
            "Klik in je e-mail aan de patiënt en plak de tekst met Ctrl+V (op een Mac: Cmd+V).",
            "Wil je ook het onderwerp van de e-mail? Kopieer het op dezelfde manier.",
        ),
        email_fallback=(
            "Zie je geen knop, of werkt hij niet? Klik in het vak, selecteer alles met Ctrl+A "
            "(Mac: Cmd+A) en kopieer met Ctrl+C (Mac: Cmd+C). Het webadres wordt in de e-mail "
            "vanzelf een link."
        ),
        qr_heading="Een QR-code gebruiken",
        qr_text=(
            "Een QR-code is een vierkantje dat je patiënt scant met de camera van de telefoon. "
            "De telefoon opent dan de pagina. Download de code als afbeelding (PNG) en zet ze "
            "in een brief, een document of op een kaartje. Druk ze minstens 3 cm breed af. "
            "Het SVG-bestand blijft scherp op elk formaat: dat is voor een drukkerij."
        ),
        print_heading="De folder en de affiches afdrukken",
        print_text=(
            "Open de PDF en druk hem af vanuit je browser of je PDF-lezer. Kies "
            "\u201eWerkelijke grootte\u201d of 100 %, zodat er niets wegvalt. De folder geef je "
            "mee aan de patiënt: het belangrijkste in het kort en de alarmsignalen. De affiche "
            "hang je in de wachtkamer; ze heeft een QR-code naar de site. Geen A3-printer? Druk "
            "dan de A4-affiche af."
        ),
        documents_label="PDF's om af te drukken",
        pages_heading="Teksten en QR-codes per pagina",
        pages_label="Pagina's",
        address="Webadres",
        subject_label="Onderwerp van de e-mail",
        text_label="Tekst voor de e-mail",
        html_summary="HTML-code, voor je website of nieuwsbrief",
        html_label="HTML-code",
        copy_subject="Kopieer het onderwerp",
        copy_text="Kopieer de tekst",
        copy_html="Kopieer de HTML-code",
        copied="Gekopieerd. Plak het nu in je e-mail.",
        copy_failed="Kopiëren lukte niet. De tekst is geselecteerd: kopieer hem met Ctrl+C.",
        qr_download="Download de QR-code:",
        qr_png="PNG, voor documenten",
        qr_svg="SVG, voor een drukkerij",
    ),
    "en": ShareLabels(
        name="English",
        language_switch="Language",
        subject="Before your appointment: {title}",
        line="Before your appointment{clinic}, please read \u201c{title}\u201d",
        at_clinic=" at {name}",
        qr_alt="QR code to {url}",
        title="Sharing this site with your patients",
        skip="Skip to content",
        intro=(
            "This page is for the staff of the clinic, for example at the front desk. For each "
            "page of the site you find a text for the appointment e-mail, the web address and a "
            "QR code. The handout and the posters to print are here too."
        ),
        other_language=(
            "Does your patient prefer Dutch? Choose NL at the top. There you find the same "
            "texts for the Dutch pages."
        ),
        email_heading="Putting a page in your appointment e-mail",
        email_steps=(
            "Find the page your patient should read below.",
            "Click the button \u201cCopy the text\u201d below the box \u201cText for the "
            "e-mail\u201d.",
            "Click in your e-mail to the patient and paste the text with Ctrl+V (on a Mac: "
            "Cmd+V).",
            "Do you also want the e-mail's subject? Copy it the same way.",
        ),
        email_fallback=(
            "No button, or it does not work? Click in the box, select everything with Ctrl+A "
            "(Mac: Cmd+A) and copy with Ctrl+C (Mac: Cmd+C). The web address turns into a link "
            "in the e-mail by itself."
        ),
        qr_heading="Using a QR code",
        qr_text=(
            "A QR code is a small square that your patient scans with their phone's camera. "
            "The phone then opens the page. Download the code as a picture (PNG) and put it in "
            "a letter, a document or on a card. Print it at least 3 cm wide. The SVG file "
            "stays sharp at any size: it is for a print shop."
        ),
        print_heading="Printing the handout and the posters",
        print_text=(
            "Open the PDF and print it from your browser or your PDF reader. Choose \u201cActual "
            "size\u201d or 100 %, so nothing is cut off. Give the handout to the patient: it has "
            "the main points and the warning signs. Put the poster up in the waiting room; it "
            "has a QR code to the site. No A3 printer? Then print the A4 poster."
        ),
        documents_label="PDFs to print",
        pages_heading="Texts and QR codes for each page",
        pages_label="Pages",
        address="Web address",
        subject_label="E-mail subject",
        text_label="Text for the e-mail",
        html_summary="HTML code, for your website or newsletter",
        html_label="HTML code",
        copy_subject="Copy the subject",
        copy_text="Copy the text",
        copy_html="Copy the HTML code",
        copied="Copied. Now paste it into your e-mail.",
        copy_failed="Copying did not work. The text is selected: copy it with Ctrl+C.",
        qr_download="Download the QR code:",
        qr_png="PNG, for documents",
        qr_svg="SVG, for a print shop",
    ),
}
# fmt: on


def share_labels(lang: str) -> ShareLabels:
    """The words of a language; the settings were checked against the PDF's languages, which
    are these."""
    return LABELS[lang]
