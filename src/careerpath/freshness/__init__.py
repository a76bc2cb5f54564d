"""Freshness of cached reads: one generation number, bumped in the transaction of every write.

Every cache key (documents and whole responses) carries the generation, so a committed write
makes every older entry unreachable at once, on every worker and every machine; workers learn
the new number by polling one row (``clock.py``).
"""
