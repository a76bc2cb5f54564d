"""Title normalisation measured on held-out real O*NET titles (a seeded sample, for speed)."""

from __future__ import annotations

from careerpath.skills.onet import read_onet
from careerpath.skills.quality import title_quality
from tests.support import require_shared_data


def test_held_out_onet_titles_find_their_occupation() -> None:
    """Regression floor; `careerpath skills evaluate` prints the full figures."""
    quality = title_quality(read_onet(require_shared_data("onet")), sample=600)
    assert quality.queries == 600
    assert quality.top5 >= 0.5
    assert quality.top1 >= 0.25
    assert quality.top5 >= quality.top1
