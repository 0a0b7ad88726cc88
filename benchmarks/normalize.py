"""Throughput of the pure normalizer on one core over a mixed EN/RU/UK corpus.

Generates N varied reports from templates (regions, numbers in digits and words,
totals with breakdowns, casualties, damage), warms the caches once, then times
`normalize` over the whole corpus and prints reports/s.

    .venv/bin/python benchmarks/normalize.py [N] [--profile] [--no-compare]

`build=` tells which normalizer ran: `mypyc` (compiled by `make native`) or the
Python sources; unless --no-compare, the sources are also timed in a child
process (STREAM_NATIVE=0) on the same corpus and printed as `pure_reports/s(cpu)`.
With --profile, PROFILE_SORT=tottime sorts the profile by own time (default: cumulative).
"""

from __future__ import annotations

import cProfile
import os
import pstats
import random
import re
import subprocess
import sys
import time
from datetime import UTC, datetime

from stream import _native
from stream.models import RawReport
from stream.normalize import normalize

EN_REGIONS = ["Kursk", "Belgorod", "Bryansk", "Voronezh", "Oryol", "Rostov", "Tula", "Lipetsk",
              "Smolensk", "Kaluga", "Moscow", "Ryazan", "Kharkiv", "Sumy", "Odesa", "Kyiv",
              "Dnipropetrovsk", "Zaporizhzhia", "Chernihiv", "Poltava"]
RU_REGIONS = ["Курской", "Белгородской", "Брянской", "Воронежской", "Орловской", "Ростовской",
              "Тульской", "Липецкой", "Смоленской", "Калужской", "Московской", "Рязанской"]
UK_REGIONS = ["Харківщиною", "Сумщиною", "Одещиною", "Київщиною", "Дніпропетровщиною",
              "Запорізькою областю", "Чернігівщиною", "Полтавщиною", "Миколаївщиною"]
EN_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "two dozen", "fifteen", "twenty"]
UK_WORDS = ["двоє", "троє", "п'ятеро", "двадцять два", "сім", "дев'ять"]

EN_TEMPLATES = [
    "Air defences destroyed {n} Ukrainian drones overnight, {a} of them over the {r1} region "
    "and {b} over the {r2} region, the Defence Ministry said.",
    "{w} drones were shot down over the {r1} region, governor said, adding that debris damaged "
    "{b} private houses and a power line. {cas} people were injured.",
    "Russia launched {n} drones and {a} missiles at Ukraine overnight, Ukraine's air force "
    "said; {b} drones were shot down and {c} were locationally lost.",
    "A drone attack on the {r1} region sparked a fire at an oil depot, local authorities said. "
    "No casualties were reported.",
    "Russian forces dropped {n} guided aerial bombs on the {r1} region, killing {cas} people "
    "and damaging a school.",
    "Turkish officials said talks on a ceasefire would continue in Istanbul next week.",
]
RU_TEMPLATES = [
    "Дежурными средствами ПВО перехвачены и уничтожены {n} украинских беспилотных летательных "
    "аппаратов: {a} — над территорией {r1} области, {b} — над территорией {r2} области.",
    "Губернатор {r1} области сообщил, что над регионом уничтожены {a} беспилотников. "
    "Повреждены жилые дома, пострадавших нет.",
    "В результате атаки дронов на {r1} область погибли {cas} человека, возник пожар на "
    "предприятии.",
]
UK_TEMPLATES = [
    "У ніч на {d} червня противник атакував {n} ударними БпЛА типу Shahed та {a} ракетами. "
    "Збито {b} БпЛА, ще {c} локаційно втрачені.",
    "Над {r1} збито {a} дронів, пошкоджено житлові будинки, {uw} людей поранені.",
    "Унаслідок атаки на {r1} загинула жінка, пошкоджено лінію електропередачі, повідомив "
    "начальник ОВА.",
]


def corpus(n: int, seed: int = 7) -> list[RawReport]:
    rng = random.Random(seed)
    out: list[RawReport] = []
    published = datetime(2025, 6, 1, tzinfo=UTC)
    for i in range(n):
        lang = ("en", "ru", "uk")[i % 3]
        params = {
            "n": rng.randint(20, 1500), "a": rng.randint(1, 60), "b": rng.randint(1, 40),
            "c": rng.randint(1, 30), "d": rng.randint(1, 30), "cas": rng.randint(1, 9),
            "w": rng.choice(EN_WORDS).capitalize(), "uw": rng.choice(UK_WORDS),
        }  # fmt: skip
        if lang == "en":
            template = rng.choice(EN_TEMPLATES)
            r1, r2 = rng.sample(EN_REGIONS, 2)
        elif lang == "ru":
            template = rng.choice(RU_TEMPLATES)
            r1, r2 = rng.sample(RU_REGIONS, 2)
        else:
            template = rng.choice(UK_TEMPLATES)
            r1, r2 = rng.sample(UK_REGIONS, 2)
        text = template.format(r1=r1, r2=r2, **params)
        out.append(RawReport(id=f"b-{i}", source="bench", published_at=published, text=text))
    return out


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 12_000
    reports = corpus(n)
    for raw in reports[:300]:  # warm the gazetteer and lemma caches
        normalize(raw)
    profiler = cProfile.Profile() if "--profile" in sys.argv else None
    if profiler:
        profiler.enable()
    start, cpu_start = time.perf_counter(), time.process_time()
    items = 0
    for raw in reports:
        rep = normalize(raw)
        items += len(rep.observations) + len(rep.damage) + len(rep.casualties)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats(os.environ.get("PROFILE_SORT", "cumulative")).print_stats(25)
    # CPU time is what one core spends; wall time also counts waiting on a busy machine.
    build = "mypyc" if _native.STATUS == "mypyc" else "python"
    line = (f"reports={n} items={items} wall_s={elapsed:.2f} cpu_s={cpu:.2f} "
            f"reports/s(cpu)={n / cpu:,.0f} reports/s(wall)={n / elapsed:,.0f} build={build}")
    if build == "mypyc" and "--no-compare" not in sys.argv and not profiler:
        child = subprocess.run(
            [sys.executable, __file__, str(n), "--no-compare"], capture_output=True, text=True,
            check=True, env={**os.environ, "STREAM_NATIVE": "0"})
        m = re.search(r"reports/s\(cpu\)=([\d,]+)", child.stdout)
        pure = int(m.group(1).replace(",", "")) if m else 0
        line += f" pure_reports/s(cpu)={pure:,} speedup={n / cpu / max(pure, 1):.2f}x"
    print(line)


if __name__ == "__main__":
    main()
