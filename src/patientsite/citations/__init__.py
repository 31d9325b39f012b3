"""Citations from a BibTeX file, formatted in APA 7 in Dutch and English (MkDocs plugin)."""
