"""Tools for authors: create a page in every language, compare translations, check links."""
