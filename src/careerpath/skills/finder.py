"""An Aho-Corasick automaton that searches an ASCII text as bytes. Pure and thread-safe.

ahocorasick_rs maps byte offsets back to characters for every ``str`` it searches, which costs
about as much as the search itself on a short posting. In an ASCII text a byte is a character,
so the same matches come from the bytes automaton without that step. So do they in any text
when no pattern holds "?" or a non-ASCII character: encoded with "?" for each non-ASCII
character, the text keeps its offsets and no match can take in such a "?". Other texts take the
``str`` automaton.
"""

from __future__ import annotations

from collections.abc import Sequence

from ahocorasick_rs import AhoCorasick, BytesAhoCorasick, Implementation, MatchKind

Match = tuple[int, int, int]  # pattern index, start, end


class Finder:
    """The same patterns as a ``str`` automaton and a bytes one."""

    def __init__(self, patterns: Sequence[str], matchkind: MatchKind, *, dfa: bool = False) -> None:
        # A small automaton as a DFA scans twice as fast as the library's default choice for it;
        # a large one (the alias keys) is left to the library, which picks the DFA when it pays.
        implementation = Implementation.DFA if dfa else None
        self.automaton = AhoCorasick(
            list(patterns), matchkind=matchkind, implementation=implementation
        )
        self._bytes = BytesAhoCorasick(
            [p.encode() for p in patterns], matchkind=matchkind, implementation=implementation
        )
        self._replaceable = all(p.isascii() and "?" not in p for p in patterns)

    def find(self, text: str) -> list[Match]:
        """Return the non-overlapping matches in ``text`` (character offsets)."""
        if text.isascii():
            return self._bytes.find_matches_as_indexes(text.encode())
        if self._replaceable:
            return self._bytes.find_matches_as_indexes(text.encode("ascii", "replace"))
        return self.automaton.find_matches_as_indexes(text)
