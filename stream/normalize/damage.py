"""PURE: damage kinds [region, kind] stated as having happened.

A sentence speaks of damage when it has an impact cue (damaged, hit, debris
fell, a fire broke out, killed...); the kinds are the object words in it
(houses -> residential, substation -> energy...). Words in a negated clause
("no damage", "без негативних наслідків"), targets of a mere "attack on", people
("port worker") and the weapon phrase of a count are skipped.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from stream.models import DamageKind
from stream.normalize.casualties import CASUALTY_CUES
from stream.normalize.damage_kinds import kind_phrases
from stream.normalize.lexicon import PhraseMatcher, has, words
from stream.normalize.tokens import Token
from stream.normalize.weapons import weapon_of


class Damage(NamedTuple):
    kind: DamageKind
    first: int
    last: int
    sent: int


_PATTERNS: Final = PhraseMatcher(kind_phrases())
_FIRE: Final = words("fire", "fires", "blaze", "blazes", "ablaze", "burning", "burned", "burnt",
                     "сгореть", "сгорел", "сгорела", "сгорели", "згоріти", "згорів", "згоріла", "згоріли",
                     "выгореть", "вигоріти",
                     "пожар", "возгорание", "загорание", "загореться", "гореть", "пламя", "пожежа",
                     "загоряння", "займання", "загорітися", "горіти", "спалахнути", "burn", "зайнятися",
                     "зайнялися", "зайнялася", "зайнявся", "заняться", "занялись", "занялся") | frozenset(
           # "займався приватний будинок": the imperfective past as written (its lemma "займатися" is
           # also "to be busy with")
           {"займався", "займалася", "займалося", "займалось", "займалися"}
       )
_FIRE_NOT_BEFORE: Final = frozenset({"open", "opened", "opening", "under", "artillery", "defence",
                                     "defense", "anti-aircraft", "mortar", "return", "returned"})
_FIRE_NOT_AFTER: Final = frozenset({"department", "service", "services", "brigade", "crews", "crew",
                                    "station", "fighters", "rescue", "groups", "group", "teams", "team"})
_IMPACT: Final = words(
           "damaged", "damaging", "damage", "damages", "destroyed", "hit", "hits", "struck", "fell",
           "hitting", "striking", "damagd", "destroyd",  # written in haste, a letter short
           "falling", "debris", "sparked", "sparking", "caused", "causing", "triggered", "triggering",
           "erupted", "started", "broke", "caught", "disrupted", "suspended", "приостановлен",
           "приостановлено", "приостановлены", "приостановлена", "призупинено", "призупинили",
           "закривали", "закрывали",
           "restrictions", "restricted", "closed", "halted", "knocked", "cut", "left", "collapsed",
           "razed", "explosion", "explosions", "impact", "wreckage", "shrapnel", "fragments",
           "destroying", "wrecked", "wrecking", "delayed", "delays", "delay", "обмежити", "обмежили",
           "обмежено", "обмежував", "ограничить", "ограничили", "ограничены", "ограничено",
           "пошкоджене", "пошкоджена", "посічена", "посічений", "посічене", "посічити", "посечена",
           "повреждение", "разрушение", "пошкодження", "руйнування", "понівечити", "понівечено",
           "понівечені", "понівечений", "изуродовать", "посечь", "посічено", "посечены",
           "світла", "света",  # "немає світла", "нет света": an outage
           "ударить", "ударил", "ударила", "ударили", "попасть", "попал", "попала", "попали",
           "зачепити", "зачепило", "зачепили", "зачепив", "задеть", "задело", "задели", "задел",
           "поцілити", "поцілили", "поцілив", "поцілила", "влучити", "влучив", "влучила", "влучили",
           "поражены", "поражено", "поражен", "поражена", "поражение", "ураження",
           "пошкодити", "пошкоджено", "пошкоджені", "пошкоджений", "зруйнувати", "зруйновано",
           "влучання", "уражено", "уразити", "уламки", "уламок", "падіння", "виникнути", "спричинити",
           "повредить", "повреждены", "повреждено", "поврежден", "разрушить", "разрушен",
           "обломки", "падение", "возникнуть", "попадание", "вызвать", "ограничение", "ограничения",
           "обмеження", "приостановить", "зупинити", "остановить", "задержать", "затримати",
           "зупиняти", "зупиняли", "зупинявся", "приостанавливать", "приостанавливал", "приостанавливали",
           "затримуватися", "затримувались", "затримуються", "задерживаться", "задерживались",
           "припиняти", "припиняв", "припинено", "прекращать", "прекращал", "прекращено",
           "прийтись", "прийтися", "пришелся", "пришёлся", "прийшовся", "припасти", "припав", "припала",
           "припало", "припали",
           "задерживаются",
           "призупинити", "призупинено",
           "призупиняв", "призупиняли", "зупинено",
           "без", "знищено", "уничтожен", "вибух", "взрыв", "детонация", "детонація",
           "перебой", "перебои", "перебій", "перебої", "interruptions", "disruptions",
           "rubble", "завал", "завалы", "завали", "завалами", "завалів", "руины", "руїни", "diverted",
           "перекрыть", "перекрыто", "перекрыли", "перекрыт", "перекривати", "перекривали", "перекрито",
           "перекрили", "перекрити", "перекрывать", "перекрывали",
           "отсутствует", "отсутствовать", "відсутнє", "відсутня", "відсутній", "відсутні",
           "зникло", "зникнути", "зникла", "пропало", "пропасть", "пропал", "исчезло", "исчезнуть",
           "outage", "outages", "blackout", "blackouts", "blew", "blown", "shattered", "smashed", "broken",
           "leaving",  # "..., leaving 50,000 consumers without electricity"
           "выбить", "выбиты", "вибити", "вибито", "вибиті", "знеструмити", "знеструмлено",
           "знеструмлення", "знеструмлена", "знеструмлені", "знеструмлений", "обесточить", "обесточены",
           "обесточено", "відключення", "отключение",
           "ковер", "ковёр", "килим", "kovyor",  # "в аеропорту ... запроваджували план «Килим»": closed
           # "ТЕС знову зазнала удару і повністю зупинена": a plant that suffered a strike and stopped
           "зупинена", "зупинений", "остановлена", "остановлен", "зазнала", "зазнав", "зазнало",
       )  # fmt: skip
IMPACT: Final = _IMPACT  # impact verbs, for counts: "one of them damaged a house" counts nothing
_NEG: Final = words("no", "not", "without", "neither", "nor", "нет", "не", "без", "немає", "ні",
                    "никаких", "жодних", "обошлось", "обійшлося", "відсутні", "отсутствуют")
_TARGET_OF: Final = words("attack", "attacks", "strike", "strikes", "атака", "удар", "targeting",
                          "targeted", "towards", "toward")
_TARGET_PREP: Final = frozenset({"on", "against", "at", "на", "по"})
_PEOPLE_AFTER: Final = words("worker", "workers", "employee", "employees", "staff", "personnel",
                             "працівник", "работник", "сотрудник", "співробітник", "said", "ministry",
                             "official", "officials", "spokesman", "spokeswoman", "company", "driver",
                             "drivers")  # "a truck driver was injured": a person, not a vehicle


_DOWNED: Final = frozenset({"downed", "shot", "збили", "збито", "сбили", "сбит", "сбито"})
_AIRCRAFT: Final = (
    frozenset({"fighter-bomber", "fighter-bombers", "warplane", "warplanes", "fighter", "fighters",
               "jet", "jets", "helicopter", "helicopters", "bomber", "bombers", "aircraft",
               "літак", "літаки", "гелікоптер", "вертоліт", "самолет", "самолёт", "вертолет",
               "вертолёт", "бомбардировщик", "бомбардувальник", "винищувач", "истребитель"}))
_AIRCRAFT_TYPES: Final = (
    ("su-", "су-", "mig-", "миг-", "міг-", "ka-", "ка-", "mi-", "ми-", "мі-", "tu-", "ту-",
     "a-50", "а-50", "il-", "ил-", "іл-", "be-", "бе-"))


def _aircraft_after(toks: list[Token], k: int) -> bool:
    """An aircraft named within a few words after a verb of shooting down, with no figure or
    weapon between and not "aircraft-type" (a kind of drone)."""
    for j in range(k + 1, min(len(toks), k + 7)):
        t = toks[j]
        if t.kind != "word" or weapon_of(t) is not None or t.low in ("by", "from", "with", "using"):
            return False  # (not "shot down by aircraft and mobile fire groups": the shooters)
        if t.low in _AIRCRAFT or t.low.startswith(_AIRCRAFT_TYPES):
            if j + 1 >= len(toks):
                return True
            nxt = toks[j + 1]
            return nxt.low not in ("type", "типа", "типу") and "type" not in t.low and weapon_of(nxt) is None
    return False


_POWER: Final = frozenset({"power", "electricity", "electric", "light", "heating", "gas"})
_BE_WITHOUT: Final = (
    frozenset({"is", "are", "was", "were", "remain", "remains", "remained", "stayed", "still",
               "been"}))


def extract_damage(
    toks: list[Token],
    sent_bounds: list[tuple[int, int]],
    skip: set[int],
    count_cues: frozenset[int] = frozenset(),
) -> list[Damage]:
    """Damage mentions (kind, token range, sentence); `skip` holds tokens of counts and
    `count_cues` the interception verbs of counts ("destroyed 30 drones" is no impact)."""
    out: list[Damage] = []
    keys = _IMPACT_KEYS
    cues = [k for k, t in enumerate(toks) if (t.lemma in keys or t.low in keys)]
    # "аеропорт не приймав рейси", "the airport was not operating": a stop is an impact
    stopped = {k for k, t in enumerate(toks) if k and t.lemma in _OPERATE and toks[k - 1].low in _NOT}
    # "20,000 households lost electricity": an outage
    stopped |= {
        k
        for k, t in enumerate(toks)
        if t.low in ("lost", "lose", "losing") and k + 1 < len(toks) and toks[k + 1].low in _POWER
    }
    # "Ukrainian forces downed a Russian Su-34 fighter-bomber over Donetsk Oblast": an aircraft
    # shot down is military damage (not "shot down 40 aircraft-type drones": a count)
    stopped |= {k for k, t in enumerate(toks) if t.low in _DOWNED and _aircraft_after(toks, k)}
    # "Part of the city is without electricity": a state of outage, told with no verb of loss
    stopped |= {
        k
        for k, t in enumerate(toks)
        if t.low == "without" and 0 < k < len(toks) - 1 and toks[k + 1].low in _POWER
        and toks[k - 1].low in _BE_WITHOUT
    }
    # "дрон атаковал легковой автомобиль", "an FPV drone attacked a car": a vehicle a drone
    # went for is hit (a vehicle is no target a report names without the hit)
    stopped |= {
        k
        for k, t in enumerate(toks)
        if t.lemma in _ATTACK_VERBS and any(u.lemma in _VEHICLES for u in toks[k + 1 : k + 4])
    }
    if stopped:
        cues = sorted({*cues, *stopped})
    if not cues:
        return out
    prev_strong = False
    listing = False  # "Пошкоджено:\n• 4 приватні будинки,\n• магазин": bullets of a damage header
    for s_idx, (lo, hi) in enumerate(sent_bounds):
        strong = [
            k
            for k in cues
            if lo <= k < hi
            and k not in count_cues
            and (k in stopped or _is_impact(toks, k, lo, hi))
            and not (k + 1 < hi and toks[k + 1].low in ("no", "нет", "ніяких", "никаких"))
            and not _unreal(toks, k, lo)
        ]
        if not strong and prev_strong:
            # "В Никополе повреждены 4 дома. В Марганецкой громаде — пятиэтажка и ЛЭП": a
            # verbless line after a damage sentence goes on with its verb
            strong = [k for k in range(lo, min(hi, lo + 8)) if toks[k].text in ("—", "–")][:1]
        if not strong and s_idx + 1 < len(sent_bounds) and _bare_fire(toks, *sent_bounds[s_idx + 1]):
            # "второй упал на территорию одного из предприятий. Произошло возгорание.": the fire
            # told next, with no object of its own, is where the drone fell
            strong = [k for k in range(lo, hi) if toks[k].lemma in _FELL or toks[k].low in _FELL][:1]
        if not strong and s_idx + 1 < len(sent_bounds) and _fire_inside(toks, *sent_bounds[s_idx + 1]):
            # "Drones attacked the Salavat refinery. 'A fire broke out in one of the workshops'"
            strong = [k for k in range(lo, hi) if toks[k].lemma in _ATTACK_VERBS or toks[k].low in _ATTACKED]
            strong = strong[:1]
        bullet = toks[lo].kind == "punct" and toks[lo].text not in "«\"“(["
        if not strong and listing and bullet:
            strong = [lo]
        listing = (bool(strong) and toks[hi - 1].text == ":") or (listing and bullet)
        prev_strong = bool(strong)
        if not strong:
            continue
        if all(_weak(toks[k]) for k in strong) and any(
            _denies_damage(toks, a, b) for a, b in sent_bounds[s_idx : s_idx + 2]
        ):
            continue  # "Обломки упали на территорию предприятия. Разрушений нет."
        found: list[tuple[Damage, bool]] = []
        covered: set[int] = set()
        # "Drones attacked the refinery ... 'A fire broke out in one of the workshops'": hit
        fire_next = s_idx + 1 < len(sent_bounds) and _fire_inside(toks, *sent_bounds[s_idx + 1])
        i = lo
        while i < hi:
            if i in skip or toks[i].kind != "word":
                i += 1
                continue
            match = _match(toks, i, hi)
            if match is not None:
                length, kind = match
                last = i + length - 1
                covered.update(range(i, last + 1))
                if not (
                    _person_compound(toks, last, hi)
                    or _landmark(toks, i, lo)
                    or _not_an_object(toks, i, lo)
                ):
                    target = _is_target(toks, i, lo) and not _fire_after(toks, last, hi) and not fire_next
                    found.append((Damage(kind, i, last, toks[i].sent), target))
                i = last + 1
                continue
            if _is_fire(toks, i, hi):
                found.append((Damage("fire", i, i, toks[i].sent), False))
            i += 1
        outage = [
            d.first
            for d, _ in found
            if d.kind == "energy" and (toks[d.first].low in _OUTAGE or has(toks[d.first], _OUTAGE_WORDS))
        ]
        if outage:
            # "несколько домов остались без электричества": homes left without power are
            # the outage (energy), not damaged homes; a fire is no object left without power
            # ("спалахнула пожежа та знеструмлено частину району")
            found = [
                (d, tgt)
                for d, tgt in found
                if d.kind in ("energy", "fire")
                or not any(
                    0 < o - d.last <= 4
                    and all(t.kind == "word" for t in toks[d.last + 1 : o])
                    for o in outage
                )
            ]
        if any(d.kind == "energy" for d, _ in found):
            # "power and heating were cut to 1,200 apartment buildings": the homes the power was
            # cut to lost it, they were not damaged
            found = [
                (d, tgt) for d, tgt in found if d.kind in ("energy", "fire") or not _cut_to(toks, d.first, lo)
            ]
        has_direct = any(not tgt and d.kind != "fire" for d, tgt in found)
        for dmg, tgt in found:
            if tgt and has_direct:
                continue
            if _negated(toks, dmg.first, lo, hi, covered) or _denied_again(toks, dmg, hi, covered):
                continue
            if dmg.last + 1 < hi and toks[dmg.last + 1].low in _COUNTRY:
                continue  # "удар ... по об'єктах ВПК та енергетики України": the country's, no region's
            out.append(dmg)
    confirmed = [s for s, (lo, hi) in enumerate(sent_bounds) if _all_targets_hit(toks, lo, hi)]
    if confirmed:
        out = _confirmed_targets(toks, sent_bounds, confirmed, skip, out)
    return out


_CUT: Final = frozenset({"cut", "cuts", "off", "restored", "disrupted"})


def _cut_to(toks: list[Token], first: int, lo: int) -> bool:
    """An object after "cut to" / "cut off for" a few words back, with no clause break between."""
    for k in range(first - 1, max(lo, first - 6), -1):
        t = toks[k]
        if t.kind == "punct" and t.text != ",":
            return False
        if t.low in ("to", "for") and k > lo and toks[k - 1].low in _CUT:
            return True
    return False


def _denied_again(toks: list[Token], dmg: Damage, hi: int, covered: set[int]) -> bool:
    """ "Debris fell on the territory of a chemical plant ..., but the plant was not damaged",
    "..., однако само предприятие не пострадало": the object named again and denied is the one
    the debris fell on."""
    head = toks[dmg.last].lemma
    for k in range(dmg.last + 2, hi):
        if toks[k].lemma == head and toks[k - 1].low in _SAME_ONE:
            a = next((m for m in range(k - 1, dmg.last, -1) if toks[m].text in ",;" or _contrast(toks[m])), k)
            return a < k - 1 and _negated(toks, k, a + 1, hi, covered | {k})
    return False


_SAME_ONE: Final = (
    frozenset({"the", "this", "сам", "сама", "само", "саме", "сами", "самі", "это", "этот", "эта",
               "цей", "ця", "це"}))
_ATTACK_VERBS: Final = frozenset({"атаковать", "атаковал", "атаковали", "атакувати", "атакував", "атакували",
                                  "attacked", "attack"})
_VEHICLES: Final = (
    frozenset({"автомобиль", "автомобіль", "машина", "автобус", "car", "bus", "vehicle", "truck",
               "грузовик", "вантажівка", "легковой", "легковий", "маршрутка", "трактор", "tractor",
               "minibus", "автівка", "автомашина", "микроавтобус", "мікроавтобус"}))


# "All designated targets have been hit", "Все назначенные объекты поражены", "всі
# призначені цілі уражено": a strike claim's confirmation that its targets were hit
_TARGET_WORDS: Final = words("targets", "objectives", "объекты", "цели", "цілі", "об'єкти")
_HIT_WORDS: Final = words("hit", "struck", "поражены", "поражено", "поразить", "уражено", "уражені",
                          "уразити", "achieved", "достигнуты", "досягнуто", "досягнуті")
_STRIKE_WORDS: Final = words("strike", "strikes", "struck", "удар", "удары", "удару", "ударів")
_TARGET_PREP_AFTER: Final = frozenset({"against", "on", "по", "на"})
_LIST_VERBS: Final = frozenset({"included", "include", "were", "стали", "были", "були", "включали"})


def _all_targets_hit(toks: list[Token], lo: int, hi: int) -> bool:
    return (
        any(has(t, _TARGET_WORDS) for t in toks[lo:hi])
        and any(has(t, _HIT_WORDS) for t in toks[lo:hi])
        and not any(t.kind == "word" and (has(t, _NEG) or t.low in _NONE) for t in toks[lo:hi])
    )


_COUNTRY: Final = frozenset({"україни", "украины", "ukraine", "ukraine's", "україні", "украине"})
_NONE: Final = frozenset({"none", "ни", "жодна", "жодної", "жоден", "жодного", "ни одна", "ни один"})


def _confirmed_targets(
    toks: list[Token],
    sent_bounds: list[tuple[int, int]],
    confirmed: list[int],
    skip: set[int],
    out: list[Damage],
) -> list[Damage]:
    """The objects named after "strike ... on/against" in the sentence (of the two before)
    that a confirmation follows: "нанесли групповой удар ... по военному аэродрому ... и
    предприятию ОПК. «Все назначенные объекты поражены»" damaged the airfield and the plant."""
    have = {(d.kind, d.first) for d in out}
    added = list(out)
    for s_idx in confirmed:
        for prev in range(s_idx - 1, max(-1, s_idx - 3), -1):
            lo, hi = sent_bounds[prev]
            strike = next((k for k in range(lo, hi) if has(toks[k], _STRIKE_WORDS)), None)
            prep = (
                next((k for k in range(strike + 1, hi) if toks[k].low in _TARGET_PREP_AFTER), None)
                if strike is not None
                else None
            )
            if prep is None:
                # "the targets included the Starokostiantyniv airfield ... and a chemical plant"
                prep = next(
                    (k + 1 for k in range(lo, hi - 1)
                     if has(toks[k], _TARGET_WORDS) and toks[k + 1].low in _LIST_VERBS),
                    None,
                )
            if prep is None:
                continue
            i = prep + 1
            while i < hi:
                match = _match(toks, i, hi) if i not in skip and toks[i].kind == "word" else None
                if match is None:
                    i += 1
                    continue
                length, kind = match
                if (kind, i) not in have and not _person_compound(toks, i + length - 1, hi):
                    have.add((kind, i))
                    added.append(Damage(kind, i, i + length - 1, toks[i].sent))
                i += length
            break
    return sorted(added, key=lambda d: d.first)


_IMPACT_KEYS: Final = _IMPACT | _FIRE | CASUALTY_CUES
# Cues that place debris somewhere without saying it did damage
_WEAK: Final = words("fell", "falling", "debris", "wreckage", "fragments", "обломки", "падение", "уламки",
                     "уламок", "падіння", "упасть", "впасти", "упали", "впали", "impact",
                     "взрыв", "вибух", "explosion", "explosions")  # "звуки взрывов": heard, not seen
_DAMAGE_NOUNS: Final = words("damage", "destruction", "разрушение", "повреждение", "руйнування",
                             "пошкодження", "разрушений", "повреждений", "руйнувань", "пошкоджень")


_FELL: Final = (
    frozenset({"fell", "crashed", "упасть", "упал", "упала", "упали", "впасти", "впав", "впала", "впали"}))


def _bare_fire(toks: list[Token], lo: int, hi: int) -> bool:
    """A sentence opening with a short clause that tells a fire and no object ("Произошло
    возгорание, на месте работают пожарные", "A fire broke out")."""
    end = next((k for k in range(lo, hi) if toks[k].text in ",;"), hi)  # its first clause
    words_ = [k for k in range(lo, end) if toks[k].kind == "word"]
    return 0 < len(words_) <= 4 and any(has(toks[k], _FIRE) for k in words_) and not any(
        _match(toks, k, hi) is not None for k in words_
    )


def _fire_inside(toks: list[Token], lo: int, hi: int) -> bool:
    """A sentence opening with a fire somewhere inside what was named before, with no object or
    place of its own ("A fire broke out in one of the workshops; it has been localised")."""
    end = next((k for k in range(lo, hi) if toks[k].text in ",;"), hi)
    words_ = [k for k in range(lo, end) if toks[k].kind == "word"]
    return (
        0 < len(words_) <= 9
        and any(has(toks[k], _FIRE) for k in words_[:4])
        and any(toks[k].low in _ONE_OF for k in words_)
        and not any(_match(toks, k, hi) is not None or toks[k].text[:1].isupper() for k in words_[1:])
    )


_ATTACKED: Final = frozenset({"attacked", "struck", "targeted"})
_ONE_OF: Final = frozenset({"one", "одном", "одній", "одному", "одной"})


def _weak(tok: Token) -> bool:
    return has(tok, _WEAK)


def _near_neg(toks: list[Token], k: int, lo: int, hi: int) -> bool:
    return any(t.kind == "word" and has(t, _NEG) for t in toks[max(lo, k - 3) : min(hi, k + 4)])


def _denies_damage(toks: list[Token], lo: int, hi: int) -> bool:
    """ "no damage", "разрушений нет", "без пошкоджень", "обошлось без разрушений"."""
    for k in range(lo, hi):
        if toks[k].kind == "word" and has(toks[k], _DAMAGE_NOUNS):
            near = toks[max(lo, k - 3) : min(hi, k + 4)]
            if any(t.kind == "word" and has(t, _NEG) for t in near):
                return True
    return False
_OUTAGE: Final = frozenset({"без", "without"})
_ABSENT: Final = words("відсутній", "відсутні", "отсутствовать", "отсутствуют", "отсутствует")
_SUPPLY: Final = frozenset({"електропостачання", "электроснабжение", "світло", "свет", "електроенергія",
                            "электроэнергия", "електрика", "электричество"})
# "часть жилых кварталов обесточена": the homes lost power, they were not damaged
_OUTAGE_WORDS: Final = words("обесточить", "обесточена", "обесточены", "обесточено", "знеструмити",
                             "знеструмлені", "знеструмлено", "знеструмлена")
_IMPACT_CACHE: dict[tuple[str, str], int] = {}
_FELL_ON: Final = frozenset({"припасти", "прийтися", "прийтись", "прийшовся", "пришелся", "пришёлся"})


def _is_impact(toks: list[Token], k: int, lo: int, hi: int) -> bool:
    """An impact cue; a negated casualty word ("пострадавших нет") is none."""
    tok = toks[k]
    if tok.kind != "word":
        return False
    key = (tok.low, tok.lemma)
    cls = _IMPACT_CACHE.get(key)
    if cls is None:
        cls = 2 if has(tok, _IMPACT) or has(tok, _FIRE) else 1 if has(tok, CASUALTY_CUES) else 0
        if len(_IMPACT_CACHE) < 200_000:
            _IMPACT_CACHE[key] = cls
    if cls == 0:
        return False
    if cls == 2 and (tok.lemma in _FELL_ON or tok.low in _FELL_ON):
        # "Удар припав на будинок", not "Удар припав на 10:15": a time is no target
        return k + 2 < len(toks) and toks[k + 2].kind not in ("num", "time")
    if cls == 2 and not has(tok, _DAMAGE_NOUNS):
        return True
    if cls == 2:  # "Повреждений технологического оборудования нет"
        return not _near_neg(toks, k, lo, hi)
    near = toks[max(lo, k - 2) : min(hi, k + 3)]
    return not any(t.kind == "word" and has(t, _NEG) for t in near)


_AMBULANCE: Final = frozenset({"швидка", "швидку", "швидкої", "швидкій", "скорая", "скорую", "скорой"})
_OPEN_QUOTES: Final = frozenset({"«", '"', "“", "„"})
_CLOSE_QUOTES: Final = frozenset({"»", '"', "”", "“"})


def _match(toks: list[Token], i: int, hi: int) -> tuple[int, DamageKind] | None:
    found = _PATTERNS.match(toks, i, hi)
    if found is None:
        if (
            toks[i].low in _AMBULANCE
            and 0 < i < hi - 1
            and toks[i - 1].text in _OPEN_QUOTES
            and toks[i + 1].text in _CLOSE_QUOTES
        ):
            return 1, "other"  # "пошкоджено будинок та «швидку»": an ambulance by its short name
        if _STOREYS.match(toks[i].low):
            return 1, "residential"  # "дах 16-поверхівки", "9-этажку": a high-rise
        if (
            toks[i].low.endswith(("-storey", "-story"))
            and i + 1 < hi
            and toks[i + 1].low in ("building", "buildings", "block", "blocks")
        ):
            return 2, "residential"  # "a five-storey building": a block of flats
        return None
    if found[1] == "military" and "aircraft-type" in toks[i].low:
        return None
    if found[1] == "other" and toks[i].low in ("vehicle", "vehicles") and i > 0 and toks[i - 1].low in (
        "aerial", "air", "unmanned", "uncrewed"
    ):
        return None  # "38 Ukrainian fixed-wing unmanned aerial vehicles": drones, not cars
    if found[1] == "industrial" and toks[i].lemma == "склад" and i > 0 and toks[i - 1].lemma == "особовий":
        return None  # "120 осіб особового складу": personnel, not a warehouse
    if found[1] == "military" and toks[i].low in _TRAINING and (
        (i > 0 and toks[i - 1].low in _PLANTS)
        or (i + found[0] < hi and toks[i + found[0]].low in _PLANTS)
    ):
        return found[0], "other"  # "the ZNPP training centre", "учебный центр ЗАЭС": a plant's
    end = i + found[0]
    if toks[end - 1].low.endswith("'s") and end < hi and _PATTERNS.match(toks, end, hi) is not None:
        return None  # "the terminal's storage tanks": the tanks, not the terminal
    if found[1] == "industrial" and end + 1 < hi and toks[end].low in ("of", "at"):
        for j in range(end + 1, min(hi, end + 7)):  # (also "of KINEF, the Kirishi oil refinery")
            inner = _PATTERNS.match(toks, j, hi)
            if inner is not None and inner[1] == "fuel":
                return None  # "the industrial zone of the Kinef oil refinery": the refinery's
    if found[1] == "other" and found[0] == 1 and end < hi and toks[i].low.isascii():
        nxt = _PATTERNS.match(toks, end, hi)
        if nxt is not None and nxt[1] in ("transport", "fuel", "energy", "industrial"):
            return None  # "two tanker berths", "a bus depot": the first noun names the second's use
    if found[1] == "other" and toks[i].low.startswith(_ADMIN):
        j = end + 1 if end < hi and toks[end].low in ("of", "at") else end
        while j < hi and toks[j].low in ("the", "a", "an"):
            j += 1
        inner = _PATTERNS.match(toks, j, hi) if j < hi else None
        if inner is not None and inner[1] != "other":
            return None  # "the administrative building of an oil pumping station": the station's
    return found[0], found[1]  # type: ignore[return-value]


_TRAINING: Final = frozenset({"training", "учебный", "учебного", "учебном", "навчальний", "навчального",
                              "навчальному"})
_PLANTS: Final = frozenset({"npp", "znpp", "аэс", "аес", "заэс", "заес", "plant's", "station's"})
_ADMIN: Final = ("administrat", "адмін", "админ", "адміністратив", "административ")


def _is_fire(toks: list[Token], i: int, hi: int) -> bool:
    tok = toks[i]
    if not has(tok, _FIRE):
        return False
    if tok.low == "burn" or (tok.low.startswith("fire") and tok.low not in ("fire", "fires")):
        return False
    if i > 0 and toks[i - 1].low in _FIRE_NOT_BEFORE:
        return False
    if tok.low == "fire" and any(
        toks[m].low == "under" and all(t.kind == "word" and t.pos in ("", "ADJF") for t in toks[m + 1 : i])
        for m in range(max(0, i - 4), i - 1)
    ):
        return False  # "comes under near-daily fire", "came under the heaviest fire": shelling
    if tok.low == "fire" and i + 1 < hi and (
        toks[i + 1].kind == "num" or toks[i + 1].low in ("up", "about", "some", "more")
    ):
        return False  # "could fire up to 2,000 drones", "fire 1,500 drones": the verb
    return not (i + 1 < hi and toks[i + 1].low in _FIRE_NOT_AFTER)


def _person_compound(toks: list[Token], last: int, hi: int) -> bool:
    return last + 1 < hi and has(toks[last + 1], _PEOPLE_AFTER)


_NEAR: Final = frozenset({"near", "outside", "вблизи", "возле", "около", "неподалеку", "біля",
                          "поблизу", "неподалік"})
_LANDMARK_SKIP: Final = frozenset({"the", "a", "an", "of"})


def _where_hit(toks: list[Token], i: int) -> bool:
    """ "поблизу школи, де вибито вікна", "near a school, where windows were blown out": the
    landmark is where the damage is."""
    j = i + 1
    if j < len(toks) and toks[j].text == ",":
        j += 1
    return j < len(toks) and toks[j].low in _WHERE and any(has(t, _IMPACT) for t in toks[j + 1 : j + 5])


_WHERE: Final = frozenset({"де", "где", "where"})


def _landmark(toks: list[Token], i: int, lo: int) -> bool:
    """ "a fuel depot near the Engels military airfield", "де розташований аеродром",
    "which lies across the river from the nuclear power plant": a place to find the damage
    by, not damage."""
    if i - 2 >= lo and toks[i - 1].low in ("районі", "районе", "area") and toks[i - 2].low in (
        "в", "у", "the", "in"
    ):
        return True  # "вибухи в районі аеродрому Бельбек": near it, nothing said of it
    if i - 1 >= lo and toks[i - 1].low == "над":
        return True  # "над промзоною видно заграву": what a glow or drone is seen over
    for k in range(i - 1, max(lo + 1, i - 6) - 1, -1):
        if toks[k].kind == "punct" or has(toks[k], _IMPACT):
            break
        if toks[k].low == "of" and toks[k - 1].low == "area":
            return True  # "fired 3 missiles at the area of a former aviation school": near it
    if (
        i - 1 >= lo
        and toks[i - 1].low in ("у", "біля", "возле", "около", "near", "outside")
        and i + 1 < len(toks)
        and toks[i + 1].text in ("№", "#")
    ):
        return True  # "ударил по автомобилю у дома № 15": an address, not a damaged house
    for k in range(i - 1, max(lo, i - 5) - 1, -1):
        tok = toks[k]
        if tok.low in _NEAR:
            return not (_hit_near(toks, k, lo) or _where_hit(toks, i))
        if tok.low in _ON and k - 1 >= lo and toks[k - 1].lemma in _VEHICLES:
            return True  # "struck a car on the Rylsk-Lgov highway", "по автомобилю на трассе": where it was
        if tok.kind != "word" or not (
            tok.low in _LANDMARK_SKIP or tok.text[:1].isupper() or tok.lemma in _VEHICLES
        ):  # (also "near the bus station")
            break
    for k in range(i - 1, max(lo, i - 10) - 1, -1):
        tok = toks[k]
        if tok.kind == "punct" or has(tok, _IMPACT):
            return False
        if has(tok, _LOCATED):
            return True
    return False


_ON: Final = frozenset({"on", "along", "на"})
_HIT_NOUNS: Final = frozenset({"влучання", "попадание", "попадания", "прилет", "прилёт", "приліт",
                               "прильот", "hit", "impact"})
_COORD: Final = frozenset({"та", "і", "й", "и", "and", ","})


def _hit_near(toks: list[Token], k: int, lo: int) -> bool:
    """ "Влучання в багатоповерхівку та поблизу дитячого садка", "Влучання – в Салтівському
    районі, поблизу житлового будинку": "near" joined to the place a hit landed tells where it
    landed, and what it names was hit with it (not "a fuel depot near the airfield")."""
    if k - 1 < lo or toks[k - 1].low not in _COORD:
        return False
    return any(t.low in _HIT_NOUNS for t in toks[lo : k - 1])
_LOCATED: Final = words("located", "situated", "lies", "lie", "supplies", "serves", "supplying",
                        "based", "базуються", "базируются", "базується", "базируется", "базувалися",
                        "базировались", "стоять", "стоят",
                        "забезпечує", "обеспечивает", "забезпечувала", "обеспечивала",
                        "serving", "обслуживает", "снабжает", "постачає", "обслуговує", "розташований",
                        "розташована",
                        "розташоване", "розташовані", "расположенный", "расположен", "расположена",
                        "расположено", "находиться", "знаходиться", "hosts", "home")
# "доставили в больницу", "taken to hospital": where people went, not what was hit
_TAKEN_TO: Final = words("доставить", "госпитализировать", "госпіталізувати", "доставити",
                         "taken", "rushed", "admitted", "transported", "hospitalised", "hospitalized",
                         "brought", "evacuated", "эвакуировать", "евакуювати", "обратиться",
                         "звернутися", "перевезти", "перевезут", "перевезли", "перевести", "перевели",
                         "перевезуть", "перевести", "transferred", "moved")
_PLANES: Final = frozenset({"самолёт", "самолет", "літак"})
_AIRPORT_OPS: Final = frozenset({"приём", "прием", "выпуск", "прийом", "приймання", "відправлення",
                                 "випуск", "відправка", "отправка", "обслуживание", "принимать", "выпускать",
                                 "приймати", "випускати"})
_STAY: Final = words("remain", "remains", "remained", "are", "is", "were", "treated", "stay", "stays",
                     "staying", "находиться", "оставаться", "перебувати", "залишатися", "лечиться",
                     "лікуватися")
# "сотрудник предприятия", "worker at the plant": a person, not damage
_PERSON_BEFORE: Final = words("сотрудник", "работник", "працівник", "співробітник", "employee",
                              "worker", "workers", "employees", "staff", "директор", "director",
                              "жителей", "жители", "житель", "мешканців", "мешканці", "residents",
                              "водій", "водитель", "driver", "пасажир", "пассажир", "passenger",
                              "пасажири", "пассажиры", "passengers")


_BUSES: Final = frozenset({"bus", "buses", "minibus", "minibuses", "van", "vans", "vehicle", "vehicles"})
_QUEUE: Final = (
    frozenset({"черга", "черги", "очередь", "очереди", "пробка", "пробки", "queue", "queues", "line",
               "lines", "затор", "затори"}))
_CARE: Final = (
    frozenset({"койки", "коек", "ліжка", "ліжок", "beds", "пострадавшим", "постраждалим", "treated",
               "лечение", "лікування", "госпитализированы", "госпіталізовані", "patients"}))
_MINISTRIES: Final = (
    frozenset({"министерство", "міністерство", "ministry", "минэнерго", "міненерго", "министр",
               "міністр", "minister"}))
_SPARE: Final = (
    frozenset({"запасной", "запасний", "запасные", "запасні", "alternate", "alternative", "reserve",
               "резервный", "резервний", "резервные", "резервні", "backup", "replacement"}))
_SHORTAGE: Final = frozenset({"перебой", "перебои", "перебій", "перебої", "дефицит", "дефіцит", "shortage",
                              "shortages"})
_POWER_SUPPLY: Final = frozenset({"электроснабжение", "електропостачання", "электроэнергия", "електроенергія",
                           "електро", "электро", "свет", "світло", "электричество", "електрика", "power",
                                  "electricity"})
_TRANSIT: Final = (
    frozenset({"трамвай", "тролейбус", "троллейбус", "автобус", "маршрутка", "bus", "buses", "tram",
               "trams", "trolleybus", "trolleybuses"}))
_HOSPITALS: Final = (
    frozenset({"лікарня", "больница", "hospital", "hospitals", "црб", "црл", "клиника", "клініка"}))
_WHO_IS: Final = frozenset({"вона", "він", "она", "он", "she", "he", "вони", "они", "they", "is", "are"})
_DIED: Final = words("скончаться", "скончался", "скончалась", "померти", "помер", "померла", "died", "dies",
                     "succumbed")
_ATTACKERS: Final = frozenset({"aircraft", "jets", "planes", "bombers", "літаки", "літак", "самолеты",
                               "самолет", "авиация", "авіація", "helicopters", "гелікоптери"})
_DROPPED: Final = words("dropped", "launched", "fired", "struck", "attacked", "скинули", "скинула",
                        "сбросили", "сбросила", "выпустили", "атаковали", "атакувала", "атакували")
_VERB_TOO: Final = frozenset({"houses", "ships", "stores", "plants", "powers", "fuels", "homes"})


_RESIDENTS: Final = (
    frozenset({"residents", "жители", "жителей", "мешканці", "мешканців", "жителі", "жителів"}))
_BOATS: Final = frozenset({"катер", "катера", "катеров", "човен", "човни", "човнів", "boat", "boats"})
_ATTACK: Final = frozenset({"атака", "атаки", "attack", "attacks"})
_CREWLESS: Final = ("безэкипаж", "безекіпаж", "uncrewed", "unmanned", "безпілотн", "беспилотн")
_STAFF_OF: Final = frozenset({"генеральний", "генеральный", "general", "оперативний", "оперативный",
                              "regional", "обласний", "областной"})


_PORT: Final = frozenset({"port", "ports"})
_PLACE_PREPS: Final = frozenset({"in", "at", "near", "outside", "to", "toward", "towards"})
_EPITHET_SKIP: Final = (
    frozenset({"the", "a", "southern", "northern", "eastern", "western", "key", "major", "main",
               "sea", "river", "strategic", "ukrainian", "russian", "ukraine's", "russia's"}))


def _city_epithet(toks: list[Token], i: int, lo: int) -> bool:
    """ "the port city of Odesa", "in the southern port of Odesa", ", the Black Sea port of
    Novorossiysk,": a city named by its port (where something else was hit), not the port."""
    if i + 1 < len(toks) and toks[i + 1].low in ("city", "town"):
        return True
    if not (i + 2 < len(toks) and toks[i + 1].low == "of" and toks[i + 2].text[:1].isupper()):
        return False
    k = i - 1
    while k >= lo and toks[k].low not in _PLACE_PREPS and (
        toks[k].low in _EPITHET_SKIP or (toks[k].kind == "word" and toks[k].text[:1].isupper())
    ):
        k -= 1  # "the Black Sea port of", "Ukraine's main port of"
    # an epithet ("southern", "Baltic") makes the port a way to name the city; a bare "at the
    # port of Primorsk" is the port itself, where the fire was
    epithet = any(t.low not in ("the", "a") for t in toks[k + 1 : i])
    return epithet and k >= lo and (toks[k].low in _PLACE_PREPS or toks[k].text == ",")


_AGE_WORD: Final = re.compile(r"^\d+-(?:year-old|летн|річн)")


_SCHOOLS: Final = frozenset({"школа", "school", "schools", "ліцей", "лицей", "заклад", "учреждение"})
_REMOTE: Final = (
    frozenset({"дистанційний", "дистанционный", "дистанционно", "дистанційно", "онлайн", "remote",
               "remotely", "online", "distance"}))


def _not_an_object(toks: list[Token], i: int, lo: int) -> bool:
    """A kind word that is no damaged object: where someone was taken ("доставили в
    больницу"), whose worker someone is ("сотрудник предприятия"), or a verb ("which
    houses the Cabinet")."""
    tok = toks[i]
    if i > lo and _AGE_WORD.match(toks[i - 1].low):
        return True  # "поранено 33-річного енергетика": a person of an age, not the energy sector
    if tok.low in _PORT and _city_epithet(toks, i, lo):
        return True  # "In the southern port of Odesa, a drone hit a house": the city, by its port
    if i > lo and tok.low in _VERB_TOO and toks[i - 1].low in ("which", "that", "it"):
        return True  # "which houses the Cabinet", "which ships about 1% of ..."
    if tok.low in ("launcher", "launchers") and any(t.low == "with" for t in toks[max(lo, i - 4) : i]):
        return True  # "attacks were carried out with multiple rocket launchers": the means
    if i > lo and toks[i - 1].low in ("для", "for"):
        return True  # "порт тимчасово закривали для суден", "closed for ships": who it was closed to
    if i > lo and toks[i - 1].low.startswith(_CREWLESS):
        return True  # "уничтожены четыре безэкипажных катера": attackers destroyed, not damage
    if any(
        toks[m].low in _RESIDENTS and toks[m + 1].low in ("of", "из", "з", "із")
        for m in range(max(lo, i - 5), i - 1)
    ):
        return True  # "residents of 15 nearby homes were evacuated": where people live, not hit
    if (tok.lemma in _BOATS or tok.low in _BOATS) and any(
        toks[m].low.startswith(_CREWLESS) and (toks[m + 1].lemma in _BOATS or toks[m + 1].low in _BOATS)
        for m in range(max(0, i - 200), i + 200 if i > 0 and toks[i - 1].lemma in _ATTACK else i - 1)
        if m + 1 < len(toks)
    ):
        # "... безэкипажных катеров. ... уничтожены 17 БПЛА и пять катеров": the same boats (also
        # a headline's "после атаки катеров и дронов" over the story's "безэкипажные катера": the
        # attack's boats, not "the boat was destroyed" before "an attack by uncrewed boats")
        return True
    if "-" in tok.low and tok.low.endswith("ing"):
        return True  # "tanker-tracking data": a modifier of a compound
    if tok.low == "heating" and i + 1 < len(toks) and toks[i + 1].low in ("season", "seasons"):
        return True  # "as the heating season begins": a time of year
    if tok.low == "home" and i + 1 < len(toks) and toks[i + 1].low == "to":
        return True  # "the Engels airbase, home to Tu-95MS bombers"
    if any(toks[m].low == "home" and toks[m + 1].low == "to" for m in range(max(lo, i - 14), i - 1)):
        return True  # "Olenegorsk, home to the Olenya air base": what is there, not what was hit
    if tok.low.startswith(("штаб", "headquarters")) and (
        (i > lo and toks[i - 1].lemma in _STAFF_OF)
        or (i + 1 < len(toks) and toks[i + 1].low in ("зсу", "всу", "рф"))
    ):
        return True  # "повідомив Генеральний штаб ЗСУ": a teller, not a target
    prev = toks[i - 1] if i > lo else None
    if prev is not None and prev.kind == "word" and has(prev, _PERSON_BEFORE) and not (
        prev.low == "passenger" and tok.low in _BUSES
    ):
        return True  # ("водитель автобуса": a person; "a passenger bus": a kind of bus)
    if prev is not None and prev.kind == "word" and prev.low in ("of", "at") and i - 2 >= lo and has(
        toks[i - 2], _PERSON_BEFORE
    ):
        return True
    if i + 1 < len(toks) and toks[i + 1].lemma in ("район", "district", "округ") and tok.pos in (
        "ADJF",
        "",
    ):
        return True  # "у Залізничному районі Львова": a district's name, not a railway
    if tok.low in ("port", "ports", "портовый", "портовий") and i + 1 < len(toks) and (
        toks[i + 1].low in ("city", "cities", "town", "towns") or toks[i + 1].lemma in ("город", "місто")
    ):
        return True  # "the port cities of Odesa and Mykolaiv": what they are, not what was hit
    if tok.lemma in _PLANES and any(
        t.kind == "word" and t.lemma in _AIRPORT_OPS for t in toks[max(lo, i - 4) : i]
    ):
        return True  # "ограничения на прием и выпуск самолетов": flights, not aircraft hit
    if prev is not None and prev.low in ("с", "з", "із", "of") and i - 2 >= lo and (
        toks[i - 2].low in _SHORTAGE or toks[i - 2].lemma in _SHORTAGE
    ) and tok.lemma not in _POWER_SUPPLY:
        return True  # "перебои с топливом в Крыму": a shortage, not a fuel site hit
    if prev is not None and prev.low in ("з", "із", "из", "of") and i - 2 >= lo and (
        toks[i - 2].lemma in _QUEUE or toks[i - 2].low in _QUEUE
    ):
        return True  # "збиралися черги з автомобілів": cars waiting, not cars hit
    if prev is not None and prev.lemma in _MINISTRIES:
        return True  # "Міністерство енергетики Казахстану", "Ministry of Energy": a ministry
    if prev is not None and prev.low == "of" and i >= 2 and toks[i - 2].lemma in _MINISTRIES:
        return True
    if prev is not None and (prev.lemma in _SPARE or prev.low in _SPARE):
        return True  # "рейсы перенаправлены на запасные аэродромы": where flights went
    if prev is not None and prev.lemma in ("оперативный", "оперативний", "operational"):
        return True  # "Оперативний штаб Кубані": an authority, not a headquarters hit
    if any(t.kind == "word" and has(t, _TAKEN_TO) for t in toks[max(lo, i - 4) : i]):
        return True
    if tok.lemma in _HOSPITALS and any(
        t.low in _CARE for t in toks[max(lo, i - 6) : min(len(toks), i + 6)]
    ):
        return True  # "в республиканских больницах развернуты дополнительные койки": care, not damage
    if tok.lemma in _HOSPITALS and any(
        t.kind == "word" and has(t, _TAKEN_TO) for t in toks[max(lo, i - 9) : i]
    ) and not any(t.kind == "word" and has(t, _IMPACT) for t in toks[max(lo, i - 9) : i]):
        return True  # "доставили до лікарні імені Мечникова та міських лікарень"
    if prev is not None and prev.lemma in ("рух", "движение", "traffic") and tok.lemma in _TRANSIT:
        return True  # "рух трамваїв частково зупинено": the trams' service, not trams hit
    if (
        prev is not None
        and prev.low in ("і", "й", "и", "та", "and")
        and tok.lemma in _TRANSIT
        and i - 3 >= lo
        and toks[i - 2].lemma in _TRANSIT
        and toks[i - 3].lemma in ("рух", "движение", "traffic")
    ):
        return True  # "рух трамваїв і тролейбусів зупинено": the service of both
    if prev is not None and prev.low in ("in", "в", "у") and i - 2 >= lo and toks[i - 2].low in _WHO_IS:
        return True  # "вона в лікарні, стан стабільний": where she is
    if prev is not None and prev.low in ("in", "в", "у") and any(
        t.kind == "word" and has(t, _STAY) for t in (*toks[max(lo, i - 3) : i - 1], *toks[i + 1 : i + 3])
    ):
        return True  # "19 of whom remain in hospital", "в больнице находятся трое"
    after = toks[i + 1 : i + 3]
    died = any(t.kind == "word" and (has(t, CASUALTY_CUES) or has(t, _DIED)) for t in after)
    if died and prev is not None and prev.low in ("в", "у", "in") and after[0].kind == "word":
        return True  # "в больнице скончался мужчина": where he died, not what was hit
    if prev is not None and prev.low in ("в", "у", "in") and any(
        t.kind == "word" and has(t, _DIED) for t in toks[max(lo, i - 3) : i - 1]
    ):
        return True  # "died in hospital", "померла в лікарні"
    if tok.lemma in _SCHOOLS and any(t.lemma in _REMOTE for t in toks[i + 1 : i + 5]):
        return True  # "у 12 школах сьогодні дистанційне навчання": lessons moved online, no school hit
    # "Russian aircraft dropped two bombs": the attacker, not a damaged aircraft
    return tok.low in _ATTACKERS and any(t.kind == "word" and has(t, _DROPPED) for t in after)


_IN_CASE: Final = frozenset({("в", "случае"), ("у", "разі"), ("в", "разі"), ("in", "case"), ("the", "event"),
                             ("на", "случай"), ("на", "випадок")})
_TRIED: Final = words("пытаться", "пытался", "пыталась", "пытались", "намагатися", "намагався", "намагалася",
                      "намагалися", "tried", "attempted", "trying", "attempting")


def _unreal(toks: list[Token], k: int, lo: int) -> bool:
    """An impact word that tells what may or was meant to happen: "генераторы ... в случае
    аварийных отключений", "пытался поджечь релейный шкаф" (an attempt, not damage)."""
    for m in range(max(lo, k - 4), k):
        if m + 1 < len(toks) and (toks[m].low, toks[m + 1].low) in _IN_CASE:
            return True
    if any(has(toks[m], _TRIED) for m in range(max(lo, k - 2), k)):
        return True
    # "пытался поджечь релейный шкаф ..., но был задержан": the attempt foiled
    but = next((m for m in range(k - 1, max(lo, k - 4) - 1, -1) if toks[m].low in ("но", "але", "but")), None)
    return but is not None and any(has(toks[m], _TRIED) for m in range(lo, but))


def kind_mentions(toks: list[Token], lo: int, hi: int) -> list[tuple[DamageKind, int, int]]:
    """(kind, first, last) of every damage-kind phrase in [lo, hi), impact or not."""
    out: list[tuple[DamageKind, int, int]] = []
    i = lo
    while i < hi:
        match = _match(toks, i, hi) if toks[i].kind == "word" else None
        if match is None:
            i += 1
            continue
        length, kind = match
        out.append((kind, i, i + length - 1))
        i += length
    return out


def _fire_after(toks: list[Token], last: int, hi: int) -> bool:
    """ "внаслідок атаки на території одного з підприємств спалахнула пожежа": the place
    of a fire in its own clause, not merely what the attack was on."""
    for k in range(last + 1, min(hi, last + 8)):
        tok = toks[k]
        if tok.kind == "punct":
            return False
        if has(tok, _FIRE):
            return True
    return False


def _is_target(toks: list[Token], i: int, lo: int) -> bool:
    """Whether a kind word is the object of a mere "attack on"/"strike on"."""
    for k in range(i - 1, max(lo, i - 5) - 1, -1):
        tok = toks[k]
        if tok.low in _TARGET_PREP and k > lo and has(toks[k - 1], _TARGET_OF):
            return True
        if has(tok, _TARGET_OF) and tok.lemma not in ("attack", "strike", "атака", "удар"):
            return True
        if tok.kind == "punct" or has(tok, _IMPACT):
            return False  # "attack on X damaged houses": the houses are damaged
    return False


def _negated(toks: list[Token], i: int, lo: int, hi: int, covered: set[int]) -> bool:
    a = i
    while a > lo and toks[a - 1].text not in ",;:" and not _contrast(toks[a - 1]):
        a -= 1
    b = i
    while b < hi and toks[b].text not in ",;:" and not _contrast(toks[b]):
        b += 1
    for k in range(a, b):
        tok = toks[k]
        if k in covered or tok.kind != "word" or not (has(tok, _NEG) or has(tok, _NORMAL)):
            continue
        if tok.low in _OUTAGE and k + 1 in covered:
            continue  # "без электроснабжения остались 300 абонентов": an outage, not a denial
        if has(tok, _ABSENT) and any(
            0 <= m < len(toks) and m in covered and toks[m].lemma in _SUPPLY for m in (k - 1, k + 1)
        ):
            continue  # "у частині міста відсутнє електропостачання": an outage, not a denial
        nxt = toks[k + 1] if k + 1 < len(toks) else tok
        prv = toks[k - 1] if k > 0 else tok
        if nxt.low in ("only", "лише", "только", "менее", "менше", "one"):
            continue
        if nxt.text == "." and k + 2 < len(toks) and toks[k + 2].kind == "num":
            continue  # "No. 112": a house number
        if nxt.lemma in _OPERATE:
            continue  # "аеропорт не приймав рейси", "the airport was not operating": disruption
        if (has(nxt, _PEOPLE_NEG) or has(prv, _PEOPLE_NEG)) and k - 1 not in covered:
            # "no casualties", "пострадавших нет": about people, not damage (not "само
            # предприятие не пострадало": an object unharmed)
            continue
        return True
    return False


_STOREYS: Final = re.compile(r"^\d+-(?:поверхівк|поверхівц|этажк|этажек|поверхівок)")
_NOT: Final = frozenset({"не", "not", "ні"})
_OPERATE: Final = frozenset({"приймати", "відправляти", "працювати", "принимать", "отправлять",
                             "работать", "operating", "operate", "accepting", "accept", "receiving",
                             "выпускать", "випускати"})  # "не принимал и не выпускал самолеты"
# "power supply in the city is stable", "электроснабжение осуществляется в штатном режиме": none lost
_NORMAL: Final = words("stable", "штатный", "штатному", "стабильно", "стабильное", "стабільне", "стабільно")
_PEOPLE_NEG: Final = CASUALTY_CUES | words("casualties", "victims", "one", "жертва", "жертв", "постраждалі")


def _contrast(tok: Token) -> bool:
    return tok.low in ("but", "while", "але", "но", "однак", "однако", "and")
