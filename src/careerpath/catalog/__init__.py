"""Courses and books: resources, topics, skills tags, imports."""
