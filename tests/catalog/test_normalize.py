"""The catalog's value parsers: the fast paths agree with their plain references."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.catalog.normalize import canonical_url, split_canonical_url

HOSTS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9.-]{0,20}(:[0-9]{1,5})?", fullmatch=True)
PATHS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(deadline=None)  # a loaded machine must not fail a test that checks no timing
@given(st.sampled_from(["http", "HTTPS", "https", "Http"]), HOSTS, PATHS)
def test_canonical_url_agrees_with_splitting(scheme: str, host: str, path: str) -> None:
    raw = f" {scheme}://{host}/{path} "
    assert canonical_url(raw) == split_canonical_url(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTPS://Example.ORG/Path/", "https://example.org/Path"),
        ("https://example.org/", "https://example.org"),
        ("https://example.org/a?utm_source=x&id=3#top", "https://example.org/a?id=3"),
        ("https://stepik.org/course/5?search=python", "https://stepik.org/course/5"),
        ("ftp://example.org/file", None),
        ("https:///no-host", None),
    ],
)
def test_canonical_url(raw: str, expected: str | None) -> None:
    assert canonical_url(raw) == expected
