"""The title resolver's settings: its version, threshold, weights and calibration map.

Each figure here was measured on held-out O*NET titles (README: quality table); changing one
changes the resolver's answers, so bump ``RESOLVER_VERSION`` with it and let `careerpath
salaries recompute` and `careerpath postings recompute` re-resolve what is stored.
"""

from __future__ import annotations

RESOLVER_VERSION = "titles-9"
# Below this calibrated confidence the resolver names no career: answers above it on held-out
# O*NET titles are right 90.5% of the time (0.79 is the lowest reaching 90%; README: quality
# table; `benchmarks/titles_calibration.py` prints the curve).
THRESHOLD = 0.80
CANDIDATES = 10
# Log-likelihood lift of an occupation that lists the title's exact words as one of its names.
EXACT_LIFT = 3.0
# Confidence factors when the best career's names never end with the title's role word, and
# when no name does ("Data Scientist" is not a Data Engineer, whatever the shared word).
ROLE_MISMATCH = 0.25
ROLE_UNKNOWN = 0.5
# Confidence factor of a curated career with no O*NET occupation above it when the title does
# not contain one of its names: with only a few careers to choose from, a shared word proves
# nothing ("Software Engineer" is not a Back End Engineer).
CLOSED_MISS = 0.2
# Confidence of a title of two words or more that is word for word a name of the best
# occupation or of its siblings in one broad occupation, and of no occupation in another major
# group ("Machine Learning Engineer"; "Java Developer", which O*NET lists under Computer
# Programmers beside Software Developers); and of a title that is an occupation's own title
# ("Electrician" for Electricians, "Cashier").
EXACT_NAME_CONFIDENCE = 0.9
# A candidate that a curated or reviewed name passes keeps at most this share of the chosen
# career's confidence, so the two never tie at the top.
PASSED_SHARE = 0.95
# Confidence given to a title that is exactly a curated career's own name or alias.
CURATED_CONFIDENCE = 0.95
# Weight of the evidence for the occupation's SOC major group ("director" → management).
GROUP_WEIGHT = 1.0
# Share of the shipped classifier in the class scores, beside the naive Bayes (the rest):
# the blend that gave the best held-out top-1 (README: quality table).
CLASSIFIER_SHARE = 0.5
# Share of the dense model (``title_dense``) in the class scores, beside that blend (the rest).
# On titles held out of the training side (the calibration's nested split) the first class is
# right 0.561 of the time without it, 0.573 at 0.15, 0.576 at 0.2 and 0.586 at 0.5; from 0.2 up
# its character n-grams tie or beat Software Developers with hardware engineers for "Microservices
# Engineer" ("micro"), one of the issue's examples, so it stays where that answer holds.
DENSE_SHARE = 0.15
# Softmax temperature of the naive Bayes scores, then a monotone map from a candidate's blended
# probability to the share of right answers, fitted (isotonic regression) by
# `benchmarks/titles_calibration.py` on titles held out of the training side of the split
# `careerpath titles evaluate` reports on; it gives the candidates after the first their
# confidence, and caps the first's when the role word disagrees.
TEMPERATURE = 3.0
CALIBRATION_RAW = (
    0.0,
    0.181,
    0.299,
    0.388,
    0.504,
    0.613,
    0.702,
    0.805,
    0.899,
    0.939,
    0.986,
    0.998,
    1.0,
)
CALIBRATION_MAP = (
    0.0,
    0.277,
    0.317,
    0.322,
    0.431,
    0.52,
    0.542,
    0.663,
    0.72,
    0.753,
    0.862,
    0.91,
    1.0,
)
# The confidence of the first candidate: a logistic model over ``title_confidence.SIGNALS``,
# fitted by `benchmarks/titles_calibration.py` on titles held out of the training side of the
# split `careerpath titles evaluate` reports on, with the judged real titles of the tuning files
# weighing ten each (the map above serves the other candidates).
CONFIDENCE_WEIGHTS = (
    -0.089,
    0.0986,
    0.0319,
    0.1917,
    0.0712,
    -0.0749,
    0.366,
    0.218,
    0.2435,
    0.1194,
    0.7649,
    1.2041,
)
CONFIDENCE_BIAS = -0.2447
