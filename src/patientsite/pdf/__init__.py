"""Print-ready PDFs of the built site: per language the full article and a one-page handout.

A separate step over the built HTML (``python -m patientsite.pdf``), not a MkDocs plugin: the
plugins that print a whole site break with static-i18n (one language's build overwrites the
other's PDF). Modules: settings (mkdocs.yml, checked), collect (pages in navigation order),
links (ids and links inside one PDF), article and handout (the two documents), qr, render
(WeasyPrint, strict, atomic writes), build (all PDFs).
"""
