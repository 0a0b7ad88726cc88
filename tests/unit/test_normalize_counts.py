"""Counts [region, weapon, measure, count]: totals and parts, subsets, origins, seas,
Moscow city/oblast, Crimea, repeated figures, ellipsis, number words (own sentences)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from stream.models import RawReport
from stream.normalize import normalize

T = tuple[str | None, str, str, int]


def _counts(text: str, source: str = "wire") -> list[T]:
    raw = RawReport(id="t", source=source, published_at=datetime(2025, 6, 1, tzinfo=UTC), text=text)
    rep = normalize(raw)
    return sorted(((o.region, o.weapon, o.measure, o.count) for o in rep.observations), key=str)


def _s(*rows: T) -> list[T]:
    return sorted(rows, key=str)


EN = [
    # "Moscow reg." is the region, not the city
    ("Air defence assets destroyed 28 UAVs: 10 over Bryansk reg., 6 over Moscow reg., including 2 flying "
     "towards Moscow, 4 over Tula reg.",
     _s((None, "drone", "intercepted", 28), ("RU-BRY", "drone", "intercepted", 10),
        ("RU-MOS", "drone", "intercepted", 6), ("RU-TUL", "drone", "intercepted", 4))),
    # "British-supplied" is a modifier, not a verb after the figure
    ("Russia's Defense Ministry said its air defenses had shot down four British-supplied Storm Shadow "
     "cruise missiles over the previous day.", _s((None, "missile", "intercepted", 4))),
    # uncrewed boats and sea drones are no air weapons; a carrier's missiles on board launched none
    ("The ministry said 31 drones were destroyed over the Black Sea. Besides, Black Sea Fleet forces "
     "destroyed three uncrewed boats in the northwestern part of the Black Sea.",
     _s(("SEA-BLACK", "drone", "intercepted", 31))),
    ("Russia had five warships on duty in the Black Sea, including one Kalibr cruise missile carrier with "
     "up to eight missiles on board.", []),
    # "including N over X, where ...": the relative clause is not the total's place
    ("The ministry said air defences had shot down 112 drones overnight, including 13 over the Leningrad "
     "region, where the governor said debris fell on the Kirishi oil refinery.",
     _s((None, "drone", "intercepted", 112), ("RU-LEN", "drone", "intercepted", 13))),
    # "rockets fired by HIMARS launchers": what they are, not what became of them
    ("Air defence forces shot down 28 guided rockets fired by HIMARS multiple rocket launchers and 1,487 "
     "fixed-wing unmanned aerial vehicles over the past week.",
     _s((None, "missile", "intercepted", 28), (None, "drone", "intercepted", 1487))),
    # what could happen, and a city's population, count nothing
    ("Could Russia soon fire 1,500 drones in a single night? Officials said Russia may launch up to "
     "800 drones in one night.", []),
    ("On May 5, Russia launched 50 drones at Ukraine.", _s((None, "drone", "launched", 50))),
    ("Sevastopol has a population of about 550,000. Air defence shot down 11 drones over the city.",
     _s(("UA-40", "drone", "intercepted", 11))),
    # "the town's refinery" is the town named before ("the town of X" names one)
    ("Residents of Novokuybyshevsk in the Samara region reported explosions. Astra wrote that at least "
     "8 drones had been shot down near the town's oil refinery.", _s(("RU-SAM", "drone", "intercepted", 8))),
    # a place "near" which a sea is named is its shore, not a second region
    ("The ministry added that two drones were destroyed over the Baltic Sea near Kaliningrad.",
     _s(("SEA-BALTIC", "drone", "intercepted", 2))),
    # "he writes on Telegram": the governor of the sentence before goes on, in his region
    ("The governor of the Leningrad region, Alexander Drozdenko, says a drone attack has caused a "
     "fire at the Kirishi oil refinery. Three drones were shot down near the plant, he writes on "
     "Telegram.", _s(("RU-LEN", "drone", "intercepted", 3))),
    # "A and B respectively": each figure for the weapon at its place in the list before
    ("Russia launched 465 drones and 32 missiles, of which 405 and 24 respectively were shot down.",
     _s((None, "drone", "launched", 465), (None, "missile", "launched", 32),
        (None, "drone", "intercepted", 405), (None, "missile", "intercepted", 24))),
    ("Russia says it shot down 289 Ukrainian drones overnight. Of the 289 drones it claimed, the "
     "ministry said none had reached their targets.", _s((None, "drone", "intercepted", 289))),
    ("Russia's Defence Ministry said 63 Ukrainian drones had been downed over several regions "
     "overnight but did not mention Samara.", _s((None, "drone", "intercepted", 63))),
    # list items after a header: unmarked lines, emoji bullets, items split by ';'
    ("As of 09:00, air defense has shot down/suppressed 406 air targets:\n🔸 41 Kh-101 cruise missiles;\n"
     "🔸 9 Iskander-M ballistic missiles;\n🔸 356 enemy UAVs.\n\n❗️ Hits by 27 missiles were recorded.",
     _s((None, "missile", "intercepted", 41), (None, "missile", "intercepted", 9),
        (None, "drone", "intercepted", 356))),
    ("Air defense has shot down 406 air targets:\n41 Kh-101 cruise missiles;\n356 enemy UAVs.",
     _s((None, "missile", "intercepted", 41), (None, "drone", "intercepted", 356))),
    ("Air defense has shot down 406 air targets: 41 Kh-101 cruise missiles; 9 Iskander-M missiles; "
     "356 enemy UAVs.", _s((None, "missile", "intercepted", 41), (None, "missile", "intercepted", 9),
                          (None, "drone", "intercepted", 356))),
    # the figures a correction replaced, a list of them included
    ("Russia launched 352 drones and 16 missiles, not 330 drones and 15 missiles as reported earlier.",
     _s((None, "drone", "launched", 352), (None, "missile", "launched", 16))),
    # "out of N" is the total of the part before it
    ("The ministry said 15 drones had been shot down over the Ryazan region, out of 139 it said were "
     "destroyed over Russia.",
     _s(("RU-RYA", "drone", "intercepted", 15), (None, "drone", "intercepted", 139))),
    # "one each over X and Y": one for each region
    ("Air defence destroyed 10 drones: eight over the Kursk region and one each over the Ivanovo and "
     "Vladimir regions.", _s((None, "drone", "intercepted", 10), ("RU-KRS", "drone", "intercepted", 8),
                             ("RU-IVA", "drone", "intercepted", 1), ("RU-VLA", "drone", "intercepted", 1))),
    # a figure a correction replaced is not labelled
    ("Air defences destroyed 22 drones over the Yaroslavl region, correcting an earlier statement "
     "that had put the number at 18.", _s(("RU-YAR", "drone", "intercepted", 22))),
    ("Air defences destroyed 126 drones, and not 118 as reported in the morning.",
     _s((None, "drone", "intercepted", 126))),
    ("16 drones launched overnight at the Mykolaiv region were shot down.",
     _s(("UA-48", "drone", "intercepted", 16))),
    ("All 16 drones launched overnight at the Mykolaiv and Odesa regions had been shot down.",
     _s((None, "drone", "launched", 16), (None, "drone", "intercepted", 16))),
    ("Air defence units downed 31 Ukrainian drones over the Belgorod region overnight.",
     _s(("RU-BEL", "drone", "intercepted", 31))),
    ("Russian air defences intercepted 45 drones overnight, 20 of them over the Belgorod region "
     "and 12 over the Bryansk region, the Defence Ministry said.",
     _s((None, "drone", "intercepted", 45), ("RU-BEL", "drone", "intercepted", 20),
        ("RU-BRY", "drone", "intercepted", 12))),
    ("Ukraine's air force said Russia launched 128 drones and five missiles overnight, of which "
     "95 drones were shot down and 30 were locationally lost.",
     _s((None, "drone", "launched", 128), (None, "missile", "launched", 5),
        (None, "drone", "intercepted", 95), (None, "drone", "suppressed", 30))),
    ("Russia attacked Ukraine overnight with at least 40 Shahed drones launched from the "
     "directions of Kursk, Oryol and Primorsko-Akhtarsk, the air force said.",
     _s((None, "drone", "launched", 40))),
    # a figure glued to its weapon or sized as one attack counts weapons; plural attacks do not
    ("Russia launched a massive 728-drone attack on Ukraine overnight, the air force said.",
     _s((None, "drone", "launched", 728))),
    ("Russia launched a record 550 drone attack on Ukraine overnight, the air force said.",
     _s((None, "drone", "launched", 550))),
    ("Russia hit Kyiv with a 40-missile barrage, Ukraine's air force said.",
     _s(("UA-30", "missile", "launched", 40))),
    ("Russia carried out 18 drone attacks on the Sumy region overnight, the governor said.", []),
    # a year after a date; "including" a part of a figure of no weapon
    ("The General Staff said Russia has lost 720,730 troops since Feb. 24, 2022, including 1,510 "
     "over the past day. Russia launched 85 drones overnight.",
     _s((None, "drone", "launched", 85))),
    # a name, modifiers and the weapon noun are one phrase; launchers are no munitions
    ("The ministry said air defence systems shot down three Neptune-MD long-range guided missiles "
     "and 29 drones over the Krasnodar Territory.",
     _s(("RU-KDA", "missile", "intercepted", 3), ("RU-KDA", "drone", "intercepted", 29))),
    ("Russia launched 83 missiles against Ukraine last week, Zelensky said, adding that Ukraine "
     "needs at least 10 more Patriot systems.",
     _s((None, "missile", "launched", 83))),
    # a launch platform's place is an origin
    ("Ukraine's air force said Russia attacked with 26 Kh-101 cruise missiles launched from "
     "Tu-95MS aircraft over the Caspian Sea.",
     _s((None, "missile", "launched", 26))),
    ("The ministry said Ukraine fired five U.S.-supplied ATACMS missiles at Sevastopol, four of "
     "which were shot down.",
     _s(("UA-40", "missile", "launched", 5), ("UA-40", "missile", "intercepted", 4))),
    # weapons as the subject of a strike verb were used in the attack; one of them was not
    ("At least 34 people were killed when two Russian Iskander-M ballistic missiles struck the "
     "center of Sumy.", _s(("UA-59", "missile", "launched", 2))),
    ("Russia struck Kharkiv with three guided aerial bombs. One of the bombs hit an enterprise.",
     _s(("UA-63", "glide_bomb", "launched", 3))),
    ("Debris of two drones hit a house in Kursk.", []),
    # an old figure of a revision, the end of a date range, house numbers
    ("The ministry revised the number of drones destroyed over the Volgograd region to 17, from "
     "12 reported in its morning bulletin.", _s(("RU-VGG", "drone", "intercepted", 17))),
    ("MOSCOW, September 21. /TASS/. Air defences shot down 1,452 drones in the period from "
     "September 14 to 20, the Russian Defence Ministry said.",
     _s((None, "drone", "intercepted", 1452))),
    ("Overnight, Russia attacked Mykolaiv Oblast with Shahed-136/131 attack drones; air defence "
     "and mobile fire groups shot down seven of them, Governor Vitaliy Kim said.",
     _s(("UA-48", "drone", "intercepted", 7))),
    ("The Air Force said Russian forces launched seven Kh-101 cruise missiles from the airspace "
     "over Saratov Oblast and 86 imitator drones were locationally lost.",
     _s((None, "missile", "launched", 7), (None, "drone", "suppressed", 86))),
    ("The Air Force said Russia had attacked Poltava Oblast with two Kh-59/69 guided missiles and "
     "18 drones.", _s(("UA-53", "missile", "launched", 2), ("UA-53", "drone", "launched", 18))),
    ("The ministry said air defences destroyed half a hundred drones overnight; over the Zhytomyr "
     "region, one and a half dozen drones were shot down.",
     _s((None, "drone", "intercepted", 50), ("UA-18", "drone", "intercepted", 18))),
    # totals named after their figure
    ("The ministry said it had downed 17 drones over the Volgograd region as part of a wider "
     "105-drone overnight tally.",
     _s(("RU-VGG", "drone", "intercepted", 17), (None, "drone", "intercepted", 105))),
    ("The ministry said 29 drones were intercepted over the Krasnodar region and 3 over the Sea "
     "of Azov – out of 75 overall.",
     _s(("RU-KDA", "drone", "intercepted", 29), ("SEA-AZOV", "drone", "intercepted", 3),
        (None, "drone", "intercepted", 75))),
    ("Fifteen drones were destroyed over the Moscow region, including six flying towards Moscow.",
     _s(("RU-MOS", "drone", "intercepted", 15))),
    ("Moscow Mayor Sergei Sobyanin said air defences shot down three drones heading for the city.",
     _s(("RU-MOW", "drone", "intercepted", 3))),
    ("Air defence forces destroyed 7 drones flying towards Moscow.",
     _s(("RU-MOW", "drone", "intercepted", 7))),
    ("Russian forces dropped more than 1,200 glide bombs this week, President Volodymyr "
     "Zelensky said.", _s((None, "glide_bomb", "launched", 1200))),
    ("Russian forces dropped more than 1,200 glide bombs on Ukrainian positions this week.",
     _s((None, "glide_bomb", "launched", 1200))),
    ("The Russian army fired two Kinzhal missiles at the Lviv region; both were intercepted.",
     _s(("UA-46", "missile", "launched", 2), ("UA-46", "missile", "intercepted", 2))),
    ("Russia's defence ministry said 3 ATACMS missiles and 12 HIMARS rockets were shot down "
     "over the Belgorod region.",
     _s(("RU-BEL", "missile", "intercepted", 3), ("RU-BEL", "missile", "intercepted", 12))),
    ("Air defences downed dozens of drones over the Tula region, the governor said.", []),
    ("Several drones were shot down over the Kaluga region.", []),
    ("Ukraine's navy said it destroyed two Russian patrol boats in the Black Sea.", []),
    ("Russian troops attacked 412 settlements in the Zaporizhzhia region with drones.", []),
    ("Drones hit 12 aircraft at the Engels airbase in the Saratov region.", []),
    ("The drones flew more than 1,500 km before they were downed over the Perm region.", []),
    ("Forces destroyed 22 drones over the Black Sea and nine over the Sea of Azov.",
     _s(("SEA-BLACK", "drone", "intercepted", 22), ("SEA-AZOV", "drone", "intercepted", 9))),
    ("Eight drones were shot down over the Caspian Sea.",
     _s(("SEA-CASPIAN", "drone", "intercepted", 8))),
    ("Four drones were downed over annexed Crimea and two over Sevastopol.",
     _s(("UA-43", "drone", "intercepted", 4), ("UA-40", "drone", "intercepted", 2))),
    ("Air defences shot down 14 drones over the Kursk region. Governor Khinshtein confirmed "
     "that 14 drones were shot down over the Kursk region.",
     _s(("RU-KRS", "drone", "intercepted", 14))),
    ("Воронежская обл.: 12 БПЛА уничтожены ночью над Лисками, сообщил Гусев.\nИсправление: 14 БПЛА, а "
     "не 12.", _s(("RU-VOR", "drone", "intercepted", 14))),
    ("Zero drones were shot down over the Kursk region.", []),
    ("Russia pounded Ukraine with 550 drones and missiles overnight.", []),
    ("Russia attacked with 472 drones and decoys overnight.",
     _s((None, "drone", "launched", 472))),
    ("Over the Kursk region 57 drones were destroyed, the ministry said. Russia says the 57 "
     "drones were downed by air defence units.",
     _s(("RU-KRS", "drone", "intercepted", 57))),
    ("0 missiles were intercepted.", []),
    ("Russia launched 50 drones at Ukraine overnight, 40 of which were shot down.",
     _s((None, "drone", "launched", 50), (None, "drone", "intercepted", 40))),
    ("Air defences shot down 45 of 60 drones launched overnight.",
     _s((None, "drone", "intercepted", 45), (None, "drone", "launched", 60))),
    ("The enemy used a dozen guided aerial bombs against the Sumy region.",
     _s(("UA-59", "glide_bomb", "launched", 12))),
    ("Russian jets dropped 9 KABs on the Kharkiv region.",
     _s(("UA-63", "glide_bomb", "launched", 9))),
    ("Russia fired 6 Iskander ballistic missiles and 20 Kalibr cruise missiles overnight.",
     _s((None, "missile", "launched", 6), (None, "missile", "launched", 20))),
    ("Two dozen UAVs were intercepted over the Voronezh region.",
     _s(("RU-VOR", "drone", "intercepted", 24))),
    ("Air defences downed 11 drones over the Bryansk region and a further seven over the "
     "Oryol region.",
     _s(("RU-BRY", "drone", "intercepted", 11), ("RU-ORL", "drone", "intercepted", 7))),
    ("A total of 212 drones were destroyed over 11 regions, including 40 over the Moscow region, "
     "among them 12 flying towards Moscow.",
     _s((None, "drone", "intercepted", 212), ("RU-MOS", "drone", "intercepted", 40))),
    ("Air defences destroyed 302 drones over 14 regions, including 90 over the Moscow region and "
     "30 flying towards Moscow.",
     _s((None, "drone", "intercepted", 302), ("RU-MOS", "drone", "intercepted", 90),
        ("RU-MOW", "drone", "intercepted", 30))),
    ("In the Rostov region, air defences shot down 17 drones.",
     _s(("RU-ROS", "drone", "intercepted", 17))),
    ("Russia fired 15 missiles at the Kyiv region, the Kharkiv region and the Odesa region.",
     _s((None, "missile", "launched", 15))),
    ("Russia attacked the Kyiv region with 23 drones, the air force said.",
     _s(("UA-32", "drone", "launched", 23))),
    ("Kyiv was attacked with nine ballistic missiles.",
     _s(("UA-30", "missile", "launched", 9))),
    ("In 2024 Russia launched more drones than ever; 2 were shot down over Kyiv on Monday.",
     _s(("UA-30", "drone", "intercepted", 2))),
    ("Air defences shot down 18 drones and suppressed 6 others over the Chernihiv region.",
     _s(("UA-74", "drone", "intercepted", 18), ("UA-74", "drone", "suppressed", 6))),
    ("The Ukrainian military said it shot down/suppressed 41 drones.",
     _s((None, "drone", "intercepted", 41))),
    ("The air force said 35 of the 40 drones were downed.",
     _s((None, "drone", "intercepted", 35), (None, "drone", "launched", 40))),
    ("Russia hit Ukraine with 6 ballistic missiles, 2 of which were intercepted.",
     _s((None, "missile", "launched", 6), (None, "missile", "intercepted", 2))),
    ("Ukrainian drones attacked Moscow again; Sobyanin said 12 were shot down.",
     _s(("RU-MOW", "drone", "intercepted", 12))),
    ("Russian air defence systems destroyed 28 drones overnight: 10 over the Bryansk region, "
     "8 over the Kursk region, and 10 over the Oryol region.",
     _s((None, "drone", "intercepted", 28), ("RU-BRY", "drone", "intercepted", 10),
        ("RU-KRS", "drone", "intercepted", 8), ("RU-ORL", "drone", "intercepted", 10))),
    ("The attack involved 90 Shahed-type drones, the air force said.",
     _s((None, "drone", "launched", 90))),
    ("Air defences destroyed 25 drones over the Bryansk region, 10 over the Kursk region and "
     "three over the Belgorod region, totalling 38.",
     _s(("RU-BRY", "drone", "intercepted", 25), ("RU-KRS", "drone", "intercepted", 10),
        ("RU-BEL", "drone", "intercepted", 3), (None, "drone", "intercepted", 38))),
    ("Forces downed 41 drones, including 22 over the Bryansk region, 8 over the Kaluga region "
     "and 6 over Moscow.",
     _s((None, "drone", "intercepted", 41), ("RU-BRY", "drone", "intercepted", 22),
        ("RU-KLU", "drone", "intercepted", 8), ("RU-MOW", "drone", "intercepted", 6))),
    ("Two drones were downed as they approached Moscow, Sobyanin said.",
     _s(("RU-MOW", "drone", "intercepted", 2))),
    ("Russia launched 12 Shahed drones from Kursk and Millerovo; 9 were destroyed over the "
     "Sumy and Chernihiv regions.",
     _s((None, "drone", "launched", 12), (None, "drone", "intercepted", 9))),
    ("Russia dropped over 100 KAB guided bombs on Kharkiv Oblast.",
     _s(("UA-63", "glide_bomb", "launched", 100))),
    # "Kh-59" is a model, not 59; "a ... missile" states one (as "a man was wounded" = 1)
    ("Air defence shot down a Kh-59 missile over the Odesa region.",
     _s(("UA-51", "missile", "intercepted", 1))),
    ("On June 1, Russia launched 472 drones and seven missiles at Ukraine.",
     _s((None, "drone", "launched", 472), (None, "missile", "launched", 7))),
    ("At 3 am drones attacked the Kursk region, the governor said.", []),
    ("Ukraine's air force said it destroyed 13 of 18 drones and two of the three Iskander-K "
     "cruise missiles launched by Russia overnight.",
     _s((None, "drone", "intercepted", 13), (None, "drone", "launched", 18),
        (None, "missile", "intercepted", 2), (None, "missile", "launched", 3))),
    ("Russian forces launched 20 Shahed drones and three S-300 missiles at the Mykolaiv region. "
     "Thirteen drones were shot down.",
     _s(("UA-48", "drone", "launched", 20), ("UA-48", "missile", "launched", 3),
        ("UA-48", "drone", "intercepted", 13))),
    ("Kyiv's military administration said Russia fired ballistic missiles at the capital; all "
     "four were intercepted.", _s(("UA-30", "missile", "intercepted", 4))),
    ("A drone hit a house in the Kharkiv region. Russia launched 100 drones overnight.",
     _s((None, "drone", "launched", 100))),
    ("Governor Alexander Gusev said Ukrainian drones attacked the Voronezh region overnight; "
     "eight drones were destroyed.", _s(("RU-VOR", "drone", "intercepted", 8))),
    ("Ukraine's air force said it downed all six Kalibr cruise missiles and 25 of 30 Shahed "
     "drones launched overnight from Crimea.",
     _s((None, "missile", "intercepted", 6), (None, "drone", "intercepted", 25),
        (None, "drone", "launched", 30))),
    ("Moscow launched 300 drones at Ukraine overnight, Kyiv said.",
     _s((None, "drone", "launched", 300))),
]

RU = [
    # a place before a dash and the next figure, after a comma, is that figure's own
    ("Кроме того, над территорией Калужской области сбиты 8 беспилотников, Тульской области — 4.",
     _s(("RU-KLU", "drone", "intercepted", 8), ("RU-TUL", "drone", "intercepted", 4))),
    # a correction in a follow-up line replaces the figure it names
    ("Губернатор Курской области Александр Хинштейн: ночью над регионом силами ПВО сбиты 12 вражеских "
     "беспилотников.\n\nУточнение от губернатора: сбиты не 12, а 14 БПЛА.",
     _s(("RU-KRS", "drone", "intercepted", 14))),
    # "52 ед. БПЛА": the unit's full stop ends no sentence
    ("Гладков: за сутки по Белгородской области ВСУ выпустили 48 боеприпасов и 52 ед. БПЛА, из них 31 "
     "сбит/подавлен.", _s(("RU-BEL", "drone", "launched", 52), ("RU-BEL", "drone", "intercepted", 31))),
    # "над территорией республики" is the republic named before; its part "в том числе 6" is not
    # labelled again
    ("Киевский режим этой ночью предпринял попытку атаки на Крым. Силами ПВО над территорией "
     "республики сбито 32 беспилотника, в том числе 6 — в районе Феодосии.",
     _s(("UA-43", "drone", "intercepted", 32))),
    # "по одному" over a list of places that goes on past its commas
    ("Перехвачены 74 беспилотника: 29 – над территорией Республики Крым, по одному – над территориями "
     "Республики Адыгея, Ставропольского края и Волгоградской области.",
     _s((None, "drone", "intercepted", 74), ("UA-43", "drone", "intercepted", 29),
        ("RU-AD", "drone", "intercepted", 1), ("RU-STA", "drone", "intercepted", 1),
        ("RU-VGG", "drone", "intercepted", 1))),
    # a total over the country and a sea is the country's; "в том числе по 18" over two regions
    ("Минобороны сообщило, что ночью над регионами России и акваторией Черного моря перехвачены 64 "
     "беспилотника, в том числе 22 над Республикой Крым.",
     _s((None, "drone", "intercepted", 64), ("UA-43", "drone", "intercepted", 22))),
    ("Минобороны заявило, что сбито 112 дронов, в том числе по 18 – над Брянской и Калужской областями.",
     _s((None, "drone", "intercepted", 112), ("RU-BRY", "drone", "intercepted", 18),
        ("RU-KLU", "drone", "intercepted", 18))),
    # Sevastopol's villages
    ("Силами ПВО сбиты 7 БПЛА в районе Любимовки, Учкуевки и Качи.",
     _s(("UA-40", "drone", "intercepted", 7))),
    # hits recorded are no figure of a measure; a calibre is no figure; a ship able to carry
    # missiles launched none
    ("Зафиксированы попадания трех ракет и 29 ударных БпЛА на 9 локациях.", []),
    ("По населенным пунктам республики также выпущено 64 боеприпаса калибра 155 и 152 мм.", []),
    ("В Средиземном море находится 1 корабль, способный нести до 8 «Калибров».", []),
    ("Россия готовится к новым массированным ударам и может одновременно выпустить до 1000 "
     "беспилотников и до 60 ракет.", []),
    # the ministry's air defence did it; the mayor's sentence before still places it
    ("Мэр Москвы Сергей Собянин сообщил о новой атаке беспилотников, летевших на Москву. С 18:00 силами "
     "ПВО Минобороны уничтожены четырнадцать БПЛА.", _s(("RU-MOW", "drone", "intercepted", 14))),
    # a genitive plural in quotes states no one ("эффективность перехвата «Шахедов»")
    ("Игнат заявил, что эффективность перехвата «Шахедов» в сентябре составила около 87%.", []),
    # a launch platform's place between two coordinated figures: both are the target region's
    ("Ночью россияне выпустили по Одесской области шесть крылатых ракет «Калибр» с кораблей в "
     "акватории Черного моря и 23 ударных дрона.",
     _s(("UA-51", "missile", "launched", 6), ("UA-51", "drone", "launched", 23))),
    # a figure with no place takes the place of the sentence just before it, not of the
    # last count's further back
    ("▪️Брянская область: над регионом уничтожены два десятка БПЛА.\n▪️Тульская область: в "
     "Новомосковске обломки повредили цех. Губернатор Дмитрий Миляев сообщил о 12 сбитых беспилотниках.",
     _s(("RU-BRY", "drone", "intercepted", 20), ("RU-TUL", "drone", "intercepted", 12))),
    ("Россияне выпустили 465 дронов и 32 ракеты, из них сбиты 405 и 24 соответственно.",
     _s((None, "drone", "launched", 465), (None, "missile", "launched", 32),
        (None, "drone", "intercepted", 405), (None, "missile", "intercepted", 24))),
    # a compound number in the instrumental ("семью" is also "family")
    ("Противник атаковал Курскую область шестьюдесятью семью беспилотниками.",
     _s(("RU-KRS", "drone", "launched", 67))),
    # a figure over the country or several regions has no region, whatever comes before or after
    ("В Липецкой области, по словам губернатора, сбиты пять беспилотников. Ранее Минобороны "
     "сообщило, что за ночь над территорией России уничтожен 71 украинский беспилотник.",
     _s(("RU-LIP", "drone", "intercepted", 5), (None, "drone", "intercepted", 71))),
    ("Губернатор Дрозденко сообщил, что над регионом Ленинградской области уничтожено 30 БПЛА. "
     "Минобороны за ночь насчитало 221 сбитый дрон.",
     _s(("RU-LEN", "drone", "intercepted", 30), (None, "drone", "intercepted", 221))),
    # a weapon's quoted name is not one more weapon; "Приморское" of Zaporizhzhia is no Primorsk
    ("За неделю сбиты шесть крылатых ракет большой дальности «Шторм Шэдоу» и три ракеты ATACMS.",
     _s((None, "missile", "intercepted", 6), (None, "missile", "intercepted", 3))),
    ("На Степногорск, Малую Токмачку и Приморское оккупанты сбросили девять управляемых авиабомб.",
     _s(("UA-23", "glide_bomb", "launched", 9))),
    ("Над Брянской и Курской областями уничтожено по одному беспилотнику.",
     _s(("RU-BRY", "drone", "intercepted", 1), ("RU-KRS", "drone", "intercepted", 1))),
    ("Над Брянской и Курской областями уничтожено 10 беспилотников.", _s((None, "drone", "intercepted", 10))),
    ("Над Псковской областью уничтожены шесть беспилотников, а не четыре, как сообщалось ранее.",
     _s(("RU-PSK", "drone", "intercepted", 6))),
    ("Над территорией Белгородской области уничтожены 19 беспилотников.",
     _s(("RU-BEL", "drone", "intercepted", 19))),
    ("За ночь дежурными средствами ПВО перехвачены и уничтожены 48 украинских беспилотных "
     "летательных аппаратов: 21 — над территорией Брянской области, 15 — над территорией "
     "Курской области, 12 — над акваторией Азовского моря.",
     _s((None, "drone", "intercepted", 48), ("RU-BRY", "drone", "intercepted", 21),
        ("RU-KRS", "drone", "intercepted", 15), ("SEA-AZOV", "drone", "intercepted", 12))),
    ("Сбиты две управляемые авиабомбы JDAM, четыре реактивных снаряда РСЗО HIMARS и "
     "93 беспилотника самолетного типа.",
     _s((None, "glide_bomb", "intercepted", 2), (None, "missile", "intercepted", 4),
        (None, "drone", "intercepted", 93))),
    ("Над Московским регионом уничтожены 11 беспилотников, летевших на Москву, сообщил Собянин.",
     _s(("RU-MOW", "drone", "intercepted", 11))),
    ("Силы ПВО сбили еще три беспилотника, летевших на Москву.",
     _s(("RU-MOW", "drone", "intercepted", 3))),
    ("ВСУ атаковали Курскую область с помощью 27 беспилотников, 25 из них сбиты.",
     _s(("RU-KRS", "drone", "launched", 27), ("RU-KRS", "drone", "intercepted", 25))),
    ("Ночью противник выпустил по Харьковской области пять ракет и около 30 дронов.",
     _s(("UA-63", "missile", "launched", 5), ("UA-63", "drone", "launched", 30))),
    ("Над Крымом сбиты пятеро беспилотников.", _s(("UA-43", "drone", "intercepted", 5))),
    ("Над Черным морем уничтожены 6 БПЛА, над Крымом — 4.",
     _s(("SEA-BLACK", "drone", "intercepted", 6), ("UA-43", "drone", "intercepted", 4))),
    ("Беспилотники были запущены с территории Сумской области; над Курской областью сбито 8.",
     _s(("RU-KRS", "drone", "intercepted", 8))),
    ("В Подмосковье сбиты 13 дронов.", _s(("RU-MOS", "drone", "intercepted", 13))),
    ("Над Севастополем сбиты две ракеты.", _s(("UA-40", "missile", "intercepted", 2))),
    ("Уничтожены 162 беспилотника; в том числе 40 над Курской областью.",
     _s((None, "drone", "intercepted", 162), ("RU-KRS", "drone", "intercepted", 40))),
    ("ПВО сбили 30 беспилотников над Брянской областью, в том числе 10 над Брянском.",
     _s(("RU-BRY", "drone", "intercepted", 30))),
    ("В одном из частных домов возник пожар после атаки беспилотника.", []),
    ("Сбиты десятки беспилотников над Тульской областью.", []),
    ("Беспилотники атаковали Брянскую область 3 июня, пострадавших нет.", []),
    ("Сбито не менее 20 дронов над Воронежской областью.",
     _s(("RU-VOR", "drone", "intercepted", 20))),
    ("В ночь на 3 июля над Брянской областью уничтожены 12 БПЛА, над Калужской — 4.",
     _s(("RU-BRY", "drone", "intercepted", 12), ("RU-KLU", "drone", "intercepted", 4))),
    ("ПВО сбили 5 беспилотников над Ростовской областью и ещё 2 — над Краснодарским краем.",
     _s(("RU-ROS", "drone", "intercepted", 5), ("RU-KDA", "drone", "intercepted", 2))),
    ("Губернатор Брянской области сообщил об уничтожении 10 БПЛА над регионом.",
     _s(("RU-BRY", "drone", "intercepted", 10))),
    ("Средства ПВО отразили атаку 15 БПЛА на Курскую область.",
     _s(("RU-KRS", "drone", "intercepted", 15))),
    ("Всего сбиты 4 управляемые авиабомбы, 2 ракеты ATACMS и 115 беспилотников.",
     _s((None, "glide_bomb", "intercepted", 4), (None, "missile", "intercepted", 2),
        (None, "drone", "intercepted", 115))),
]

UK = [
    # a list item's own number is no figure; "– 380 од." counts the weapon named before it
    ("Міноборони РФ заявляє, що над регіонами Росії знищено 41 український БпЛА:\n1. Брянська обл. — 17;"
     "\n2. Курська обл. — 11;",
     _s((None, "drone", "intercepted", 41), ("RU-BRY", "drone", "intercepted", 17),
        ("RU-KRS", "drone", "intercepted", 11))),
    ("Протягом доби ворог атакував 9 населених пунктів Запорізької обл.:\n▪️ БпЛА різних модифікацій "
     "(переважно FPV) – 380 од.;\n▪️ КАБ – 6 од.",
     _s(("UA-23", "drone", "launched", 380), ("UA-23", "glide_bomb", "launched", 6))),
    # ", переважно FPV," is an aside: the towns after it are the figure's
    ("Понад 380 БпЛА різних модифікацій, переважно FPV, атакували Запоріжжя, Оріхів, Гуляйполе та "
     "Приморське.", _s(("UA-23", "drone", "launched", 380))),
    # "Воронезький губернатор ... над областю": his region
    ("У Бєлгородській області дрон влучив в автомобіль. Воронезький губернатор Олександр Гусєв "
     "повідомив, що над областю знищено 14 БпЛА.", _s(("RU-VOR", "drone", "intercepted", 14))),
    # "(4 шт.)": pieces of the weapon before the brackets
    ("Хотінська громада Сумської області: удари КАБами (4 шт.), мінометний обстріл.",
     _s(("UA-59", "glide_bomb", "launched", 4))),
    # a figure named again ("зі згаданих вище 45 БпЛА") is not counted again; a clause's own
    # weapon word before a bare figure beats the weapon of the clause before
    ("Противник атакував 45 ударними БпЛА та 7 крилатими ракетами. За даними ПС, зі згаданих вище "
     "45 БпЛА 38 збито, ще 4 локаційно втрачені; ракети збито всі сім.",
     _s((None, "drone", "launched", 45), (None, "missile", "launched", 7), (None, "drone", "intercepted", 38),
        (None, "drone", "suppressed", 4), (None, "missile", "intercepted", 7))),
    # a launch area "у Саратовській області" is an origin like "з Брянської області"
    ("Противник завдав удару 13 ракетами — 9 крилатих ракет Х-101 з району пусків у Саратовській "
     "області та 4 балістичні ракети Іскандер-М з Брянської області.",
     _s((None, "missile", "launched", 13), (None, "missile", "launched", 9),
        (None, "missile", "launched", 4))),
    ("У ніч на 12 липня ворог атакував 215 ударними БпЛА типу Shahed та дронами-імітаторами з "
     "напрямків Курська, Орла, Міллерово, а також двома балістичними ракетами Іскандер-М з "
     "Брянської області. Станом на 09:00 збито/подавлено 187 ворожих БпЛА.",
     _s((None, "drone", "launched", 215), (None, "missile", "launched", 2),
        (None, "drone", "intercepted", 187))),
    ("Противник скинув на Запорізьку область 12 КАБів, жертв немає.",
     _s(("UA-23", "glide_bomb", "launched", 12))),
    ("Сили ППО збили над Одещиною 14 дронів, ще 6 локаційно втрачено.",
     _s(("UA-51", "drone", "intercepted", 14), ("UA-51", "drone", "suppressed", 6))),
    ("Понад 50 безпілотників знищили над Чернігівською областю.",
     _s(("UA-74", "drone", "intercepted", 50))),
    ("Над Сумщиною збито двадцять два шахеди.", _s(("UA-59", "drone", "intercepted", 22))),
    ("Ворог атакував Харківщину трьома ракетами С-300.",
     _s(("UA-63", "missile", "launched", 3))),
    ("Збито 30 крилатих ракет Х-101 із 35.",
     _s((None, "missile", "intercepted", 30), (None, "missile", "launched", 35))),
    ("Над Києвом знищено всі 12 ракет.", _s(("UA-30", "missile", "intercepted", 12))),
    ("На Київщині збито 9 дронів, ще 3 — на Житомирщині.",
     _s(("UA-32", "drone", "intercepted", 9), ("UA-18", "drone", "intercepted", 3))),
    ("Противник запустив 70 дронів з Криму та з Курської області.",
     _s((None, "drone", "launched", 70))),
    ("Збито кілька дронів над Полтавщиною.", []),
    ("На Сумщині за добу зафіксовано 112 обстрілів. Ворог скинув 6 КАБів та застосував 40 "
     "FPV-дронів.",
     _s(("UA-59", "glide_bomb", "launched", 6), ("UA-59", "drone", "launched", 40))),
    ("Протягом доби ворог завдав 5 ударів по Херсонщині.", []),
    ("Повітряні сили: над Дніпропетровщиною збито 17 БпЛА, 4 локаційно втрачені.",
     _s(("UA-12", "drone", "intercepted", 17), ("UA-12", "drone", "suppressed", 4))),
    ("Росіяни випустили по Одесі дві балістичні ракети.",
     _s(("UA-51", "missile", "launched", 2))),
    ("У небі над Львівщиною знищено 6 крилатих ракет Калібр.",
     _s(("UA-46", "missile", "intercepted", 6))),
    ("Збито 4 з 6 ракет Х-59/69.",
     _s((None, "missile", "intercepted", 4), (None, "missile", "launched", 6))),
    ("Ворог атакував Україну 40 ракетами та понад 300 дронами.",
     _s((None, "missile", "launched", 40), (None, "drone", "launched", 300))),
    ("Із 46 ракет збито 40.",
     _s((None, "missile", "launched", 46), (None, "missile", "intercepted", 40))),
    ("Протягом доби росіяни завдали 5 ракетних ударів, застосувавши 12 ракет.",
     _s((None, "missile", "launched", 12))),
    ("Уночі окупанти атакували Україну 89 дронами, з них 50 збили, ще 30 — локаційно "
     "втрачені.",
     _s((None, "drone", "launched", 89), (None, "drone", "intercepted", 50),
        (None, "drone", "suppressed", 30))),
    ("Противник атакував Україну 11 ракетами та 101 ударним БпЛА. Зокрема: 4 балістичні ракети "
     "Іскандер-М з Курської області, 7 крилатих ракет Х-101 з Саратовської області.",
     _s((None, "missile", "launched", 11), (None, "drone", "launched", 101),
        (None, "missile", "launched", 4), (None, "missile", "launched", 7))),
    ("Ворог атакував 11 ракетами: 4 Іскандер-М та 7 Х-101.",
     _s((None, "missile", "launched", 11), (None, "missile", "launched", 4),
        (None, "missile", "launched", 7))),
    ("ВСУ выпустили по Белгороду 10 реактивных снарядов, все они сбиты.",
     _s(("RU-BEL", "missile", "launched", 10))),
    ("Противник атакував 2 ракетами Іскандер-М, 3 керованими авіаційними ракетами Х-59/69 та "
     "68 ударними БпЛА.",
     _s((None, "missile", "launched", 2), (None, "missile", "launched", 3),
        (None, "drone", "launched", 68))),
    ("Над Одещиною збито 15 із 17 дронів.",
     _s(("UA-51", "drone", "intercepted", 15), ("UA-51", "drone", "launched", 17))),
    # "targets" stand for the one weapon named before; after two weapons, for neither
    ("Противник атакував 40 ударними БпЛА. Над Київщиною збито 30 повітряних цілей, на "
     "Житомирщині знищено 6 цілей.",
     _s((None, "drone", "launched", 40), ("UA-32", "drone", "intercepted", 30),
        ("UA-18", "drone", "intercepted", 6))),
    ("Противник атакував 40 ударними БпЛА та 5 ракетами. Збито 30 повітряних цілей.",
     _s((None, "drone", "launched", 40), (None, "missile", "launched", 5))),
    # a participle clause of the first member between a coordinated pair; a submarine is a
    # launch platform
    ("Воздушные силы ВСУ сообщили, что ночью над Львовской областью сбиты три крылатые ракеты "
     "«Калибр», выпущенные с подводной лодки в Черном море, и семь ударных дронов.",
     _s(("UA-46", "missile", "intercepted", 3), ("UA-46", "drone", "intercepted", 7))),
    # what reached its target is no measure; a toll "до 18" counts people
    ("12 выпущенных противником беспилотников сбиты над Белгородской областью.",
     _s(("RU-BEL", "drone", "intercepted", 12))),
    ("Все 12 выпущенных по Белгородской области беспилотников были сбиты.",
     _s(("RU-BEL", "drone", "launched", 12), ("RU-BEL", "drone", "intercepted", 12))),
    ("Из пяти выпущенных ракет две сбиты средствами ПВО, три достигли цели.",
     _s((None, "missile", "launched", 5), (None, "missile", "intercepted", 2))),
    ("Число погибших в результате удара баллистической ракеты по Кривому Рогу возросло до 18.", []),
    # a participle and its place between the number and the weapon noun
    ("Губернатор Новгородської області повідомив ще про 3 збиті над Новгородщиною дрони.",
     _s(("RU-NGR", "drone", "intercepted", 3))),
    ("Міноборони РФ повідомило про 48 «знищених» над Ростовською областю дронів.",
     _s(("RU-ROS", "drone", "intercepted", 48))),
    # a figure of clashes takes no weapon from the sentence before
    ("Противник залучив 1 870 дронів-камікадзе. Найбільше боєзіткнень – на Покровському "
     "напрямку (46).", _s((None, "drone", "launched", 1870))),
    ("Над Николаевской областью ночью силы ПВО сбили девять ударных беспилотников типа «Шахед».",
     _s(("UA-48", "drone", "intercepted", 9))),
    ("За даними Міноборони РФ, над Бєлгородською областю збито 14 реактивних снарядів РСЗВ "
     "«Вільха» і два безпілотники.",
     _s(("RU-BEL", "missile", "intercepted", 14), ("RU-BEL", "drone", "intercepted", 2))),
    ("Губернатор сообщил, что над Брянской областью уничтожены 42 беспилотника. Ранее Минобороны "
     "сообщало о 121 беспилотнике, уничтоженном за ночь над 13 регионами.",
     _s(("RU-BRY", "drone", "intercepted", 42), (None, "drone", "intercepted", 121))),
    ("По словам губернатора Самарской области, ночью над Сызранью были сбиты полтора десятка "
     "дронов.", _s(("RU-SAM", "drone", "intercepted", 15))),
    ("ПВО уничтожили 44 беспилотника. По данным ведомства, 18 аппаратов сбиты над Ростовской "
     "областью.", _s((None, "drone", "intercepted", 44), ("RU-ROS", "drone", "intercepted", 18))),
    # years of birth; "both" of the people named before
    ("Каменка-Днепровская: атака FPV-дрона на гражданский автомобиль, ранены двое мирных жителей "
     "1978 и 1985 годов рождения. Оба доставлены в больницу.", []),
    ("Ворог випустив 2 ракети по Одесі. Обидві збиті.",
     _s(("UA-51", "missile", "launched", 2), ("UA-51", "missile", "intercepted", 2))),
    ("Міноборони РФ звітувало про 95 «перехоплених» безпілотників, зокрема 17 — над Брянською "
     "областю.", _s((None, "drone", "intercepted", 95), ("RU-BRY", "drone", "intercepted", 17))),
    ("Минобороны России сообщило, что за ночь над Саратовской областью были сбиты 32 "
     "беспилотника, а всего над территорией страны — 77.",
     _s(("RU-SAR", "drone", "intercepted", 32), (None, "drone", "intercepted", 77))),
    ("Число погибших от удара по центру Сум возросло до 35. По данным Воздушных сил, по городу "
     "были выпущены две баллистические ракеты.", _s(("UA-59", "missile", "launched", 2))),
    # a surname that is a town's name
    ("Два беспилотника атаковали предприятие в Новочебоксарске, сообщил глава Чувашии Олег "
     "Николаев.", _s(("RU-CU", "drone", "launched", 2))),
    ("03:10 Глава Чувашії: над Чебоксарами знищено два безпілотники.\n03:45 Тульський губернатор "
     "Дмитро Міляєв: над областю знищено 5 БпЛА.",
     _s(("RU-CU", "drone", "intercepted", 2), ("RU-TUL", "drone", "intercepted", 5))),
    ("По данным Воздушных сил ВСУ, по Полтавщине враг выпустил две баллистические ракеты и 14 "
     "ударных дронов, 11 из них удалось сбить.",
     _s(("UA-53", "missile", "launched", 2), ("UA-53", "drone", "launched", 14),
        ("UA-53", "drone", "intercepted", 11))),
    ("Губернатор заявив, що над Таганрогом знищено 20 безпілотників. Міноборони РФ окремо "
     "відзвітувало про 8 дронів, збитих над Азовським морем.",
     _s(("RU-ROS", "drone", "intercepted", 20), ("SEA-AZOV", "drone", "intercepted", 8))),
    ("Ще 52 ворожі дрони-імітатори локаційно втрачені, 1 вилетів за межі повітряного простору "
     "України у бік Білорусі.", _s((None, "drone", "suppressed", 52))),
    ("Над Кримом, Чорним та Азовським морями знищено 30 дронів.", _s((None, "drone", "intercepted", 30))),
    ("Russia said it downed 25 drones over the Black and Azov seas.",
     _s((None, "drone", "intercepted", 25))),
    # communities by their town's adjective, bullet headers, distributive "по N"
    ("У Білопільській громаді противник скинув 4 КАБ, у Краснопільській – ще 2 КАБ.",
     _s(("UA-59", "glide_bomb", "launched", 4), ("UA-59", "glide_bomb", "launched", 2))),
    ("Краснопольская громада: противник сбросил два десятка КАБов.",
     _s(("UA-59", "glide_bomb", "launched", 20))),
    ("Kyiv: Russia launched 40 drones overnight, the air force said.",
     _s((None, "drone", "launched", 40))),
    ("Міноборони Росії заявило, що перехопили 57 безпілотників: дев'ятнадцять – над Пензенською "
     "областю, по 11 – над Мордовією та Чувашією.",
     _s((None, "drone", "intercepted", 57), ("RU-PNZ", "drone", "intercepted", 19),
        ("RU-MO", "drone", "intercepted", 11), ("RU-CU", "drone", "intercepted", 11))),
    ("Минобороны сообщило, что над Чувашией перехвачены два БПЛА, а над Мордовией и Пензенской "
     "областью — еще пять.",
     _s(("RU-CU", "drone", "intercepted", 2), (None, "drone", "intercepted", 5))),
    ("За даними речника угруповання військ «Хортиця», окупанти скинули на Покровськ і Мирноград "
     "понад півсотні КАБ.", _s(("UA-14", "glide_bomb", "launched", 50))),
    ("Губернатор Воронежской области написал, что уничтожено более полусотни БПЛА. Смоленский "
     "губернатор сообщил о дюжине сбитых дронов, орловский губернатор — о семи.",
     _s(("RU-VOR", "drone", "intercepted", 50), ("RU-SMO", "drone", "intercepted", 12),
        ("RU-ORL", "drone", "intercepted", 7))),
    ("Понад 30 дронів атакували в ніч на 3 лютого Саратовський НПЗ, стверджує джерело.",
     _s(("RU-SAR", "drone", "launched", 30))),
    ("Ворог 14 разів атакував Нікополь дронами.", []),
    ("Ворог атакував 100 дронами; 80 з них збито.",
     _s((None, "drone", "launched", 100), (None, "drone", "intercepted", 80))),
    # a launch participle inside the phrase describes the drones, the verb after is their
    # fate; "all" of them makes both figures (also with the agent between)
    ("20 запущених ворогом дронів знешкоджено над Київщиною.", _s(("UA-32", "drone", "intercepted", 20))),
    ("Усі 20 запущених дронів знешкоджено над Київщиною.",
     _s(("UA-32", "drone", "launched", 20), ("UA-32", "drone", "intercepted", 20))),
    # a launch direction after a dash and a cape is still an origin
    ("Всього було 10 «шахедів», запущених з південно-східного напрямку – мис Чауда (АР Крим).",
     _s((None, "drone", "launched", 10))),
]


@pytest.mark.parametrize(("text", "expected"), EN + RU + UK)
def test_counts(text: str, expected: list[T]) -> None:
    assert _counts(text) == expected


def test_a_regional_channel_named_after_its_region_is_its_home() -> None:
    """A governor's channel whose handle names its region ("telegram:tverreg") speaks of
    that region: a total "over the district" takes it, a town of another region on a
    road's name does not move it; a news wire's bare total stays national."""
    sevastopol = ("In total, air defence destroyed nine drones, six over the city and three over "
                  "the Black Sea.")
    assert _counts(sevastopol, source="telegram:razvozhayev") == sorted(
        [(None, "drone", "intercepted", 9), ("UA-40", "drone", "intercepted", 6),
         ("SEA-BLACK", "drone", "intercepted", 3)], key=str)
    text = ("Tonight the Toropets district was attacked by UAVs. Traffic on the Velikiye Luki – "
            "Toropets road has been suspended.\n\nUPD 06:30: In total, 6 UAVs have been shot down "
            "over the district.")
    assert _counts(text, source="telegram:tverreg") == [("RU-TVE", "drone", "intercepted", 6)]
    # on a wire "the district" is the district named before (Toropets, in the Tver region)
    assert _counts(text, source="reuters") == [("RU-TVE", "drone", "intercepted", 6)]
    bare = text.replace(" over the district", "")
    assert _counts(bare, source="reuters") == [(None, "drone", "intercepted", 6)]
    assert _counts(bare.replace("In total, ", "").replace("have", "were"), source="telegram:tverreg") == [
        ("RU-TVE", "drone", "intercepted", 6)
    ]
