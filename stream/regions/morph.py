"""Text normalisation and case-form generation for the gazetteer.

Owns two things: the length-preserving normalisation (case fold, ё->е, one apostrophe)
that both the table and the scanned text go through, and the generation of every
grammatical case of a Russian or Ukrainian name with pymorphy3, so that the table only
holds nominatives and no ending is listed by hand.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import cache
from typing import Any, Final, Literal

import pymorphy3

Lang = Literal["ru", "uk"]

# Apostrophes and the Russian ё are folded so that "Кам’янське", "Кам'янське" and
# "Кам`янське" (or "Орёл"/"Орел") hit the same key; every replacement is one char for
# one char, which keeps offsets into the normalised text valid for the original text.
_FOLD: Final = (("ё", "е"), ("’", "'"), ("ʼ", "'"), ("‘", "'"), ("`", "'"), ("ʻ", "'"), ("´", "'"))

_CYRILLIC: Final = re.compile(r"[а-яєїґ]")
_LATIN_I: Final = re.compile(r"(?<=[а-яєїґ'])i|i(?=[а-яєїґ'])")

# A token is a run of word chars with inner apostrophes (Ukrainian "кам'янське"); an
# English possessive "'s" is left out so that "Kursk's" yields "kursk".
TOKEN: Final = re.compile(r"\w+(?:'(?!s\b)\w+)*")

# Grammemes of names of people; a parse with these does not make a toponym ambiguous.
_PERSONAL: Final = frozenset({"Name", "Surn", "Patr", "Orgn", "Trad", "Abbr"})
# pymorphy3 has second genitive/locative/accusative cases for nouns only ("в Крыму");
# an adjective agreeing with such a noun takes the plain case.
_CASE_BASE: Final = {"gen2": "gent", "loc2": "loct", "acc2": "accs", "gen1": "gent", "loc1": "loct"}
_STOP_POS: Final = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NUMR"})
_SEP: Final = re.compile(r"([\s\-]+)")
# Superlatives of adjectives ("новейшая" from "новая") are other words, not case forms.
_DEGREE: Final = frozenset({"Supr", "COMP", "Cmp2"})


def number_of(tag: Any) -> str:
    """Grammatical number; the Ukrainian dictionary leaves singular unmarked."""
    return str(tag.number) if tag.number is not None else "sing"


def normalize(text: str) -> str:
    """Case-fold and fold ё/apostrophes; the result has exactly the length of ``text``."""
    low = text.lower()
    if len(low) != len(text):  # e.g. "İ" lowers to two chars: fold char by char instead
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for old, new in _FOLD:  # str.replace is several times faster than str.translate
        if old in low:
            low = low.replace(old, new)
    if "i" in low and _CYRILLIC.search(low):
        low = _LATIN_I.sub("і", low)  # "Харкiв" typed with a Latin i
    return low


def tokens(text: str) -> tuple[str, ...]:
    """The normalised tokens of a name, as the matcher sees them."""
    return tuple(TOKEN.findall(normalize(text)))


def key(text: str) -> str:
    """Lookup key of a name: its normalised tokens joined by one space."""
    return " ".join(tokens(text))


@cache
def analyzer(lang: Lang) -> Any:
    """One pymorphy3 analyzer per language, built once (about 0.1 s each)."""
    return pymorphy3.MorphAnalyzer(lang=lang)


def _nominative_parses(word: str, lang: Lang) -> list[Any]:
    return [p for p in analyzer(lang).parse(word) if p.tag.case == "nomn"]


def _rank(p: Any) -> tuple[int, int, float]:
    # Prefer a geographic name, then anything that is not a person's name, then score.
    tag = p.tag
    grammemes = tag.grammemes
    return (0 if "Geox" in grammemes else 1, 1 if _PERSONAL & grammemes else 0, -p.score)


def _toponym(p: Any, lang: Lang) -> bool:
    """Whether a noun parse may head a hyphenated name: Russian marks toponyms (Geox);
    the Ukrainian dictionary does not, so there any singular noun passes."""
    if lang == "ru":
        return "Geox" in p.tag.grammemes
    return number_of(p.tag) == "sing"


def _pick(word: str, lang: Lang, last: bool, prefer_adj: bool = False) -> Any | None:
    parses = _nominative_parses(word, lang)
    if not parses:
        return None
    if {p.tag.POS for p in parses} & _STOP_POS and not any(p.tag.POS in ("NOUN", "ADJF") for p in parses):
        return None
    nouns = sorted((p for p in parses if p.tag.POS == "NOUN"), key=_rank)
    adjs = sorted((p for p in parses if p.tag.POS == "ADJF"), key=_rank)
    if adjs and (not last or not nouns or prefer_adj):
        return adjs[0]
    return nouns[0] if nouns else None


def _forms_by_case(
    p: Any,
    number: str | None,
    gender: str | None,
    animacy: str | None,
    numbers: frozenset[str] | None = None,
) -> dict[str, set[str]]:
    """Forms of the lexeme of ``p`` grouped by base case, filtered by number/gender."""
    out: dict[str, set[str]] = {}
    want_pos = p.tag.POS
    for f in p.lexeme:
        tag = f.tag
        if want_pos != tag.POS or tag.case is None or _DEGREE & tag.grammemes:
            continue
        if number_of(tag) not in (numbers or {number or number_of(tag)}):
            continue
        if gender is not None and tag.number != "plur" and tag.gender not in (None, gender):
            continue
        if animacy is not None and tag.animacy not in (None, animacy):
            continue  # "Кривой Рог" takes inanimate accusative "Кривой", not "Кривого"
        case = _CASE_BASE.get(tag.case, tag.case)
        out.setdefault(case, set()).add(f.word)
    return out


def inflect(phrase: str, lang: Lang, *, plural_too: bool = False, all_genders: bool = False) -> set[str]:
    """Every case form of a nominative name (one word or a phrase), normalised.

    Adjectives agree with the first noun in number and gender; the first noun inflects;
    nouns after it ("Республика Татарстан") and everything after a preposition
    ("Ростов-на-Дону") stay as written. ``plural_too`` adds plural forms (used for
    "область"/"области" heads of coordinated region lists).
    """
    parts = _SEP.split(normalize(phrase).strip())
    words = parts[0::2]
    seps = parts[1::2]
    written = _SEP.split(phrase.strip())[0::2]
    picked: list[Any | None] = []
    frozen = False
    noun_seen = False
    for i, w in enumerate(words):
        last = i == len(words) - 1
        p = None if frozen else _pick(w, lang, last=last, prefer_adj=all_genders)
        if p is not None and len(written) == len(words) and len(written[i]) > 1 and written[i].isupper():
            p = None  # "Зміївська ТЕС": an abbreviation stays as written and sets no gender
        if (
            p is not None
            and not last
            and p.tag.POS == "NOUN"
            and (not p.is_known or (seps[i].strip() == "-" and not _toponym(p, lang)))
        ):
            p = None  # "Ханты-", "Кабардино-", "Усть-" stay as written; "Ростов-" inflects
        if p is None and not frozen and any(q.tag.POS in _STOP_POS for q in analyzer(lang).parse(w)[:1]):
            frozen = True
        if p is not None and p.tag.POS == "NOUN":
            if noun_seen:
                p = None
            noun_seen = True
        picked.append(p)
    noun = next((p for p in picked if p is not None and p.tag.POS == "NOUN"), None)
    number = number_of(noun.tag) if noun is not None else None
    gender = noun.tag.gender if noun is not None else None
    animacy = noun.tag.animacy if noun is not None else None
    numbers = frozenset({"sing", "plur"}) if plural_too else None
    per_word: list[dict[str, set[str]] | None] = []
    for p in picked:
        if p is None:
            per_word.append(None)
            continue
        own_number = number or number_of(p.tag)
        own_gender = gender or (p.tag.gender if p.tag.POS == "ADJF" and not all_genders else None)
        per_word.append(_forms_by_case(p, own_number, own_gender, animacy, numbers))
    result = {normalize(phrase).strip()} | _combine(words, seps, per_word)
    if len(words) > 1 and seps[0].strip() == "-" and per_word[0] is not None:
        # "в Белгород-Днестровском": the first part of a hyphenated name often stays put.
        result |= _combine(words, seps, [None, *per_word[1:]])
    if lang == "uk" and len(words) == 1 and len(result) == 1:
        result |= _uk_neuter_forms(words[0])
    first = picked[0] if picked else None
    if len(words) > 1 and not seps[0].strip() and first is not None and first.tag.POS == "NOUN":
        # "на острове Змеиный", "аэродром Белая": a common noun, then the name as written.
        result |= _combine(words, seps, [per_word[0]] + [None] * (len(words) - 1))
    return result


def _uk_neuter_forms(word: str) -> set[str]:
    """Case forms of a neuter town name the Ukrainian dictionary does not know: Russian
    "-ово" towns decline as nouns ("Кстово" -> "у Кстові"), "-ове"/"-не" ones as
    adjectives ("Глотове" -> "у Глотовому")."""
    w = normalize(word)
    if len(w) < 5:
        return set()
    if w.endswith(("ово", "ево", "єво")):
        forms = {w[:-1] + "і"}  # only the locative: "Кстова", "Іванова" would be surnames
    elif w.endswith(("ове", "еве", "єве", "іне", "ине", "не")):
        forms = {w[:-1] + end for end in ("ого", "ому", "им")}
    else:
        return set()
    # "Людиново" -> "людинові" is also "людина"'s dative: only forms no word has
    return {f for f in forms if not any(p.is_known for p in analyzer("uk").parse(f))}


def _combine(words: list[str], seps: list[str], per_word: list[dict[str, set[str]] | None]) -> set[str]:
    """Phrase forms case by case: the product of each word's forms in that case."""
    cases: set[str] = set()
    for d in per_word:
        if d is not None:
            cases |= set(d)
    result: set[str] = set()
    for case in cases:
        options: list[Iterable[str]] = []
        for w, d in zip(words, per_word, strict=True):
            options.append([w] if d is None else sorted(d.get(case, {w})))
        for combo in itertools.product(*options):
            text = combo[0] + "".join(s + c for s, c in zip(seps, combo[1:], strict=True))
            result.add(normalize(text))
    return result


def is_ambiguous(form: str, lemma_forms: set[str], lang: Lang) -> bool:
    """Whether a one-word toponym form is also an ordinary word ("Суми" / "суми").

    True when the dictionary knows the form as a common word whose lemma is not one of
    the toponym's own forms, or (Russian, whose dictionary marks toponyms with Geox)
    as a known common noun, adjective or other word without the Geox mark ("Изюм").
    """
    for p in analyzer(lang).parse(form):
        if not p.is_known or _PERSONAL & p.tag.grammemes or "Geox" in p.tag.grammemes:
            continue
        if normalize(p.normal_form) not in lemma_forms or lang == "ru":
            return True
    return False
