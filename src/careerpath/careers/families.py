"""Job families: the 22 major groups of the U.S. Standard Occupational Classification (2018).

A career's family is the major group of its O*NET-SOC code (its first two digits). The names
are the SOC's own (public domain, U.S. Bureau of Labor Statistics), shortened by " Occupations".
"""

from __future__ import annotations

MAJOR_GROUPS = {
    "11": "Management",
    "13": "Business and Financial Operations",
    "15": "Computer and Mathematical",
    "17": "Architecture and Engineering",
    "19": "Life, Physical, and Social Science",
    "21": "Community and Social Service",
    "23": "Legal",
    "25": "Educational Instruction and Library",
    "27": "Arts, Design, Entertainment, Sports, and Media",
    "29": "Healthcare Practitioners and Technical",
    "31": "Healthcare Support",
    "33": "Protective Service",
    "35": "Food Preparation and Serving Related",
    "37": "Building and Grounds Cleaning and Maintenance",
    "39": "Personal Care and Service",
    "41": "Sales and Related",
    "43": "Office and Administrative Support",
    "45": "Farming, Fishing, and Forestry",
    "47": "Construction and Extraction",
    "49": "Installation, Maintenance, and Repair",
    "51": "Production",
    "53": "Transportation and Material Moving",
    "55": "Military Specific",
}
OTHER = "Other"


def family_of(soc_code: str | None) -> str:
    """Return the job family of an O*NET-SOC code ("15-1252.00" is Computer and Mathematical)."""
    return MAJOR_GROUPS.get((soc_code or "")[:2], OTHER)
