"""PURE: a count of one stated by the grammar instead of a numeral.

"Над Брянской областью сбит вражеский беспилотник", "збито ворожий безпілотник",
"a drone was shot down over the Kursk region": a singular weapon noun, the subject or
object of an interception, states one weapon (as "a 60-year-old man was wounded"
states one casualty). Genitive and attributive uses ("обломки беспилотника",
"a drone attack") state no number; indeclinable abbreviations ("БПЛА") state none
either (their number is unknown), so only nouns whose form is singular count.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from stream.normalize.numbers import Number
from stream.normalize.tokens import Token, analyzer
from stream.normalize.weapons import measure_of, weapon_of

_HARD: Final = frozenset({";", ":", ",", "(", ")"})
# English words after a weapon noun that make it a modifier ("a drone attack").
_EN_HEADS: Final = frozenset(
           {"attack", "attacks", "strike", "strikes", "debris", "wreckage", "fragments", "alert",
            "threat", "danger", "raid", "raids", "operator", "operators", "unit", "units", "launch",
            "crash", "hit", "fragment", "parts", "pieces", "remains", "warning", "launcher",
            "launchers", "system", "systems", "battery", "batteries", "complex", "crew", "crews",
            "position", "positions", "depot", "warehouse", "storage", "carrier", "team"}
       )  # fmt: skip
_EN_ARTICLES: Final = frozenset({"a", "an", "another"})
_ATTRIBUTIVE: Final = frozenset({"ADJF", "PRTF"})
_NEGATION: Final = frozenset({"not", "never", "не", "ні"})


@lru_cache(maxsize=4096)
def _singular_case(low: str, lang: str) -> bool:
    """Whether a Cyrillic noun form is singular nominative/accusative (first parse)."""
    parses = analyzer(lang).parse(low)
    if not parses:
        return False
    tag = parses[0].tag
    if lang == "ru" and ("Fixd" in tag or "Name" in tag):
        # an indeclinable name is the Russian analyzer's guess at a Ukrainian form with no
        # Ukrainian letter ("ракети"): ask the Ukrainian one, if it knows the word (not at
        # a Russian genitive plural it does not: "«Шахедов»")
        return analyzer("uk").word_is_known(low) and _singular_case(low, "uk")
    return tag.POS == "NOUN" and tag.number != "plur" and tag.case in ("nomn", "accs")


def _cyr_one(toks: list[Token], k: int) -> bool:
    tok = toks[k]
    if not tok.pos:
        return False
    lang = "uk" if any(ch in "іїєґ" for ch in tok.low) else "ru"
    return _singular_case(tok.low, lang)


def _en_one(toks: list[Token], k: int) -> bool:
    tok = toks[k]
    if tok.pos or tok.low.endswith("s"):
        return False
    nxt = toks[k + 1].low if k + 1 < len(toks) else ""
    if nxt in _EN_HEADS or (nxt and weapon_of(toks[k + 1]) is not None):
        return False
    for j in range(k - 1, max(-1, k - 4), -1):
        low = toks[j].low
        if low in _EN_ARTICLES:
            return True
        if low == "of":
            return False  # "a mix of Kh-101 cruise missiles": the article is the mix's
        if toks[j].kind != "word" or measure_of(toks[j]) is not None:
            return False  # "a downed drone": debris, not a figure
    return False


@lru_cache(maxsize=4096)
def _number_of(low: str, lang: str, pos: str, case: str | None) -> str | None:
    """"sing" or "plur" of the first parse of a form with that part of speech (and case)."""
    for p in analyzer(lang).parse(low):
        if pos == p.tag.POS and (case is None or p.tag.case == case):
            return str(p.tag.number)
    return None


_REPEL: Final = frozenset({"отразить", "отбить", "відбити", "відбить", "відбивати", "отражать"})


def _attack_of_one(toks: list[Token], k: int) -> bool:
    """"отразили атаку беспилотника, летевшего на Москву", "Отражена атака БПЛА, летевшего
    на Москву": a weapon after "атака" states one when it is a singular genitive or, for an
    abbreviation that has no number of its own, when the participle after it is singular."""
    if k < 2 or not toks[k - 1].low.startswith("атак") or not toks[k].pos or toks[k - 2].lemma not in _REPEL:
        return False  # (not "при попытке атаки беспилотника на предприятие": no one repelled)
    lang = "uk" if any(ch in "іїєґ" for ch in toks[k].low + toks[k - 1].low) else "ru"
    if k + 2 < len(toks) and toks[k + 1].text == "," and toks[k + 2].pos == "PRTF":
        return _number_of(toks[k + 2].low, lang, "PRTF", None) == "sing"  # "БПЛА, летевшего"
    return not toks[k].text.isupper() and _number_of(toks[k].low, lang, "NOUN", "gent") == "sing"


def _after_weapon(toks: list[Token], k: int) -> bool:
    j = k - 1
    while j > 0 and toks[j].text in "«»\"“”'":
        j -= 1
    # "беспилотников типа «Шахед»": the type's name, not one more weapon
    return weapon_of(toks[j]) is not None or toks[j].low in _TYPE_OF


def _quoted_name(toks: list[Token], k: int) -> bool:
    """Whether token k is inside a quoted name that follows a weapon word ("ракет большой
    дальности «Шторм Шэдоу»")."""
    for q in range(k - 1, max(0, k - 4), -1):
        if toks[q].text in "«\"“":
            for w in range(q - 1, max(-1, q - 4), -1):
                if toks[w].kind != "word":
                    return False
                if weapon_of(toks[w]) is not None:
                    return True
            return False
        if toks[q].kind != "word":
            return False
    return False


_DEBRIS: Final = frozenset({"debris", "wreckage", "fragments", "обломки", "обломков", "обломками", "уламки",
                            "уламків", "уламками", "уламок"})
_TYPE_OF: Final = frozenset({"типа", "типу", "тип", "type", "марки", "модели", "моделі"})


def implied_ones(
    toks: list[Token], numbers: list[Number], sent_bounds: list[tuple[int, int]]
) -> list[Number]:
    """Numbers of value 1 at singular weapon nouns next to an interception cue, in a
    clause that states no number of its own; `first` = `last` = the noun."""
    out: list[Number] = []
    # Most reports state their figures: look only at weapon words no numeral precedes.
    nums = {k for n in numbers for k in range(n.first, n.last + 1)}
    after_num = {k + d for k in nums for d in (1, 2)}  # "сбит 1 беспилотник": a numeral's
    cands = [
        k
        for k, tok in enumerate(toks)
        if k and tok.kind == "word" and k not in after_num and weapon_of(tok)
    ]
    for k in cands:
        tok = toks[k]
        if not (_cyr_one(toks, k) if tok.pos else _en_one(toks, k)) and not _attack_of_one(toks, k):
            continue
        lo, hi = sent_bounds[tok.sent]
        a = k
        while a > lo and toks[a - 1].text not in _HARD:
            a -= 1
        b = k
        while b < hi and toks[b].text not in _HARD:
            b += 1
        if any(j in nums for j in range(max(a, k - 3), min(b, k + 2))):
            continue  # "сбит 1 беспилотник", "ещё один дрон": a numeral states it
        if tok.pos and any(n.value % 10 == 1 and n.value % 100 != 11 and a <= n.last < k for n in numbers):
            continue  # "про 221 збитий за ніч безпілотник": the noun agrees with "221"
        cues = [j for j in range(a, b) if measure_of(toks[j]) == "intercepted"]
        if any(toks[j - 1].low in _NEGATION for j in cues if j > a):
            continue  # "a missile that was not intercepted", "ракета не была сбита"
        if not cues or any(toks[j].pos in _ATTRIBUTIVE and j < k for j in cues if k - j <= 2):
            continue  # "сбитый беспилотник упал": a downed drone's debris, not a figure
        if _after_weapon(toks, k) and (tok.pos or toks[k - 1].low in _TYPE_OF):
            continue  # the second word of one weapon phrase ("ракеты «Нептун»")
        if _quoted_name(toks, k):
            continue  # "ракет «Шторм Шэдоу»": the last word of a weapon's quoted name
        if any(t.low in _DEBRIS for t in toks[max(a, k - 4) : k]):
            continue  # "Debris from a drone shot down by air defence fell ...": no figure
        out.append(Number(1, k, k, "exact", 0))
    return out
