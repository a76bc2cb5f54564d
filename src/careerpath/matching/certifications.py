"""A career's certifications: its ranked courses that are certificate programmes, by price.

Candidates are the career's stored course ranking in the reader's language (so they passed the
relevance floor and are in order); ``certificates.is_certificate`` keeps those the source itself
calls a certificate or specialisation (in a field of its own, else in the title). A certificate
programme is months of a reader's time, so it must also be *about* the career: its words agree
with the career's (``scoring.words_agree``, the judgement that lets a course's skills count
whole). A broad programme that only lists a few of the career's tools (IBM Back-End Development
"covers" Linux and OpenShift for a security engineer) passes the floor as a course far down the
list, but is not offered as the career's certification. Rankings stored before that judgement
was recorded lack it and keep their certificates until ``careerpath matching recompute``.
Prices are converted to US dollars with the salary FX table; a price the source does not give
is unknown: never counted as free, and left out when a price cap is asked for.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.schemas import CareerRef
from careerpath.catalog.models import Resource, ResourceKind
from careerpath.matching.certificates import is_certificate
from careerpath.matching.models import CareerRanking
from careerpath.matching.schemas import CertificationPage, CertificationRead
from careerpath.salaries.fx import Rate, current_rates

PRICE_CAPS: dict[str, Decimal | None] = {
    "any": None,
    "300": Decimal(300),
    "100": Decimal(100),
    "free": Decimal(0),
}
DEFAULT_CAP = "any"


def usd_price(resource: Resource, rates: dict[str, Rate]) -> Decimal | None:
    """Return the price in US dollars: 0 when free, None when unknown or unconvertible."""
    if resource.is_free:
        return Decimal(0)
    amount, currency = resource.price_amount, resource.price_currency
    if amount is None or currency is None or currency not in rates:
        return None
    return (amount * rates[currency].usd_per_unit).quantize(Decimal("1"))


def _within(price: Decimal | None, cap: Decimal | None) -> bool:
    return cap is None or (price is not None and price <= cap)


async def certifications(
    session: AsyncSession, career: CareerRef, language: str, cap: str, limit: int
) -> CertificationPage:
    """Return the career's certificate programmes in ``language`` within the price cap."""
    limit_usd = PRICE_CAPS.get(cap, PRICE_CAPS[DEFAULT_CAP])
    rows = await session.execute(
        select(Resource, CareerRanking.explanation)
        .join(CareerRanking, CareerRanking.resource_id == Resource.id)
        .where(
            CareerRanking.career_id == career.id,
            CareerRanking.kind == ResourceKind.COURSE,
            CareerRanking.language == language,
        )
        .order_by(CareerRanking.position)
    )
    rates = await current_rates(session)
    found = [
        (resource, usd_price(resource, rates))
        for resource, explained in rows
        if explained.get("about", True)
        and is_certificate(resource.title, resource.description, resource.certificate)
    ]
    kept = [(r, price) for r, price in found if _within(price, limit_usd)]
    items = [
        CertificationRead(
            resource_id=r.id, title=r.title, url=r.url, provider=r.provider,
            price_usd=int(price) if price is not None else None, is_free=price == 0,
            level=str(r.level) if r.level else None,
        )
        for r, price in kept[:limit]
    ]  # fmt: skip
    cap = cap if cap in PRICE_CAPS else DEFAULT_CAP
    text = summary(len(found), len(kept), len(items), cap)
    return CertificationPage(career.slug, cap, len(kept), len(found), items, text)


def summary(found: int, total: int, shown: int, cap: str) -> str:
    """Return the sentence over the list: how many there are, within the cap, and listed.

    The count and the list agree: when fewer are listed than there are, it says so.
    """
    noun = "certificate programme" if found == 1 else "certificate programmes"
    text = (
        f"{found} {noun} or specialisation{'' if found == 1 else 's'} among this career's courses"
    )
    if cap != DEFAULT_CAP:
        text += f", {total} of them " + ("free" if cap == "free" else f"under ${cap}")
    if shown < total:
        text += f"; the {shown} most relevant are listed"
    return text + "."
