"""The reader's language: ?lang= first, then the Accept-Language weights, then English."""

from __future__ import annotations

import pytest

from careerpath.catalog.language import reader_language


@pytest.mark.parametrize(
    ("requested", "header", "expected"),
    [
        (None, None, "en"),
        (None, "ru-RU,ru;q=0.9,en;q=0.8", "ru"),
        (None, "en;q=0.3, de-CH", "de"),
        (None, "*, fr;q=0", "en"),
        ("ru", "de", "ru"),
        ("not a code", "es", "es"),
    ],
)
def test_reader_language(requested: str | None, header: str | None, expected: str) -> None:
    assert reader_language(requested, header) == expected
