"""Search results with the matched words marked, safely, in the same way on every database.

The text is escaped first; only the `<mark>` tags around matched words are markup. A word
matches when its folded form (no accents, lower case) starts with the searched word, or with
its first letters for long words, so that "training" also marks "trainings" as the
PostgreSQL stemmer matches it.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.index import APOSTROPHES, fold

TOKEN = re.compile(r"\w+(?:[·-]\w+)*")
BEFORE = 12  # words of context shown before the first match


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    matched: bool


def _stems(words):
    return tuple(word if len(word) < 6 else word[: max(5, len(word) - 2)] for word in words)


@lru_cache(maxsize=4096)
def _fold_character(character: str) -> str:
    return fold(character)


def _folded(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, its position in `text`."""
    if text.isascii() and "\x00" not in text:  # folding keeps every position
        return fold(text), range(len(text))
    folded, origin = [], []
    for position, character in enumerate(text):
        part = _fold_character(character)
        folded.append(part)
        origin.extend([position] * len(part))
    return "".join(folded), origin


def _tokens(text: str, stems) -> list[Token]:
    """The words of `text` at their places in it, each saying whether it matches."""
    folded, origin = _folded(text)
    return [
        Token(origin[m.start()], origin[m.end() - 1] + 1, m.group().startswith(stems))
        for m in TOKEN.finditer(folded)
    ]


def _render(text: str, tokens: list[Token], start: int, end: int) -> str:
    parts, cursor = [], start
    for token in tokens:
        if token.matched and start <= token.start and token.end <= end:
            parts.append(escape(text[cursor : token.start]))
            parts.append(f"<mark>{escape(text[token.start : token.end])}</mark>")
            cursor = token.end
    parts.append(escape(text[cursor:end]))
    return "".join(parts)


def highlight(text: str, words) -> SafeString:
    """The whole text, escaped, with the matched words in <mark>."""
    return mark_safe(_render(text, _tokens(text, _stems(words)), 0, len(text)))


def snippet(text: str, words, *, size: int = 40) -> SafeString:
    """About `size` words of the text around its first match, escaped, matches in <mark>.

    Without a match, the text's first words.
    """
    return _snippet(text, _tokens(text, _stems(words)), size)


def _snippet(text: str, tokens: list[Token], size: int = 40) -> SafeString:
    if not tokens:
        return mark_safe("")
    first = next((i for i, token in enumerate(tokens) if token.matched), 0)
    begin = max(0, first - BEFORE)
    shown = tokens[begin : begin + size]
    start = 0 if begin == 0 else shown[0].start
    end = len(text) if begin + size >= len(tokens) else shown[-1].end
    body = _render(text, shown, start, end)
    return mark_safe(f"{'… ' if start else ''}{body}{' …' if end < len(text) else ''}")


def entry_snippet(entry, words) -> SafeString:
    """The context of a match: from the summary if it holds one, else from the full text."""
    stems = _stems(words)
    for text in (entry.summary, entry.document.removeprefix(APOSTROPHES.sub(" ", entry.title))):
        tokens = _tokens(text.strip(), stems)
        if any(token.matched for token in tokens):
            return _snippet(text.strip(), tokens)
    return snippet(entry.summary, words)
