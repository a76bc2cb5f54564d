"""The index schema, its text analyzer, and how a catalog row becomes an index document."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import tantivy

from careerpath.search.compounds import joined_forms

# Bump whenever fields or analysis change: an index of another version is rebuilt on open.
SCHEMA_VERSION = 5  # 5: skill facets keyed by the taxonomy skill
ANALYZER = "folded"
TEXT_FIELDS = {"title": 3.0, "skills": 2.0, "authors": 1.5, "provider": 1.5, "description": 1.0}
FACET_FIELDS = ("kind", "level", "price_band", "language", "provider_facet", "topic", "skill")
SUMMARY_CHARS = 600
# Prior of the Bayesian rating: a resource needs about this many votes to move off the mean.
RATING_PRIOR_VOTES = 100
# Sources that publish enrolments but no vote counts: assume this share of learners rated.
RATING_SHARE_OF_LEARNERS = 0.05
EPOCH = date(1970, 1, 1)
# Every document falls in one of this many shards (id modulo): facet counts of very large result
# sets are read from one shard and scaled up (see search.facets).
SAMPLE_SHARDS = 16


def analyzer() -> tantivy.TextAnalyzer:
    """Return the analyzer of every text field: words, lowercased, accents folded."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


def build_schema() -> tantivy.Schema:
    """Return the index schema: searchable text, raw facet fields and fast sort fields."""
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("id", stored=True, indexed=True, fast=True)
    builder.add_unsigned_field("shard", indexed=True)
    for name in TEXT_FIELDS:
        builder.add_text_field(name, stored=name != "description", tokenizer_name=ANALYZER)
    builder.add_text_field("summary", stored=True, index_option="basic", tokenizer_name="raw")
    for name in FACET_FIELDS:
        builder.add_text_field(name, stored=True, tokenizer_name="raw", fast=True)
    builder.add_text_field("url", stored=True, index_option="basic", tokenizer_name="raw")
    builder.add_text_field("currency", stored=True, tokenizer_name="raw")
    for name in ("price", "bayes", "rating"):
        builder.add_float_field(name, stored=True, indexed=True, fast=True)
    for name in ("votes", "pages"):
        builder.add_unsigned_field(name, stored=True)
    builder.add_float_field("hours", stored=True)
    builder.add_integer_field("published", stored=True, indexed=True, fast=True)
    return builder.build()


@dataclass
class IndexRow:
    """What the index needs of one resource (read from the database)."""

    id: int
    kind: str
    title: str
    description: str
    provider: str | None
    authors: str | None
    url: str
    is_free: bool
    price_amount: float | None
    price_currency: str | None
    level: str | None
    language: str
    rating: float | None
    ratings_count: int | None
    enrolments: int | None
    duration_hours: float | None
    pages: int | None
    published: date
    topics: list[str] = field(default_factory=list)
    skills: list[tuple[str, str]] = field(default_factory=list)

    def votes(self) -> int:
        """Return the rating's vote count, estimated from enrolments when unpublished."""
        if self.ratings_count is not None:
            return self.ratings_count
        return int((self.enrolments or 0) * RATING_SHARE_OF_LEARNERS)


def bayesian_rating(rating: float | None, votes: int, mean: float) -> float:
    """Return the rating pulled toward ``mean`` by the prior; unrated resources score 0."""
    if rating is None:
        return 0.0
    return (RATING_PRIOR_VOTES * mean + votes * rating) / (RATING_PRIOR_VOTES + votes)


def make_document(row: IndexRow, mean_rating: float) -> tantivy.Document:
    """Turn one resource into its index document."""
    doc = tantivy.Document()
    doc.add_unsigned("id", row.id)
    doc.add_unsigned("shard", row.id % SAMPLE_SHARDS)
    _add_texts(doc, row)
    doc.add_text("kind", row.kind)
    doc.add_text("level", row.level or "unspecified")
    doc.add_text("price_band", "free" if row.is_free else "paid")
    doc.add_text("language", row.language)
    doc.add_text("url", row.url)
    if row.provider:
        doc.add_text("provider_facet", row.provider)
    for slug in row.topics:
        doc.add_text("topic", slug)
    for slug, _name in row.skills:
        doc.add_text("skill", slug)
    _add_numbers(doc, row, mean_rating)
    return doc


def _add_texts(doc: tantivy.Document, row: IndexRow) -> None:
    skills = [name for _slug, name in row.skills]
    texts = {"title": [row.title], "description": [row.description], "skills": skills}
    texts["authors"], texts["provider"] = [row.authors or ""], [row.provider or ""]
    for name, values in texts.items():
        for value in values:
            doc.add_text(name, value)
        # "Back-End" is also indexed as "backend" (after the stored value, which hits show).
        joined = [word for value in values for word in joined_forms(value)]
        if joined:
            doc.add_text(name, " ".join(joined))
    doc.add_text("summary", row.description[:SUMMARY_CHARS])


def _add_numbers(doc: tantivy.Document, row: IndexRow, mean_rating: float) -> None:
    if row.is_free:
        doc.add_float("price", 0.0)
    elif row.price_amount is not None:
        doc.add_float("price", float(row.price_amount))
        doc.add_text("currency", row.price_currency or "")
    votes = row.votes()
    doc.add_float("bayes", bayesian_rating(row.rating, votes, mean_rating))
    if row.rating is not None:
        doc.add_float("rating", row.rating)
        doc.add_unsigned("votes", votes)
    if row.pages is not None:
        doc.add_unsigned("pages", row.pages)
    if row.duration_hours is not None:
        doc.add_float("hours", row.duration_hours)
    doc.add_integer("published", (row.published - EPOCH).days)
