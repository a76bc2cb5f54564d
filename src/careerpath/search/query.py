"""Turn what a person typed, plus filters, into a tantivy query."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import tantivy

from careerpath.search.compounds import joined_pairs, splits
from careerpath.search.schema import TEXT_FIELDS, analyzer

MAX_TERMS = 8
# "One edit on longer terms": shorter words (go, sql, java) must match exactly or as a prefix.
FUZZY_MIN_LENGTH = 5
PREFIX_MIN_LENGTH = 2
FUZZY_WEIGHT = 0.5
PREFIX_WEIGHT = 0.6
# Typos are forgiven in the short fields only: fuzzy matching over every description word costs
# several milliseconds on 150k documents, and exact words still match descriptions.
FUZZY_FIELDS = ("title", "skills", "authors")
PREFIX_FIELDS = ("title", "skills", "authors", "provider")
KNOWN_WORD_DOCS = 5
# Two words of the query side by side in a field ("business intelligence") score this much
# more than the two words apart: a course mentioning business and, elsewhere, artificial
# intelligence is no course on Business Intelligence.
PHRASE_BOOST = 2.0
PHRASE_FIELDS: tuple[str, ...] = ("title", "description")
# The ``language`` a search names to keep every language (by default it keeps the reader's).
EVERY_LANGUAGE = "any"
Occur = tantivy.Occur


class SortOrder(StrEnum):
    """How results are ordered."""

    RELEVANCE = "relevance"
    RATING = "rating"
    NEWEST = "newest"


@dataclass(frozen=True)
class Filters:
    """Facet filters; each narrows the results to one value (``language`` None: every one)."""

    kind: str | None = None
    level: str | None = None
    price: str | None = None
    max_price: float | None = None
    language: str | None = None
    provider: str | None = None
    topic: str | None = None
    skill: str | None = None

    def terms(self) -> dict[str, str]:
        """Return the raw-field filters as ``{index field: value}``."""
        pairs = {
            "kind": self.kind,
            "level": self.level,
            "price_band": self.price,
            "language": self.language,
            "provider_facet": self.provider,
            "topic": self.topic,
            "skill": self.skill,
        }
        return {k: v for k, v in pairs.items() if v}


@lru_cache(maxsize=1)
def _analyzer() -> tantivy.TextAnalyzer:
    return analyzer()


def query_terms(text: str) -> list[str]:
    """Return the analysed words of ``text`` (as the index stores them), at most MAX_TERMS."""
    return list(dict.fromkeys(_analyzer().analyze(text)))[:MAX_TERMS]


def build_query(
    searcher: tantivy.Searcher, schema: tantivy.Schema, text: str, filters: Filters
) -> tantivy.Query:
    """Return the query: every word must match some field; filters must all hold."""
    terms = query_terms(text)
    typing_last = bool(text) and not text[-1].isspace()
    clauses = [
        (Occur.Must, clause) for clause in _word_clauses(searcher, schema, terms, typing_last)
    ]
    clauses.extend((Occur.Should, q) for q in _adjacent_pairs(schema, terms))
    clauses.extend((Occur.Must, q) for q in _filter_queries(schema, filters))
    if not clauses:
        return tantivy.Query.all_query()
    if not terms:
        clauses.append((Occur.Must, tantivy.Query.all_query()))
    return tantivy.Query.boolean_query(clauses)


def _word_clauses(
    searcher: tantivy.Searcher, schema: tantivy.Schema, terms: list[str], typing_last: bool
) -> list[tantivy.Query]:
    """Return one clause per word, or per pair of words the index also knows joined."""
    last = len(terms) - 1

    def clause(number: int) -> tantivy.Query:
        term = terms[number]
        prefix = typing_last and number == last
        own = _term_clause(schema, term, prefix=prefix, known=_is_known(searcher, term))
        phrases = _split_phrases(searcher, schema, term)
        return _either(own, *phrases) if phrases else own

    joined = {i: word for i, word in joined_pairs(terms) if _in_index(searcher, word)}
    clauses, number = [], 0
    while number <= last:
        if number in joined:  # "back end" also finds "backend" (and "Back-End", indexed joined)
            both = tantivy.Query.boolean_query(
                [(Occur.Must, clause(number)), (Occur.Must, clause(number + 1))]
            )
            word = _term_clause(schema, joined[number], prefix=False, known=True)
            clauses.append(_either(both, word))
            number += 2
        else:
            clauses.append(clause(number))
            number += 1
    return clauses


def _adjacent_pairs(schema: tantivy.Schema, terms: list[str]) -> list[tantivy.Query]:
    """Return a boosted phrase query per pair of neighbouring words, in each phrase field."""
    return [
        tantivy.Query.boost_query(
            tantivy.Query.phrase_query(schema, field, [first, second]),
            PHRASE_BOOST * TEXT_FIELDS[field],
        )
        for first, second in itertools.pairwise(terms)
        for field in PHRASE_FIELDS
    ]


def _split_phrases(
    searcher: tantivy.Searcher, schema: tantivy.Schema, term: str
) -> list[tantivy.Query]:
    """Return phrase queries for ``term`` written as two words ("backend" -> "back end")."""
    return [
        tantivy.Query.boost_query(tantivy.Query.phrase_query(schema, field, [head, tail]), boost)
        for head, tail in splits(term, lambda word: _in_index(searcher, word))
        for field, boost in TEXT_FIELDS.items()
    ]


def _either(*queries: tantivy.Query) -> tantivy.Query:
    return tantivy.Query.boolean_query([(Occur.Should, q) for q in queries])


def _in_index(searcher: tantivy.Searcher, term: str) -> bool:
    return any(searcher.doc_freq(field, term) for field in TEXT_FIELDS)


def fuzzy_terms(searcher: tantivy.Searcher, terms: list[str]) -> set[str]:
    """Return the terms the query matches with one edit (long ones the index does not know)."""
    return {t for t in terms if len(t) >= FUZZY_MIN_LENGTH and not _is_known(searcher, t)}


def _is_known(searcher: tantivy.Searcher, term: str) -> bool:
    """A word that many titles or skills already contain is taken as meant, not as a typo."""
    return sum(searcher.doc_freq(f, term) for f in FUZZY_FIELDS) >= KNOWN_WORD_DOCS


def _term_clause(schema: tantivy.Schema, term: str, *, prefix: bool, known: bool) -> tantivy.Query:
    options = [
        tantivy.Query.boost_query(tantivy.Query.term_query(schema, field, term), boost)
        for field, boost in TEXT_FIELDS.items()
    ]
    if prefix and len(term) >= PREFIX_MIN_LENGTH:
        options.extend(_fuzzy(schema, f, term, 0, True, PREFIX_WEIGHT) for f in PREFIX_FIELDS)
    if len(term) >= FUZZY_MIN_LENGTH and not known:
        options.extend(_fuzzy(schema, f, term, 1, prefix, FUZZY_WEIGHT) for f in FUZZY_FIELDS)
    return tantivy.Query.boolean_query([(Occur.Should, q) for q in options])


def _fuzzy(
    schema: tantivy.Schema, field: str, term: str, distance: int, prefix: bool, weight: float
) -> tantivy.Query:
    query = tantivy.Query.fuzzy_term_query(schema, field, term, distance, True, prefix)
    return tantivy.Query.boost_query(query, weight * TEXT_FIELDS[field])


def _filter_queries(schema: tantivy.Schema, filters: Filters) -> list[tantivy.Query]:
    queries = [tantivy.Query.term_query(schema, f, v) for f, v in filters.terms().items()]
    if filters.max_price is not None:
        queries.append(
            tantivy.Query.range_query(
                schema, "price", tantivy.FieldType.Float, 0.0, float(filters.max_price)
            )
        )
    return queries
