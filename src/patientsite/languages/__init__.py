"""MkDocs glue for the bilingual site: per-language search, 404 pages, alternates, translation checks."""
