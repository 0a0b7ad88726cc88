"""PURE: tokens with character offsets, lemmas (pymorphy3 for ru/uk) and sentences.

Every later stage works on this token list, so evidence spans are always
offsets into the original text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, NamedTuple, cast

import pymorphy3

from stream.models import Lang
from stream.regions import morph

# Order matters: times and grouped numbers before plain words.
_TOKEN_RE: Final = re.compile(
    r"(?P<abbr>(?:[A-Z]\.){2,}(?:-[^\W\d_]\w*)+)"  # "U.S.-supplied": one modifier
    r"|(?P<word>[^\W\d_]\w*(?:[-'’ʼ]\w+)*)"  # most tokens: a word starting with a letter
    r"|(?P<time>\b\d{1,2}:\d{2}\b)"
    r"|(?P<num>(?<![\w.,])\d{1,3}(?:(?:,|[ \u00a0\u2009\u202f])\d{3})+(?![\d\w])|\d+(?:[.,]\d+)?(?![\w-]))"
    r"|(?P<wnum>\d+(?=-(?:drones?|missiles?|uavs?|rockets?)\b))"  # "a 728-drone attack"
    r"|(?P<dword>\w+(?:[-'’ʼ]\w+)*)"  # "60-year-old", "20-ти"
    r"|(?P<punct>\S)",
)
_CYRILLIC_RE: Final = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)
_SENT_ABBREV: Final = frozenset(
           {"м", "г", "с", "смт", "обл", "р", "ул", "вул", "mr", "mrs", "dr", "st", "no", "gen", "lt", "col",
            "gov", "sen", "rep", "pres", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov",
            "dec", "н.п", "пос", "нп", "ст", "корр", "ед", "од", "шт", "тыс", "тис", "reg", "obl", "approx"}
       )


class Token(NamedTuple):
    """One token: `kind` is word, num, time or punct; `lemma` is a normalized key."""

    text: str
    start: int
    end: int
    kind: str
    low: str
    lemma: str
    pos: str
    sent: int


def analyzer(lang: str) -> pymorphy3.MorphAnalyzer:
    """The gazetteer's analyzer: one per language per process (each holds ~18 MB)."""
    return cast(pymorphy3.MorphAnalyzer, morph.analyzer(cast(Lang, lang)))


@lru_cache(maxsize=200_000)
def analyse(word: str, lang: Lang) -> tuple[str, str]:
    """(lemma, part of speech) of a lower-cased word: pymorphy3 for Cyrillic words."""
    if not _CYRILLIC_RE.search(word):
        if word.endswith("'s") and len(word) > 3:
            return word[:-2], ""  # "ministry's": the possessive's lemma is its noun
        return word, ""
    morph_lang = "uk" if lang == "uk" else "ru"
    parses = analyzer(morph_lang).parse(word)
    if not parses:
        return word, ""
    return str(parses[0].normal_form), str(parses[0].tag.POS or "")


def lemma(word: str, lang: Lang) -> str:
    """Lemma of a lower-cased word (the word itself outside Cyrillic)."""
    return analyse(word, lang)[0]


@lru_cache(maxsize=200_000)
def lemma_variants(word: str) -> frozenset[str]:
    """Lemmas of a lexicon word under both Cyrillic analyzers (lexicons are built with it)."""
    low = word.lower()
    return frozenset({lemma(low, "ru"), lemma(low, "uk"), low})


def tokenize(text: str, lang: Lang) -> list[Token]:
    """Split text into tokens and assign each a sentence index."""
    out: list[Token] = []
    append = out.append
    sent = 0
    cache = _WORD_CACHE.setdefault(lang, {})
    new = _new
    has_newline = "\n" in text
    boundary = False  # the previous token may end a sentence
    prev_end = 0
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        raw = m.group()
        start = m.start()
        end = start + len(raw)
        if (boundary or (has_newline and "\n" in text[prev_end:start])) and out and _ends_sentence(
            out[-1], out, text, start
        ):
            sent += 1
        if kind in _WORD_KINDS:
            info = cache.get(raw)
            if info is None:
                low = raw.lower().replace("’", "'").replace("ʼ", "'")
                low = _SPELLED_OUT.get(low, low)
                info = (low, *analyse(low, lang))
                if len(cache) < 500_000:
                    cache[raw] = info
            append(new(Token, (raw, start, end, "word", info[0], info[1], info[2], sent)))
            boundary = False
        else:
            kind = _KIND.get(kind, kind)
            append(new(Token, (raw, start, end, kind, raw, raw, "", sent)))
            boundary = kind == "punct" and raw in ".!?…"
        prev_end = end
    return out


# "у Вишгородському р-ні", "Рыльского р-на": abbreviations read as the words they stand for
_SPELLED_OUT: Final = {
           "р-н": "район", "р-на": "района", "р-ну": "району", "р-не": "районе", "р-ні": "районі",
           "р-ном": "районом", "р-ни": "райони", "р-ны": "районы", "р-нах": "районах", "р-нів": "районів",
           "р-нов": "районов",
       }
_ABBREV_RE: Final = re.compile(r"(?<!\w)р-н\w*", re.IGNORECASE)


def spell_out(text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    """The text with its abbreviations spelled out, and the replaced spans as (start in the
    result, end in the result, start, end): for matchers that read the text itself."""
    parts: list[str] = []
    spans: list[tuple[int, int, int, int]] = []
    pos = shift = 0
    for m in _ABBREV_RE.finditer(text):
        full = _SPELLED_OUT.get(m.group().lower())
        if full is None:
            continue
        parts.append(text[pos : m.start()])
        spans.append((m.start() + shift, m.start() + shift + len(full), m.start(), m.end()))
        parts.append(full)
        shift += len(full) - (m.end() - m.start())
        pos = m.end()
    parts.append(text[pos:])
    return "".join(parts), spans


def spelled_back(at: int, spans: list[tuple[int, int, int, int]], end: bool) -> int:
    """An offset into `spell_out`'s result, back in the original text."""
    shift = 0
    for a, b, start, stop in spans:
        if at < a:
            break
        if at < b or (end and at == b):
            return stop if end else start
        shift = b - stop
    return at - shift


_WORD_KINDS: Final = frozenset({"word", "dword", "abbr"})
# Abbreviations that follow the name they shorten ("з Курської обл. По стану на 08:30"): a capital
# after them opens a sentence, unlike one after "г."/"м." before a town's name.
_AFTER_NAME_ABBREV: Final = frozenset({"обл", "obl", "reg"})
_ZONE_AFTER_RE: Final = re.compile(r"(?:Moscow|Kyiv|Kiev|local)\s+time\b", re.IGNORECASE)
_KIND: Final = {"wnum": "num"}
# tuple.__new__ skips the generated NamedTuple constructor: tokenizing is the hot loop.
_new = tuple.__new__
_WORD_CACHE: dict[str, dict[str, tuple[str, str, str]]] = {}  # per language: word -> info


def _ends_sentence(prev: Token, toks: list[Token], text: str, next_start: int) -> bool:
    gap = text[prev.end : next_start]
    if "\n" in gap:
        return True
    if prev.kind != "punct" or prev.text not in ".!?…" or not gap:
        return False
    if prev.text == "." and len(toks) >= 2:
        before = toks[-2]
        if (before.kind == "word" and before.end == prev.start and before.low in _SENT_ABBREV
                and before.low not in _AFTER_NAME_ABBREV):
            return False
        if before.low == "m" and _ZONE_AFTER_RE.match(text, next_start):
            return False  # "2 p.m. Moscow time": the clock's zone, not a new sentence
    nxt = text[next_start : next_start + 1]
    return nxt.isupper() or nxt.isdigit() or nxt in "«\"'“("
