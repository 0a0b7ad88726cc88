"""PURE: word classes shared by the extractors, keyed by lemma (ru/uk via pymorphy3).

`words(...)` turns surface words into the set of keys a token may carry: the
lower-cased word and its lemmas under the Russian and Ukrainian analyzers, so
entries can be written in any case form.
"""

from __future__ import annotations

from typing import Final

from stream.normalize.tokens import Token, lemma_variants


def words(*items: str) -> frozenset[str]:
    """Keys for surface words (English forms are kept as written, lower-cased)."""
    out: set[str] = set()
    for item in items:
        out |= lemma_variants(item)
    return frozenset(out)


def has(tok: Token, keys: frozenset[str]) -> bool:
    """Whether a token (or one part of a hyphenated token) is in a word class."""
    if tok.lemma in keys or tok.low in keys:
        return True
    if "-" in tok.low:
        return any(part in keys or _part_lemma(part) & keys for part in tok.low.split("-"))
    return False


def _part_lemma(part: str) -> frozenset[str]:
    return lemma_variants(part) if part else frozenset()


# Prepositions and conjunctions that end a noun phrase after a number.
STOP: Final = words(
           "over", "in", "on", "at", "near", "above", "across", "towards", "toward", "into", "from",
           "by", "of", "and", "or", "but", "while", "were", "was", "had", "have", "has", "been",
           "are", "is", "be", "that", "which", "who", "as", "with", "to", "for", "during", "after",
           "before", "since", "more", "further", "other", "others", "each", "overnight", "later",
           "над", "в", "во", "у", "на", "по", "из", "з", "із", "зі", "со", "с", "от", "від", "к",
           "до", "при", "під", "под", "за", "и", "і", "й", "та", "а", "или", "або", "ще", "еще",
           "ещё", "было", "були", "були", "было", "который", "який", "также", "також",
       )
# English -ed words that are modifiers inside a weapon phrase, not verbs.
EN_MODIFIERS: Final = frozenset({"guided", "unmanned", "armed", "modified", "upgraded", "advanced"})
PERSON: Final = words(
           "пожежники", "пожежників", "пожарные", "пожарных", "рятувальники", "спасатели", "кияни", "киян",
           "киевляне", "харків'яни", "харьковчане", "одесити", "одесситы", "мешканці",
           "жителі", "жители", "residents", "people", "person", "persons", "civilian", "civilians", "man",
           "men", "woman", "women",
           "child", "children", "teenager", "teenagers", "boy", "girl", "resident", "residents",
           "worker", "workers", "employee", "employees", "soldier", "soldiers", "servicemen",
           "serviceman", "driver", "drivers", "passenger", "passengers", "victim", "victims",
    "pensioner", "pensioners", "ppl", "firefighter", "firefighters", "rescuer", "rescuers", "teen", "baby",
           "infant", "elderly", "adult", "adults", "minor", "minors", "individuals",
           "человек", "люди", "мужчина", "женщина", "ребенок", "ребёнок", "дети", "подросток",
           "мирный", "житель", "военный", "военнослужащий", "сотрудник", "работник", "пенсионер",
           "водитель", "пассажир", "спасатель", "девочка", "мальчик", "пострадавший",
           "людина", "люди", "людей", "чоловік", "жінка", "дитина", "діти", "підліток", "мешканець",
           "житель", "військовий", "військовослужбовець", "працівник", "співробітник", "пенсіонер",
           "водій", "пасажир", "рятувальник", "дівчинка", "хлопчик", "цивільний", "мирний",
           "crew", "member", "members", "член", "члена", "члены", "члени", "членов", "членів", "моряк",
           "моряки", "sailor", "sailors", "seafarer", "seafarers",
           "энергетик", "енергетик", "engineer", "engineers", "инженер", "інженер",
           "фельдшер", "врач", "лікар", "медсестра", "doctor", "doctors", "nurse", "nurses",
       )


class PhraseMatcher:
    """Longest-first matching of word phrases at a token, indexed by the first word's keys."""

    def __init__(self, phrases: list[tuple[str, str]]) -> None:
        self._index: dict[str, list[tuple[tuple[frozenset[str], ...], str]]] = {}
        compiled = [(tuple(words(w) for w in ph.split()), label) for ph, label in phrases]
        compiled.sort(key=lambda c: -len(c[0]))
        for pattern, label in compiled:
            for key in pattern[0]:
                self._index.setdefault(key, []).append((pattern, label))

    @property
    def first_words(self) -> dict[str, list[tuple[tuple[frozenset[str], ...], str]]]:
        """Keys a phrase may start with (for sweeps that inline `may_start`)."""
        return self._index

    def may_start(self, tok: Token) -> bool:
        """Cheap test whether any phrase can start at this token."""
        index = self._index
        return tok.lemma in index or tok.low in index or "-" in tok.low

    def match(self, toks: list[Token], i: int, hi: int) -> tuple[int, str] | None:
        """(length, label) of the longest phrase starting at token i and ending before hi."""
        tok = toks[i]
        index = self._index
        if tok.lemma not in index and tok.low not in index and "-" not in tok.low:
            return None
        cands = index.get(tok.lemma) or index.get(tok.low)
        if cands is None and "-" in tok.low and not tok.low.startswith(("anti-", "counter-", "non-")):
            for part in tok.low.split("-"):  # ("anti-aircraft" troops are no aircraft)
                cands = self._index.get(part)
                if cands:
                    break
        if not cands:
            return None
        for pattern, label in cands:
            n = len(pattern)
            if i + n > hi:
                continue
            if all(toks[i + k].kind == "word" and has(toks[i + k], pattern[k]) for k in range(1, n)):
                return n, label
        return None
