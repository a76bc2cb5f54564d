"""A seeded generator of job postings shaped like the real dice sample (title + long text)."""

from __future__ import annotations

import numpy as np

TITLES = (
    "Java Developer",
    "Sr. Java/J2EE Developer",
    "Senior Software Engineer",
    "DevOps Engineer",
    "Python Developer",
    "Data Engineer",
    "Back End Developer",
    "Full Stack Developer (React)",
    ".NET Developer - Remote",
    "Network Engineer",
    "Business Analyst",
    "QA Automation Engineer",
    "Data Scientist",
    "Systems Administrator",
    "Front End Developer",
    "Project Manager",
    "Lead Cloud Architect",
    "Junior Web Developer",
    "Salesforce Developer",
    "SAP FICO Consultant",
)
SKILLS = (
    "Java",
    "Python",
    "JavaScript",
    "SQL",
    "AWS",
    "Docker",
    "Kubernetes",
    "React",
    "Node.js",
    "Linux",
    "Git",
    "Jenkins",
    "C#",
    ".NET",
    "ASP.NET Core",
    "Angular",
    "PostgreSQL",
    "MySQL",
    "MongoDB",
    "Spring Boot",
    "Hibernate",
    "REST",
    "Kafka",
    "Spark",
    "Hadoop",
    "Terraform",
    "Ansible",
    "Azure",
    "Go",
    "C++",
    "Excel",
    "Tableau",
    "JIRA",
    "Selenium",
    "HTML",
    "CSS",
    "TypeScript",
    "Redis",
    "Elasticsearch",
    "CI/CD",
    "Scala",
    "Ruby on Rails",
    "PHP",
    "Oracle",
)
FILLER = (
    "We are looking for a motivated engineer to join our growing team.",
    "You will design, build and maintain services used by millions of customers.",
    "Strong communication skills and the ability to work in an agile environment are required.",
    "Our client offers competitive pay, benefits and a flexible schedule.",
    "Must be able to work independently and mentor junior members of the team.",
    "Experience in the financial services or healthcare industry is a plus.",
    "This is a 6 month contract to hire position located downtown.",
    "Candidates must be authorized to work in the United States without sponsorship.",
    "Participate in code reviews, design discussions and production support rotations.",
    "Bachelor's degree in Computer Science or equivalent experience.",
)
TARGET_CHARS = 2400


def postings(count: int, seed: int = 42) -> list[tuple[str, str]]:
    """Return ``count`` (title, description) pairs; the same seed gives the same postings."""
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, len(SKILLS) + 1)
    weights /= weights.sum()
    result = []
    for number in range(count):
        parts: list[str] = []
        length = 0
        while length < TARGET_CHARS:
            if rng.random() < 0.35:
                picked = rng.choice(len(SKILLS), size=int(rng.integers(2, 6)), p=weights)
                sentence = "Experience with " + ", ".join(SKILLS[i] for i in picked) + "."
            else:
                sentence = FILLER[int(rng.integers(len(FILLER)))]
            parts.append(sentence)
            length += len(sentence) + 1
        title = TITLES[int(rng.integers(len(TITLES)))]
        result.append((title, f"Req {number}: " + " ".join(parts)))
    return result
