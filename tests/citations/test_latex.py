"""latex.py's shortcuts give exactly what pybtex and latexcodec give."""

import pytest
from pybtex.richtext import Text

from patientsite.citations.latex import decode, rich

VALUES = [
    "Low back pain",
    "pages 465--472 and 1---2",
    "{MRI} findings",
    "{National Institute for Health and Care Excellence}",
    "W{\\'a}ng and M{\\\"u}ller",
    "Hall \\& Maher",
    "``Quoted'' text",
    "Quoted,, text",
    "Hola!` and what?`",
    "{MRI},, and {CT}",
    "Tie~here",
]


@pytest.mark.parametrize("value", VALUES)
def test_rich_is_what_pybtex_makes(value: str) -> None:
    assert rich(value) == Text.from_latex(value)


@pytest.mark.parametrize("value", VALUES)
def test_decode_is_the_text_pybtex_makes(value: str) -> None:
    assert decode(value) == str(Text.from_latex(value))
