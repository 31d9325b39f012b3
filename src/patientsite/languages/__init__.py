"""MkDocs glue for the bilingual site: search per language, 404 pages, hreflang, checks."""
