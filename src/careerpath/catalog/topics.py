"""Pure mapping of the sources' own subjects onto one topic tree (Databases › PostgreSQL …)."""

from __future__ import annotations

import re
from functools import lru_cache

from careerpath.careers.titles import slugify

_ANCHOR = re.compile(r"<a [^>]*></a>")
_NUMBERED = re.compile(r"^\d+ - ")
# Subjects that are their own top-level category, written the way the tree shows them.
_CATEGORIES = {
    "Algorithms & Data Structures": "Algorithms & Data Structures",
    "Artificial Intelligence": "Artificial Intelligence",
    "Machine Learning": "Artificial Intelligence",
    "Deep Learning": "Artificial Intelligence",
    "Prompt Engineering": "Artificial Intelligence",
    "Computer Vision": "Artificial Intelligence",
    "Data Science": "Data Science",
    "R": "Data Science",
    "Julia": "Data Science",
    "MATLAB": "Data Science",
    "Mathematics": "Mathematics",
    "Graph Theory": "Mathematics",
    "Database": "Databases",
    "Databases": "Databases",
    "DBMS": "Databases",
    "DB2": "Databases",
    "MongoDB": "Databases",
    "MySQL": "Databases",
    "NewSQL": "Databases",
    "NoSQL": "Databases",
    "PostgreSQL": "Databases",
    "Redis": "Databases",
    "SQL": "Databases",
    "SQL (implementation agnostic)": "Databases",
    "SQL Server": "Databases",
    "Teradata": "Databases",
    "Elastic": "Databases",
    "Cloud Computing": "Cloud & DevOps",
    "Containers": "Cloud & DevOps",
    "DevOps": "Cloud & DevOps",
    "Docker": "Cloud & DevOps",
    "Kubernetes": "Cloud & DevOps",
    "Terraform": "Cloud & DevOps",
    "Jenkins": "Cloud & DevOps",
    "Linux": "Operating Systems",
    "Unix": "Operating Systems",
    "FreeBSD": "Operating Systems",
    "Operating Systems": "Operating Systems",
    "Networking": "Networking",
    "Security": "Security",
    "Security & Privacy": "Security",
    "Cryptography": "Security",
    "Reverse Engineering": "Security",
    "HTML and CSS": "Web Development",
    "Web Development": "Web Development",
    "Web Performance": "Web Development",
    "Web Services": "Web Development",
    "WordPress": "Web Development",
    "Astro": "Web Development",
    "Nest.js": "Web Development",
    "UI/UX": "Web Development",
    "Android": "Mobile Development",
    "iOS": "Mobile Development",
    "Flutter": "Mobile Development",
    "Windows Phone": "Mobile Development",
    "Game Development": "Game Development",
    "Software Architecture": "Software Engineering",
    "Software Engineering": "Software Engineering",
    "System Design": "Software Engineering",
    "Version Control Systems": "Software Engineering",
    "Git": "Software Engineering",
    "Blockchain": "Blockchain",
    "Web3": "Blockchain",
    "Solidity": "Blockchain",
    "Computer Science": "Computer Science",
    "Theoretical Computer Science": "Computer Science",
    "Compiler Design": "Computer Science",
    "Compilers": "Computer Science",
    "Computer Organization and Architecture": "Computer Science",
    "Quantum Computing": "Computer Science",
    "Theory": "Computer Science",
}
_SAME_AS = {"Database": "Databases", "Cuda": "CUDA", "SQL (implementation agnostic)": "SQL"}
DEFAULT_CATEGORY = "Programming"


def clean_topic_name(raw: str) -> str:
    """Strip the Markdown anchors and list numbers a source's heading carries."""
    name = _NUMBERED.sub("", _ANCHOR.sub("", raw)).replace("\\", "").strip()
    return _SAME_AS.get(name, name)


@lru_cache(maxsize=4096)
def topic_path(subject: str | None, subtopic: str | None = None) -> tuple[str, ...]:
    """Return the tree path of a source subject, e.g. ``("Databases", "PostgreSQL")``."""
    if not subject or not clean_topic_name(subject):
        return ()
    name = clean_topic_name(subject)
    category = _CATEGORIES.get(name, DEFAULT_CATEGORY)
    path = (category,) if category == name else (category, name)
    child = clean_topic_name(subtopic) if subtopic else ""
    return (*path, child) if child else path


def known_topic(name: str) -> str | None:
    """Return the topic a publisher's skill names, when it names one (``Python Programming``)."""
    base = clean_topic_name(name).removesuffix(" Programming").removesuffix(" (Software)")
    for candidate in (base, base.upper()):
        if candidate in _CATEGORIES or candidate in _KNOWN_LANGUAGES:
            return candidate
    return None


def path_slugs(path: tuple[str, ...]) -> list[str]:
    """Return the slug of every node on ``path``, root first (``databases-postgresql``)."""
    return ["-".join(slugify(part) for part in path[: depth + 1]) for depth in range(len(path))]


_KNOWN_LANGUAGES = {
    "Python", "Java", "JavaScript", "TypeScript", "Go", "Rust", "Ruby", "PHP", "C", "C++", "C#",
    "Kotlin", "Swift", "Scala", "Haskell", "SQL", "Bash", "HTML", "CSS",
}  # fmt: skip
