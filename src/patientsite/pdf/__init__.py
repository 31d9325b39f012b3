"""Print-ready PDFs of the built site: per language the full article, a one-page handout and
the waiting-room poster (A3 and A4).

A separate step over the built HTML (``python -m patientsite.pdf``), not a MkDocs plugin: the
plugins that print a whole site break with static-i18n (one language's build overwrites the
other's PDF). Modules: settings (mkdocs.yml, checked), collect (pages in navigation order),
links (ids and links inside one PDF), article, handout and poster (the documents), qr, coverage
(which characters our fonts can print), sources (the Markdown page an author edits), render
(WeasyPrint, strict, atomic writes), build (all PDFs).
"""
