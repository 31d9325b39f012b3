"""LaTeX field values to text, as pybtex reads them, without its cost for plain text.

pybtex's Text.from_latex runs every value through the latexcodec decoder, which is most of the
time it takes to format a reference. Most values hold no LaTeX at all; those skip the decoder.
Results are cached: pybtex rich text is never changed in place, so sharing it is safe.
"""

import functools
import re

from pybtex.richtext import Text

# Anything latexcodec or pybtex's parser would change, apart from dashes: commands, groups,
# ties, comments, math and the quote ligatures `` and ''.
_LATEX_RE = re.compile(r"[\\{}~%$]|``|''")


@functools.cache
def rich(latex: str) -> Text:
    """A field value as pybtex rich text: braced groups become Protected, accents decoded."""
    if _LATEX_RE.search(latex):
        return Text.from_latex(latex)
    # Page ranges are the commonest LaTeX: the dash ligatures, decoded as latexcodec does.
    return Text(latex.replace("---", "\u2014").replace("--", "\u2013"))


@functools.cache
def decode(latex: str) -> str:
    """Plain text of a LaTeX string: W{\\'a}ng becomes Wáng, braces disappear."""
    return str(rich(latex))
