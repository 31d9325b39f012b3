"""The table of search queries (search_queries.tsv), read by the browser test and the benchmark."""

from pathlib import Path
from typing import NamedTuple

TABLE = Path(__file__).resolve().parent / "search_queries.tsv"


class Query(NamedTuple):
    """One row of the table."""

    lang: str
    """Language of the site searched: nl or en."""
    text: str
    """What is typed."""
    page: str
    """Expected page, as a path from the language's root ("" is the home page)."""


def read_table(path: Path = TABLE) -> list[Query]:
    """Every query of the table, in its order; lines starting with # are comments."""
    return [
        Query(*line.split("\t"))
        for line in path.read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    ]
