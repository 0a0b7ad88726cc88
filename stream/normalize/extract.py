"""PURE: the normalizer pipeline, text -> NormalizedReport.

Tokenize, find numbers and places once, then run the count, casualty, damage
and claimant extractors over the same tokens and turn token ranges into
character spans of the original text.
"""

from __future__ import annotations

from stream.models import CasualtyItem, Claimant, DamageItem, NormalizedReport, Observation, RawReport
from stream.normalize.casualties import extract_casualties
from stream.normalize.claimant import (
    Attribution,
    claimant_for,
    find_attributions,
    report_default,
)
from stream.normalize.counts import Count, extract_counts
from stream.normalize.damage import extract_damage
from stream.normalize.lang import detect_lang
from stream.normalize.numbers import find_numbers
from stream.normalize.places import PlaceRef, attack_starts, codes_in, find_places
from stream.normalize.tokens import Token, tokenize
from stream.normalize.weapons import measure_of
from stream.normalize.windows import parse_window

PARSER_VERSION = "1.0.0"


def _sentence_bounds(toks: list[Token]) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(toks) + 1):
        if i == len(toks) or toks[i].sent != toks[i - 1].sent:
            bounds.append((start, i))
            start = i
    return bounds


def _span(toks: list[Token], first: int, last: int) -> tuple[int, int]:
    return toks[first].start, toks[last].end


def _context_codes(
    toks: list[Token], places: list[PlaceRef], lo: int, hi: int, forward: bool = True
) -> list[str]:
    """Regions of a token range; else those of the last sentence before it that named
    places; else the first place of the text. A range that speaks of unnamed "regions"
    or the whole country has none."""
    inside = codes_in(places, lo, hi)
    if inside:
        return inside
    if any(t.low in _UNNAMED for t in toks[lo:hi]):
        return []
    last = _last_before(places, lo)
    if last is not None:
        s_lo, s_hi = _sent_range(toks, last.first)
        return codes_in(places, s_lo, min(s_hi, lo))
    if not forward:
        return []
    after = [p for p in places if not p.origin]
    return [after[0].code] if after else []


def _last_before(places: list[PlaceRef], lo: int) -> PlaceRef | None:
    """The last non-origin place ending before token lo."""
    k = _bisect(places, lo)
    for ref in reversed(places[max(0, k - 64) : k]):
        if ref.last < lo and not ref.origin:
            return ref
    return None


def _bisect(places: list[PlaceRef], lo: int) -> int:
    a, b = 0, len(places)
    while a < b:
        mid = (a + b) // 2
        if places[mid].first < lo:
            a = mid + 1
        else:
            b = mid
    return a


def _sent_range(toks: list[Token], i: int) -> tuple[int, int]:
    sent = toks[i].sent
    a = i
    while a > 0 and toks[a - 1].sent == sent:
        a -= 1
    b = i
    while b < len(toks) and toks[b].sent == sent:
        b += 1
    return a, b


# "several regions", "across the country": damage somewhere unnamed.
_UNNAMED = frozenset(
    {"regions", "country", "областях", "областей", "регионах", "регионов", "регіонах",
     "регіонів", "країни", "країні", "страны", "стране", "oblasts"}
)


def _clause_bounds(toks: list[Token], i: int, lo: int, hi: int) -> tuple[int, int]:
    a = i
    while a > lo and toks[a - 1].text != ";":
        a -= 1
    b = i
    while b < hi and toks[b].text != ";":
        b += 1
    return a, b


def _comma_clause(
    toks: list[Token], i: int, lo: int, hi: int, starts: frozenset[int]
) -> tuple[int, int]:
    """The comma-delimited clause around token i; a comma inside a list of places
    ("in the Murmansk, Irkutsk and Ryazan regions") does not end it."""

    def goes_on(k: int) -> bool:  # the token after a comma continues a list of places
        return k in starts or (k + 1 < hi and toks[k].low == "the" and k + 1 in starts)

    a = i
    while a > lo and toks[a - 1].text != ";" and (toks[a - 1].text != "," or goes_on(a)):
        a -= 1
    b = i
    while b < hi and toks[b].text != ";" and (toks[b].text != "," or goes_on(b + 1)):
        b += 1
    return a, b


def _nearest_code(
    toks: list[Token], places: list[PlaceRef], lo: int, hi: int, at: int
) -> str | None:
    inside = [p for p in places[_bisect(places, lo) : _bisect(places, hi)] if not p.origin]
    if inside:
        land = [p for p in inside if not p.code.startswith("SEA-")] or inside
        return min(land, key=lambda p: abs(p.first - at)).code
    codes = _context_codes(toks, places, lo, hi, forward=False)
    return codes[0] if codes else None


_NATIONAL = frozenset(
    {"ukraine", "україну", "україни", "україні", "украину", "украины", "country", "країну",
     "країни", "страну", "страны", "regions", "областей", "регіонів", "регионов", "nationwide",
     "russia", "росія", "россия"}
)


def _regional_fallback(
    toks: list[Token],
    land: list[PlaceRef],
    bounds: list[tuple[int, int]],
    attributions: list[Attribution],
    c: Count,
) -> Count:
    """A count with no place of its own in a regional report takes the report's region:
    a governor's sentence naming one region ("Governor Gusev said drones attacked the
    Voronezh region; eight drones were destroyed"), or a report about one region only
    ("На Сумщині ... Ворог скинув 6 КАБів")."""
    if c.region is not None or c.total:
        return c
    lo, hi = bounds[c.sent]
    if any(t.low in _NATIONAL for t in toks[lo:hi]):
        return c
    in_sent = {p.code for p in land[_bisect(land, lo) : _bisect(land, hi)]}
    official = any(
        a.sent == c.sent and a.claimant in ("ru-official", "ua-official") for a in attributions
    )
    if len(in_sent) == 1 and official:
        return c._replace(region=next(iter(in_sent)))
    if not in_sent and land and land[0].first < lo and all(p.code == land[0].code for p in land):
        return c._replace(region=land[0].code)
    return c


def normalize_report(raw: RawReport) -> NormalizedReport:
    """Normalize one raw report; any text yields a valid report (possibly empty)."""
    lang = raw.lang or detect_lang(raw.text)
    try:
        claimant, obs, dmg, cas = extract(raw, lang)
    except Exception:
        claimant, obs, dmg, cas = "other", [], [], []
    return NormalizedReport(
        report_id=raw.id,
        source=raw.source,
        published_at=raw.published_at,
        lang=lang,
        claimant=claimant,
        window=parse_window(raw.text, raw.published_at, claimant, lang),
        observations=obs,
        damage=dmg,
        casualties=cas,
        parser_version=PARSER_VERSION,
    )


def extract(
    raw: RawReport, lang: str
) -> tuple[Claimant, list[Observation], list[DamageItem], list[CasualtyItem]]:
    """The report-level claimant and the three lists (unguarded: tests call it directly)."""
    text = raw.text
    toks = tokenize(text, lang)  # type: ignore[arg-type]
    if not toks:
        return "other", [], [], []
    bounds = _sentence_bounds(toks)
    numbers = find_numbers(toks)
    places = find_places(text, toks)
    attributions = find_attributions(toks, places, bounds, raw.source, lang)  # type: ignore[arg-type]
    default = report_default(attributions, raw.source)

    counts = extract_counts(toks, numbers, places, bounds)
    land = [p for p in places if not p.origin and not p.code.startswith("SEA-")]
    counts = [_regional_fallback(toks, land, bounds, attributions, c) for c in counts]
    # Items are built from already-typed values (counts >= 1, spans inside the text, see the
    # property tests), so they skip re-validation; the report itself is validated.
    observations = [
        Observation.model_construct(
            region=c.region,
            weapon=c.weapon,
            measure=c.measure,
            count=c.value,
            claimant=claimant_for(c.sent, attributions, default, c.first),
            span=_span(toks, c.first, max(c.last, c.np_last)),
            qualifier=c.qualifier,
        )
        for c in counts
    ]
    count_tokens = {k for c in counts for k in range(c.first, max(c.last, c.np_last) + 1)}
    used = {c.first for c in counts}

    casualties: list[CasualtyItem] = []
    seen_cas: set[tuple[str | None, str, int]] = set()
    place_tokens = frozenset(k for p in places for k in range(p.first, p.last + 1))
    for c in extract_casualties(toks, numbers, used, bounds, place_tokens):
        lo, hi = bounds[toks[c.cue].sent]
        a, b = _clause_bounds(toks, c.cue, lo, hi)
        region = _nearest_code(toks, places, a, b, c.cue)
        if region is None:
            region = _nearest_code(toks, places, lo, hi, c.cue)
        key = (region, c.what, c.value)
        if key in seen_cas:
            continue
        seen_cas.add(key)
        casualties.append(
            CasualtyItem.model_construct(
                region=region,
                killed=c.value if c.what == "killed" else 0,
                injured=c.value if c.what == "injured" else 0,
                span=_span(toks, c.first, c.last),
            )
        )

    damage: list[DamageItem] = []
    seen_dmg: set[tuple[str, str]] = set()
    count_cues = frozenset(
        k
        for c in counts
        for k in range(max(0, c.first - 4), min(len(toks), c.np_last + 5))
        if c.measure == "intercepted" and measure_of(toks[k]) == "intercepted"
    )
    starts = attack_starts(places)
    for d in extract_damage(toks, bounds, count_tokens, count_cues):
        lo, hi = bounds[d.sent]
        ca, cb = _comma_clause(toks, d.first, lo, hi, starts)
        codes = codes_in(places, ca, cb)  # "..., restrictions at Pulkovo airport": its place
        if not codes:
            a, b = _clause_bounds(toks, d.first, lo, hi)
            codes = _context_codes(toks, places, a, b)
            if (a, b) != (lo, hi) and not codes_in(places, a, b):
                codes = _context_codes(toks, places, lo, hi)
        for code in codes:
            if (code, d.kind) in seen_dmg:
                continue
            seen_dmg.add((code, d.kind))
            span = _span(toks, d.first, d.last)
            damage.append(DamageItem.model_construct(region=code, kind=d.kind, span=span))

    claimant = observations[0].claimant if observations else default
    return claimant, observations, damage, casualties
