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
# "has not been confirmed", "не подтвердилась", "не підтвердилась", "официально не подтверждена"
_CONFIRMED: Final = words("confirmed", "подтвердилась", "подтверждена", "подтверждено", "підтвердилась",
                          "підтвердилася", "підтверджена", "підтверджено")
# "this information", "эта информация", "цю інформацію": what the sentence (or the one before) reported
_THIS: Final = words("this", "these", "that", "эта", "эти", "такая", "ця", "ці", "така")
_NOT: Final = frozenset({"not", "не"})
# "в предыдущей версии ошибочно говорилось о погибшем", "we mistakenly reported": what follows is untrue
_MISTAKEN: Final = frozenset({"ошибочно", "помилково", "mistakenly", "erroneously", "wrongly", "неверно"})
_SAID: Final = words("говорилось", "сообщалось", "указывалось", "утверждалось", "писалось", "йшлося",
                     "повідомлялося", "зазначалося", "вказувалося", "reported", "stated", "said", "wrote")


def denied_spans(toks: list[Token], bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges [lo, hi) that a denial covers: after "denied reports" up to the end of its
    sentence; from "reports that" up to "are untrue" / "не відповідає дійсності"."""
    out: list[tuple[int, int]] = []
    for s_idx, (lo, hi) in enumerate(bounds):
        for k in range(lo, hi):
            tok = toks[k]
            if tok.kind != "word":
                continue
            if has(tok, _THIS) and k + 1 < hi and has(toks[k + 1], _REPORTS) and _refuted(toks, k + 2, hi):
                # "Earlier we reported ... one person had been killed. ... said this information was
                # not confirmed": the report before it; "писали про двох поранених — згодом
                # «адміністрація» цю інформацію спростувала": the clause before it
                if any(toks[j].text in (";", "—", "–") for j in range(lo, k)) or s_idx == 0:
                    out.append((lo, k))
                else:
                    out.append((bounds[s_idx - 1][0], k))
                break
            if tok.low in _MISTAKEN and k + 1 < hi and has(toks[k + 1], _SAID):
                out.append((k, hi))
                break
            if has(tok, _DENY) and any(has(t, _REPORTS) for t in toks[k + 1 : min(hi, k + 5)]):
                out.append((k, hi))
                break
            if has(tok, _REPORTS) and (k - lo <= 3 or toks[k - 1].low in ("that", "что", "що")):
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
        if has(tok, _CONFIRMED) and any(t.low in _NOT for t in toks[max(lo, k - 3) : k]):
            return k + 1  # "інформація про влучання в об'єкт енергетики не підтвердилась"
    return None


def _refuted(toks: list[Token], lo: int, hi: int) -> bool:
    """Whether the words after "this information" call it untrue: "was not confirmed", "не
    соответствует действительности", "спростувала"."""
    for k in range(lo, min(hi, lo + 5)):
        tok = toks[k]
        if tok.kind != "word":
            continue
        if has(tok, _DENY) or (has(tok, _FALSE) and toks[k - 1].low not in _NOT):
            return True
        if (has(tok, _CONFIRMED) or has(tok, _REALITY)) and any(t.low in _NOT for t in toks[lo:k]):
            return True
    return False


def denied(spans: list[tuple[int, int]], k: int) -> bool:
    """Whether token k lies in a denied range."""
    return any(lo <= k < hi for lo, hi in spans)
