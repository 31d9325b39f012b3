"""What the steps after the build need to know about Material's markup, for the build record.

The PDF step takes each page's article out of the built HTML and leaves the theme's buttons and
signs behind; the share page, which is no MkDocs page, wears the same frame as the site's pages.
Both read this from the build record (its "theme" section), so another theme, or another site
generator, only has to describe its own markup here.
"""

from patientsite.record import ThemeRecord

MATERIAL = ThemeRecord(
    # Material writes each page's text in one <article>.
    article="article.md-content__inner",
    # Inside the article, but meaningless on paper: permalink signs, edit and view buttons, the
    # page's git dates, the feedback widget, the back-to-top button, annotation markers.
    chrome=(
        "a.headerlink, .md-content__button, .md-source-file, .md-feedback, .md-top, "
        ".md-annotation__index"
    ),
    button="md-button",
    primary_button="md-button md-button--primary",
    # A page of our own in the site's frame: the skip link, the header with the site's name and
    # the language switch (as overrides/partials/alternate.html writes it), and the article.
    # $name is the page's own class prefix ("share"), for its stylesheet.
    frame="""\
<a href="#content" class="md-skip">$skip</a>
<header class="md-header md-header--shadow">
<div class="md-header__inner md-grid">
<div class="md-header__title ${name}-header__title">
$title
</div>
<nav class="md-header__option lang-switch" aria-label="$switch_label">
<ul class="lang-switch__list">
$switch_items
</ul>
</nav>
</div>
</header>
<div class="md-container">
<main class="md-main">
<div class="md-main__inner md-grid">
<div class="md-content ${name}-content">
<article class="md-content__inner md-typeset" id="content">
$content
</article>
</div>
</div>
</main>
</div>""",
)
