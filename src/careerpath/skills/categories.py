"""Put a technology in a category a person understands. Pure.

O*NET's UNSPSC commodities are coarse and sometimes odd (AWS is filed under "Data base user
interface and query software"), so well-known names are placed by rule first and the
commodity decides the rest.
"""

from __future__ import annotations

import re

LANGUAGES = "Programming languages"
WEB = "Web frameworks and front end"
DATABASES = "Databases"
CLOUD = "Cloud platforms"
DEVOPS = "DevOps and CI"
API = "APIs and integration"
DATA = "Data, analytics and ML"
OS = "Operating systems"
TESTING = "Testing and quality"
DEV_TOOLS = "Development tools"
SECURITY = "Security and networking"
OFFICE = "Office and collaboration"
BUSINESS = "Business software (ERP, CRM, finance)"
DESIGN = "Design, CAD and media"
SCIENCE = "Science, engineering and industry"
HEALTH = "Medical and health software"
OTHER = "Other software"
METHODS = "Methods and practices"
DOMAIN = "Domain knowledge"
CERTIFICATIONS = "Certifications"
FIELDS = "Fields of study"
INDUSTRIES = "Industries"
SPOKEN = "Spoken languages"


# Whole-word name patterns checked in order; the first hit wins.
_NAME_RULES: tuple[tuple[str, str], ...] = (
    (
        CLOUD,
        r"amazon web services|\baws\b|azure|google cloud|amazon elastic|amazon simple"
        r"|\bgcp\b|google compute|openshift|heroku|cloudformation|cloud software",
    ),
    (
        DEVOPS,
        r"docker|kubernetes|jenkins|ansible|terraform|puppet|\bchef\b|\bgit\b|github"
        r"|gitlab|bitbucket|subversion|bamboo|travis|circleci|teamcity|vagrant|devops|nagios",
    ),
    (
        API,
        r"\brest(ful)?\b|\bsoap\b|graphql|postman|swagger|\bapi\b|rabbitmq|kafka|\bjson\b"
        r"|\bxml\b|mulesoft",
    ),
    (
        WEB,
        r"\.js\b|\bjs\b|react|angular|vue|django|flask|rails|spring|laravel|asp\.net"
        r"|jquery|bootstrap|\bhtml|\bcss\b|style sheets|ajax|webpack|redux|symfony|struts",
    ),
    (
        DATABASES,
        r"sql|database|\bdb2?\b|mongo|redis|cassandra|dynamodb|elasticsearch"
        r"|couchbase|neo4j|teradata|hbase|mariadb|sqlite",
    ),
    (
        DATA,
        r"tensorflow|pytorch|keras|scikit|pandas|numpy|hadoop|\bspark\b|tableau"
        r"|power bi|looker|\bsas\b|spss|matlab|stata|jupyter|airflow|databricks|snowflake",
    ),
    (
        LANGUAGES,
        r"programming language|\blanguage\b|^(python|java|javascript|typescript|c"
        r"|c\+\+|c#|go|golang|rust|ruby|php|perl|scala|kotlin|swift|r|julia|bash|lua|dart"
        r"|haskell|erlang|elixir|clojure|groovy|fortran|cobol|objective c|visual basic"
        r"|assembly|lisp|prolog|shell script|unix shell|oracle java|transact-sql)$",
    ),
    (TESTING, r"selenium|junit|testng|cucumber|jmeter|pytest|\bmocha\b|jest|cypress"),
    (OS, r"linux|unix|windows|macos|\bios\b|android|solaris|ubuntu|debian|centos"),
)
_COMPILED = tuple((category, re.compile(pattern)) for category, pattern in _NAME_RULES)

# Commodity-title keywords, checked in order.
_COMMODITY_RULES: tuple[tuple[str, str], ...] = (
    ("development environment", DEV_TOOLS),
    ("object or component oriented", DEV_TOOLS),
    ("web platform", WEB),
    ("web page creation", WEB),
    ("data base management", DATABASES),
    ("object oriented data base", DATABASES),
    ("data base", DATABASES),
    ("cloud-based", CLOUD),
    ("configuration management", DEVOPS),
    ("file versioning", DEVOPS),
    ("program testing", TESTING),
    ("enterprise application integration", API),
    ("business intelligence", DATA),
    ("data mining", DATA),
    ("analytical or scientific", DATA),
    ("operating system", OS),
    ("security", SECURITY),
    ("network", SECURITY),
    ("router", SECURITY),
    ("medical", HEALTH),
    ("word processing", OFFICE),
    ("spreadsheet", OFFICE),
    ("office suite", OFFICE),
    ("presentation", OFFICE),
    ("electronic mail", OFFICE),
    ("calendar", OFFICE),
    ("instant messaging", OFFICE),
    ("video conferencing", OFFICE),
    ("document management", OFFICE),
    ("project management", OFFICE),
    ("internet browser", OFFICE),
    ("enterprise resource", BUSINESS),
    ("customer relationship", BUSINESS),
    ("accounting", BUSINESS),
    ("financial", BUSINESS),
    ("human resources", BUSINESS),
    ("sales", BUSINESS),
    ("point of sale", BUSINESS),
    ("inventory", BUSINESS),
    ("logistics", BUSINESS),
    ("graphics", DESIGN),
    ("video", DESIGN),
    ("computer aided", DESIGN),
    ("desktop publishing", DESIGN),
    ("music", DESIGN),
    ("industrial control", SCIENCE),
    ("geographic", SCIENCE),
    ("map creation", SCIENCE),
)

CATEGORY_ORDER = (
    LANGUAGES,
    WEB,
    DATABASES,
    CLOUD,
    DEVOPS,
    API,
    DATA,
    TESTING,
    DEV_TOOLS,
    OS,
    SECURITY,
    OFFICE,
    BUSINESS,
    DESIGN,
    SCIENCE,
    HEALTH,
    METHODS,
    DOMAIN,
    CERTIFICATIONS,
    FIELDS,
    INDUSTRIES,
    SPOKEN,
    OTHER,
)


_KIND_CATEGORY = {
    "methodology": METHODS,
    "domain": DOMAIN,
    "certification": CERTIFICATIONS,
    "field": FIELDS,
    "industry": INDUSTRIES,
    "spoken": SPOKEN,
}
_KIND_FALLBACK = {"language": LANGUAGES, "database": DATABASES, "cloud": CLOUD}
_CATEGORY_KIND = {LANGUAGES: "language", WEB: "framework", DATABASES: "database", CLOUD: "cloud"}


def default_kind(category: str) -> str:
    """Return the kind of an O*NET technology from its category (most are tools)."""
    return _CATEGORY_KIND.get(category, "tool")


def categorize(name: str, commodity_title: str, kind: str | None = None) -> str:
    """Return the category of a technology from its kind, its name, then its commodity."""
    if kind in _KIND_CATEGORY:
        return _KIND_CATEGORY[kind]
    lowered = name.casefold()
    for category, pattern in _COMPILED:
        if pattern.search(lowered):
            return category
    commodity = commodity_title.casefold()
    for keyword, category in _COMMODITY_RULES:
        if keyword in commodity and commodity:
            return category
    return _KIND_FALLBACK.get(kind or "", OTHER)
