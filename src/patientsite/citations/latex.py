"""LaTeX field values to text, as pybtex reads them, without its cost for plain text.

pybtex's Text.from_latex runs every value through the latexcodec decoder, which is most of the
time it takes to format a reference. Most values hold no LaTeX at all, and many hold nothing but
braces ({MRI}, {National Institute for Health and Care Excellence}); those skip the decoder.
Results are cached: pybtex rich text is never changed in place, so sharing it is safe.
"""

import functools
import re

from pybtex.markup import LaTeXParser
from pybtex.richtext import Text

# Anything latexcodec or pybtex's parser would change, apart from dashes: commands, groups,
# ties, comments, math and the ligatures `` '' ,, !` ?` (quotes, inverted marks).
_LATEX_RE = re.compile(r"[\\{}~%$]|``|''|,,|[!?]`")
# What latexcodec itself changes apart from dashes, i.e. all of the above but groups: a value
# with braces and none of these needs only pybtex's parser.
_DECODED_RE = re.compile(r"[\\~%$]|``|''|,,|[!?]`")


def holds_latex(latex: str) -> bool:
    """Whether a value holds more LaTeX than dashes: if not, dashes(value) is its text."""
    return _LATEX_RE.search(latex) is not None


@functools.cache
def rich(latex: str) -> Text:
    """A field value as pybtex rich text: braced groups become Protected, accents decoded."""
    if not holds_latex(latex):
        return Text(dashes(latex))
    if not _DECODED_RE.search(latex):
        # What Text.from_latex returns, as latexcodec would leave everything but the dashes.
        return LaTeXParser(dashes(latex)).parse()
    return Text.from_latex(latex)


@functools.cache
def decode(latex: str) -> str:
    """Plain text of a LaTeX string: W{\\'a}ng becomes Wáng, braces disappear."""
    if not holds_latex(latex):
        return dashes(latex)  # What str(rich(latex)) gives, without making rich text.
    return str(rich(latex))


def dashes(latex: str) -> str:
    """Page ranges are the commonest LaTeX: the dash ligatures, decoded as latexcodec does."""
    return latex.replace("---", "\u2014").replace("--", "\u2013")
