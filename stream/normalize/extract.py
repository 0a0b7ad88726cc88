"""PURE: the normalizer pipeline, text -> NormalizedReport.

Tokenize, find numbers and places once, then run the count, casualty, damage
and claimant extractors over the same tokens and turn token ranges into
character spans of the original text.
"""

from __future__ import annotations

import re
from typing import Any, Final, TypeVar

from pydantic import BaseModel

from stream.models import (
    PARSER_VERSION,
    CasualtyItem,
    Claimant,
    DamageItem,
    NormalizedReport,
    Observation,
    RawReport,
)
from stream.normalize.casualties import ANYONE, extract_casualties, person_of
from stream.normalize.claimant import (
    claimant_for,
    find_attributions,
    report_default,
    source_claimant,
    source_region,
)
from stream.normalize.counts import Count, extract_counts
from stream.normalize.damage import IMPACT, extract_damage, kind_mentions
from stream.normalize.denials import denied, denied_spans
from stream.normalize.item_regions import (
    comma_clause,
    context_codes,
    context_range,
    impact_part,
    nearest_code,
    own_place,
    placed_after,
    regional_fallback,
    semicolon_clause,
)
from stream.normalize.lang import detect_lang
from stream.normalize.lexicon import has
from stream.normalize.numbers import Number, find_numbers
from stream.normalize.phrases import cumulative, cumulative_marks
from stream.normalize.places import PlaceRef, attack_starts, codes_in, find_places
from stream.normalize.recaps import recap_sentences
from stream.normalize.singular import implied_ones
from stream.normalize.tokens import Token, tokenize
from stream.normalize.weapons import measure_of
from stream.normalize.windows import parse_window

_LIST_GLUE: Final = frozenset({"and", "и", "і", "й", "та", ",", "the", "or", "или", "або"})
# Words that name a refinery again when the report has one ("на территории завода")
# "an oil terminal ... a fire at the terminal": the fuel terminal again
_TERMINAL: Final = frozenset({"terminal", "термінал", "терминал"})
_GENERIC: Final = frozenset({"завод", "предприятие", "підприємство", "plant", "enterprise", "facility",
                             "factory", "заводу", "предприятия"})


def _national_clause(toks: list[Token], bounds: list[tuple[int, int]], c: Count) -> bool:
    lo, hi = bounds[c.sent]
    return any(t.low in _COUNTRY_WORDS for t in toks[lo:hi])


_COUNTRY_WORDS: Final = frozenset(
           {"регионами", "регіонами", "регионах", "регіонах", "регионов", "регіонів", "regions", "country",
            "страны", "країни", "україни", "україні", "украины", "украине", "ukraine", "russia", "россии",
            "росії", "nationwide", "областях", "областями", "областей", "oblasts"}
       )


def _earlier_own_place(toks: list[Token], places: list[PlaceRef], kind: str, lo: int) -> str | None:
    span = context_range(toks, places, lo)
    if span is None:
        return None
    owns = {
        own_place(toks, places, first, last)
        for k, first, last in kind_mentions(toks, *span)
        if k == kind
    }
    owns.discard(None)
    return next(iter(owns)) if len(owns) == 1 else None


_OUTSIDE: Final = frozenset({"outside", "поза"})


def _history(toks: list[Token], marks: list[int], lo: int, hi: int) -> bool:
    """A sentence whose only impact is told over a long period ("The Syzran refinery, with a
    capacity of ..., has been hit several times since 2024"), not one with an impact of its own
    beside it ("damaged the Burshtyn plant, ..., the third strike on the station since March")."""
    for m in marks:
        if not lo <= m < hi:
            continue
        a = next((k + 1 for k in range(m - 1, lo - 1, -1) if toks[k].text in ",;"), lo)
        b = next((k for k in range(m + 1, hi) if toks[k].text in ",;"), hi)
        impacts = [k for k in range(lo, hi) if has(toks[k], IMPACT)]
        if impacts and all(a <= k < b for k in impacts):
            return True
    return False


def _outside(toks: list[Token], place: PlaceRef) -> bool:
    """Whether a place is named as what something lies outside of ("outside (the) Moscow")."""
    k = place.first - 1
    if k >= 0 and toks[k].low == "the":
        k -= 1
    return k >= 0 and toks[k].low in _OUTSIDE


def _sentence_bounds(toks: list[Token]) -> list[tuple[int, int]]:
    """[start, end) token range of each sentence (sentence ids are consecutive)."""
    starts = [0, *(i for i in range(1, len(toks)) if toks[i].sent != toks[i - 1].sent)]
    return list(zip(starts, [*starts[1:], len(toks)], strict=True))


_M = TypeVar("_M", bound=BaseModel)
_setattr = object.__setattr__
# per model class: (number of fields, the plain defaults of the optional ones)
_SHAPES: Final[dict[type, tuple[int, dict[str, Any]]]] = {}


def _built(cls: type[_M], values: dict[str, Any]) -> _M:
    """`cls.model_construct(**values)` without its per-call field loop (about 3 µs an
    item): the fields `values` leaves out take their plain defaults (`killed_before=None`);
    a field without one sends the call through `model_construct`."""
    shape = _SHAPES.get(cls)
    if shape is None:
        fields = cls.__pydantic_fields__
        shape = _SHAPES[cls] = (
            len(fields),
            {n: f.default for n, f in fields.items() if not f.is_required() and f.default_factory is None},
        )
    n_fields, defaults = shape
    given = set(values)
    if len(values) != n_fields:
        missing = [name for name in defaults if name not in values]
        if len(values) + len(missing) != n_fields:
            return cls.model_construct(**values)
        values = {**values, **{name: defaults[name] for name in missing}}
    item = cls.__new__(cls)
    _setattr(item, "__dict__", values)
    _setattr(item, "__pydantic_fields_set__", given)
    _setattr(item, "__pydantic_extra__", None)
    _setattr(item, "__pydantic_private__", None)
    return item


def _retold(retracted: list[tuple[str, ...]], toks: list[Token], a: int, b: int) -> bool:
    """Whether the words toks[a:b] stand in one of the retracted stretches."""
    key = tuple(t.lemma for t in toks[a:b])
    n = len(key)
    return any(
        key == lemmas[j : j + n]
        for lemmas in retracted
        for j in range(len(lemmas) - n + 1)
        if lemmas[j] == key[0]
    )


_RESTATED: Final = frozenset({"уточненным", "уточнённым", "уточненими", "уточненою", "уточненной", "updated"})


def _restated(toks: list[Token], lo: int) -> bool:
    """Whether a sentence opens with "По уточненным данным", "За уточненими даними", "According
    to updated information": what it tells again corrects the earlier account."""
    return any(t.low in _RESTATED for t in toks[lo : lo + 3])


def _span(toks: list[Token], first: int, last: int) -> tuple[int, int]:
    return toks[first].start, toks[last].end


def normalize_report(raw: RawReport) -> NormalizedReport:
    """Normalize one raw report; any text yields a valid report (possibly empty)."""
    lang = raw.lang or detect_lang(raw.text)
    try:
        claimant, obs, dmg, cas = extract(raw, lang)
    except Exception:  # the normalizer never raises on any text: an empty report instead
        claimant, obs, dmg, cas = "other", [], [], []
    return NormalizedReport(
        report_id=raw.id,
        source=raw.source,
        published_at=raw.published_at,
        lang=lang,
        claimant=claimant,
        window=parse_window(
            raw.text, raw.published_at, claimant, lang, own_post=source_claimant(raw.source) == claimant,
            tally=bool(cas) and not obs,
        ),
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
    breaks = (
        frozenset(k for k in range(1, len(toks)) if "\n\n" in text[toks[k - 1].end : toks[k].start])
        if "\n\n" in text
        else frozenset()
    )
    numbers = find_numbers(toks)
    places = find_places(text, toks)
    attributions = find_attributions(toks, places, bounds, raw.source, lang)  # type: ignore[arg-type]
    default = report_default(attributions, raw.source)

    counts = extract_counts(toks, numbers, places, bounds, implied_ones(toks, numbers, bounds))
    recaps = recap_sentences(toks, bounds, raw.published_at)
    if recaps:  # "Як повідомлялося, минулого тижня Росія випустила ...": an earlier attack's
        counts = [c for c in counts if c.sent not in recaps]
    land = [p for p in places if not p.origin and not p.code.startswith("SEA-")]
    elsewhere = frozenset(c.region for c in counts if c.region is not None)
    national = default in ("ru-mod", "ua-military")  # a ministry's or air force's tally
    counts = [
        regional_fallback(toks, land, bounds, attributions, c, elsewhere, national) for c in counts
    ]
    # A regional official's channel speaks of its region: what names no place takes it
    # when the report names no other ("telegram:vvgladkov": "Над регионом сбиты 5 БПЛА").
    home = source_region(raw.source)
    if home is not None and (
        any(p.code != home and p.level == "region" for p in land)
        or any(c.region is not None and c.region != home and not c.region.startswith("SEA-") for c in counts)
    ):
        home = None  # (a town of another region on a road's name does not move the post)
    if home is not None:
        counts = [
            c._replace(region=home)
            if c.region is None
            and (
                (
                    (not c.total or _over_home(toks, bounds, c))
                    and not _national_clause(toks, bounds, c)
                    and not codes_in(places, *bounds[c.sent])  # "над областю та акваторією моря"
                )
                # "six over the city and three over the Black Sea" on a city's own channel
                or (home in _CITY_HOMES and _over_the_city(toks, c))
            )
            else c
            for c in counts
        ]
    first_at: dict[tuple[str | None, str, str, int], int] = {}
    unique: list[Count] = []
    for cnt in counts:  # "Всего за ночь над регионом уничтожено 14 БПЛА": the same figure again
        figure = (cnt.region, cnt.weapon, cnt.measure, cnt.value)
        at = first_at.get(figure)
        if at is None:
            first_at[figure] = len(unique)
            unique.append(cnt)
        elif cnt.sent != unique[at].sent:
            unique[at] = unique[at]._replace(again=(*unique[at].again, cnt.sent, *cnt.again))
    counts = unique
    replaced = _corrections(toks, numbers)
    if replaced:
        counts = _corrected(counts, replaced)
    # Items are built from already-typed values (counts >= 1, spans inside the text, see the
    # property tests), so they skip re-validation; the report itself is validated.
    said = {a.sent for a in attributions}
    whose: list[Claimant] = []
    by_sent: dict[int, Claimant] = {}
    for cnt in counts:
        who = claimant_for(cnt.sent, attributions, default, cnt.first, toks)
        if (
            (cnt.total or by_sent.get(cnt.sent - 1) in ("ua-military", "ru-mod"))
            and cnt.sent not in said
            and cnt.sent - 1 in said
            and cnt.sent - 1 in by_sent
        ):
            # "Ukraine's air force said Russia launched 94 drones ... Air defences shot down 71
            # drones": a military's figures told on in the next sentence
            # "Загалом, за даними Повітряних сил, ... застосував 476 БпЛА. Знешкоджено 442
            # дрони": the fate of a total told on by the one who gave it
            who = by_sent[cnt.sent - 1]
        elif cnt.sent not in said and cnt.sent > 0 and _it_said(toks, *bounds[cnt.sent]):
            # "Ukraine's air force said ... Air defences shot down 379 of the drones, it said."
            earlier = [a for a in attributions if a.sent == cnt.sent - 1 and a.claimant != "other"]
            if earlier:
                who = earlier[-1].claimant
        told = next((s for s in cnt.again if s in said), None)
        if cnt.sent not in said and told is not None:
            # "• Russia launched 53 missiles and 496 drones" in a summary, then "Russian forces
            # launched 496 drones and 53 missiles ..., the Air Force reported": its teller
            who = claimant_for(told, attributions, default, bounds[told][1] - 1)
        by_sent.setdefault(cnt.sent, who)
        for again in cnt.again:
            by_sent.setdefault(again, who)
        whose.append(who)
    observations = [
        _built(
            Observation,
            {
                "region": c.region,
                "weapon": c.weapon,
                "measure": c.measure,
                "count": c.value,
                "claimant": who,
                "span": _span(toks, c.first, max(c.last, c.np_last)),
                "qualifier": c.qualifier,
            },
        )
        for c, who in zip(counts, whose, strict=True)
    ]
    count_tokens = {k for c in counts for k in range(c.first, max(c.last, c.np_last) + 1)}
    used = {c.first for c in counts}

    casualties: list[CasualtyItem] = []
    updates: list[bool] = []
    cas_sents: list[int] = []
    seen_cas: dict[tuple[str | None, str, int], set[str | None]] = {}
    first_line = raw.text.split("\n", 1)
    headline = len(first_line) > 1 and not first_line[0].rstrip().endswith((".", "!", "?", "…"))
    place_tokens = frozenset(k for p in places for k in range(p.first, p.last + 1))
    starts = attack_starts(places)
    untrue = denied_spans(toks, bounds)
    line_starts = frozenset(  # the sentences that open a line
        s
        for s, (s_lo, _s_hi) in enumerate(bounds)
        if 0 < s_lo < len(toks) and "\n" in raw.text[toks[s_lo - 1].end : toks[s_lo].start]
    )
    for c in extract_casualties(toks, numbers, used, bounds, place_tokens, line_starts):
        if denied(untrue, c.cue) or toks[c.cue].sent in recaps:
            # "опроверг сведения о гибели мирного жителя": no one was killed; "Нагадаємо, у ніч на
            # 16 листопада ... загинули 5 людей": an earlier attack's toll
            continue
        lo, hi = bounds[toks[c.cue].sent]
        a, b = semicolon_clause(toks, c.cue, lo, hi)
        region = placed_after(toks, places, max(c.last, c.cue), b)
        if region is None:
            region = nearest_code(toks, places, a, b, c.cue, breaks)
        if region is None:
            region = nearest_code(toks, places, lo, hi, c.cue, breaks)
        if region is None:
            region = home
        if region is None and (
            len({p.code for p in land}) > 1 or _NATIONWIDE.search(raw.text, toks[lo].start, toks[hi - 1].end)
        ):
            continue  # "Russian attacks killed at least six people across Ukraine": no one region
        # "В Белгородской и Курской областях погибло по одному мирному жителю": one in each
        for where in _each_of(toks, places, c.first, c.last, c.cue, lo, hi, starts) or [region]:
            key = (where, c.what, c.value)
            person = person_of(toks, c.first, c.last) if c.value == 1 else None
            if person in ANYONE and toks[c.cue].sent == 0 and headline:
                person = None  # "погиб человек" in the headline: the story's "погиб мужчина"
            persons = seen_cas.get(key)
            if persons is not None and (
                person is None or None in persons or person in persons or _restated(toks, lo)
            ):
                # the same figure again (not "ранена женщина ... мужчина получил баротравму"); "ранен
                # мирный житель. ... По уточненным данным, мужчина ранен": the same one, restated
                continue
            seen_cas.setdefault(key, set()).add(person)
            updates.append(c.update)
            cas_sents.append(toks[c.cue].sent)
            casualties.append(
                _built(
                    CasualtyItem,
                    {
                        "region": where,
                        "killed": c.value if c.what == "killed" else 0,
                        "injured": c.value if c.what == "injured" else 0,
                        "span": _span(toks, c.first, c.last),
                    },
                )
            )
    if len(casualties) > 1:
        casualties, updates, cas_sents = _without_earlier_tolls(toks, bounds, casualties, updates, cas_sents)
    if headline:
        casualties, updates, cas_sents = _headline_in_body(casualties, updates, cas_sents)
    casualties = _without_parts(_without_superseded(casualties, updates, cas_sents))
    if replaced:
        casualties = _corrected_casualties(casualties, replaced, toks, {c.value for c in counts})
        casualties = _marked_corrections(casualties, replaced, toks)

    damage: list[DamageItem] = []
    generic: list[bool] = []
    plants: set[str] = set()
    gen_sent: list[int] = []
    seen_dmg: set[tuple[str, str]] = set()
    seen_generic: set[tuple[str, str]] = set()
    count_cues = frozenset(
        k
        for c in counts
        if c.measure == "intercepted"
        for k in range(max(0, c.first - 4), min(len(toks), c.np_last + 5))
        if measure_of(toks[k]) == "intercepted"
    )
    towns = frozenset(k for p in places if p.level == "city" for k in range(p.first, p.last + 1))
    marks: list[int] | None = None  # running totals' sentences, found when first needed
    found = extract_damage(toks, bounds, count_tokens, count_cues)
    # "Дніпровський район: влучання в об'єкт енергетики. ... Оновлено: інформація про влучання в
    # об'єкт енергетики не підтвердилась": the same words told before the retraction are untrue too
    retracted = [tuple(t.lemma for t in toks[a:b]) for a, b in untrue]
    for d in found:
        if denied(untrue, d.first) or (retracted and _retold(retracted, toks, d.first, d.last + 1)):
            continue  # "Reports that a drone hit the steel plant are untrue"
        if d.first in towns and d.last in towns and toks[d.first].text[:1].isupper():
            continue  # "у Білій Церкві": a town's name, not a church
        lo, hi = bounds[d.sent]
        if marks is None:
            marks = cumulative_marks(toks, bounds)
        if cumulative(marks, lo, hi) and _history(toks, marks, lo, hi):
            continue  # "The Syzran refinery ... has been hit several times since 2024": its history
        ca, cb = comma_clause(toks, d.first, lo, hi, starts)
        codes = codes_in(places, ca, cb)  # "..., restrictions at Pulkovo airport": its place
        if len(codes) > 1:
            # "sparking a fire at a refinery in the Samara region and cutting power to the
            # Belgorod region": each impact of its own region
            pa, pb = impact_part(toks, d.first, ca, cb)
            codes = codes_in(places, pa, pb) or codes
        if not codes:
            a, b = semicolon_clause(toks, d.first, lo, hi)
            codes = context_codes(toks, places, a, b, breaks=breaks)
            if (a, b) != (lo, hi) and not codes_in(places, a, b):
                codes = context_codes(toks, places, lo, hi, breaks=breaks)
            if len(codes) > 1 and codes_in(places, a, b):
                # "..., while in Chernihiv Oblast a drone damaged a power line, leaving 2,000
                # households without electricity": the place of the clause before
                before = [p for p in places if p.last < d.first and a <= p.first and not p.origin]
                listed = len(before) > 1 and all(
                    t.low in _LIST_GLUE for t in toks[before[-2].last + 1 : before[-1].first]
                )  # "Губернаторы Орловской и Тульской областей ..., возникли пожары": jointly
                codes = [before[-1].code] if before and not listed else codes
        if not codes and home is not None:
            codes = [home]
        if len(codes) > 1:
            # "Flights were suspended at ... airports in the Moscow region, and Moscow Mayor
            # Sergei Sobyanin said ...": a place in an official's title is not hit
            titled = {p.code for p in places if ca <= p.first < cb and _in_title(toks, p)}
            plain = {p.code for p in places if ca <= p.first < cb and not _in_title(toks, p)}
            if titled - plain and plain & set(codes):
                codes = [c for c in codes if c not in titled - plain]
        if len(codes) > 1:
            # "Domodedovo and Zhukovsky airports outside the capital": the city they lie
            # outside of is where they are not
            beyond = {p.code for p in places if ca <= p.first < cb and _outside(toks, p)}
            inside = {p.code for p in places if ca <= p.first < cb and not _outside(toks, p)}
            if beyond - inside and inside & set(codes):
                codes = [c for c in codes if c not in beyond - inside]
        if len(codes) > 1 and d.kind == "transport" and _airports(toks, ca, cb):
            pass  # "at Vnukovo airport and at Zhukovsky airport in the Moscow region": each
        elif len(codes) > 1:
            own = own_place(toks, places, d.first, d.last)  # "аэродрома Моздок ... и Саратовского НПЗ"
            if own is None and not codes_in(places, lo, hi):
                # "... аэродрома Моздок в Северной Осетии и Саратовского НПЗ. На аэродроме
                # поражены два самолета, на НПЗ пожар": the same kind named earlier, placed
                own = _earlier_own_place(toks, places, d.kind, lo)
            if own is None:
                # "на НПЗ зафиксирован пожар": a fire at an object placed by the above
                near = {
                    own_place(toks, places, a, b) or _earlier_own_place(toks, places, k, lo)
                    for k, a, b in kind_mentions(toks, ca, cb)
                    if a != d.first
                }
                near.discard(None)
                own = next(iter(near)) if len(near) == 1 else None
            codes = [own] if own is not None else codes
        if d.kind not in ("transport", "military") and any(c.startswith("SEA-") for c in codes):
            codes = [c for c in codes if not c.startswith("SEA-")]  # houses are not at sea
        for code in codes:
            gen = d.first == d.last and (
                (d.kind == "industrial" and toks[d.first].lemma in _GENERIC)
                or (d.kind == "transport" and toks[d.first].lemma in _TERMINAL)
            )
            if (code, d.kind) in seen_dmg and (gen or (code, d.kind) not in seen_generic):
                continue
            # (one named after a generic word of its kind is kept beside it: "уламки впали на
            # територію терміналу ... у порту пошкоджено причал", the terminal being the oil one)
            seen_generic.discard((code, d.kind))
            if gen and d.kind == "transport" and (code, d.kind) not in seen_dmg:
                seen_generic.add((code, d.kind))  # (a plant's workshop stays the refinery's)
            seen_dmg.add((code, d.kind))
            span = _span(toks, d.first, d.last)
            damage.append(_built(DamageItem, {"region": code, "kind": d.kind, "span": span}))
            generic.append(gen)
            gen_sent.append(d.sent)
            if d.kind == "fuel" and _plant(toks, d.first, d.last):
                plants.add(code)
    if any(generic):
        # "НПЗ ... на территории завода", "refinery ... the plant": the refinery again (a
        # plant: not a pipeline or a filling station named elsewhere in the region)
        fuel: set[str | None] = set(plants)
        named = [
            toks[a].sent
            for k, a, b in kind_mentions(toks, 0, len(toks))
            if k == "fuel" and _plant(toks, a, b)
        ]
        power = [
            toks[a].sent
            for k, a, b in kind_mentions(toks, 0, len(toks))
            if k == "energy" and _power_plant(toks, a, b)
        ]
        kept: list[DamageItem] = []
        for item, gen, sent in zip(damage, generic, gen_sent, strict=True):
            if (
                gen
                and item.kind == "industrial"
                and any(sent - 1 <= s <= sent for s in power)
                and any(d.kind == "energy" and d.region == item.region for d in damage)
                and not any(sent - 2 <= s <= sent for s in named)
            ):
                # "two of its thermal power plants ... were seriously damaged. Three power engineers
                # were injured at the plant": the power plant again
                kept.append(_built(DamageItem, {"region": item.region, "kind": "energy", "span": item.span}))
                continue
            if gen and item.region in fuel and any(s <= sent for s in named):
                continue  # (a plant named only after it is another object: "на одному з
                # підприємств виникла пожежа. Генштаб заявив, що уражено нафтобазу")
            if gen and any(sent - 2 <= s <= sent for s in named):
                # "Дрони атакували НПЗ ... на території підприємства пожежа" (near, not a
                # refinery of another region paragraphs away)
                fuel.add(item.region)
                item = _built(DamageItem, {"region": item.region, "kind": "fuel", "span": item.span})
            kept.append(item)
        damage = kept
        seen_kind: set[tuple[str | None, str]] = set()
        unique_dmg: list[DamageItem] = []
        for item in damage:  # (a plant made fuel above may name a fuel object listed already)
            if (item.region, item.kind) not in seen_kind:
                seen_kind.add((item.region, item.kind))
                unique_dmg.append(item)
        damage = unique_dmg

    claimant = observations[0].claimant if observations else default
    return claimant, observations, damage, casualties


_TITLE_AFTER: Final = frozenset({"mayor", "governor", "mayor's", "governor's"})


def _corrected(counts: list[Count], replaced: list[tuple[int, Number]]) -> list[Count]:
    """Counts after corrections. "Уточнение: сбиты не 12, а 14 БПЛА": the figure a correction
    replaced is dropped where the new one is a count of the same weapon; "Correction: 14 UAVs,
    not 12", where the 14 says nothing more, takes the place of the 12 (its region, measure,
    claimant) with its own span."""
    out: list[Count] = []
    news = {n.first for _, n in replaced}
    for c in counts:
        if c.first in news and any(
            d.value == c.value and d.weapon == c.weapon and d.first < c.first for d in counts
        ):
            continue  # "Верное значение — 31": the right figure told before, again
        new = next((n for o, n in replaced if o == c.value), None)
        if new is None:
            out.append(c)
        elif any(d.value == new.value and d.weapon == c.weapon for d in counts):
            continue
        elif new.first > c.last and not any(d.first <= new.first <= d.last for d in counts):
            out.append(c._replace(value=new.value, qualifier=new.qualifier, first=new.first,
                                  last=new.last, np_last=new.last))
        else:
            out.append(c)
    return out


def _corrected_casualties(
    items: list[CasualtyItem], replaced: list[tuple[int, Number]], toks: list[Token], counted: set[int]
) -> list[CasualtyItem]:
    """Casualties after corrections: a figure replaced by one stated beside it is dropped;
    "Ранен мужчина. Уточнение: ранены не один, а два человека", where the two are no
    casualty of their own, replaces the one (a correction of no count)."""
    out: list[CasualtyItem] = []
    for c in items:
        new = next((n for o, n in replaced if o in (c.killed, c.injured)), None)
        if new is None:
            out.append(c)
            continue
        killed = c.killed != 0 and any(o == c.killed for o, _ in replaced)
        if any((d.killed if killed else d.injured) == new.value for d in items):
            continue
        if toks[new.first].start >= c.span[1] and c.span[1] > 0 and new.value not in counted:
            c = _built(CasualtyItem, {
                "region": c.region,
                "killed": new.value if killed else c.killed,
                "injured": c.injured if killed else new.value,
                "span": _span(toks, new.first, new.last),
            })
        out.append(c)
    return out


def _marked_corrections(
    items: list[CasualtyItem], replaced: list[tuple[int, Number]], toks: list[Token]
) -> list[CasualtyItem]:
    """Tolls that say which earlier figure they correct ("погибли не 5, а 3 человека",
    "three, not five, were killed"): the figure they replace goes with them
    (`killed_before` / `injured_before`), so the aggregates replace the earlier report's."""
    out: list[CasualtyItem] = []
    for c in items:
        fix: dict[str, int] = {}
        for old, new in replaced:
            at = toks[new.first].start
            if old == new.value or not c.span[0] <= at < c.span[1]:
                continue
            if c.killed == new.value:
                fix["killed_before"] = old
            elif c.injured == new.value:
                fix["injured_before"] = old
        out.append(c.model_copy(update=fix) if fix else c)
    return out


def _corrections(toks: list[Token], numbers: list[Number]) -> list[tuple[int, Number]]:
    """(old figure, new number) of corrections: "не 12, а 14", "ранены не один, а два", "14
    UAVs, not 12"."""
    by_first = {n.first - n.qlen: n for n in numbers}
    out: list[tuple[int, Number]] = []
    for k, tok in enumerate(toks):
        if tok.low in ("не", "not") and k + 1 in by_first:
            old = by_first[k + 1]
            nxt = [j for j in range(old.last + 1, min(len(toks), old.last + 4)) if j in by_first]
            glue = {t.low for t in toks[old.last + 1 : nxt[0]]} if nxt else set()
            if nxt and glue & {"а", "but"} and toks[nxt[0]].sent == tok.sent:
                out.append((old.value, by_first[nxt[0]]))
            elif k > 0 and (toks[k - 1].text == "," or toks[k - 1].low in ("а", "but")):
                before = [n for n in numbers if n.last < k and toks[n.first].sent == tok.sent]
                if before:
                    out.append((old.value, before[-1]))  # "Correction: 14 UAVs, not 12"
        if tok.low in _MISTAKEN:
            # "помилково вказано 3 КАБи — насправді ... скинули п'ять": the mistaken figure and
            # the one the writer puts in its place
            olds = [n for n in numbers if k < n.first <= k + 4 and toks[n.first].sent == tok.sent]
            marks = [  # (or the next sentence's: "указано неверно (13). Верное значение — 31")
                j for j in range(k + 1, min(len(toks), k + 16))
                if toks[j].sent - tok.sent in (0, 1) and (toks[j].low in _ACTUALLY or (
                    toks[j].low == "деле" and toks[j - 1].low == "самом"))
            ]
            if olds and marks:
                new = [n for n in numbers if n.first > marks[0] and toks[n.first].sent == toks[marks[0]].sent]
                if new:
                    out.append((olds[0].value, new[0]))
    return [(o, n) for o, n in out if o != n.value]


_MISTAKEN: Final = frozenset({"помилково", "ошибочно", "erroneously", "mistakenly", "wrongly", "неверно",
                              "неправильно", "incorrectly"})
_ACTUALLY: Final = frozenset({"насправді", "actually", "фактично", "фактически", "правильно", "correct",
                              "верное", "верная", "верный", "правильное", "правильная", "правильна",
                              "правильне", "правильний"})


def _each_of(
    toks: list[Token],
    places: list[PlaceRef],
    first: int,
    last: int,
    cue: int,
    lo: int,
    hi: int,
    starts: frozenset[int],
) -> list[str | None]:
    """The regions a distributive figure ("по одному", "one ... in each") stands for in
    each: the places listed in its clause, after it if there are several there."""
    end = max(last, cue)
    if not any(toks[k].low == "по" for k in range(max(lo, first - 1), last)) and not any(
        t.low == "each" for t in toks[last + 1 : min(hi, end + 4)]
    ):
        return []
    ca, cb = comma_clause(toks, first, lo, hi, starts)
    after = codes_in(places, last + 1, cb)
    codes = after if len(after) > 1 else codes_in(places, ca, cb)
    return list(codes) if len(codes) > 1 else []


def _in_title(toks: list[Token], p: PlaceRef) -> bool:
    """ "Moscow Mayor Sergei Sobyanin", "Belgorod Governor Vyacheslav Gladkov"."""
    k = p.last + 1
    return k + 1 < len(toks) and toks[k].low in _TITLE_AFTER and toks[k + 1].text[:1].isupper()


_HOME_AREA: Final = frozenset({"district", "region", "регионом", "регіоном", "областью", "областю",
                               "районом", "округом", "краем", "республикой", "city", "місто", "город",
                               "містом", "городом", "місту", "городу"})


def _over_home(toks: list[Token], bounds: list[tuple[int, int]], c: Count) -> bool:
    """ "In total, 6 UAVs have been shot down over the district" on a governor's channel:
    a total of the channel's own area."""
    lo, hi = bounds[c.sent]
    return any(t.low in _HOME_AREA for t in toks[lo:hi])


def _headline_in_body(
    items: list[CasualtyItem], updates: list[bool], sents: list[int]
) -> tuple[list[CasualtyItem], list[bool], list[int]]:
    """ "..., поранено машиніста" over "Поранено трьох людей: 52-річного машиніста і двох
    пасажирів": a headline's figure that the story's larger one of the same kind and place tells
    again is among them, not more."""
    def told_again(item: CasualtyItem) -> bool:
        what = "killed" if item.killed else "injured"
        return any(
            o_sent > 0 and o.region == item.region and getattr(o, what) > getattr(item, what)
            for o, o_sent in zip(items, sents, strict=True)
        )

    keep = [sent != 0 or not told_again(item) for item, sent in zip(items, sents, strict=True)]
    if all(keep):
        return items, updates, sents
    return (
        [x for x, k in zip(items, keep, strict=True) if k],
        [x for x, k in zip(updates, keep, strict=True) if k],
        [x for x, k in zip(sents, keep, strict=True) if k],
    )


_EARLIER: Final = frozenset({"earlier", "previously", "ранее", "раніше", "раньше", "початково",
                             "первоначально"})
# what an earlier toll was told by (not "Earlier in the day, two people were wounded ..., Fedorov said")
_TOLD_TOLL: Final = frozenset({"toll", "put", "reported", "сообщалось", "сообщал", "сообщала", "сообщали",
                               "повідомлялося", "повідомлялось", "повідомляв", "повідомляла", "повідомляли",
                               "говорилось", "йшлося", "писали"})


def _without_earlier_tolls(
    toks: list[Token],
    bounds: list[tuple[int, int]],
    items: list[CasualtyItem],
    updates: list[bool],
    sents: list[int],
) -> tuple[list[CasualtyItem], list[bool], list[int]]:
    """ "At least six people were killed, Mayor Klitschko said. Earlier in the morning, Tkachenko
    had put the death toll at four": a toll a sentence opening with "earlier" tells beside
    another figure of the same kind and place is the one it replaced."""
    keep = []
    for i, item in enumerate(items):
        lo, hi = bounds[sents[i]]
        if toks[lo].low in _EARLIER and any(t.low in _TOLD_TOLL for t in toks[lo:hi]) and any(
            sents[j] != sents[i] and other.region == item.region
            and ((item.killed and other.killed and other.killed != item.killed)
                 or (item.injured and other.injured and other.injured != item.injured))
            for j, other in enumerate(items)
        ):
            continue
        keep.append(i)
    if len(keep) == len(items):
        return items, updates, sents
    return [items[i] for i in keep], [updates[i] for i in keep], [sents[i] for i in keep]


def _without_parts(items: list[CasualtyItem]) -> list[CasualtyItem]:
    """ "В Дорогощи ранен мужчина ... в Уразово ранены двое ... Ранены 3 мирных жителя": a
    region's figure that is the sum of its other figures of the same kind is their total;
    the parts are not reported again."""
    if len(items) < 3:
        return items
    drop: set[int] = set()
    for what in ("killed", "injured"):
        by_region: dict[str | None, list[int]] = {}
        for i, item in enumerate(items):
            if getattr(item, what):
                by_region.setdefault(item.region, []).append(i)
        for idx in by_region.values():
            if len(idx) < 3:
                continue
            values = [getattr(items[i], what) for i in idx]
            for i, v in zip(idx, values, strict=True):
                if 2 * v == sum(values) and i == idx[-1]:
                    drop.update(j for j in idx if j != i)  # the total comes after its parts
    return [item for i, item in enumerate(items) if i not in drop] if drop else items


_HIS: Final = frozenset({"him", "her", "його", "її", "его", "ее", "её", "неё", "нее"})
_PRONOUNS: Final = frozenset({"it", "he", "she", "він", "вона", "воно", "он", "она", "оно"})
_SAID_VERBS: Final = frozenset({"said", "added", "says", "reported", "stated", "wrote", "додав", "додала",
                                "зазначив", "зазначила", "повідомив", "повідомила", "добавил", "добавила",
                                "сообщил", "сообщила", "уточнил", "уточнила", "уточнив", "writes",
                                "пишет", "пише", "написал", "написав", "написала"})


_NATIONWIDE: Final = re.compile(
    r"across (?:ukraine|russia|the country)|nationwide|по всей (?:украине|стране|россии)|по всій україні|"
    r"по (?:украине|україні)|in (?:several|\d+|[a-z]+) regions|в (?:нескольких|\d+) регионах|"
    r"в (?:кількох|\d+) регіонах",
    re.IGNORECASE,
)
_ALSO: Final = (
    frozenset({"also", "later", "further", "then", "separately", "также", "також", "позже", "пізніше"}))


def _it_said(toks: list[Token], lo: int, hi: int) -> bool:
    """ "..., it said.", "he added", "за його словами": the speaker of the sentence before
    goes on."""
    words_ = {t.low for t in toks[lo:hi]}
    if words_ & _HIS and words_ & {"according", "словами", "словам", "данным", "даними"}:
        return True
    if hi - lo > 2 and (
        (toks[lo].low in ("кроме", "крім", "in") and toks[lo + 1].low in ("того", "addition"))
        or toks[lo].low in ("additionally", "moreover", "furthermore")
    ):
        return True  # "Кроме того, россияне сбросили ...": the teller before goes on
    return any(
        toks[k].low in _PRONOUNS
        and (toks[k + 1].low in _SAID_VERBS
             # "It also said", "he later added"
             or (toks[k + 1].low in _ALSO and k + 2 < hi and toks[k + 2].low in _SAID_VERBS))
        for k in range(lo, hi - 1)
    ) or any(
        toks[k].low in _SAID_VERBS and toks[k + 1].low in _PRONOUNS for k in range(lo, hi - 1)
    )


def _without_superseded(
    items: list[CasualtyItem], updates: list[bool], sents: list[int]
) -> list[CasualtyItem]:
    """ "Ранены 2 человека. UPD: число раненых возросло до 4": a figure an update raises later
    in the report (same region and kind) is not reported beside it; nor is a smaller one the
    update's own sentence goes on with ("выросло до трёх — в Белгороде пострадала женщина")."""
    drop: set[int] = set()
    for j, (later, up) in enumerate(zip(items, updates, strict=True)):
        if not up:
            continue
        for i in range(len(items)):
            other = items[i]
            if i == j or other.region != later.region or (i > j and sents[i] != sents[j]):
                continue
            if later.killed and 0 < other.killed < later.killed:
                drop.add(i)
            if later.injured and 0 < other.injured < later.injured:
                drop.add(i)
    return [item for i, item in enumerate(items) if i not in drop] if drop else items


_FUEL_PLANTS: Final = frozenset({"нпз", "нефтеперерабатывающий", "нафтопереробний", "refinery",
                                 "refineries", "нефтебаза", "нафтобаза", "depot", "depots", "terminal",
                                 "terminals", "термінал", "терминал", "oil",
                                 # "завод нефтепродуктов": a plant of oil products
                                 "нефтепродукт", "нафтопродукт", "нефтепродуктов", "нафтопродуктів"})


def _plant(toks: list[Token], a: int, b: int) -> bool:
    """A fuel object that "the plant" or "the enterprise" can name again."""
    return any(t.lemma in _FUEL_PLANTS or t.low in _FUEL_PLANTS for t in toks[a : b + 1])


_POWER_PLANTS: Final = (
    ("plant", "station", "станц", "електростанц", "электростанц", "тес", "тэс", "тец", "тэц",
     "гес", "гэс", "аес", "аэс"))


def _power_plant(toks: list[Token], a: int, b: int) -> bool:
    """A power plant that "the plant" can name again (not a line or a substation)."""
    return any(t.low.startswith(_POWER_PLANTS) and not t.low.startswith("підстанц") for t in toks[a : b + 1])


_AIRPORT: Final = frozenset({"airport", "airports", "аэропорт", "аеропорт"})


_AIRPORT_NAMES: Final = frozenset({"vnukovo", "sheremetyevo", "domodedovo", "zhukovsky", "pulkovo",
                                   "внуково", "шереметьево", "шереметьєво", "домодедово", "домодєдово",
                                   "жуковский", "жуковський", "пулково"})


_AIRPORTS_PLURAL: Final = (
    frozenset({"airports", "аэропорты", "аэропортах", "аэропортов", "аеропорти", "аеропортах",
               "аеропортів"}))


def _airports(toks: list[Token], lo: int, hi: int) -> bool:
    """Two airports or more named in the clause (flights stopped at each)."""
    names = sum(t.low in _AIRPORT_NAMES or t.lemma in _AIRPORT_NAMES for t in toks[lo:hi])
    if any(t.low in _AIRPORTS_PLURAL for t in toks[lo:hi]):
        return True  # "в аэропортах Калуги (Грабцево), Ярославля (Туношна) и Нижнего Новгорода"
    return names >= 2 or sum(t.lemma in _AIRPORT or t.low in _AIRPORT for t in toks[lo:hi]) >= 2 or (any(
        t.lemma in ("подмосковный", "підмосковний") for t in toks[lo:hi]
    ) and any(t.lemma in _AIRPORT for t in toks[lo:hi]))


_CITY_HOMES: Final = frozenset({"UA-40", "UA-30", "RU-MOW", "RU-SPE"})
_CITY_WORDS: Final = frozenset({"city", "місто", "містом", "місті", "город", "городом", "городе"})


def _over_the_city(toks: list[Token], c: Count) -> bool:
    """ "six over the city", "над містом" right after the figure."""
    return any(t.low in _CITY_WORDS for t in toks[c.np_last + 1 : c.np_last + 4])
