"""Properties: normalize never raises, evidence spans lie inside the text, and an
observation's span contains its number."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from stream.models import RawReport
from stream.normalize import normalize
from stream.normalize.extract import extract
from stream.normalize.lang import detect_lang
from stream.normalize.numbers import find_numbers
from stream.normalize.tokens import tokenize
from stream.normalize.weapons import weapon_of

_WORDS = [
    "drones", "БПЛА", "дронів", "ракет", "missiles", "shot", "down", "збито", "уничтожены",
    "over", "the", "Kursk", "region", "Курской", "области", "Київщиною", "Moscow", "towards",
    "including", "в", "том", "числе", "of", "them", "killed", "injured", "поранені", "двоє",
    "two", "dozen", "at", "least", "more", "than", "1,200", "1 200", "57", "0", "–", ":",
    ",", ";", ".", "fire", "house", "пожар", "нет", "no", "damage", "from", "з", "напрямків",
    "Курська", "Black", "Sea", "Crimea", "Криму", "launched", "атакував", "КАБ", "Shahed",
    "\n", "%", "2024", "08:30", "Kh-101", "a", "man", "was", "wounded", "both", "ten",
]  # fmt: skip

_texts = st.one_of(
    st.text(min_size=1, max_size=300),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40).map(" ".join),
).filter(lambda t: bool(t.strip()))


def _raw(text: str, source: str = "wire") -> RawReport:
    return RawReport(id="p", source=source, published_at=datetime(2025, 6, 1, tzinfo=UTC), text=text)


@settings(max_examples=300, deadline=None)
@given(text=_texts, source=st.sampled_from(["wire", "telegram:mod_russia", "telegram:kpszsu"]))
def test_never_raises_and_spans_inside(text: str, source: str) -> None:
    raw = _raw(text, source)
    extract(raw, detect_lang(text))  # the unguarded pipeline itself must not raise
    rep = normalize(raw)
    items = [*rep.observations, *rep.damage, *rep.casualties]
    for item in items:
        start, end = item.span
        assert 0 <= start < end <= len(text)
    for obs in rep.observations:
        assert obs.count >= 1
        start, end = obs.span
        inner = tokenize(text[start:end], rep.lang)
        values = [n.value for n in find_numbers(inner)]
        # a count stated by a singular weapon noun ("сбит беспилотник") spans the noun
        implied = not values and obs.count == 1 and weapon_of(inner[-1]) is not None
        assert obs.count in values or implied
