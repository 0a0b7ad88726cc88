"""Rebuild `stream/data/samples/reports-2025-07.jsonl` and its gold labels.

The bulk comes from `stream.simulate.reports` (seeded); a dozen hand-written
reports add phrasings the templates lack. Run from the project root:

    .venv/bin/python tests/data/build_samples.py

Writes the raw sample (what `make run` loads) and `tests/data/samples-gold.jsonl`
(eval-set lines `{"lang", "report", "gold"}`, scorable by score_normalize.py).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import orjson

from stream.simulate.reports import SimReport, Truth, simulate_reports

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "stream" / "data" / "samples" / "reports-2025-07.jsonl"
GOLD = ROOT / "tests" / "data" / "samples-gold.jsonl"
START = datetime(2025, 7, 3, tzinfo=UTC)
END = datetime(2025, 7, 13, tzinfo=UTC)
SEED = 2507


def _hand(source: str, at: str, text: str, truth: Truth) -> SimReport:
    return SimReport({"id": "", "source": source, "published_at": at, "text": text}, truth)


HAND: list[SimReport] = [
    _hand("reuters", "2025-07-05T07:40:00Z",
          "Overnight Ukrainian drone attacks on the Bryansk and Oryol regions cut power to "
          "several villages and damaged a railway station, regional governors said on Saturday.",
          Truth("ru-official", "en", damage=(("RU-BRY", "energy"), ("RU-BRY", "transport"),
                                             ("RU-ORL", "energy"), ("RU-ORL", "transport")))),
    _hand("telegram:kpszsu", "2025-07-05T13:12:00Z",
          "Увага! Швидкісна ціль на Київ! Негайно пройдіть в укриття!",
          Truth("ua-military", "uk", window="none")),
    _hand("telegram:mod_russia", "2025-07-06T06:25:00Z",
          "В период с 7.00 до 9.00 мск дежурными средствами ПВО перехвачены и уничтожены 63 "
          "украинских беспилотных летательных аппарата самолетного типа: 57 – над территорией "
          "Курской области, 6 – над территорией Белгородской области.",
          Truth("ru-mod", "ru", ((None, "drone", "intercepted", 63),
                                 ("RU-KRS", "drone", "intercepted", 57),
                                 ("RU-BEL", "drone", "intercepted", 6)), window="day")),
    _hand("ria", "2025-07-06T08:05:00Z",
          "В Курской области после атаки беспилотников загорелась нефтебаза, сообщил врио "
          "губернатора Александр Хинштейн. По его словам, пострадавших нет.",
          Truth("ru-official", "ru", damage=(("RU-KRS", "fuel"), ("RU-KRS", "fire")))),
    _hand("kyiv-independent", "2025-07-07T22:48:00Z",
          "Explosions were heard in Kyiv as air defense responded to a Russian attack, Mayor "
          "Vitali Klitschko said, urging residents to stay in shelters.",
          Truth("ua-official", "en", window="none")),
    _hand("telegram:kyiv_city_mva", "2025-07-08T01:30:00Z",
          "У Дарницькому районі внаслідок падіння уламків загорівся автомобіль. У Голосіївському "
          "районі пошкоджено нежитлову будівлю. Попередньо – без постраждалих.",
          Truth("ua-official", "uk", damage=(("UA-30", "fire"), ("UA-30", "other")))),
    _hand("reuters", "2025-07-08T06:50:00Z",
          "Russian air defences destroyed 14 drones over the Voronezh region, governor Alexander "
          "Gusev said, adding that there were no casualties or damage.",
          Truth("ru-official", "en", (("RU-VOR", "drone", "intercepted", 14),))),
    _hand("interfax", "2025-07-09T04:15:00Z",
          "В Ростовской области в результате атаки БПЛА повреждена подстанция, без света "
          "остались несколько населенных пунктов Каменского района, сообщил врио губернатора "
          "Юрий Слюсарь.",
          Truth("ru-official", "ru", damage=(("RU-ROS", "energy"),))),
    _hand("ap", "2025-07-09T07:35:00Z",
          "Russia fired eight ballistic missiles and more than 300 drones at Ukraine overnight, "
          "Ukraine's air force said, in one of the largest attacks in weeks.",
          Truth("ua-military", "en", ((None, "missile", "launched", 8),
                                      (None, "drone", "launched", 300)), window="overnight")),
    _hand("ukrinform", "2025-07-10T09:20:00Z",
          "На Запоріжжі внаслідок ворожого удару загинула людина, ще троє поранені. "
          "Пошкоджено приватні будинки, повідомив начальник ОВА Іван Федоров.",
          Truth("ua-official", "uk", damage=(("UA-23", "residential"),),
                casualties=(("UA-23", "killed", 1), ("UA-23", "injured", 3)))),
    _hand("interfax", "2025-07-11T19:05:00Z",
          "Flights were temporarily suspended at Kazan airport after a drone attack warning in "
          "Tatarstan, Russia's aviation authority said.",
          Truth("ru-official", "en", damage=(("RU-TA", "transport"),))),
    _hand("tass", "2025-07-12T05:30:00Z",
          "Air defence forces intercepted two dozen Ukrainian drones over the Bryansk region "
          "and nine over the Smolensk region overnight, the Russian Defence Ministry said.",
          Truth("ru-mod", "en", (("RU-BRY", "drone", "intercepted", 24),
                                 ("RU-SMO", "drone", "intercepted", 9)), window="overnight")),
    _hand("telegram:mod_russia", "2025-07-13T04:10:00Z",
          "В течение прошедшей ночи дежурными средствами ПВО перехвачены и уничтожены 41 "
          "украинский беспилотный летательный аппарат самолетного типа: 23 – над территорией "
          "Курской области, 12 – над территорией Брянской области, 6 – над территорией "
          "Орловской области.",
          Truth("ru-mod", "ru", ((None, "drone", "intercepted", 41),
                                 ("RU-KRS", "drone", "intercepted", 23),
                                 ("RU-BRY", "drone", "intercepted", 12),
                                 ("RU-ORL", "drone", "intercepted", 6)), window="overnight")),
    _hand("reuters", "2025-07-13T05:05:00Z",
          "Russian air defences destroyed 41 Ukrainian drones overnight, including 23 over the "
          "Kursk region, the Defence Ministry said on Sunday.",
          Truth("ru-mod", "en", ((None, "drone", "intercepted", 41),
                                 ("RU-KRS", "drone", "intercepted", 23)), window="overnight")),
]


def build() -> list[SimReport]:
    sim = []
    for report in simulate_reports(10_000, seed=SEED, start=START):
        if report.raw["published_at"] >= END.strftime("%Y-%m-%dT%H:%M:%SZ"):
            break
        sim.append(report)
    merged = sorted(sim + HAND, key=lambda r: r.raw["published_at"])
    # Renumber by publication order so ids read like a feed; keep relay links.
    # Hand-written reports have no id yet, so only simulated ids are remapped.
    new_ids = {r.raw["id"]: f"smp-{i:04d}" for i, r in enumerate(merged, 1) if r.raw["id"]}
    out = []
    for i, r in enumerate(merged, 1):
        t = r.truth
        truth = Truth(t.claimant, t.lang, t.counts, t.damage, t.casualties, t.window,
                      new_ids[t.relay_of] if t.relay_of else None,
                      new_ids[t.corrects] if t.corrects else None)
        out.append(SimReport({**r.raw, "id": f"smp-{i:04d}"}, truth))
    return out


def main() -> None:
    reports = build()
    RAW.write_bytes(b"".join(orjson.dumps(r.raw) + b"\n" for r in reports))
    GOLD.write_bytes(b"".join(
        orjson.dumps({"lang": r.truth.lang, "report": r.raw, "gold": r.truth.as_dict()}) + b"\n"
        for r in reports))
    print(f"{len(reports)} reports -> {RAW.relative_to(ROOT)}, {GOLD.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
