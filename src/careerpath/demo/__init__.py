"""Demo data shipped in the package and loaded by ``careerpath demo``."""
