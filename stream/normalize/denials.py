"""PURE: stretches of a report that its speaker calls untrue.

"Khinshtein denied reports of a resident killed in Rylsk", "Artamonov опроверг сообщения о
пожаре на НЛМК", "Інформація про влучання в нафтобазу не відповідає дійсності": the damage
and casualties inside such a stretch did not happen (the rules label only damage the text
says happened), while the speaker's own account after it stands.
"""

from __future__ import annotations

from typing import Final

from stream.normalize.lexicon import has, words
from stream.normalize.tokens import Token

_DENY: Final = (
    words("deny", "denied", "denies", "denying", "refute", "refuted", "refutes", "dismissed", "debunked",
          "опровергнуть", "опроверг", "опровергла", "опровергли", "спростувати", "спростував",
          "спростувала", "спростували"))
_REPORTS: Final = words("report", "reports", "claim", "claims", "information", "rumour", "rumours", "rumor",
                        "rumors", "сообщение", "сообщения", "сведения", "информация", "информацию", "данные",
                 "слух", "слухи", "повідомлення", "інформація", "інформацію", "дані", "чутки", "відомості")
# "не соответствует действительности", "не відповідає дійсності"
_REALITY: Final = words("действительности", "дійсності", "действительность", "дійсність")
_FALSE: Final = words("untrue", "false", "fake", "baseless", "фейк", "неправда", "вигадка", "выдумка")


def denied_spans(toks: list[Token], bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges [lo, hi) that a denial covers: after "denied reports" up to the end of its
    sentence; from "reports that" up to "are untrue" / "не відповідає дійсності"."""
    out: list[tuple[int, int]] = []
    for lo, hi in bounds:
        for k in range(lo, hi):
            tok = toks[k]
            if tok.kind != "word":
                continue
            if has(tok, _DENY) and any(has(t, _REPORTS) for t in toks[k + 1 : min(hi, k + 5)]):
                out.append((k, hi))
                break
            if has(tok, _REPORTS) and k - lo <= 3:
                end = _falsity(toks, k + 1, hi)
                if end is not None:
                    out.append((k, end))
                    break
    return out


def _falsity(toks: list[Token], lo: int, hi: int) -> int | None:
    for k in range(lo, hi):
        tok = toks[k]
        if tok.kind != "word":
            continue
        if has(tok, _FALSE) and not (k > 0 and toks[k - 1].low in ("not", "не")):
            return k + 1  # "Reports ... that a drone hit the plant are untrue"
        if has(tok, _REALITY) and any(t.low in ("не", "not") for t in toks[max(lo, k - 3) : k]):
            return k + 1
    return None


def denied(spans: list[tuple[int, int]], k: int) -> bool:
    """Whether token k lies in a denied range."""
    return any(lo <= k < hi for lo, hi in spans)
