"""Bilingual patient-education site generator: our own logic, kept apart from MkDocs glue."""
