"""Matching: resources ranked for careers, learning paths and skill gaps."""
