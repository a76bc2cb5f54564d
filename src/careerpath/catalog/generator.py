"""A seeded, deterministic generator of catalogs shaped like the real ones, for scale tests.

Shapes taken from ../shared/data: topics weighted like free-programming-books (JavaScript and
Python lead), Coursera-like course descriptions of about 1,200 characters built from the
sources' boilerplate, book rows mostly without descriptions, 13% unrated courses, log-normal
enrolments (median about 50,000), ratings clustered at 4.4–4.9, a tenth of the rows in Russian.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

from careerpath.catalog.models import ResourceKind, ResourceLevel
from careerpath.catalog.profiles import ResourceIn, SourceInfo
from careerpath.catalog.topics import topic_path

SCALE = SourceInfo(
    key="generated-scale",
    name="Generated scale catalog (synthetic, for benchmarks)",
    url="",
    licence="synthetic",
)
# (subject, subtopics, weight) — weights follow the real per-topic counts.
TOPICS = [
    ("JavaScript", ["React", "Node.js", "Vue.js", "Angular", ""], 188),
    ("Python", ["Django", "Flask", "FastAPI", "Pandas", ""], 184),
    ("Mathematics", ["Algebra", "Calculus", ""], 138),
    ("Java", ["Spring", ""], 61), ("HTML and CSS", ["Bootstrap", ""], 59),
    ("Machine Learning", [""], 59), ("Ruby", ["Ruby on Rails", ""], 52),
    ("Software Architecture", [""], 47), ("Algorithms & Data Structures", [""], 46),
    ("C++", [""], 44), ("Linux", [""], 44), ("R", [""], 44), ("C", [""], 42),
    ("PHP", ["Laravel", "Symfony", ""], 39), ("Scala", [""], 35),
    ("Version Control Systems", [""], 34),
    ("SQL Server", [""], 32), ("Go", [""], 30), ("Data Science", [""], 25),
    ("Rust", [""], 25), ("Security & Privacy", [""], 27), ("Artificial Intelligence", [""], 26),
    ("Networking", [""], 24), ("Bash", [""], 25), ("Deep Learning", [""], 20),
    ("TypeScript", [""], 20), ("Kotlin", [""], 12), ("Docker", [""], 15),
    ("Kubernetes", [""], 9), ("PostgreSQL", [""], 12), ("MySQL", [""], 6), ("MongoDB", [""], 6),
    ("Redis", [""], 7), ("Cloud Computing", [""], 17), ("DevOps", [""], 12),
    ("Game Development", [""], 12), ("Swift", [""], 10), ("Android", [""], 15),
]  # fmt: skip
BOOK_PATTERNS = [
    "{t}: The Definitive Guide", "Learning {t}", "Practical {t}", "{t} in Action",
    "The Art of {t}", "Essential {t}", "{t} Succinctly", "{t} Notes for Professionals",
    "Programming {t}", "Mastering {t}", "{t} for Beginners", "Think {t}", "{t} Cookbook",
    "Introduction to {t}", "{t} Tutorial", "A Byte of {t}", "{t} Internals", "Effective {t}",
    "{t} Design Patterns", "High Performance {t}", "{t} and {u}", "{u} with {t}",
]  # fmt: skip
COURSE_PATTERNS = [
    "{t} for Everybody", "Introduction to {t}", "{t} Crash Course", "{t} Fundamentals",
    "Complete {t} Bootcamp", "{t} Specialization", "Applied {t}", "{t} for Data Science",
    "{t} Professional Certificate", "Getting Started with {t}", "Advanced {t}",
    "Building Web Apps with {t}", "{t} and {u} Masterclass", "{u} for {t} Developers",
]  # fmt: skip
RU_PATTERNS = ["Основы {t}: курс для начинающих", "{t} для продолжающих", "Практикум по {t}",
               "Профессия {t}-разработчик", "{t} с нуля"]  # fmt: skip
SENTENCES = [
    "There are {n} modules in this course.",
    "This course takes you from the basics of {t} to building real applications.",
    "You will learn how to use {t} together with {u} in practical projects.",
    "No prior experience is necessary, though some familiarity with {u} helps.",
    "By the end you will be able to design, test and deploy {t} programs with confidence.",
    "Hands-on labs cover data structures, debugging, testing and performance tuning.",
    "Each module ends with a graded quiz and a peer-reviewed project.",
    "Learners who finish often go on to roles as developers, analysts or engineers.",
    "We explore common pitfalls in {t} and how experienced engineers avoid them.",
    "The final project asks you to build a small {u} service from scratch.",
]  # fmt: skip
PROVIDERS = ["Coursera", "Udemy", "edX", "Stepik", "freeCodeCamp", "YouTube", "Udacity",
             "Pluralsight", "Khan Academy", "MIT OpenCourseWare"]  # fmt: skip
PUBLISHERS = ["O'Reilly", "Manning", "No Starch Press", "Packt", "Apress", "Leanpub",
              "GitHub", "Syncfusion", "Goalkicker", "Self-published"]  # fmt: skip
FIRST = [
    "Anna",
    "Ben",
    "Carlos",
    "Dmitri",
    "Elena",
    "Farah",
    "Grace",
    "Hiro",
    "Ivan",
    "Julia",
    "Kofi",
    "Li",
    "Maria",
    "Nikolai",
    "Olga",
    "Priya",
    "Quentin",
    "Rosa",
    "Sam",
    "Tariq",
]
LAST = [
    "Smith",
    "Ivanova",
    "Garcia",
    "Chen",
    "Müller",
    "Okafor",
    "Tanaka",
    "Rossi",
    "Kowalski",
    "Nguyen",
    "Petrov",
    "Silva",
    "Haddad",
    "Brown",
    "Fontaine",
    "Kumar",
    "Larsen",
    "Dubois",
]
SKILLS = [
    "Python Programming",
    "Data Analysis",
    "SQL",
    "Debugging",
    "Algorithms",
    "Git",
    "Machine Learning",
    "Web Development",
    "Unit Testing",
    "Restful API",
    "Docker",
    "Data Visualization",
    "Linux",
    "PostgreSQL",
    "Statistics",
    "Cloud Computing",
]
LEVELS = [ResourceLevel.BEGINNER] * 6 + [ResourceLevel.INTERMEDIATE] * 3 + [ResourceLevel.ADVANCED]
CUMULATIVE = list(itertools.accumulate(weight for _, _, weight in TOPICS))


def generate(courses: int, books: int, seed: int = 42) -> Iterator[ResourceIn]:
    """Yield ``courses`` courses then ``books`` books, the same ones for the same seed."""
    rng = random.Random(seed)  # noqa: S311 - seeded, reproducible test data, not secrets
    for number in range(courses):
        yield _course(rng, number)
    for number in range(books):
        yield _book(rng, number)


def _subject(rng: random.Random) -> tuple[str, str, str]:
    subject, subtopics, _ = rng.choices(TOPICS, cum_weights=CUMULATIVE)[0]
    other = rng.choices(TOPICS, cum_weights=CUMULATIVE)[0][0]
    return subject, rng.choice(subtopics), other


def _names(rng: random.Random, count: int) -> str:
    return ", ".join(f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(count))


def _course(rng: random.Random, number: int) -> ResourceIn:
    subject, subtopic, other = _subject(rng)
    shown = subtopic or subject
    russian = rng.random() < 0.1
    pattern = rng.choice(RU_PATTERNS if russian else COURSE_PATTERNS)
    sentences = rng.sample(SENTENCES, rng.randint(3, 8))
    description = " ".join(s.format(t=shown, u=other, n=rng.randint(3, 9)) for s in sentences)
    paid = rng.random() < 0.55
    rated = rng.random() > 0.13
    return ResourceIn(
        kind=ResourceKind.COURSE,
        source_key=f"course-{number}",
        external_id=f"course-{number}",
        title=pattern.format(t=shown, u=other),
        url=f"https://courses.example.org/c/{number}",
        description=description * (2 if rng.random() < 0.5 else 1),
        provider="Stepik" if russian else rng.choice(PROVIDERS),
        authors=_names(rng, rng.randint(1, 2)),
        is_free=not paid,
        price_amount=Decimal(rng.choice([990, 1990, 2990])) if russian and paid else (
            Decimal(rng.randint(10, 200)) if paid else None),
        price_currency=("RUB" if russian else "USD") if paid else None,
        level=rng.choice(LEVELS),
        duration_hours=round(rng.lognormvariate(2.5, 0.8), 1),
        language="ru" if russian else "en",
        rating=round(min(5.0, rng.gauss(4.6, 0.25)), 1) if rated else None,
        ratings_count=int(rng.lognormvariate(6.5, 1.8)) if rated else None,
        enrolments=int(rng.lognormvariate(10.8, 1.6)),
        published_on=date(2012, 1, 1) + timedelta(days=rng.randint(0, 4700)),
        topics=[topic_path(subject, subtopic)],
        skills=rng.sample(SKILLS, rng.randint(2, 8)),
    )  # fmt: skip


def _book(rng: random.Random, number: int) -> ResourceIn:
    subject, subtopic, other = _subject(rng)
    shown = subtopic or subject
    rated = rng.random() < 0.4
    described = rng.random() < 0.3
    sentences = rng.sample(SENTENCES[1:], rng.randint(2, 4)) if described else []
    return ResourceIn(
        kind=ResourceKind.BOOK,
        source_key=f"book-{number}",
        external_id=f"book-{number}",
        title=rng.choice(BOOK_PATTERNS).format(t=shown, u=other),
        url=f"https://books.example.org/b/{number}",
        description=" ".join(s.format(t=shown, u=other) for s in sentences),
        provider=rng.choice(PUBLISHERS),
        authors=_names(rng, rng.choice([1, 1, 1, 2, 3])),
        is_free=rng.random() < 0.6,
        pages=int(rng.lognormvariate(5.6, 0.5)),
        formats=rng.choice(["PDF", "HTML", "PDF, EPUB", "HTML, PDF"]),
        rating=round(min(5.0, rng.gauss(4.2, 0.4)), 1) if rated else None,
        ratings_count=int(rng.lognormvariate(4.0, 1.5)) if rated else None,
        published_on=date(1995, 1, 1) + timedelta(days=rng.randint(0, 11000)),
        topics=[topic_path(subject, subtopic)],
    )
