"""The one title → career resolver: pure, built from every name the careers are known by.

Two steps. First the occupation: ``title_model.NaiveBayes`` over the words, role word and word
pairs of every name (O*NET titles, alternate and reported titles, curated aliases), with a lift
for a title that is exactly one of an occupation's names, blended with the shipped sparse
classifier and dense model when there are. Then the refinement: a curated career
that refines the winning occupation (Back End Engineer refines Software Developers) wins when
one of its own names is contained in the title ("Sr. Backend Dev" holds "Backend Developer") or
the title has a word only its names use ("server-side"); otherwise the occupation wins. The
first candidate's confidence comes from ``title_confidence`` (how the models agree on it),
the others' from a map of their blended probability; below ``THRESHOLD`` the resolver abstains
and returns only the candidates.

This module scores and answers a title; what the resolver knows from the names (the counts its
models are built from, the exact, curated and closed-career name tables) is read by
``title_names.CareerNames``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from careerpath.careers.title_confidence import ConfidenceModel, Scores, signals
from careerpath.careers.title_model import FloatArray, NaiveBayes, title_features
from careerpath.careers.title_names import CareerNames
from careerpath.careers.title_refinement import (
    SAME_ROLE,
    named,
    names_no_career,
    refine,
    role_free,
)
from careerpath.careers.title_settings import (
    CALIBRATION_MAP,
    CALIBRATION_RAW,
    CANDIDATES,
    CLASSIFIER_SHARE,
    CLOSED_MISS,
    CONFIDENCE_BIAS,
    CONFIDENCE_WEIGHTS,
    DENSE_SHARE,
    EXACT_LIFT,
    EXACT_NAME_CONFIDENCE,
    GROUP_WEIGHT,
    PASSED_SHARE,
    ROLE_MISMATCH,
    ROLE_UNKNOWN,
    TEMPERATURE,
    THRESHOLD,
)
from careerpath.careers.title_text import (
    LANGUAGE_WORDS,
    SOFTWARE_ROLES,
    ParsedTitle,
    language_role_title,
    parse_posted_title,
    role_last,
)
from careerpath.careers.title_training import TrainedTitles, name_key
from careerpath.careers.title_types import Candidate, CareerNode, Resolution, TitleName

VAGUE_REASON = "names an appointment held in every field, not a career (reviewed)"


class TitleResolver:
    """Resolve job titles to careers; build once per set of names, reuse for every call."""

    def __init__(
        self,
        names: Iterable[TitleName],
        nodes: Iterable[CareerNode],
        context: dict[int, str] | None = None,
        trained: TrainedTitles | None = None,
    ) -> None:
        nodes = list(nodes)
        # The name tables stay; the counts only build the models below.
        self.names, counts = CareerNames.read(names, nodes, context, trained)
        classes = self.names.classes
        self.model = NaiveBayes(counts)
        groups = {n.career_id: n.group for n in nodes}
        # The SOC broad occupation (15-125x for 15-1252.00); a career without a code has none.
        broad = {n.career_id: n.code[:6] for n in nodes}
        self.broad_of = [broad[c] for c in classes]
        broad_index = {code: i for i, code in enumerate(sorted(set(self.broad_of)))}
        self.broad_ids = np.array([broad_index[b] for b in self.broad_of], dtype=np.intp)
        # The SOC's "All Other" occupations (11-9199.00, 15-1299.00): detailed codes ending in 9.
        code = {n.career_id: n.code for n in nodes}
        self.all_other = {
            i for i, c in enumerate(classes) if code[c][6:7] == "9" and code[c][7:] == ".00"
        }
        names_of_groups = sorted({groups[c] for c in classes})
        group_index = {g: i for i, g in enumerate(names_of_groups)}
        self.group_of = np.array([group_index[groups[c]] for c in classes], dtype=np.intp)
        self.groups = NaiveBayes(counts.grouped(self.group_of, len(names_of_groups)))
        # Raw → calibrated knots; `benchmarks/titles_calibration.py` swaps them to refit.
        self.calibration: tuple[tuple[float, ...], tuple[float, ...]] = (
            CALIBRATION_RAW,
            CALIBRATION_MAP,
        )
        # Confidence of the first candidate; `benchmarks/titles_calibration.py` swaps it to refit.
        self.confidence = ConfidenceModel(CONFIDENCE_WEIGHTS, CONFIDENCE_BIAS)
        self.resolve = lru_cache(maxsize=100_000)(self._resolve)

    def _classified(self, scores: FloatArray) -> FloatArray:
        """Return the classifier's scores in this resolver's classes; a class it was not
        trained on (a curated career of its own) gets the row's mean, which neither helps
        nor hurts it."""
        mapped = scores[:, np.maximum(self.names.classifier_columns, 0)]
        missing = self.names.classifier_columns < 0
        if missing.any():
            mapped[:, missing] = scores.mean(axis=1, keepdims=True)
        return mapped

    def _resolve(self, title: str, explain: bool = True) -> Resolution:
        return self.resolve_many([title], explain=explain)[0]

    def resolve_many(self, titles: list[str], *, explain: bool = False) -> list[Resolution]:
        """Resolve a batch of titles with one vectorised scoring pass."""
        parsed = [self._read(title) for title in titles]
        if not self.names.classes:
            return [_unknown(p) for p in parsed]
        scores, known, exact = self._scores(parsed)
        found, roles = self._signals(parsed, scores, exact)
        first = self.confidence.predict(found)
        calibrated = np.interp(scores.chances, *self.calibration)
        # The other candidates keep the map of their own chance, lowered as far as the first's
        # confidence fell below its map, so they stay in order.
        calibrated[:, 1:] *= np.minimum(1.0, first / np.maximum(calibrated[:, 0], 1e-9))[:, None]
        calibrated[:, 0] = first
        return [
            self._answer(
                parsed[row],
                scores.shortlist[row],
                (scores.chances[row], calibrated[row], roles[row]),
                exact[row],
                explain,
            )
            if known[row]
            else _unknown(parsed[row])
            for row in range(len(parsed))
        ]

    def confidence_signals(self, titles: list[str]) -> tuple[FloatArray, list[bool]]:
        """Return the signals of each title's first candidate (``title_confidence``) and
        which titles had a known word: what the confidence model is fitted on."""
        parsed = [self._read(title) for title in titles]
        scores, known, exact = self._scores(parsed)
        return self._signals(parsed, scores, exact)[0], known

    def first_careers(self, titles: list[str]) -> list[int]:
        """Return the career the scores put first for each title, before a curated career
        refines it: the answer the confidence model is fitted to judge."""
        scores, _, _ = self._scores([self._read(title) for title in titles])
        return [self.names.classes[cls] for cls in scores.shortlist[:, 0].tolist()]

    def _read(self, title: str) -> ParsedTitle:
        """Parse a posted title; one that only a language specialises ("Golang Engineer") is
        read as "Software Engineer" unless an occupation lists it word for word ("COBOL
        Programmer" is a Computer Programmer)."""
        parsed = role_last(self._posted(title), self._is_role)
        generic = language_role_title(parsed, self._unknown)
        if generic is None or self.names.exact_owners(name_key(parsed)):
            return parsed
        return generic

    def _posted(self, title: str) -> ParsedTitle:
        """Parse a posted title; a head that is word for word a name of two words or more
        keeps what follows its comma as context, not as a specialisation: "Business
        Intelligence Analyst, Finance" is a BI analyst who works in finance, "Sales Manager,
        Google Cloud" a sales manager, and neither a name O*NET would know."""
        parsed = parse_posted_title(title)
        if "," not in title or self._known(parsed):
            return parsed
        head = parse_posted_title(title, specialised=False)
        return head if len(head.words) >= 2 and self._known(head) else parsed

    def _known(self, parsed: ParsedTitle) -> bool:
        """Whether the title is word for word a name of an occupation or a curated career."""
        return bool(self.names.exact_owners(name_key(parsed))) or (
            role_free(parsed.words) in self.names.curated
        )

    def _is_role(self, word: str) -> bool:
        return self.model.knows(f"r:{word}")

    def _unknown(self, word: str) -> bool:
        return not self.model.knows(f"w:{word}")

    def _signals(
        self, parsed: list[ParsedTitle], scores: Scores, exact: list[set[int]]
    ) -> tuple[FloatArray, list[float]]:
        """Return the confidence signals of each title's first candidate, and its role check."""
        firsts = scores.shortlist[:, 0].tolist()
        roles = [self._role_agreement(p, cls) for p, cls in zip(parsed, firsts, strict=True)]
        listed = [
            self._listed_share(p, cls, owners)
            for p, cls, owners in zip(parsed, firsts, exact, strict=True)
        ]
        return signals(scores, roles, listed), roles

    def _listed_share(self, parsed: ParsedTitle, cls: int, owners: set[int]) -> float:
        """Return 1/n when the title is one of the n names of the first candidate and of
        occupations in its major group, else 0. A single word ("Architect", "Principal") and a
        name held in several fields ("Research Assistant": statistics, engineering, science,
        the office) say nothing of which field a poster means."""
        if len(parsed.words) < 2 or self.names.classes[cls] not in owners:
            return 0.0
        return 1 / len(owners) if self._one_group(cls, owners) else 0.0

    def _one_group(self, cls: int, owners: set[int]) -> bool:
        """Whether every occupation in ``owners`` is in the major group of ``cls``."""
        group = self.group_of[cls]
        return all(self.group_of[self.names.index[owner]] == group for owner in owners)

    def _scores(self, parsed: list[ParsedTitle]) -> tuple[Scores, list[bool], list[set[int]]]:
        """Score every class for each title: naive Bayes (with the major-group evidence and
        the lift of exact names) blended with the classifier and the dense model; the
        shortlist best first."""
        encoded = self.model.encode([title_features(p) for p in parsed])
        scores, known = self.model.score(encoded)
        group_scores, _ = self.groups.score(encoded)
        scores += GROUP_WEIGHT * group_scores[:, self.group_of]
        exact = [self.names.exact_owners(name_key(p)) for p in parsed]
        for row, owners in enumerate(exact):
            for owner in owners:
                scores[row, self.names.index[owner]] += EXACT_LIFT
        naive_bayes = scores / TEMPERATURE
        logits, classified, dense = naive_bayes, naive_bayes, naive_bayes
        trained = self.names.trained
        if trained is not None and trained.classifier is not None:
            classified = self._classified(trained.classifier.logits(parsed))
            logits = (1 - CLASSIFIER_SHARE) * naive_bayes + CLASSIFIER_SHARE * classified
        if trained is not None and trained.dense is not None:
            dense = self._classified(trained.dense.logits(parsed))
            logits = (1 - DENSE_SHARE) * logits + DENSE_SHARE * dense
        probabilities = _softmax(logits)
        count = min(CANDIDATES, len(self.names.classes))
        shortlist = np.argpartition(-probabilities, count - 1, axis=1)[:, :count]
        picked = np.take_along_axis(probabilities, shortlist, axis=1)
        order = np.argsort(-picked, axis=1)
        tops = np.take_along_axis(shortlist, order, axis=1)
        chances = np.take_along_axis(picked, order, axis=1)
        scored = Scores(naive_bayes, classified, tops, chances, self.broad_ids, dense)
        return scored, known, exact

    def _answer(
        self,
        parsed: ParsedTitle,
        top: npt.NDArray[np.intp],
        chances: tuple[FloatArray, FloatArray, float],
        exact: set[int],
        explain: bool,
    ) -> Resolution:
        """Turn one row's shortlist (raw and calibrated chances, the first's role agreement)
        into the answer."""
        best_class = int(top[0])
        classes = top.tolist()
        raw, calibrated = chances[0].tolist(), chances[1].tolist()
        penalties = [chances[2]]
        penalties += [
            CLOSED_MISS
            if cls in self.names.closed and not self._contains_a_name(parsed, cls)
            else 1.0
            for cls in (classes[1:] if self.names.closed else ())
        ]
        first = calibrated[0]
        for at, penalty in enumerate(penalties):
            if penalty != 1.0:
                # The confidence model reads the role too; the rule still caps it.
                mapped = float(np.interp(raw[at] * penalty, *self.calibration))
                calibrated[at] = min(calibrated[at], mapped) if at == 0 else mapped
        if calibrated[0] < first:
            # The others fall as far as the first did, so they stay behind it.
            calibrated[1:] = [c * calibrated[0] / first for c in calibrated[1:]]
        if self._listed_exactly(parsed, best_class, exact) or any(
            self._listed_exactly(parsed, best_class, self.names.exact_owners(key))
            for key in _software_role_keys(parsed)
        ):
            calibrated[0] = max(calibrated[0], EXACT_NAME_CONFIDENCE)
        candidates = [
            Candidate(self.names.classes[cls], p)
            for cls, p in zip(classes, calibrated, strict=True)
        ]
        reasons = self._reasons(parsed, best_class, exact) if explain else ()
        siblings = self._siblings(classes)
        # A curated child is right when its broad occupation is: the siblings' chances add up
        # ("Java Backend Developer": Web Developers 0.50, Software Developers 0.48 raw).
        pooled = penalties[0] * sum(raw[classes.index(cls)] for cls in siblings)
        pooled_confidence = float(np.interp(pooled, *self.calibration))
        children = [child for cls in siblings for child in self.names.children.get(cls, ())]
        refined = named(self.names.curated, parsed) or refine(parsed, children, pooled_confidence)
        if refined is not None:
            child, confidence, why = refined
            confidence = max(confidence, candidates[0].confidence)
            # The careers a name passes stay below it: a reader never sees two at the top
            # with one confidence ("Product Manager": the reviewed reading, then O*NET's).
            others = (
                Candidate(c.career_id, min(c.confidence, confidence * PASSED_SHARE))
                for c in candidates
                if c.career_id != child
            )
            candidates = [Candidate(child, confidence), *others]
            reasons = (why, *reasons) if explain else ()
        best = candidates[0]
        chosen = best.career_id if best.confidence >= THRESHOLD else None
        if names_no_career(parsed):
            chosen = None
            reasons = (VAGUE_REASON,) if explain else ()
        return Resolution(
            chosen, best.confidence, parsed.level, reasons, tuple(candidates[:CANDIDATES])
        )

    def _listed_exactly(self, parsed: ParsedTitle, cls: int, exact: set[int]) -> bool:
        """Whether the title is, word for word, the best occupation's own title, or a name of
        it or of its siblings in its broad occupation and of no occupation outside its major
        group: then any of them is right (README: evaluation)."""
        if cls in self.names.own_titles.get(name_key(parsed), ()):
            return True
        if len(parsed.words) < 2 or not exact:
            return False
        if self.names.classes[cls] not in exact:
            # Not in a residual group ("15-1299": All Other), whose members are unrelated.
            broad = self.broad_of[cls]
            return broad[5:] not in ("", "9") and all(
                self.broad_of[self.names.index[owner]] == broad for owner in exact
            )
        if cls in self.all_other and len(exact) > 1:
            # "Communications Manager" is a Public Relations Manager's name before it is one
            # of the names "Managers, All Other" gathers.
            return False
        return self._one_group(cls, exact)

    def _role_agreement(self, parsed: ParsedTitle, cls: int) -> float:
        """Return 1 when the best career's names use the title's role word, less when not."""
        role = parsed.role
        if cls in self.names.closed and not self._contains_a_name(parsed, cls):
            return CLOSED_MISS
        if role is None or role in parsed.evidence:
            return 1.0
        for word in {role, SAME_ROLE.get(role, role)}:
            if self.model.bonus(f"r:{word}", cls):
                return 1.0
        return ROLE_MISMATCH if self.model.knows(f"r:{role}") else ROLE_UNKNOWN

    def _contains_a_name(self, parsed: ParsedTitle, cls: int) -> bool:
        words = role_free(parsed.words)
        return any(key <= words for key in self.names.closed_names.get(cls, ()))

    def _reasons(self, parsed: ParsedTitle, cls: int, exact: set[int]) -> tuple[str, ...]:
        reasons: list[str] = []
        languages = [w for w in parsed.evidence if w in LANGUAGE_WORDS]
        if languages and parsed.words[:1] == ("software",):
            named = ", ".join(repr(w) for w in languages[:3])
            reasons.append(f"read as {' '.join(parsed.words)!r}: a software role in {named}")
        if self.names.classes[cls] in exact:
            reasons.append(f"a name of this career has the words {' '.join(parsed.words)!r}")
        if parsed.role is not None and self.model.bonus(f"r:{parsed.role}", cls):
            reasons.append(f"role word {parsed.role!r} agrees")
        lifted = sorted(
            ((self.model.bonus(f"w:{w}", cls), w) for w in {*parsed.words, *parsed.evidence}),
            reverse=True,
        )
        words = [w for bonus, w in lifted if bonus > 0 and w != parsed.role]
        if words:
            reasons.append("words " + ", ".join(repr(w) for w in words[:4]))
        return tuple(reasons)

    def _siblings(self, classes: list[int]) -> list[int]:
        """Return the best class and the next two when they share its broad occupation: a
        curated child of Software Developers may refine "Java Backend Developer" although Web
        Developers, its sibling, scored a little higher."""
        broad = self.broad_of[classes[0]]
        if broad[5:] in ("", "9"):
            return classes[:1]
        return [classes[0], *(c for c in classes[1:3] if self.broad_of[c] == broad)]


def _software_role_keys(parsed: ParsedTitle) -> list[tuple[str, ...]]:
    """Return the title's exact keys with its role swapped for the other software roles."""
    if parsed.role not in SOFTWARE_ROLES or "software" not in parsed.evidence:
        return []
    rest = parsed.words[:-1]
    return [tuple(sorted({*rest, role})) for role in SOFTWARE_ROLES if role != parsed.role]


def _unknown(parsed: ParsedTitle) -> Resolution:
    return Resolution(None, 0.0, parsed.level, ("no word of the title is known",))


def _softmax(scores: FloatArray) -> FloatArray:
    shifted: FloatArray = scores - scores.max(axis=1, keepdims=True)
    np.exp(shifted, out=shifted)  # in place: a batch's rows are a thousand classes wide
    shifted /= shifted.sum(axis=1, keepdims=True)
    return shifted
