"""Fresh sentences in the styles of wire services, MoD and Air Force channels and
governors (en/ru/uk), each with the exact tuples the labelling rules give
(/work/shared/eval/README.md), written before the normalizer was run on them."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest

from stream.models import RawReport
from stream.normalize import normalize

C = tuple[str | None, str, str, int, str]
D = tuple[str, str]
K = tuple[str | None, str, int]

# the user audit of the twenty-fourth batch: a night of 176 drones, 139 downed, 33 that hit
_LAUNCHED_176 = "Russia launched 176 drones against Ukraine overnight on Nov. 16, the Air Force reported."
_ZAPUSTILA_176 = ("В ночь на 16 ноября Россия выпустила по Украине 176 беспилотников, сообщили "
                  "Воздушные силы ВСУ.")
_ATAKUVAV_176 = "У ніч на 16 листопада противник атакував 176 ударними БпЛА."
_AUDIT_176: list[C] = [(None, "drone", "launched", 176, "ua-military"),
                       (None, "drone", "intercepted", 139, "ua-military")]

# (source, text, counts [region, weapon, measure, n, claimant], damage, casualties)
CASES: list[tuple[str, str, list[C], list[D], list[K]]] = [
    ("reuters", "Russia launched 112 drones and two Iskander-M ballistic missiles at Ukraine "
     "overnight, the Ukrainian Air Force said. Air defences shot down 87 drones.",
     [(None, "drone", "launched", 112, "ua-military"), (None, "missile", "launched", 2, "ua-military"),
      (None, "drone", "intercepted", 87, "ua-military")], [], []),
    ("telegram:mod_russia_en", "Russian air defence systems intercepted and destroyed 41 Ukrainian "
     "UAVs overnight: 18 over the Bryansk region, 12 over the Kursk region, 7 over the Oryol "
     "region and 4 over the Belgorod region.",
     [(None, "drone", "intercepted", 41, "ru-mod"), ("RU-BRY", "drone", "intercepted", 18, "ru-mod"),
      ("RU-KRS", "drone", "intercepted", 12, "ru-mod"), ("RU-ORL", "drone", "intercepted", 7, "ru-mod"),
      ("RU-BEL", "drone", "intercepted", 4, "ru-mod")], [], []),
    ("reuters", "A Ukrainian drone strike on an oil depot in the Tambov region sparked a fire, "
     "Governor Yevgeny Pervyshov said. No one was hurt.",
     [], [("RU-TAM", "fuel"), ("RU-TAM", "fire")], []),
    ("ap", "Two people were killed and 14 injured when Russian missiles hit Dnipro, regional "
     "governor Serhiy Lysak said.",
     [], [], [("UA-12", "killed", 2), ("UA-12", "injured", 14)]),
    ("ukrinform", "Russian forces dropped 25 guided aerial bombs on the Zaporizhzhia region over "
     "the past day, the regional administration said.",
     [("UA-23", "glide_bomb", "launched", 25, "ua-official")], [], []),
    ("reuters", "Moscow Mayor Sergei Sobyanin said air defences shot down three drones flying "
     "towards the capital.",
     [("RU-MOW", "drone", "intercepted", 3, "ru-official")], [], []),
    ("kyiv-independent", "An 8-year-old boy was wounded in a Russian drone attack on Kherson, "
     "the regional military administration said.",
     [], [], [("UA-65", "injured", 1)]),
    ("ukrinform", "Ukraine's navy said it destroyed a Russian patrol boat in the Black Sea.",
     [], [("SEA-BLACK", "military")], []),
    ("reuters", "At least 30 drones were shot down over the Rostov region, Governor Yuri Slyusar "
     "said, adding that a fire broke out at a warehouse in Novoshakhtinsk.",
     [("RU-ROS", "drone", "intercepted", 30, "ru-official")],
     [("RU-ROS", "fire"), ("RU-ROS", "industrial")], []),
    ("kyiv-independent", "Russia attacked Ukraine with 4 Kinzhal missiles and more than 200 Shahed "
     "drones, President Volodymyr Zelensky said.",
     [(None, "missile", "launched", 4, "ua-official"), (None, "drone", "launched", 200, "ua-official")],
     [], []),
    ("reuters", "The Russian Defence Ministry said two dozen Ukrainian drones were destroyed over "
     "the Kaluga region.",
     [("RU-KLU", "drone", "intercepted", 24, "ru-mod")], [], []),
    ("tass", "Debris from a downed drone damaged power lines in the Kursk region, leaving several "
     "villages without electricity.",
     [], [("RU-KRS", "energy")], []),
    ("reuters", "Ukrainian air defence forces shot down 9 of 14 missiles launched by Russia "
     "overnight, the air force said.",
     [(None, "missile", "intercepted", 9, "ua-military"), (None, "missile", "launched", 14, "ua-military")],
     [], []),
    ("reuters", "Falling debris damaged a residential building and several cars in Belgorod, "
     "Governor Vyacheslav Gladkov said. A woman was injured.",
     [], [("RU-BEL", "residential"), ("RU-BEL", "other")], [("RU-BEL", "injured", 1)]),
    ("telegram:mod_russia", "В течение прошедшей ночи дежурными средствами ПВО перехвачены и "
     "уничтожены 32 украинских беспилотных летательных аппарата самолетного типа: 14 – над "
     "территорией Брянской области, 10 – над территорией Курской области, 8 – над территорией "
     "Белгородской области.",
     [(None, "drone", "intercepted", 32, "ru-mod"), ("RU-BRY", "drone", "intercepted", 14, "ru-mod"),
      ("RU-KRS", "drone", "intercepted", 10, "ru-mod"), ("RU-BEL", "drone", "intercepted", 8, "ru-mod")],
     [], []),
    ("telegram:mos_sobyanin", "Силы ПВО Минобороны отразили атаку двух БПЛА, летевших на Москву. "
     "На месте падения обломков работают специалисты экстренных служб.",
     [("RU-MOW", "drone", "intercepted", 2, "ru-official")], [], []),
    ("telegram:gusev_vrn", "Над Воронежской областью уничтожены 6 беспилотников. В Лисках "
     "повреждены окна в частном доме, пострадавших нет.",
     [("RU-VOR", "drone", "intercepted", 6, "ru-official")], [("RU-VOR", "residential")], []),
    ("ria", "В результате атаки ВСУ на Шебекино погибли два человека, еще пятеро получили "
     "ранения, сообщил губернатор Вячеслав Гладков.",
     [], [], [("RU-BEL", "killed", 2), ("RU-BEL", "injured", 5)]),
    ("ria", "В Крыму сбиты 11 беспилотников и 2 ракеты ATACMS, сообщил Сергей Аксенов.",
     [("UA-43", "drone", "intercepted", 11, "ru-official"),
      ("UA-43", "missile", "intercepted", 2, "ru-official")], [], []),
    ("telegram:mod_russia", "Над акваторией Азовского моря уничтожены 5 БПЛА.",
     [("SEA-AZOV", "drone", "intercepted", 5, "ru-mod")], [], []),
    ("telegram:kuban_opershtab", "В Новороссийске в результате падения обломков беспилотника "
     "повреждены нефтебаза и два жилых дома.",
     [], [("RU-KDA", "fuel"), ("RU-KDA", "residential")], []),
    ("telegram:milyaev", "Ночью над Тульской областью сбит беспилотник.",
     [("RU-TUL", "drone", "intercepted", 1, "ru-official")], [], []),
    ("tass", "В Севастополе отражена атака БПЛА, сбиты три беспилотника, сообщил губернатор "
     "Михаил Развожаев.",
     [("UA-40", "drone", "intercepted", 3, "ru-official")], [], []),
    ("lenta", "Погибли трое мирных жителей, ранены 12 человек в результате обстрела Горловки.",
     [], [], [("UA-14", "killed", 3), ("UA-14", "injured", 12)]),
    ("telegram:artamonov", "В Липецке из-за атаки беспилотников временно ограничено движение по "
     "трассе, на промышленном предприятии возник пожар.",
     [], [("RU-LIP", "transport"), ("RU-LIP", "industrial"), ("RU-LIP", "fire")], []),
    ("telegram:mod_russia", "Дежурными средствами ПВО уничтожены 3 крылатые ракеты «Нептун» и 48 "
     "беспилотников.",
     [(None, "missile", "intercepted", 3, "ru-mod"), (None, "drone", "intercepted", 48, "ru-mod")],
     [], []),
    ("telegram:mod_russia", "Всего за сутки над регионами России сбиты 124 беспилотника.",
     [(None, "drone", "intercepted", 124, "ru-mod")], [], []),
    ("telegram:khinshtein", "В Курской области в результате удара дрона по автомобилю погиб "
     "водитель.",
     [], [("RU-KRS", "other")], [("RU-KRS", "killed", 1)]),
    ("telegram:kpszsu", "У ніч на 12 березня ворог атакував 94 ударними БпЛА типу Shahed та "
     "дронами-імітаторами. Станом на 09:00 збито/подавлено 71 ворожий БпЛА.",
     [(None, "drone", "launched", 94, "ua-military"), (None, "drone", "intercepted", 71, "ua-military")],
     [], []),
    ("telegram:kpszsu", "Протиповітряною обороною знешкоджено 2 крилаті ракети Х-101 та 43 "
     "ударних БпЛА.",
     [(None, "missile", "intercepted", 2, "ua-military"), (None, "drone", "intercepted", 43, "ua-military")],
     [], []),
    ("telegram:synegubov", "На Харківщині внаслідок ворожого удару пошкоджено приватні будинки та "
     "автомобілі. Поранено трьох людей.",
     [], [("UA-63", "residential"), ("UA-63", "other")], [("UA-63", "injured", 3)]),
    ("telegram:kyiv_city_mva", "У Києві сили ППО збили 15 дронів. Уламки впали на територію "
     "школи в Дарницькому районі.",
     [("UA-30", "drone", "intercepted", 15, "ua-official")], [("UA-30", "other")], []),
    ("telegram:sumy_ova", "Ворог скинув на Сумщину 18 керованих авіабомб.",
     [("UA-59", "glide_bomb", "launched", 18, "ua-official")], [], []),
    ("suspilne", "Внаслідок атаки на Одесу загинула жінка, ще четверо людей поранені.",
     [], [], [("UA-51", "killed", 1), ("UA-51", "injured", 4)]),
    ("suspilne", "В Запоріжжі через удар по об'єкту енергетики частина міста залишилась без "
     "світла.",
     [], [("UA-23", "energy")], []),
    ("telegram:kpszsu", "Над Миколаївщиною збито 6 ударних дронів, ще 3 локаційно втрачені.",
     [("UA-48", "drone", "intercepted", 6, "ua-military"),
      ("UA-48", "drone", "suppressed", 3, "ua-military")],
     [], []),
    ("telegram:dnipropetrovsk_ova", "Росіяни вдарили по Нікопольському району з артилерії та "
     "дронів: пошкоджено газопровід і лінію електропередачі.",
     [], [("UA-12", "fuel"), ("UA-12", "energy")], []),
    ("kyiv-independent", "The Ukrainian General Staff said its forces struck the Novoshakhtinsk "
     "oil refinery in Russia's Rostov region overnight, causing a fire.",
     [], [("RU-ROS", "fuel"), ("RU-ROS", "fire")], []),
    ("reuters", "Russia fired 6 ballistic missiles at Kharkiv; 4 were intercepted, the Air Force "
     "said.",
     [("UA-63", "missile", "launched", 6, "ua-military"),
      ("UA-63", "missile", "intercepted", 4, "ua-military")],
     [], []),
    ("ukrinform", "Russian forces used 3 Kh-59 guided missiles and 5 KAB glide bombs against the "
     "Sumy region, the regional administration said.",
     [("UA-59", "missile", "launched", 3, "ua-official"),
      ("UA-59", "glide_bomb", "launched", 5, "ua-official")],
     [], []),
    ("reuters", "Russia said its air defences had downed 19 Ukrainian drones over the Voronezh "
     "region.",
     [("RU-VOR", "drone", "intercepted", 19, "ru-mod")], [], []),
    ("reuters", "Ukraine said it shot down 38 of 52 drones launched overnight.",
     [(None, "drone", "intercepted", 38, "ua-military"), (None, "drone", "launched", 52, "ua-military")],
     [], []),
    ("reuters", "Russia launched 479 aerial weapons overnight; 477 were drones and two were "
     "missiles, the air force said.",
     [(None, "drone", "launched", 477, "ua-military"), (None, "missile", "launched", 2, "ua-military")],
     [], []),
    ("telegram:mod_russia_en", "Air defence means intercepted and destroyed 67 Ukrainian UAVs over "
     "the territories of the Belgorod, Kursk and Bryansk regions.",
     [(None, "drone", "intercepted", 67, "ru-mod")], [], []),
    ("telegram:mod_russia_en", "Over the past 24 hours, air defence means shot down 4 JDAM guided "
     "bombs, 3 HIMARS rockets and 215 fixed-wing UAVs.",
     [(None, "glide_bomb", "intercepted", 4, "ru-mod"), (None, "missile", "intercepted", 3, "ru-mod"),
      (None, "drone", "intercepted", 215, "ru-mod")], [], []),
    ("telegram:mod_russia", "Над Калужской областью уничтожены 9 БПЛА, над Брянской — 5, над "
     "Тульской — 2.",
     [("RU-KLU", "drone", "intercepted", 9, "ru-mod"), ("RU-BRY", "drone", "intercepted", 5, "ru-mod"),
      ("RU-TUL", "drone", "intercepted", 2, "ru-mod")], [], []),
    ("telegram:slyusar", "В Ростовской области: уничтожены 4 БПЛА над Таганрогом и "
     "Новошахтинском.",
     [("RU-ROS", "drone", "intercepted", 4, "ru-official")], [], []),
    ("suspilne", "Загинули двоє людей, ще семеро отримали поранення внаслідок удару по Кривому "
     "Рогу.",
     [], [], [("UA-12", "killed", 2), ("UA-12", "injured", 7)]),
    ("bbc", "A 45-year-old man died in hospital after a drone struck his car in the village of "
     "Tyotkino in the Kursk region.",
     [], [("RU-KRS", "other")], [("RU-KRS", "killed", 1)]),
    ("reuters", "Ukrainian drones attacked the Saratov region overnight, damaging a refinery in "
     "Saratov and an industrial enterprise in Engels, Governor Roman Busargin said.",
     [], [("RU-SAR", "fuel"), ("RU-SAR", "industrial")], []),
    # Second batch, also written before running.
    ("telegram:mos_sobyanin", "Сбит ещё один беспилотник, летевший на Москву.",
     [("RU-MOW", "drone", "intercepted", 1, "ru-official")], [], []),
    ("telegram:mos_sobyanin", "Отражена атака 3 БПЛА, летевших на Москву.",
     [("RU-MOW", "drone", "intercepted", 3, "ru-official")], [], []),
    ("tass", "Новошахтинский завод нефтепродуктов остановил работу после атаки беспилотников, "
     "пожар потушен.",
     [], [("RU-ROS", "fuel"), ("RU-ROS", "fire")], []),
    ("telegram:gladkov", "В Белгородском районе в результате удара FPV-дрона по автомобилю ранены "
     "двое мирных жителей.",
     [], [("RU-BEL", "other")], [("RU-BEL", "injured", 2)]),
    ("reuters", "Ukraine's air force said Russia launched 75 drones and decoys overnight, of which "
     "54 were shot down and 18 were lost to electronic jamming.",
     [(None, "drone", "launched", 75, "ua-military"), (None, "drone", "intercepted", 54, "ua-military"),
      (None, "drone", "suppressed", 18, "ua-military")], [], []),
    ("telegram:kpszsu", "Збито 35 ударних БпЛА на півночі, півдні та сході країни; 12 імітаторів "
     "локаційно втрачено.",
     [(None, "drone", "intercepted", 35, "ua-military"), (None, "drone", "suppressed", 12, "ua-military")],
     [], []),
    ("ria", "Минобороны России: за ночь над Курской областью сбиты 20 беспилотников, над "
     "Белгородской областью — 6.",
     [("RU-KRS", "drone", "intercepted", 20, "ru-mod"), ("RU-BEL", "drone", "intercepted", 6, "ru-mod")],
     [], []),
    ("reuters", "Russian shelling killed a 72-year-old woman in the Kherson region, the regional "
     "governor said.",
     [], [], [("UA-65", "killed", 1)]),
    ("ap", "Three civilians were injured and a kindergarten was damaged in a drone attack on Sumy.",
     [], [("UA-59", "other")], [("UA-59", "injured", 3)]),
    ("telegram:dnipropetrovsk_ova", "У Дніпрі внаслідок ракетного удару загинули 4 людини, 25 "
     "поранено, пошкоджено понад 20 багатоповерхівок.",
     [], [("UA-12", "residential")], [("UA-12", "killed", 4), ("UA-12", "injured", 25)]),
    ("reuters", "The Russian Defence Ministry said its forces had destroyed 5 HIMARS rockets and a "
     "Neptune missile over the past day.",
     [(None, "missile", "intercepted", 5, "ru-mod"), (None, "missile", "intercepted", 1, "ru-mod")],
     [], []),
    ("interfax", "В Брянской области уничтожены два беспилотника самолетного типа, сообщил "
     "губернатор Александр Богомаз.",
     [("RU-BRY", "drone", "intercepted", 2, "ru-official")], [], []),
    ("tass", "Nine drones were shot down over Crimea and two over the Black Sea, the ministry said.",
     [("UA-43", "drone", "intercepted", 9, "ru-mod"), ("SEA-BLACK", "drone", "intercepted", 2, "ru-mod")],
     [], []),
    ("telegram:odesa_ova", "Ворог випустив по Одещині 2 балістичні ракети, обидві збиті.",
     [("UA-51", "missile", "launched", 2, "ua-official"),
      ("UA-51", "missile", "intercepted", 2, "ua-official")], [], []),
    ("reuters", "Two people died and 11 were hurt in Russian strikes on the Donetsk region over the "
     "past day, Governor Vadym Filashkin said.",
     [], [], [("UA-14", "killed", 2), ("UA-14", "injured", 11)]),
    ("telegram:slyusar", "Над территорией Ростовской области уничтожено свыше 20 БПЛА.",
     [("RU-ROS", "drone", "intercepted", 20, "ru-official")], [], []),
    ("reuters", "Russia struck Ukraine with 2 Kinzhal hypersonic missiles and 6 Kalibr cruise "
     "missiles overnight; air defences intercepted 5 of the 6 Kalibrs, the air force said.",
     [(None, "missile", "launched", 2, "ua-military"), (None, "missile", "launched", 6, "ua-military"),
      (None, "missile", "intercepted", 5, "ua-military")], [], []),
    ("ria", "Губернатор Курской области сообщил о гибели двух мирных жителей в Судже.",
     [], [], [("RU-KRS", "killed", 2)]),
    ("reuters", "A fire broke out at a substation in the Belgorod region after a drone attack, "
     "leaving 3,000 residents without power.",
     [], [("RU-BEL", "fire"), ("RU-BEL", "energy")], []),
    ("suspilne", "Протягом доби ворог 14 разів атакував Нікополь дронами та артилерією.",
     [], [], []),
    # Third batch, also written before running.
    ("reuters", "Ukraine's air force said Russia had launched 143 drones and decoys overnight and "
     "that 101 had been shot down, while 35 were lost, likely due to electronic warfare.",
     [(None, "drone", "launched", 143, "ua-military"), (None, "drone", "intercepted", 101, "ua-military"),
      (None, "drone", "suppressed", 35, "ua-military")], [], []),
    ("reuters", "Russia's defence ministry said its air defences destroyed 23 Ukrainian drones, "
     "including 11 over the Belgorod region.",
     [(None, "drone", "intercepted", 23, "ru-mod"), ("RU-BEL", "drone", "intercepted", 11, "ru-mod")],
     [], []),
    ("reuters", "Governor Alexander Gusev said 15 drones were destroyed over the Voronezh region "
     "overnight and that falling debris damaged several private houses.",
     [("RU-VOR", "drone", "intercepted", 15, "ru-official")], [("RU-VOR", "residential")], []),
    ("suspilne", "Унаслідок нічної атаки на Харків поранено 7 людей, серед них дитина.",
     [], [], [("UA-63", "injured", 7)]),
    ("ria", "Минобороны: за прошедшие сутки средствами ПВО сбиты 4 управляемые авиабомбы JDAM, 6 "
     "реактивных снарядов системы HIMARS и 187 беспилотных летательных аппаратов самолетного "
     "типа.",
     [(None, "glide_bomb", "intercepted", 4, "ru-mod"), (None, "missile", "intercepted", 6, "ru-mod"),
      (None, "drone", "intercepted", 187, "ru-mod")], [], []),
    ("telegram:kpszsu", "Загалом протягом ночі зафіксовано 58 засобів повітряного нападу: 52 "
     "ударні БпЛА типу Shahed та 6 крилатих ракет Х-101. Збито 40 БпЛА та 5 ракет.",
     [(None, "drone", "launched", 52, "ua-military"), (None, "missile", "launched", 6, "ua-military"),
      (None, "drone", "intercepted", 40, "ua-military"), (None, "missile", "intercepted", 5, "ua-military")],
     [], []),
    ("ria", "Вячеслав Гладков: в Белгороде в результате атаки беспилотника повреждены линия "
     "электропередачи и газопровод, без света остались около 2 тысяч абонентов.",
     [], [("RU-BEL", "energy"), ("RU-BEL", "fuel")], []),
    # the region was attacked with the three missiles that hit it ("launched": attacked with)
    ("reuters", "Three Russian missiles hit an energy facility in the Lviv region, causing a fire, "
     "the governor said.",
     [("UA-46", "missile", "launched", 3, "ua-official")], [("UA-46", "energy"), ("UA-46", "fire")],
     []),
    ("reuters", "Air defences were active over Kyiv, where debris from a downed missile fell on a "
     "parking lot, damaging cars.",
     [], [("UA-30", "other")], []),
    ("telegram:khersonskaoda", "На Херсонщині внаслідок російських обстрілів загинули двоє людей, "
     "ще 11 отримали поранення.",
     [], [], [("UA-65", "killed", 2), ("UA-65", "injured", 11)]),
    ("telegram:mos_sobyanin", "Сбиты еще два беспилотника, летевшие на Москву.",
     [("RU-MOW", "drone", "intercepted", 2, "ru-official")], [], []),
    ("reuters", "Russia's Defence Ministry said forces shot down 30 Ukrainian drones over the "
     "Bryansk region, 10 over the Kursk region and one over the Moscow region.",
     [("RU-BRY", "drone", "intercepted", 30, "ru-mod"), ("RU-KRS", "drone", "intercepted", 10, "ru-mod"),
      ("RU-MOS", "drone", "intercepted", 1, "ru-mod")], [], []),
    ("tass", "A total of 54 drones were downed over six Russian regions overnight, the ministry "
     "said.",
     [(None, "drone", "intercepted", 54, "ru-mod")], [], []),
    ("suspilne", "Ворог атакував Суми двома ракетами «Іскандер-М».",
     [("UA-59", "missile", "launched", 2, "other")], [], []),
    ("ria", "Аксенов: в Крыму сбиты 6 беспилотников, повреждена ЛЭП в Джанкойском районе.",
     [("UA-43", "drone", "intercepted", 6, "ru-official")], [("UA-43", "energy")], []),
    ("reuters", "Russian forces attacked the Dnipropetrovsk region with drones and artillery 20 "
     "times, wounding four people.",
     [], [], [("UA-12", "injured", 4)]),
    ("reuters", "Ukrainian forces launched 11 ATACMS missiles at the Kursk region; Russian air "
     "defences intercepted nine of them, the ministry said.",
     [("RU-KRS", "missile", "launched", 11, "ru-mod"), ("RU-KRS", "missile", "intercepted", 9, "ru-mod")],
     [], []),
    # Fourth batch, also written before running.
    ("telegram:mod_russia_en", "On the night of June 5, air defence systems on duty intercepted "
     "and destroyed 76 Ukrainian fixed-wing UAVs: 30 over the Kursk region, 22 over the Belgorod "
     "region, 14 over the Bryansk region and 10 over the Black Sea.",
     [(None, "drone", "intercepted", 76, "ru-mod"), ("RU-KRS", "drone", "intercepted", 30, "ru-mod"),
      ("RU-BEL", "drone", "intercepted", 22, "ru-mod"), ("RU-BRY", "drone", "intercepted", 14, "ru-mod"),
      ("SEA-BLACK", "drone", "intercepted", 10, "ru-mod")], [], []),
    ("interfax", "Ночью над Ленинградской областью сбиты 4 беспилотника, в Кириши на НПЗ возник "
     "пожар, сообщил губернатор Александр Дрозденко.",
     [("RU-LEN", "drone", "intercepted", 4, "ru-official")], [("RU-LEN", "fuel"), ("RU-LEN", "fire")],
     []),
    ("telegram:kpszsu", "Сили ППО знешкодили 3 ракети «Калібр» та 27 шахедів над Одещиною, "
     "Миколаївщиною та Херсонщиною.",
     [(None, "missile", "intercepted", 3, "ua-military"), (None, "drone", "intercepted", 27, "ua-military")],
     [], []),
    ("reuters", "Five people, including a child, were injured in a Russian drone attack on Odesa "
     "overnight, Governor Oleh Kiper said.",
     [], [], [("UA-51", "injured", 5)]),
    ("telegram:bogomaz", "В Брянской области в результате удара ВСУ по селу Кокино ранены два "
     "человека, повреждены жилой дом и автомобиль.",
     [], [("RU-BRY", "residential"), ("RU-BRY", "other")], [("RU-BRY", "injured", 2)]),
    ("reuters", "The Ukrainian Air Force said Russia launched 4 Iskander-M ballistic missiles and 88 "
     "Shahed drones overnight. Of these, 60 drones were shot down and 20 were lost in location.",
     [(None, "missile", "launched", 4, "ua-military"), (None, "drone", "launched", 88, "ua-military"),
      (None, "drone", "intercepted", 60, "ua-military"), (None, "drone", "suppressed", 20, "ua-military")],
     [], []),
    ("reuters", "Russian forces dropped four guided bombs on Kupiansk, damaging a high-rise building.",
     [("UA-63", "glide_bomb", "launched", 4, "other")], [("UA-63", "residential")], []),
    ("telegram:mod_russia", "Над Курской областью уничтожены 11 БПЛА, над Орловской — 3.",
     [("RU-KRS", "drone", "intercepted", 11, "ru-mod"), ("RU-ORL", "drone", "intercepted", 3, "ru-mod")],
     [], []),
    ("suspilne", "Через атаку дронів на Чернігівщині знеструмлено понад 10 тисяч абонентів.",
     [], [("UA-74", "energy")], []),
    ("reuters", "At least 12 people were killed and more than 60 wounded in a Russian missile strike "
     "on Ternopil, officials said.",
     [], [], [("UA-61", "killed", 12), ("UA-61", "injured", 60)]),
    ("ria", "В Подмосковье над Домодедово сбит беспилотник, сообщил Собянин.",
     [("RU-MOS", "drone", "intercepted", 1, "ru-official")], [], []),
    ("reuters", "Two drones were destroyed on approach to Moscow, Mayor Sergei Sobyanin said.",
     [("RU-MOW", "drone", "intercepted", 2, "ru-official")], [], []),
    ("telegram:zoda_gov_ua", "Ворог атакував Запоріжжя 3 балістичними ракетами та 12 дронами, одна "
     "ракета збита.",
     [("UA-23", "missile", "launched", 3, "ua-official"), ("UA-23", "drone", "launched", 12, "ua-official"),
      ("UA-23", "missile", "intercepted", 1, "ua-official")], [], []),
    ("reuters", "Russia's Defence Ministry said air defences downed 9 Ukrainian drones over Crimea and "
     "the Sea of Azov.",
     [(None, "drone", "intercepted", 9, "ru-mod")], [], []),
    ("tass", "Глава Белгородской области Вячеслав Гладков сообщил, что в Шебекино из-за атаки дрона "
     "загорелся склад.",
     [], [("RU-BEL", "industrial"), ("RU-BEL", "fire")], []),
    # Fifth batch, also written before running.
    ("reuters", "Russia launched a massive attack on Ukraine overnight, firing 40 missiles and more "
     "than 1,200 drones, Ukraine's air force said on Sunday. Air defences shot down 35 missiles "
     "and 1,100 drones. In Kyiv, falling debris damaged an apartment building and sparked fires, "
     "Mayor Vitali Klitschko said. Three people were killed and 18 injured in the capital.",
     [(None, "missile", "launched", 40, "ua-military"), (None, "drone", "launched", 1200, "ua-military"),
      (None, "missile", "intercepted", 35, "ua-military"),
      (None, "drone", "intercepted", 1100, "ua-military")],
     [("UA-30", "residential"), ("UA-30", "fire")], [("UA-30", "killed", 3), ("UA-30", "injured", 18)]),
    ("reuters", "The drones were launched from the directions of Kursk and Oryol, the air force said, "
     "adding that 25 were shot down over the Sumy region.",
     [("UA-59", "drone", "intercepted", 25, "ua-military")], [], []),
    ("reuters", "Ukraine's military said it struck the Engels airbase in the Saratov region, "
     "destroying two Tu-95 bombers.",
     [], [("RU-SAR", "military")], []),
    ("ria", "Беспилотник атаковал нефтебазу в Феодосии, возник пожар, сообщил Аксенов.",
     [], [("UA-43", "fuel"), ("UA-43", "fire")], []),
    ("telegram:dnipropetrovsk_ova", "Унаслідок обстрілу Нікопольщини ніхто не постраждав, "
     "пошкоджено два приватні будинки.",
     [], [("UA-12", "residential")], []),
    ("reuters", "No drones were shot down over the Kursk region on Monday, governor Alexander "
     "Khinshtein said.",
     [], [], []),
    ("reuters", "The Russian Defence Ministry said 18 drones were destroyed overnight; Governor "
     "Gladkov said one of them damaged a house in Belgorod.",
     [(None, "drone", "intercepted", 18, "ru-mod")], [("RU-BEL", "residential")], []),
    ("ria", "За сутки над территорией России уничтожено 227 беспилотников, сообщили в Минобороны.",
     [(None, "drone", "intercepted", 227, "ru-mod")], [], []),
    ("telegram:zoda_gov_ua", "Протягом доби росіяни завдали 12 авіаударів по Запорізькій області, "
     "скинувши 20 КАБів.",
     [("UA-23", "glide_bomb", "launched", 20, "ua-official")], [], []),
    ("reuters", "A Russian guided bomb hit a residential building in Kharkiv, injuring 12 people.",
     [], [("UA-63", "residential")], [("UA-63", "injured", 12)]),
    # Given names that are also towns.
    ("reuters", "Volodymyr Zelensky said Russia launched 40 missiles and 300 drones overnight.",
     [(None, "missile", "launched", 40, "ua-official"), (None, "drone", "launched", 300, "ua-official")],
     [], []),
    ("reuters", "Ukraine's Volodymyr Zelenskiy said air defences shot down 25 drones.",
     [(None, "drone", "intercepted", 25, "ua-official")], [], []),
    ("reuters", "In the town of Volodymyr, a drone damaged a house.",
     [], [("UA-07", "residential")], []),
    # Sixth batch, also written before running.
    ("telegram:kyiv_city_mva", "Унаслідок ворожої атаки на Київ загинула 1 людина, ще 5 "
     "постраждали. Пошкоджено автомобілі.",
     [], [("UA-30", "other")], [("UA-30", "killed", 1), ("UA-30", "injured", 5)]),
    ("telegram:khinshtein", "В результате атаки беспилотников на Курчатов повреждены линии "
     "электропередачи, часть города обесточена.",
     [], [("RU-KRS", "energy")], []),
    ("reuters", "Russia fired 3 S-300 missiles at Kharkiv overnight, hitting an industrial "
     "facility, Governor Oleh Syniehubov said.",
     [("UA-63", "missile", "launched", 3, "ua-official")], [("UA-63", "industrial")], []),
    ("ria", "Силами ПВО уничтожены 2 беспилотника над Курской областью и один над Белгородской "
     "областью, сообщили в Минобороны.",
     [("RU-KRS", "drone", "intercepted", 2, "ru-mod"), ("RU-BEL", "drone", "intercepted", 1, "ru-mod")],
     [], []),
    ("telegram:kpszsu", "Ворог вночі атакував Україну 45 ударними БпЛА. Станом на 08:30 збито "
     "38. Ще 5 локаційно втрачено.",
     [(None, "drone", "launched", 45, "ua-military"), (None, "drone", "intercepted", 38, "ua-military"),
      (None, "drone", "suppressed", 5, "ua-military")], [], []),
    ("reuters", "Kyiv Mayor Vitali Klitschko said a drone fell on a nine-storey residential "
     "building in the Obolonskyi district, starting a fire.",
     [], [("UA-30", "residential"), ("UA-30", "fire")], []),
    ("ria", "Пострадали трое сотрудников предприятия, один из них в тяжелом состоянии.",
     [], [], [(None, "injured", 3)]),
    ("telegram:mod_russia_en", "Air defences destroyed 11 drones over the Black Sea and the Sea "
     "of Azov overnight.",
     [(None, "drone", "intercepted", 11, "ru-mod")], [], []),
    ("suspilne", "У Сумах через удар КАБу пошкоджено адмінбудівлю та зерносховище.",
     [], [("UA-59", "other"), ("UA-59", "industrial")], []),
    ("telegram:slyusar", "ПВО сбила над Таганрогом две ракеты С-200, в городе повреждены "
     "несколько автомобилей.",
     [("RU-ROS", "missile", "intercepted", 2, "ru-official")], [("RU-ROS", "other")], []),
    # Seventh batch, also written before running.
    ("ukrinform", "За даними Повітряних сил, у ніч на неділю росіяни випустили сто двадцять три "
     "дрони.",
     [(None, "drone", "launched", 123, "ua-military")], [], []),
    ("lenta", "Как сообщили в Минобороны РФ, над Брянской областью уничтожены два десятка БПЛА.",
     [("RU-BRY", "drone", "intercepted", 20, "ru-mod")], [], []),
    ("kyiv-independent", "According to Ukraine's General Staff, Russian forces carried out 65 air "
     "strikes, dropping 110 guided bombs.",
     [(None, "glide_bomb", "launched", 110, "ua-military")], [], []),
    ("tass", "Russian-installed governor Yevgeny Balitsky said Ukrainian forces shelled Enerhodar "
     "with 4 HIMARS rockets, damaging a substation.",
     [("UA-23", "missile", "launched", 4, "ru-official")], [("UA-23", "energy")], []),
    ("telegram:mod_russia", "Над Крымом и акваторией Черного моря сбиты 17 беспилотников.",
     [(None, "drone", "intercepted", 17, "ru-mod")], [], []),
    ("reuters", "Russia hit Ukraine with a dozen ballistic missiles overnight, the air force said.",
     [(None, "missile", "launched", 12, "ua-military")], [], []),
    ("telegram:lviv_ova", "Над Львівщиною збито 2 крилаті ракети, уламки однієї пошкодили склад.",
     [("UA-46", "missile", "intercepted", 2, "ua-official")], [("UA-46", "industrial")], []),
    ("ria", "Глава Курской области: в результате атаки дрона на Рыльск ранен мирный житель, "
     "повреждены два частных дома.",
     [], [("RU-KRS", "residential")], [("RU-KRS", "injured", 1)]),
    ("reuters", "Ukraine said it had hit the Tuapse oil refinery in Russia's Krasnodar region, "
     "sparking a fire.",
     [], [("RU-KDA", "fuel"), ("RU-KDA", "fire")], []),
    # A dateline before a colon is no header region.
    ("afp", "KYIV: Russia launched 472 drones and 7 missiles at Ukraine overnight, the air force "
     "said.",
     [(None, "drone", "launched", 472, "ua-military"), (None, "missile", "launched", 7, "ua-military")],
     [], []),
    # Eighth batch (wire stories about Russian regions), also written before running.
    ("reuters", "Drones attacked the Voronezh region overnight, Governor Alexander Gusev said, adding "
     "that air defences destroyed 12 of them and that a fire broke out at an industrial site in "
     "Liski.",
     [("RU-VOR", "drone", "intercepted", 12, "ru-official")], [("RU-VOR", "fire"), ("RU-VOR", "industrial")],
     []),
    ("reuters", "Ukrainian forces attacked the Belgorod region with 43 drones over the past day, "
     "Governor Vyacheslav Gladkov said. A man was killed in the village of Dubovoye.",
     [("RU-BEL", "drone", "launched", 43, "ru-official")], [], [("RU-BEL", "killed", 1)]),
    ("reuters", "Russia's Defence Ministry said 14 drones were shot down over the Rostov region; "
     "Governor Yuri Slyusar reported a fire at a substation in Kamensk-Shakhtinsky.",
     [("RU-ROS", "drone", "intercepted", 14, "ru-mod")], [("RU-ROS", "fire"), ("RU-ROS", "energy")], []),
    ("reuters", "Two Ukrainian missiles were shot down over the Kursk region and a third hit a power "
     "plant, the governor said.",
     [("RU-KRS", "missile", "intercepted", 2, "ru-official")], [("RU-KRS", "energy")], []),
    ("reuters", "A Ukrainian drone attack on the Ryazan oil refinery caused a fire, Governor Pavel "
     "Malkov said, adding that four drones were shot down.",
     [("RU-RYA", "drone", "intercepted", 4, "ru-official")], [("RU-RYA", "fuel"), ("RU-RYA", "fire")],
     []),
    # Ninth batch, also written before running.
    ("telegram:mod_russia", "В период с 20.00 до 23.00 мск дежурными средствами ПВО перехвачены и "
     "уничтожены 23 украинских беспилотных летательных аппарата самолетного типа над территорией "
     "Брянской области.",
     [("RU-BRY", "drone", "intercepted", 23, "ru-mod")], [], []),
    ("telegram:kpszsu", "Унаслідок збиття та подавлення засобів РЕБ, уламки падали в Київській, "
     "Житомирській областях.",
     [], [], []),
    ("telegram:gladkov", "В Белгородском районе FPV-дрон ударил по легковому автомобилю, автомобиль "
     "поврежден, водитель получил осколочные ранения.",
     [], [("RU-BEL", "other")], [("RU-BEL", "injured", 1)]),
    ("reuters", "At least one person was killed and three were injured after Russian glide bombs hit "
     "Zaporizhzhia, regional governor Ivan Fedorov said.",
     [], [], [("UA-23", "killed", 1), ("UA-23", "injured", 3)]),
    ("suspilne", "Ворог атакував Харків двома КАБами, постраждали четверо людей, серед них дитина.",
     [("UA-63", "glide_bomb", "launched", 2, "other")], [], [("UA-63", "injured", 4)]),
    ("reuters", "The attack involved 6 Kh-101 cruise missiles and 3 Kinzhals, the Air Force said; all "
     "but one were shot down.",
     [(None, "missile", "launched", 6, "ua-military"), (None, "missile", "launched", 3, "ua-military")],
     [], []),
    ("telegram:khinshtein", "В Курской области за сутки сбиты 11 беспилотников, погибли 2 человека, "
     "еще 7 ранены.",
     [("RU-KRS", "drone", "intercepted", 11, "ru-official")], [],
     [("RU-KRS", "killed", 2), ("RU-KRS", "injured", 7)]),
    # Tenth batch (towns in their cases), also written before running.
    ("suspilne", "У Павлограді внаслідок удару пошкоджено підприємство.",
     [], [("UA-12", "industrial")], []),
    ("ria", "В Энгельсе после атаки БПЛА возник пожар на нефтебазе.",
     [], [("RU-SAR", "fire"), ("RU-SAR", "fuel")], []),
    ("reuters", "Explosions were heard in Novorossiysk, where a drone hit an oil terminal.",
     [], [("RU-KDA", "fuel")], []),
    ("suspilne", "У Кременчуці внаслідок ракетного удару пошкоджено НПЗ.",
     [], [("UA-53", "fuel")], []),
    ("ria", "В Туапсе на НПЗ после атаки беспилотников произошел пожар.",
     [], [("RU-KDA", "fuel"), ("RU-KDA", "fire")], []),
    ("suspilne", "На Одещині уламки збитого дрона пошкодили портову інфраструктуру в Ізмаїлі.",
     [], [("UA-51", "transport")], []),
    ("telegram:kuban_opershtab", "Над Ейском сбиты два беспилотника.",
     [("RU-KDA", "drone", "intercepted", 2, "ru-official")], [], []),
    ("reuters", "Two drones were downed near Yelets, the Lipetsk governor said.",
     [("RU-LIP", "drone", "intercepted", 2, "ru-official")], [], []),
    ("telegram:kpszsu", "Збито 7 дронів над Житомирщиною та Вінниччиною.",
     [(None, "drone", "intercepted", 7, "ua-military")], [], []),
    # Eleventh batch (numbers in words, totals), also written before running.
    ("tass", "Russian air defences destroyed thirty-two drones overnight, twenty of them over the "
     "Bryansk region, the ministry said.",
     [(None, "drone", "intercepted", 32, "ru-mod"), ("RU-BRY", "drone", "intercepted", 20, "ru-mod")],
     [], []),
    ("reuters", "Ukraine's air force said it had downed 56 of the 75 drones Russia launched overnight, "
     "while 19 were lost to electronic warfare.",
     [(None, "drone", "intercepted", 56, "ua-military"), (None, "drone", "launched", 75, "ua-military"),
      (None, "drone", "suppressed", 19, "ua-military")], [], []),
    ("telegram:mod_russia", "Всего перехвачено и уничтожено сто двенадцать беспилотников.",
     [(None, "drone", "intercepted", 112, "ru-mod")], [], []),
    ("suspilne", "Протягом ночі росіяни запустили по Україні понад півсотні дронів.",
     [(None, "drone", "launched", 50, "other")], [], []),
    ("reuters", "Some 40 drones and three missiles were launched at Odesa overnight, and most were "
     "shot down, the regional governor said.",
     [("UA-51", "drone", "launched", 40, "ua-official"), ("UA-51", "missile", "launched", 3, "ua-official")],
     [], []),
    ("lenta", "По данным Минобороны, за неделю уничтожены более 1,5 тысячи беспилотников.",
     [(None, "drone", "intercepted", 1500, "ru-mod")], [], []),
    ("reuters", "Russia launched nearly 500 drones and decoys at Ukraine overnight, the air force said.",
     [(None, "drone", "launched", 500, "ua-military")], [], []),
    # Twelfth batch (who says it), also written before running.
    ("ria", "Об этом сообщили в пресс-службе Минобороны: над Тульской областью сбиты 3 БПЛА.",
     [("RU-TUL", "drone", "intercepted", 3, "ru-mod")], [], []),
    ("kyiv-independent", "Ukraine's General Staff said its drones struck an oil depot in the "
     "Bryansk region.",
     [], [("RU-BRY", "fuel")], []),
    ("kyiv-independent", "The SBU said 30 of its drones attacked the Saratov refinery.",
     [("RU-SAR", "drone", "launched", 30, "ua-military")], [], []),
    ("suspilne", "Як повідомив начальник Харківської ОВА Олег Синєгубов, у місті пошкоджено три "
     "багатоповерхівки.",
     [], [("UA-63", "residential")], []),
    ("astra", "Citing unnamed sources, Astra reported that 5 drones were shot down over Lipetsk.",
     [("RU-LIP", "drone", "intercepted", 5, "other")], [], []),
    ("ria", "Губернатор Воронежской области Александр Гусев сообщил, что над регионом уничтожены 9 "
     "беспилотников.",
     [("RU-VOR", "drone", "intercepted", 9, "ru-official")], [], []),
    ("tass", "Russia's Ministry of Emergency Situations said 3 drones were shot down over Tatarstan.",
     [("RU-TA", "drone", "intercepted", 3, "ru-official")], [], []),
    # Thirteenth batch (subsets, singular follow-ups, negatives), written before running.
    ("reuters", "Russia launched 7 missiles, including 4 Iskander-M ballistic missiles, at Kyiv "
     "overnight.",
     [("UA-30", "missile", "launched", 7, "other")], [], []),
    ("telegram:mod_russia", "Сбиты 5 беспилотников: 3 над Курской областью и 2 над Белгородской.",
     [(None, "drone", "intercepted", 5, "ru-mod"), ("RU-KRS", "drone", "intercepted", 3, "ru-mod"),
      ("RU-BEL", "drone", "intercepted", 2, "ru-mod")], [], []),
    ("telegram:dnipropetrovsk_ova", "На Дніпропетровщині ворог атакував 2 ракетами та 9 дронами. "
     "Збито ракету та 7 дронів.",
     [("UA-12", "missile", "launched", 2, "ua-official"), ("UA-12", "drone", "launched", 9, "ua-official"),
      ("UA-12", "missile", "intercepted", 1, "ua-official"),
      ("UA-12", "drone", "intercepted", 7, "ua-official")], [], []),
    ("tass", "No casualties were reported after 12 drones were downed over the Tula region.",
     [("RU-TUL", "drone", "intercepted", 12, "other")], [], []),
    ("ria", "Ни один беспилотник не долетел до Москвы, сообщил Собянин.",
     [], [], []),
    ("reuters", "Zero drones were intercepted over Kursk.",
     [], [], []),
    ("reuters", "Russia launched 100 drones, including 40 over the Kharkiv region, the air force "
     "said.",
     [(None, "drone", "launched", 100, "ua-military"), ("UA-63", "drone", "launched", 40, "ua-military")],
     [], []),
    ("reuters", "Russia launched 100 drones, including 60 Shahed attack drones, at the Odesa region "
     "overnight, the air force said.",
     [("UA-51", "drone", "launched", 100, "ua-military")], [], []),
    # Fourteenth batch (damage kinds), written before running.
    ("reuters", "Falling debris sparked a fire at a grain elevator and damaged a gas pipeline in the "
     "Kursk region.",
     [], [("RU-KRS", "fire"), ("RU-KRS", "industrial"), ("RU-KRS", "fuel")], []),
    ("ria", "В Брянске повреждены здание школы, поликлиника и несколько гаражей.",
     [], [("RU-BRY", "other")], []),
    # a civilian vessel is a vehicle, "other" by the rules (two later writers labelled it so)
    ("suspilne", "Внаслідок атаки на Одесу пошкоджено об'єкти портової інфраструктури та цивільне "
     "судно.",
     [], [("UA-51", "transport"), ("UA-51", "other")], []),
    ("reuters", "Traffic on the Crimean Bridge was suspended for several hours during the attack.",
     [], [("UA-43", "transport")], []),
    ("ria", "В Воронеже из-за атаки беспилотников повреждена ЛЭП, несколько домов остались без "
     "электричества.",
     [], [("RU-VOR", "energy")], []),
    ("reuters", "A Ukrainian drone hit a Su-34 jet at the Marinovka airbase in the Volgograd region.",
     [], [("RU-VGG", "military")], []),
    ("suspilne", "Зруйновано склад та пошкоджено 3 вантажівки у Харкові.",
     [], [("UA-63", "industrial"), ("UA-63", "other")], []),
    # Fifteenth batch (casualty phrasing), written before running.
    ("reuters", "The strike killed a 14-year-old girl and wounded her mother in Kherson.",
     [], [], [("UA-65", "killed", 1), ("UA-65", "injured", 1)]),
    ("reuters", "Four people, among them two children, were hurt in Zaporizhzhia.",
     [], [], [("UA-23", "injured", 4)]),
    ("reuters", "The death toll from the strike on Sumy rose to 34, with 117 injured.",
     [], [], [("UA-59", "killed", 34), ("UA-59", "injured", 117)]),
    ("reuters", "One person died and two others were hospitalised after the attack on Belgorod.",
     [], [], [("RU-BEL", "killed", 1), ("RU-BEL", "injured", 2)]),
    ("ria", "В Курске ранены пять человек, в том числе ребенок.",
     [], [], [("RU-KRS", "injured", 5)]),
    ("suspilne", "На Сумщині загинув чоловік, ще двоє дістали поранення.",
     [], [], [("UA-59", "killed", 1), ("UA-59", "injured", 2)]),
    # Sixteenth batch (rounds 20-21's lessons, in other words)
    # a weapon naming the system of a launcher or battery is no interception of one
    ("tass", "A Tochka-U launcher and an S-300 battery were destroyed near Kramatorsk, the ministry said.",
     [], [("UA-14", "military")], []),
    ("reuters", "A Patriot system shot down a missile over Kyiv overnight.",
     [("UA-30", "missile", "intercepted", 1, "other")], [], []),
    # houses of worship are civilian objects; a fishing boat is no warship
    ("ria", "В Грозном обломками беспилотника повреждена мечеть.", [], [("RU-CE", "other")], []),
    ("reuters", "In the Ochakiv community a fishing boat was damaged by shelling.", [],
     [("UA-48", "other")], []),
    # troops' temporary deployment points are military; a fuel store is fuel, not a warehouse
    ("tass", "Ударами поражены пункты временной дислокации подразделений ВСУ в районе Сум.", [],
     [("UA-59", "military")], []),
    ("suspilne", "Уражено склад паливно-мастильних матеріалів у Новоросійську.", [],
     [("RU-KDA", "fuel")], []),
    # "удар припав на" a building is a hit; "припав на 10:15" is a time
    ("suspilne", "Удар припав на житловий будинок у Чорткові.", [], [("UA-61", "residential")], []),
    ("suspilne", "Удар по Сумах припав на 10:15, коли люди їхали громадським транспортом.", [], [], []),
    # "заводі" (a plant, not a backwater); Ukrainian names of Russian towns
    ("unian", "На пороховому заводі в Котовську спалахнула пожежа.", [],
     [("RU-TAM", "industrial"), ("RU-TAM", "fire")], []),
    # a town's name is no damaged church
    ("suspilne", "У Білій Церкві пошкоджено складське приміщення.", [], [("UA-32", "industrial")], []),
    ("meduza", "В Белой Церкви после атаки загорелся склад.", [],
     [("UA-32", "industrial"), ("UA-32", "fire")], []),
    # debris from one drone is no drone launched; "under fire" is shelling
    ("reuters", "Debris from one drone hit a private house in the Kaluga region.", [],
     [("RU-KLU", "residential")], []),
    ("ap", "Russia's Belgorod region comes under near-daily fire.", [], [], []),
    # "the terminal" after an oil terminal is the oil terminal; a tram depot is transport
    ("meduza", "A drone hit an oil terminal in Novorossiysk. A fire broke out at the terminal.", [],
     [("RU-KDA", "fuel"), ("RU-KDA", "fire")], []),
    ("ukrinform", "A shopping center and a tram depot were damaged in Kharkiv.", [],
     [("UA-63", "other"), ("UA-63", "transport")], []),
    # people joined by "and" before the cue are each one; cuts are injuries
    ("ukrinform", "A 34-year-old woman and a 12-year-old girl were injured in Kharkiv.", [], [],
     [("UA-63", "injured", 2)]),
    ("ria", "Женщина и ребенок ранены в Харькове.", [], [], [("UA-63", "injured", 2)]),
    ("reuters", "In Saratov one resident suffered cuts from flying glass.", [], [],
     [("RU-SAR", "injured", 1)]),
    # a newsroom's own analysis of others' reports is its own figure
    ("kyivindependent", "Russia launched more than 6,200 drones against Ukraine in July, according to a "
     "Kyiv Independent analysis of daily Air Force reports.", [(None, "drone", "launched", 6200, "other")],
     [], []),
    # "the capital" in a report on one country's places is its capital, not "the capital of" one
    ("ukrinform", "Debris fell in the Obukhiv district of Kyiv region. In the capital itself, an energy "
     "facility was hit.", [], [("UA-30", "energy")], []),
    ("reuters", "A drone struck the refinery in Ufa, the capital of the Bashkortostan region, causing a "
     "fire.", [], [("RU-BA", "fuel"), ("RU-BA", "fire")], []),
    # "Of the 47, twelve were heading for the capital": a part of the figure, not again
    ("tass", "Air defences destroyed 47 drones over the Moscow region. Of the 47, twelve were heading for "
     "the capital.", [("RU-MOS", "drone", "intercepted", 47, "other")], [], []),
    # a district's homes left without power are the outage, not damaged homes
    ("ria", "В Энергодаре повреждена подстанция, часть жилых кварталов города осталась без "
     "электроснабжения.", [], [("UA-23", "energy")], []),
    # "one of the refinery's units suffered" is no casualty
    ("meduza", "В Ярославле в результате атаки дронов пострадал один из объектов НПЗ.", [],
     [("RU-YAR", "fuel")], []),
    # a total's own place in its clause
    ("rbc", "В Кстовском районе Нижегородской области повреждено предприятие. Всего, по словам "
     "губернатора, над регионом уничтожено 11 БПЛА.", [("RU-NIZ", "drone", "intercepted", 11, "ru-official")],
     [("RU-NIZ", "industrial")], []),
    # "2 балістичні": the missiles said just before, by their kind
    ("telegram:kpszsu", "Станом на 11:00 ППО збито 566 БпЛА, 33 крилаті ракети та 2 балістичні.",
     [(None, "drone", "intercepted", 566, "ua-military"), (None, "missile", "intercepted", 33, "ua-military"),
      (None, "missile", "intercepted", 2, "ua-military")], [], []),
    # a munitions depot is military; a fixed-route taxi is a vehicle
    ("strana", "В Волгоградской области уничтожен склад авиационных средств поражения.", [],
     [("RU-VGG", "military")], []),
    ("ria", "В Горловке дрон ударил по маршрутному такси.", [], [("UA-14", "other")], []),
    # figures "along the front line" are the country's; the air force's after "while" too
    ("kyivindependent", "A glide bomb hit a shop in Pokrovsk. Separately, Ukraine's General Staff said "
     "Russian forces used 187 glide bombs along the front line over the past day.",
     [(None, "glide_bomb", "launched", 187, "ua-military")], [("UA-14", "other")], []),
    ("reuters", "An attack on Kropyvnytskyi damaged an energy facility, the regional governor said, while "
     "Ukraine's air force reported shooting down 51 of the 63 drones launched overnight.",
     [(None, "drone", "intercepted", 51, "ua-military"), (None, "drone", "launched", 63, "ua-military")],
     [("UA-35", "energy")], []),
    # a measured figure past a sentence of no figure: the weapon of the one before
    ("reuters", "Governor Dmitry Milyaev said two dozen drones were shot down over the Tula region. No one "
     "was injured. Russia's Defence Ministry, however, put the number downed over the Tula region at "
     "twenty-eight.", [("RU-TUL", "drone", "intercepted", 24, "ru-official"),
                       ("RU-TUL", "drone", "intercepted", 28, "ru-mod")], [], []),
    # "Ранее я сообщал о пяти ..." is the earlier report the rest of the sentence replaces
    ("telegram:razvozhayev", "Ранее я сообщал о пяти сбитых БПЛА — по итогам ночи над Севастополем "
     "уничтожено 11 беспилотников.", [("UA-40", "drone", "intercepted", 11, "ru-official")], [], []),
    # "Уфимский НПЗ": an adjective not made by a suffix; "Погибших нет, пострадал один человек"
    ("ufa1", "Радий Хабиров сообщил об атаке беспилотников на Уфимский НПЗ: возник пожар. Погибших нет, "
     "пострадал один человек.", [], [("RU-BA", "fuel"), ("RU-BA", "fire")], [("RU-BA", "injured", 1)]),
    # "по центру міста" is the city named before
    ("telegram:donetsk_ova", "Краматорськ: ворог завдав удару двома КАБами по центру міста.",
     [("UA-14", "glide_bomb", "launched", 2, "ua-official")], [], []),
    # a colon ends a header: the damage after it is of its own clause's place
    ("radiosvoboda", "Влада повідомила про атаку дронів на Липецьку та Воронезьку області: у Липецьку "
     "загорівся склад, у Борисоглібську пошкоджено лінію електропередачі.", [],
     [("RU-LIP", "fire"), ("RU-LIP", "industrial"), ("RU-VOR", "energy")], []),
    # towns with their regions joined by "and" share the damage
    ("rt", "The strike hit airfield infrastructure at Starokonstantinov in the Khmelnitsky region and "
     "Mirgorod in the Poltava region.", [], [("UA-68", "military"), ("UA-53", "military")], []),
    # an age in brackets; "безпилотников", a common misspelling
    ("telegram:dnipropetrovsk_ova_en", "Nikopol district — shelled with FPV drones, 1 man (58) wounded.",
     [], [], [("UA-12", "injured", 1)]),
    ("voronezh_live", "Над Лисками уничтожены 6 безпилотников.",
     [("RU-VOR", "drone", "intercepted", 6, "other")], [], []),
    # a vehicle a drone attacked is hit; a city it attacked is no damage
    ("interfax", "Брянская обл., Климовский р-н: дрон атаковал легковой автомобиль, пострадавших нет.", [],
     [("RU-BRY", "other")], []),
    ("ria", "Дрон атаковал Белгород.", [], [], []),
    # a person named again in an appositive, or between dashes; "and one in X" after a toll
    ("telegram:gladkov_en", "In Dubovoye, an FPV drone struck a car. The driver, a man, sustained "
     "shrapnel wounds.",
     [], [("RU-BEL", "other")], [("RU-BEL", "injured", 1)]),
    ("telegram:gladkov_en", "In Graivoron, the driver, a man born in 1981, died at the scene.", [], [],
     [("RU-BEL", "killed", 1)]),
    ("ukrinform", "In Bohodukhiv, two people — a 71-year-old woman and a 40-year-old man — were injured.",
     [], [], [("UA-63", "injured", 2)]),
    ("ukrinform", "Russian attacks killed three civilians in Kostiantynivka and one in Druzhkivka.", [], [],
     [("UA-14", "killed", 3), ("UA-14", "killed", 1)]),
    # ages of two people are no figure; a barotrauma is an injury
    ("rbc.ua", "Оккупанты атаковали Харьковскую область 5 КАБ. В Купянске ранены двое мужчин 47 и 63 лет.",
     [("UA-63", "glide_bomb", "launched", 5, "other")], [], [("UA-63", "injured", 2)]),
    ("vvgladkov", "В селе Новая Таволжанка Шебекинского округа мужчина получил баротравму.", [], [],
     [("RU-BEL", "injured", 1)]),
    # gas pipes and gas transport are fuel; Ukraine's raions are their oblasts'
    ("tass", "In Lgov several houses and a gas pipe were damaged.", [],
     [("RU-KRS", "residential"), ("RU-KRS", "fuel")], []),
    ("wire", "У Стрийському районі пошкоджено об'єкт газотранспортної інфраструктури.", [],
     [("UA-46", "fuel")], []),
    ("wire", "У Хустському районі та в Рахові пошкоджено будинки.", [], [("UA-21", "residential")], []),
    # an update's figure replaces the one before, and its own parts
    ("telegram:vvgladkov", "В Белгороде беспилотник атаковал предприятие. Ранены двое мужчин.\n\nUPD. "
     "Уточнение: пострадавших трое.", [], [],
     [("RU-BEL", "injured", 3)]),
    # two people of one figure each are two figures; the same person again is one
    ("telegram:vvgladkov", "В посёлке Разумное ранена женщина. В селе Новая Таволжанка Шебекинского "
     "округа мужчина получил баротравму.", [], [], [("RU-BEL", "injured", 1), ("RU-BEL", "injured", 1)]),
    ("telegram:vvgladkov", "В Шебекино ранен мужчина. Мужчина доставлен в больницу.", [], [],
     [("RU-BEL", "injured", 1)]),
    ("telegram:vvgladkov", "В Ракитном FPV-дрон атаковал автомобиль. Водитель — мужчина — получил осколочные "
     "ранения.", [], [("RU-BEL", "other")], [("RU-BEL", "injured", 1)]),
    # where the injured are is no damage; trams' service is no tram hit
    ("telegram:mykolaivskaODA", "Очаків атакували FPV-дронами — поранено чоловіка 37 років, він у лікарні.",
     [], [], [("UA-48", "injured", 1)]),
    ("telegram:dnipropetrovskaODA", "У Дніпрі пошкоджено трамвайну колію — рух трамваїв частково зупинено.",
     [], [("UA-12", "transport")], []),
    # non-residential buildings; "прилетіли"; districts named after a town of the region named
    ("telegram:kyivcity_mva", "Солом'янський район — падіння уламків на нежитлову будівлю, пожежа.", [],
     [("UA-30", "other"), ("UA-30", "fire")], []),
    ("telegram:ihor_terekhov", "Загалом по Харкову прилетіли 3 КАБи.",
     [("UA-63", "glide_bomb", "launched", 3, "ua-official")], [], []),
    ("telegram:gusev_36", "Уничтожены 9 беспилотников над Лискинским, Острогожским районами и Воронежем.",
     [("RU-VOR", "drone", "intercepted", 9, "ru-official")], [], []),
    ("telegram:synegubov", "У Харкові, у Київському районі пошкоджено будинок.", [],
     [("UA-63", "residential")], []),
    # the Kerch Strait is no Crimea
    ("tass", "A berth at Port Kavkaz in the Krasnodar region was damaged. Ferry traffic across the Kerch "
     "Strait was suspended.", [], [("RU-KDA", "transport")], []),
    # running totals over a long period are background, a record's "since" and "since midnight" are not
    ("reuters", "The air force says Russia has launched more than 5,000 drones at Ukraine since the start of "
     "the month.", [], [], []),
    ("rbc", "Всего с начала года ведомство сообщило о перехвате более 9000 беспилотников.", [], [], []),
    ("reuters", "Russia fired more than 1,000 drones at energy targets last winter alone.", [], [], []),
    ("reuters", "Russia launched 805 drones at Ukraine overnight, the air force said, in the largest attack "
     "since the start of the war.", [(None, "drone", "launched", 805, "ua-military")], [], []),
    ("reuters", "Mayor Sergei Sobyanin said 11 drones approaching the capital had been shot down since "
     "midnight.", [("RU-MOW", "drone", "intercepted", 11, "ru-official")], [], []),
    # background tolls, and figures "по Україні" and "над вісьмома регіонами" (the country's)
    ("nv", "Минулого місяця внаслідок удару по Києву загинули понад 20 людей.", [], [], []),
    ("suspilne", "Від початку року в Сумській області загинули понад 150 цивільних.", [], [], []),
    ("suspilne", "На Сумщині пошкоджено ліцей. Повітряні сили повідомили, що загалом уночі росіяни запустили "
     "по Україні 67 безпілотників.", [(None, "drone", "launched", 67, "ua-military")], [("UA-59", "other")],
     []),
    ("hromadske", "Міноборони РФ повідомило, що над Татарстаном знищено дев'ять дронів, а загалом за ніч "
     "— 66 над вісьмома регіонами.", [("RU-TA", "drone", "intercepted", 9, "ru-mod"),
                                 (None, "drone", "intercepted", 66, "ru-mod")], [], []),
    # "о 58 сбитых за ночь дронах": a participle's time inside the weapon phrase
    ("kommersant", "Минобороны сообщило о 58 сбитых за ночь дронах, в том числе о 21 над Краснодарским "
     "краем.", [(None, "drone", "intercepted", 58, "ru-mod"),
                ("RU-KDA", "drone", "intercepted", 21, "ru-mod")], [], []),
    # a list's shared plural noun ("... и девяти над Калужской областями"); the Air Force's tally
    # takes no place from the sentence before; an outage is no denial of casualties
    ("rbc", "Минобороны сообщило о 95 сбитых дронах, в том числе 27 над Брянской и девяти над Калужской "
     "областями.", [(None, "drone", "intercepted", 95, "ru-mod"),
                    ("RU-BRY", "drone", "intercepted", 27, "ru-mod"),
                    ("RU-KLU", "drone", "intercepted", 9, "ru-mod")], [], []),
    ("nv", "У Чорноморську пошкоджено портову інфраструктуру. За даними Повітряних сил, усього вночі "
     "противник застосував 72 ударні дрони, знешкоджено 57.",
     [(None, "drone", "launched", 72, "ua-military"), (None, "drone", "intercepted", 57, "ua-military")],
     [("UA-51", "transport")], []),
    ("hromadske", "Гладков заявив, що у Бєлгороді пошкоджено підстанцію, частина міста залишилася без "
     "світла, поранено двох людей.", [], [("RU-BEL", "energy")], [("RU-BEL", "injured", 2)]),
    # "в Красноперекопском районе города": a district of the city named before; debris of one of
    # the drones is no figure; "Торік", "з 2022 року": background
    ("rbc", "Беспилотники атаковали Ярославль. Обломки одного из сбитых дронов упали в Красноперекопском "
     "районе города, возник пожар.", [], [("RU-YAR", "fire")], []),
    ("pravda", "Торік, за даними міської влади, росіяни скинули на Харків понад 100 керованих авіабомб.",
     [], [], []),
    ("hromadske", "«Укрзалізниця» нагадала, що з 2022 року внаслідок атак загинули понад 800 залізничників.",
     [], [], []),
    # "caused no damage"; transformers are energy; gas production is fuel
    ("ap", "Tula Governor Dmitry Milyaev said fragments fell on the grounds of an industrial plant in "
     "Novomoskovsk, but caused no damage.", [], [], []),
    ("dw_russian", "Дрон сдетонировал и повредил вспомогательный трансформатор Курской АЭС.", [],
     [("RU-KRS", "energy")], []),
    ("ukrainskapravda", "Голова Івано-Франківської ОВА повідомила про влучання в об'єкт газовидобування.", [],
     [("UA-26", "fuel")], []),
    # MLRS rockets named by their launcher are missiles; "об отражении атаки трех беспилотников"
    ("hromadske", "Міноборони РФ заявило, що над Бєлгородською областю збито вісім ракет реактивної системи "
     "залпового вогню HIMARS.", [("RU-BEL", "missile", "intercepted", 8, "ru-mod")], [], []),
    ("hromadske", "Україна отримала 2 комплекси Patriot.", [], [], []),
    ("interfax", "Мэр Москвы Сергей Собянин сообщил об отражении атаки трех беспилотников, летевших на "
     "столицу.", [("RU-MOW", "drone", "intercepted", 3, "ru-official")], [], []),
    # "ни один не был уничтожен" counts nothing; unguided rockets are no missiles; a train driver
    ("meduza", "Минобороны сообщило о 43 сбитых за ночь беспилотниках, из которых ни один не был уничтожен "
     "над Башкирией.", [(None, "drone", "intercepted", 43, "ru-mod")], [], []),
    ("reuters", "Ukrainian forces fired 12 unguided rockets at Grayvoron.", [], [], []),
    ("hromadske", "У Миргородському районі внаслідок атаки поранено машиніста.", [], [],
     [("UA-53", "injured", 1)]),
    # a past strike named as a record's reference, or as "the previous" one, is background; "over the
    # previous day" is the report's own span
    ("bbc", "It is the deadliest attack on Kyiv since April, when a strike on the Sviatoshynskyi district "
     "killed 12 people.", [], [], []),
    ("novayagazeta_europe", "Предыдущий столь же смертоносный удар по Киеву был нанесен 31 июля, тогда "
     "погибли 31 человек.", [], [], []),
    ("ap", "Russia's Defense Ministry said its air defenses had shot down four Storm Shadow cruise missiles "
     "over the previous day.", [(None, "missile", "intercepted", 4, "ru-mod")], [], []),
    # who tells: an analyst; a republic's cabinet; Kadyrov
    ("moscowtimes", "Ukraine launched more than 120 drones at Russia overnight, according to an independent "
     "analyst who tracks the attacks.", [(None, "drone", "launched", 120, "other")], [], []),
    ("ria", "Два беспилотника сбиты над Нижнекамском, сообщили в Кабмине Татарстана.",
     [("RU-TA", "drone", "intercepted", 2, "ru-official")], [], []),
    ("telegram:RKadyrov_95", "Два дрона были сбиты над Гудермесом.",
     [("RU-CE", "drone", "intercepted", 2, "ru-official")], [], []),
    # Seventeenth batch (rounds 24-25's lessons, in other words)
    # the ministry's air defence named by a governor or mayor is who shoots, not who tells
    ("telegram:bogomaz", "Air defence units of the Ministry of Defence destroyed 12 UAVs over the Bryansk "
     "region.", [("RU-BRY", "drone", "intercepted", 12, "ru-official")], [], []),
    # hits are no measure; "hits ... recorded" beside downed debris stays without a count
    ("telegram:kpszsu", "Hits by 2 missiles and 14 attack UAVs were recorded at 6 locations, and debris of "
     "downed drones fell at 2 locations.", [], [], []),
    # a dateline with a full stop, and an outlet named after a city, are no places
    ("interfax", "KHARKIV. June 3 (Interfax) - A fire broke out at a warehouse in Odesa.", [],
     [("UA-51", "industrial"), ("UA-51", "fire")], []),
    ("suspilne", "Джерело повідомило «Київському незалежному», що у Кстові горить НПЗ.", [],
     [("RU-NIZ", "fuel"), ("RU-NIZ", "fire")], []),
    # a noun agreeing with "221" states no one more
    ("ukrinform", "Міноборони РФ заявило про 221 збитий за ніч безпілотник.",
     [(None, "drone", "intercepted", 221, "ru-mod")], [], []),
    # a name shared with a Zaporizhzhia town goes to the region the text names
    ("suspilne", "Губернатор Ленінградської області повідомив про атаку на порт Приморськ, пошкоджено "
     "причал.", [], [("RU-LEN", "transport")], []),
    # interruptions of power are an outage; of fuel, a shortage
    ("suspilne", "У Тернополі були перебої з електро- та водопостачанням.", [], [("UA-61", "energy")], []),
    ("meduza", "Эксперты считают, что перебои с топливом в Крыму сохранятся.", [], [], []),
    # "known to have been", "died in hospital" (where, not what was hit), ru/uk "died"
    ("reuters", "Four people are known to have been injured in Kharkiv.", [], [], [("UA-63", "injured", 4)]),
    ("reuters", "A woman died in hospital in Kharkiv.", [], [], [("UA-63", "killed", 1)]),
    ("suspilne", "Жінка померла в лікарні у Харкові.", [], [], [("UA-63", "killed", 1)]),
    # one more inside a stated total is part of it; one more beside another figure is more
    ("suspilne", "У лікарні помер ще один чоловік у Харкові — загалом загиблих двоє.", [], [],
     [("UA-63", "killed", 2)]),
    ("suspilne", "У Києві поранено двох людей, ще одна людина постраждала в Оболонському районі.", [], [],
     [("UA-30", "injured", 2), ("UA-30", "injured", 1)]),
    # a bare figure going on from a casualty figure counts people, not the weapons before
    ("reuters", "Russia launched 118 drones overnight. In Donetsk Oblast, Russian attacks killed two "
     "people in Kostiantynivka and one in Druzhkivka.", [(None, "drone", "launched", 118, "other")], [],
     [("UA-14", "killed", 2), ("UA-14", "killed", 1)]),
    # "air attack assets" name what was downed, with no launch in them
    ("telegram:kpszsu", "Air defence shot down/suppressed 438 air attack assets:\n— 2 Kinzhal missiles;"
     "\n— 421 enemy UAVs.", [(None, "missile", "intercepted", 2, "ua-military"),
                     (None, "drone", "intercepted", 421, "ua-military")], [], []),
    # "It also said" goes on with the teller of the sentence before
    ("ap", "Ukraine's air force said Russia launched 464 drones.\n\nRussia's Defense Ministry said it had "
     "struck military targets. It also said air defenses had downed 63 Ukrainian drones overnight.",
     [(None, "drone", "launched", 464, "ua-military"), (None, "drone", "intercepted", 63, "ru-mod")], [], []),
    # the people killed, not the drones of the attack, are "risen to eight"; rubble is damage
    ("ukrinform", "The number of people killed in the Russian drone attack on Kyiv has risen to eight. "
     "Bodies were recovered from under the rubble of the residential building.", [],
     [("UA-30", "residential")], [("UA-30", "killed", 8)]),
    # a relative clause between a person and the cue
    ("reuters", "A 63-year-old woman who was pulled from the rubble died in hospital in Kharkiv.", [], [],
     [("UA-63", "killed", 1)]),
    # "a person" in a headline and "a man" in the story are one death
    ("ukrinform", "В Запорожье погиб человек\n\nВ результате удара по Запорожью погиб мужчина.", [], [],
     [("UA-23", "killed", 1)]),
    # Moscow time is a clock; "72 more Ukrainian drones" is a count
    ("reuters", "The ministry said air defences destroyed 72 more Ukrainian drones between 7 a.m. and noon "
     "Moscow time.", [(None, "drone", "intercepted", 72, "ru-mod")], [], []),
    # a range of floors counts nothing
    ("telegram:synegubov", "Ворог атакував Харків шістьма БпЛА. Влучання в будинок, пожежа на 7–9 поверхах.",
     [("UA-63", "drone", "launched", 6, "ua-official")], [("UA-63", "residential"), ("UA-63", "fire")], []),
    # "The missiles included ...": the launched figure's breakdown
    ("ukrinform", "Russia launched 52 missiles overnight, the Air Force reported. The missiles included two "
     "Kinzhal missiles and 16 Iskander-M ballistic missiles.",
     [(None, "missile", "launched", 52, "ua-military"), (None, "missile", "launched", 2, "ua-military"),
      (None, "missile", "launched", 16, "ua-military")], [], []),
    # crew members are people; a tanker is a vessel; "tanker-tracking" is no tanker
    ("ria", "В порту Туапсе произошел пожар на танкере, пострадали два члена экипажа.", [],
     [("RU-KDA", "transport"), ("RU-KDA", "fire"), ("RU-KDA", "other")], [("RU-KDA", "injured", 2)]),
    ("reuters", "Exports fell, according to tanker-tracking data, after drones damaged a pier in "
     "Novorossiysk.", [], [("RU-KDA", "transport")], []),
    # a Lviv governor's own channel
    ("telegram:kozytskyi_maks", "Над областю знищено 9 крилатих ракет.",
     [("UA-46", "missile", "intercepted", 9, "ua-official")], [], []),
    # Eighteenth batch (round 26's lessons, in other words)
    # debris of one downed weapon is no figure; unguided MLRS rockets are no missiles
    ("reuters", "Debris from a drone shot down by air defence hit a house in Ryazan.", [],
     [("RU-RYA", "residential")], []),
    ("tass", "Над Белгородом сбиты 6 реактивных снарядов РСЗО «Вампир».", [], [], []),
    # "disappeared from radar" is suppression; "came under the heaviest fire" is shelling
    ("ap", "Ukraine's air force said 41 drones were shot down and 22 disappeared from radar.",
     [(None, "drone", "intercepted", 41, "ua-military"), (None, "drone", "suppressed", 22, "ua-military")],
     [], []),
    ("tass", "The Belgorod district came under the heaviest fire.", [], [], []),
    # the region of a launch site is an origin too; a town's community heads its line
    ("kyivindependent", "Russia attacked Ukraine with 81 drones launched from Primorsko-Akhtarsk in "
     "Krasnodar Krai, the Air Force said.", [(None, "drone", "launched", 81, "ua-military")], [], []),
    ("telegram:sumy_ova", "Khotin community: an airstrike with 4 KABs.",
     [("UA-59", "glide_bomb", "launched", 4, "ua-official")], [], []),
    # drones that flew off to Belarus befell no measure; a unit's name is no figure
    ("telegram:kpszsu", "41 ворожий БпЛА локаційно втрачено, 2 БпЛА полетіли в бік Білорусі.",
     [(None, "drone", "suppressed", 41, "ua-military")], [], []),
    ("ukrinform", "Корабель атакували морськими дронами бійці спецпідрозділу «Група 13».", [], [], []),
    # a big town's homonym needs more than one of four regions listed elsewhere
    ("ria", "Под удар попали объекты в Волынской, Ровенской, Львовской и Одесской областях.\n\nВ Николаеве "
     "погибли два человека.", [], [], [("UA-48", "killed", 2)]),
    # "11 – отримали поранення"; "Nine more people in the region were injured"; flights diverted
    ("suspilne", "На Херсонщині двоє людей загинули, 11 – отримали поранення.", [], [],
     [("UA-65", "killed", 2), ("UA-65", "injured", 11)]),
    ("reuters", "In the Donetsk region nine more people in the region were injured.", [], [],
     [("UA-14", "injured", 9)]),
    ("reuters", "Flights were diverted from Sheremetyevo airport.", [], [("RU-MOS", "transport")], []),
    # the Crimean bridge closed; cars queuing are no damage; flights sent to reserve airfields
    ("suspilne", "Рух Кримським мостом перекривали, на в'їзді збиралися черги з автомобілів.", [],
     [("UA-43", "transport")], []),
    ("ria", "В аэропорту Казани введены ограничения, рейсы перенаправлены на запасные аэродромы.", [],
     [("RU-TA", "transport")], []),
    # Nineteenth batch (round 27's lessons, in other words)
    # ages are not people; a "with" list keeps its place and its launch
    ("reuters", "In Nikopol, two women aged 39 and 71 were wounded.", [], [], [("UA-12", "injured", 2)]),
    ("telegram:synegubov", "The occupiers struck the Kharkiv region with 4 guided aerial bombs, 17 Shahed "
     "drones, 5 Molniya drones and 9 FPV drones.",
     [("UA-63", "glide_bomb", "launched", 4, "ua-official"),
      ("UA-63", "drone", "launched", 17, "ua-official"),
      ("UA-63", "drone", "launched", 5, "ua-official"),
      ("UA-63", "drone", "launched", 9, "ua-official")], [], []),
    # a list with no verb after a sentence that told of the attack
    ("telegram:kpszsu", "Противник атакував ударними БпЛА та ракетами.\nЗагалом засоби повітряного "
     "нападу:\n– 2 балістичні ракети Іскандер-М;\n– 97 ударних БпЛА.",
     [(None, "missile", "launched", 2, "ua-military"), (None, "drone", "launched", 97, "ua-military")], [],
     []),
    # a surname named after a first name, then alone; "the republic's head"
    ("tass", "Глава Чувашии Олег Николаев сообщил о двух сбитых беспилотниках. «Пострадал один "
     "человек», — написал Николаев.", [("RU-CU", "drone", "intercepted", 2, "ru-official")], [],
     [("RU-CU", "injured", 1)]),
    ("tass", "Air defence forces destroyed nine drones over the Chuvash Republic, the republic's head Oleg "
     "Nikolaev said.", [("RU-CU", "drone", "intercepted", 9, "ru-official")], [], []),
    # "born in 1968"; "He died of his injuries"; an earlier event is no earlier report
    ("reuters", "In Sevastopol one man, born in 1968, suffered shrapnel wounds.", [], [],
     [("UA-40", "injured", 1)]),
    ("suspilne", "In Kherson, a drone dropped explosives on a 38-year-old man. He died of his injuries.",
     [], [], [("UA-65", "killed", 1)]),
    ("reuters", "Earlier in the day, two people were wounded in a drone attack on Zaporizhzhia, Fedorov "
     "said.", [], [], [("UA-23", "injured", 2)]),
    # the industrial zone of a refinery is the refinery's; a ministry of energy is no energy damage;
    # a village is no person named like it; howitzers are military
    ("tass", "Falling debris caused a fire in the industrial zone of the Kinef oil refinery in Kirishi.", [],
     [("RU-LEN", "fuel"), ("RU-LEN", "fire")], []),
    ("suspilne", "Оренбурзький газопереробний завод припинив прийом газу, повідомило Міністерство енергетики "
     "Казахстану.", [], [], []),
    ("tass", "Crews of Lancet loitering munitions destroyed two Ukrainian howitzers near Kupyansk.", [],
     [("UA-63", "military")], []),
    # "Ще 11 людей в області за добу дістали поранень"; the condition of some is no new figure
    ("telegram:filashkin", "На Донеччині ще 11 людей в області за добу дістали поранень.", [], [],
     [("UA-14", "injured", 11)]),
    ("suspilne", "У Запоріжжі поранення дістали 18 людей. Стан двох постраждалих лікарі оцінюють як важкий.",
     [], [], [("UA-23", "injured", 18)]),
    # Twentieth batch (round 28's lessons, in other words)
    # "Seven of the 13 missiles": the 13 is what was launched; "a mix of Kh-101" is no missile of one
    ("ap", "Russia fired 13 missiles. Seven of the 13 missiles — a mix of Kh-101 cruise missiles and "
     "Iskander-K missiles — were intercepted, the air force said.",
     [(None, "missile", "launched", 13, "ua-military"), (None, "missile", "intercepted", 7, "ua-military")],
     [], []),
    # "World War Two", "one that came", "both aerial and sea drones" count nothing
    ("reuters", "Moscow prepared for celebrations marking 80 years since the Soviet victory in World War "
     "Two.", [], [], []),
    ("ap", "Russia fired 728 drones at Ukraine, the biggest attack of the war and one that came hours after "
     "the talks, the air force said.", [(None, "drone", "launched", 728, "ua-military")], [], []),
    ("reuters", "The attack on Novorossiysk involved both aerial and sea drones.", [], [], []),
    # a "where" clause's "since last August" is the place's story, not a running total
    ("aljazeera", "The ministry said 126 drones were destroyed over the Kursk region, where Ukrainian troops "
     "have been holding territory since last August.",
     [("RU-KRS", "drone", "intercepted", 126, "ru-mod")], [], []),
    # the figure's own verb after "and": "37 others were lost from radar"
    ("ap", "The air force said 104 drones were launched. Forty of them were shot down and 37 others were "
     "lost from radar.", [(None, "drone", "launched", 104, "ua-military"),
                     (None, "drone", "intercepted", 40, "ua-military"),
                     (None, "drone", "suppressed", 37, "ua-military")], [], []),
    # casualties across the country name no region; "по предварительным данным"; an age between dashes
    ("reuters", "Russian attacks killed at least six people across Ukraine over the past day.", [], [], []),
    ("telegram:gladkov", "В Рыльске есть раненые — по предварительным данным, четыре человека.", [], [],
     [("RU-KRS", "injured", 4)]),
    ("telegram:gladkov", "В Шебекино водитель — мужчина 45 лет — ранен.", [], [], [("RU-BEL", "injured", 1)]),
    # drops of guided bombs; a mayor named with his first name
    ("suspilne_chernihiv", "На Чернігівщині зафіксовано три скиди КАБ на Семенівську громаду.",
     [("UA-74", "glide_bomb", "launched", 3, "other")], [], []),
    ("dumskaya", "Виталий Ким: ночью над Николаевщиной сбиты 9 «шахедов».",
     [("UA-48", "drone", "intercepted", 9, "ua-official")], [], []),
    # Twenty-first batch (round 29's lessons, in other words)
    # a bullet list after a sentence of figures breaks them down as they were measured
    ("telegram:kpszsu", "The enemy attacked with 32 missiles and 465 UAVs.\n– 3 Kh-47M2 Kinzhal "
     "missiles;\n– 12 Iskander-M missiles;\n– 465 Shahed attack UAVs.",
     [(None, "missile", "launched", 32, "ua-military"), (None, "drone", "launched", 465, "ua-military"),
      (None, "missile", "launched", 3, "ua-military"), (None, "missile", "launched", 12, "ua-military")],
     [], []),
    # casualties with no region are none; ", aged 37 and 52,"; "45 років" before the cue
    ("reuters", "Russian attacks killed at least nine people and injured 41 over the past day. In Kherson "
     "Oblast two people were killed. In Donetsk Oblast one person was killed.", [], [],
     [("UA-65", "killed", 2), ("UA-14", "killed", 1)]),
    ("telegram:lysak", "Two men, aged 37 and 52, were wounded in Marhanets.", [], [],
     [("UA-12", "injured", 2)]),
    ("telegram:synegubov", "У селі Кіндрашівка Куп'янського району ще одного чоловіка 45 років поранено.", [],
     [], [("UA-63", "injured", 1)]),
    # a five-storey building is residential; drones that vanished from radar were suppressed
    ("telegram:lysak", "In Nikopol a five-storey building was damaged.", [], [("UA-12", "residential")], []),
    ("telegram:kpszsu", "Тридцять два безпілотники вдалося збити, ще одинадцять зникли з радарів.",
     [(None, "drone", "intercepted", 32, "ua-military"), (None, "drone", "suppressed", 11, "ua-military")],
     [], []),
    # Twenty-second batch (rounds 30 and 31's lessons, in other words)
    # a figure joined by "and" takes the verb after its own noun phrase
    ("telegram:kpszsu", "Air defence shot down 120 drones and 64 decoy drones were locationally lost or "
     "jammed.",
     [(None, "drone", "intercepted", 120, "ua-military"), (None, "drone", "suppressed", 64, "ua-military")],
     [], []),
    # "(not 33, as reported earlier)" is the old figure; the one after the bracket is not
    ("telegram:kpszsu", "Of the 52 drones launched overnight, 30 were shot down (not 33, as reported "
     "earlier) and 12 were locationally lost.",
     [(None, "drone", "launched", 52, "ua-military"), (None, "drone", "intercepted", 30, "ua-military"),
      (None, "drone", "suppressed", 12, "ua-military")], [], []),
    # an earlier toll is what its noun opens; "Спершу ..., однак пізніше уточнив" keeps the later one
    ("ukrinform", "A missile strike on Zaporizhzhia killed five people and injured 21, regional governor "
     "Ivan Fedorov said, raising an earlier toll of three dead and 10 injured.", [], [],
     [("UA-23", "killed", 5), ("UA-23", "injured", 21)]),
    ("suspilne", "Спершу голова громади повідомив про одного пораненого в Сумах, однак пізніше уточнив, що "
     "поранені четверо.", [], [], [("UA-59", "injured", 4)]),
    # an update mark alone on its line covers the two sentences after it
    ("telegram:lysak", "У Дніпрі загинула одна людина.\n\nUPD 07:15. Рятувальники завершили розбір завалів. "
     "Відомо про 3 загиблих і 8 поранених.", [], [], [("UA-12", "killed", 3), ("UA-12", "injured", 8)]),
    # "по уточненным данным" replaces the earlier figure of the same weapon and measure, in its place
    ("ria", "Губернатор Брянской области Александр Богомаз: по предварительным данным, над регионом сбиты "
     "7 БПЛА.\n\nUPD 06:30. По уточненным данным, всего уничтожено 12 беспилотников.",
     [("RU-BRY", "drone", "intercepted", 12, "ru-official")], [], []),
    # a week is no long period: "від початку тижня" is a weekly figure like the ministries' summaries
    ("ukrinform", "Загалом від початку тижня над Курщиною знищено понад 150 дронів, повідомив губернатор.",
     [("RU-KRS", "drone", "intercepted", 150, "ru-official")], [], []),
    # what a speaker denies ("are false", "опроверг сообщения о", "не відповідає дійсності") did not happen
    ("reuters", "Claims on social media that a drone hit a refinery in Ryazan are false, Governor Pavel "
     "Malkov said. Three drones were shot down over the region.",
     [("RU-RYA", "drone", "intercepted", 3, "ru-official")], [], []),
    ("ria", "Губернатор Белгородской области опроверг сообщения о гибели двух человек в Валуйках. По его "
     "словам, ранена одна женщина.", [], [], [("RU-BEL", "injured", 1)]),
    ("suspilne", "Інформація про влучання в ТЕЦ у Харкові не відповідає дійсності, повідомив Ігор Терехов.",
     [], [], []),
    # a named place's head speaks for it; a Ukrainian ministry's channel is an official's
    ("interfax", "Udmurtia's head Alexander Brechalov said four drones were shot down over the republic.",
     [("RU-UD", "drone", "intercepted", 4, "ru-official")], [], []),
    ("telegram:minenergo_ua", "Ворог атакував енергетику 40 ракетами та 90 дронами.",
     [(None, "missile", "launched", 40, "ua-official"), (None, "drone", "launched", 90, "ua-official")],
     [], []),
    # "Kiev's Air Force" is the country's; "is without electricity" is an outage
    ("tass", "Kiev's Air Force said Russian forces launched 25 drones at Ukraine overnight.",
     [(None, "drone", "launched", 25, "ua-military")], [], []),
    ("ukrinform", "After the strike on Lutsk, half of the city is without electricity.", [],
     [("UA-07", "energy")], []),
    # types after "including" that add up to the total are its breakdown, each labelled
    ("ukrinform", "Russia fired 11 missiles overnight, including seven Kh-101 cruise missiles and four "
     "Iskander-M ballistic missiles, the Air Force said.",
     [(None, "missile", "launched", 11, "ua-military"), (None, "missile", "launched", 7, "ua-military"),
      (None, "missile", "launched", 4, "ua-military")], [], []),
    # "up 9 percent from the previous month" compares; the month's figure is the story's own
    ("afp", "Russia fired a record 5,100 drones at Ukraine in June, according to an AFP tally, up 9 "
     "percent from the previous month.", [(None, "drone", "launched", 5100, "other")], [], []),
    # a target after two items with origins is both's; one inside the first item is its own
    ("ukrinform", "Russian forces fired three Iskander-M missiles from the Belgorod region and two Kalibr "
     "missiles from the Black Sea at the Poltava region, the Air Force said.",
     [("UA-53", "missile", "launched", 3, "ua-military"),
      ("UA-53", "missile", "launched", 2, "ua-military")], [], []),
    ("telegram:kpszsu", "Противник атакував трьома ракетами Іскандер-М з Курської області по Сумщині та 25 "
     "ударними БпЛА з напрямку Брянськ.",
     [("UA-59", "missile", "launched", 3, "ua-military"),
      (None, "drone", "launched", 25, "ua-military")], [], []),
    # "the Kyiv regime" is no place; "in the airspace of" a region after the aircraft is an origin
    ("ria", "The Kyiv regime attempted to strike facilities in the Kursk region with four Neptune-MD "
     "missiles, the Russian Defence Ministry said.", [("RU-KRS", "missile", "launched", 4, "ru-mod")],
     [], []),
    ("telegram:kpszsu", "Overnight the enemy launched 3 Kh-47M2 Kinzhal missiles from MiG-31K aircraft in "
     "the airspace of the Tambov region.", [(None, "missile", "launched", 3, "ua-military")], [], []),
    # missiles on course for a region were launched at it
    ("telegram:kpszsu", "Фіксуємо 5 крилатих ракет курсом на Житомирщину.",
     [("UA-18", "missile", "launched", 5, "ua-military")], [], []),
    # "з яких 6 летіли на Москву" is a subset; "В ВСУ заявили" is the armed forces'
    ("ukrinform", "Міноборони РФ заявило, що над Курською областю збито 14 дронів, з яких 6 летіли на "
     "Москву.",
     [("RU-KRS", "drone", "intercepted", 14, "ru-mod")], [], []),
    ("lenta", "В ВСУ заявили, что над Одесской областью сбиты 12 беспилотников.",
     [("UA-51", "drone", "intercepted", 12, "ua-military")], [], []),
    # a long relative clause before "has died"; an aircraft shot down is military damage
    ("telegram:gladkov", "The woman who was wounded yesterday evening when a drone struck a bus stop in "
     "Shebekino has died in hospital.", [], [("RU-BEL", "other")], [("RU-BEL", "killed", 1)]),
    ("ukrinform", "Ukrainian forces shot down a Russian Su-34 fighter-bomber over the Zaporizhzhia region, "
     "the Air Force said.", [], [("UA-23", "military")], []),
    # Twenty-third batch: a user audit
    # the governor's own post: "силами ПВО и РЭБ Министерства обороны" names who shot them down,
    # not who tells it (and so for "air defence and electronic warfare units of the Ministry")
    ("telegram:bogomaz", "Сегодня силами ПВО и РЭБ Министерства обороны над территорией Брянской области "
     "уничтожены 3 украинских БПЛА самолетного типа. Пострадавших и разрушений нет.",
     [("RU-BRY", "drone", "intercepted", 3, "ru-official")], [], []),
    ("tass", "Air defence and electronic warfare units of the Defence Ministry destroyed five drones over "
     "the Kursk region, Governor Alexander Khinshtein said.",
     [("RU-KRS", "drone", "intercepted", 5, "ru-official")], [], []),
    ("tass", "Дежурными средствами ПВО уничтожены 5 БПЛА над Курской областью, сообщили в Минобороны.",
     [("RU-KRS", "drone", "intercepted", 5, "ru-mod")], [], []),
    # a corrected figure ("не 5, а 3", "three, not five") is the one that stands
    ("telegram:khinshtein", "Уточнение: в Рыльске пострадали не 5, а 3 человека. Двое из них в тяжелом "
     "состоянии.", [], [], [("RU-KRS", "injured", 3)]),
    ("telegram:khinshtein", "Correction: three people, not five, were injured in Rylsk.",
     [], [], [("RU-KRS", "injured", 3)]),
    ("suspilne", "Уточнення: у Сумах поранено не 5, а 3 людей.", [], [], [("UA-59", "injured", 3)]),
    ("ria", "В Рыльске трое, а не пятеро мирных жителей получили ранения.",
     [], [], [("RU-KRS", "injured", 3)]),
    # a total over the weekend sums nights reported one by one: not the night's
    ("ria", "В ночь на 1 июня силы ПВО уничтожили 64 беспилотника, а накануне вечером - еще 31. Всего за "
     "прошедшие выходные над регионами России было сбито более 200 БПЛА.",
     [(None, "drone", "intercepted", 64, "other"), (None, "drone", "intercepted", 31, "other")], [], []),
    # a recap ("Як повідомлялося", "Нагадаємо", "Ранее") of a time that ended before the report's own
    # night (last week, an earlier dated night, a past month) tells of an attack reported then
    ("ukrinform", "У ніч на 1 червня ворог атакував Україну 64 ударними БпЛА, 50 з них збито. Як "
     "повідомлялося, минулого тижня Росія випустила по Україні понад 1500 ударних дронів, майже 1170 "
     "керованих авіабомб і понад 70 ракет.",
     [(None, "drone", "launched", 64, "other"), (None, "drone", "intercepted", 50, "other")], [], []),
    ("pravda", "У ніч на 1 червня Росія атакувала Україну 52 ударними БпЛА, з них 38 збито. Нагадаємо, у "
     "ніч на 31 травня внаслідок атаки на Київ загинули 5 людей, 24 поранені.",
     [(None, "drone", "launched", 52, "other"), (None, "drone", "intercepted", 38, "other")], [], []),
    ("ria", "Средства ПВО за ночь уничтожили 57 беспилотников над Брянской, Курской и Белгородской "
     "областями. Ранее, в марте, над Мурманской областью были сбиты 3 беспилотника.",
     [(None, "drone", "intercepted", 57, "other")], [], []),
    # ... but not one of the report's own night, nor of the day the night began on
    ("telegram:kpszsu", "У ніч на 1 червня ворог запустив 45 ударних БпЛА. Цієї ночі, нагадаємо, збито 40 "
     "з них. Нагадаємо, 31 травня противник також випустив по Україні 20 крилатих ракет.",
     [(None, "drone", "launched", 45, "ua-military"), (None, "drone", "intercepted", 40, "ua-military"),
      (None, "missile", "launched", 20, "ua-military")], [], []),
    # a figure of "drones and missiles" together names no one weapon, nor do its shot-down ones
    ("reuters", "Russia attacked Ukraine overnight with 430 drones and missiles, Ukraine's air force said, "
     "adding that 386 had been shot down or jammed.", [], [], []),
    # drones that hit, told after the launch they were part of, are no new figure
    ("kyivindependent", "Russia launched 176 drones overnight, of which 139 were shot down or suppressed, "
     "the Air Force said, while 33 drones hit 12 locations.",
     [(None, "drone", "launched", 176, "ua-military"), (None, "drone", "intercepted", 139, "ua-military")],
     [], []),
    # "in the attack" names the event, no launch cue for the figures after it
    ("reuters", "A Russian drone and missile attack on Kyiv overnight killed four people and wounded 21, "
     "city officials said on Sunday. Ukraine's air force said Russia launched 411 drones and 19 ballistic "
     "missiles in the attack, and that 372 drones and 14 missiles had been shot down.",
     [(None, "drone", "launched", 411, "ua-military"), (None, "missile", "launched", 19, "ua-military"),
      (None, "drone", "intercepted", 372, "ua-military"),
      (None, "missile", "intercepted", 14, "ua-military")],
     [], [("UA-30", "killed", 4), ("UA-30", "injured", 21)]),
    # "отразили атаку беспилотника, летевшего на Москву": a repelled attack of one
    ("telegram:mos_sobyanin", "Силы ПВО Минобороны отразили атаку беспилотника, летевшего на Москву. "
     "Специалисты экстренных служб работают на месте падения обломков.",
     [("RU-MOW", "drone", "intercepted", 1, "ru-official")], [], []),
    ("telegram:mos_sobyanin", "Отражена атака БПЛА, летевшего на Москву.",
     [("RU-MOW", "drone", "intercepted", 1, "ru-official")], [], []),
    ("telegram:mos_sobyanin", "Отражена атака двух БПЛА, летевших на Москву.",
     [("RU-MOW", "drone", "intercepted", 2, "ru-official")], [], []),
    ("telegram:gladkov", "При попытке атаки беспилотника на предприятие средствами ПВО был уничтожен один "
     "БПЛА.", [("RU-BEL", "drone", "intercepted", 1, "ru-official")], [], []),
    # "the southern port of Odesa" names the city where a house was hit, not a port hit; flight
    # restrictions are transport (the rules' "suspended flights"), at the airports' own regions
    ("reuters", "In the southern port of Odesa, a drone hit an apartment building, injuring two people, the "
     "governor said.", [], [("UA-51", "residential")], [("UA-51", "injured", 2)]),
    ("reuters", "Flights were restricted at the Domodedovo and Zhukovsky airports outside Moscow, the "
     "aviation authority Rosaviatsia said.", [], [("RU-MOS", "transport")], []),
    ("reuters", "Flights were restricted at Vnukovo and Domodedovo airports, Rosaviatsia said.",
     [], [("RU-MOW", "transport"), ("RU-MOS", "transport")], []),
    # Twenty-fourth batch: a user audit of drones that hit
    # "139 of them" counts the drones named before, not the ones of the clause after it; "while",
    # "whereas", "but", "and", "а" with a new subject and a verb of its own open a clause the verb
    # before does not reach; drones that hit, told after a figure of them (in the sentence or
    # before it), are a part of it, and a hit is no measure: no launch again, no interception
    ("kyivindependent", f"{_LAUNCHED_176} Air defense downed or suppressed 139 of them, while 33 drones hit "
     "12 locations.", _AUDIT_176, [], []),
    ("kyivindependent", f"{_LAUNCHED_176} Air defense downed or suppressed 139 of them, whereas 33 drones "
     "hit 12 locations.", _AUDIT_176, [], []),
    ("kyivindependent", f"{_LAUNCHED_176} Air defense downed or suppressed 139 of them, but 33 drones struck "
     "12 locations.", _AUDIT_176, [], []),
    ("kyivindependent", f"{_LAUNCHED_176} Air defense downed or suppressed 139 of them, and 33 had hit "
     "targets at 12 locations.", _AUDIT_176, [], []),
    ("kyivindependent", f"{_LAUNCHED_176} Air defense downed 139 drones, while 33 drones hit 12 locations.",
     _AUDIT_176, [], []),
    ("kyivindependent", f"{_LAUNCHED_176} Air defense downed 139 drones. 33 drones hit 12 locations.",
     _AUDIT_176, [], []),
    ("ria", f"{_ZAPUSTILA_176} Силы ПВО сбили 139 из них, еще 33 поразили цели.", _AUDIT_176, [], []),
    ("ria", f"{_ZAPUSTILA_176} Силы ПВО сбили 139 беспилотников, а 33 дрона поразили цели на 12 локациях.",
     _AUDIT_176, [], []),
    ("ria", f"{_ZAPUSTILA_176} Силы ПВО сбили 139 беспилотников. 33 дрона поразили цели на 12 локациях.",
     _AUDIT_176, [], []),
    ("telegram:kpszsu", f"{_ATAKUVAV_176} За попередніми даними, станом на 08:30 з них 139 збито/подавлено, "
     "зафіксовано влучання 33 ударних БпЛА на 12 локаціях.", _AUDIT_176, [], []),
    ("telegram:kpszsu", f"{_ATAKUVAV_176} Сили ППО збили 139 з них, а 33 дрони влучили в цілі на 12 "
     "локаціях.", _AUDIT_176, [], []),
    ("telegram:kpszsu", f"{_ATAKUVAV_176} Сили ППО збили 139 дронів. 33 дрони влучили в цілі на 12 "
     "локаціях.", _AUDIT_176, [], []),
    # the Air Force's standard line of hits gives no count
    ("telegram:kpszsu", "Зафіксовано влучання 33 ударних БпЛА на 12 локаціях.", [], [], []),
    # a verb of hitting before its object is a cue of downing; "еще один ... попал" is one more hit
    ("ria", "Силы ПВО поразили 20 беспилотников над Курской областью.",
     [("RU-KRS", "drone", "intercepted", 20, "other")], [], []),
    ("ria", "Еще один беспилотник попал в частный дом в Рыльске.", [], [("RU-KRS", "residential")], []),
    # with no figure of that weapon before, the verb before still does not reach the new clause's
    # subject: weapons that struck with nothing told of them before are the weapons used
    ("reuters", "Air defence shot down five missiles over Kyiv, while two drones hit an apartment block in "
     "Kharkiv.",
     [("UA-30", "missile", "intercepted", 5, "other"), ("UA-63", "drone", "launched", 2, "other")],
     [("UA-63", "residential")], []),
    # Twenty-fifth batch: a second user audit
    # hits told by a noun ("влучання двох авіабомб", "19 влучань «шахедів»", "попадание двух
    # авиабомб", "Hits by two glide bombs"), with no figure of that weapon before: the weapons
    # that hit were used, as the subject of a strike verb is
    ("telegram:synegubov", "У Куп'янську зафіксовано влучання двох авіабомб, поранено трьох людей.",
     [("UA-63", "glide_bomb", "launched", 2, "ua-official")], [], [("UA-63", "injured", 3)]),
    ("telegram:ihor_terekhov", "Протягом ночі в Харкові зафіксовано 19 влучань «шахедів».",
     [("UA-63", "drone", "launched", 19, "ua-official")], [], []),
    ("pravda.com.ua/rus", "В Купянске зафиксировано попадание двух авиабомб, ранены три человека, сообщил "
     "Олег Синегубов.",
     [("UA-63", "glide_bomb", "launched", 2, "ua-official")], [], [("UA-63", "injured", 3)]),
    ("pravda.com.ua/rus", "В Харькове зафиксировано 12 попаданий ударных БпЛА, сообщил Игорь Терехов.",
     [("UA-63", "drone", "launched", 12, "ua-official")], [], []),
    ("kyivindependent", "Hits by two glide bombs were recorded in Kupiansk, injuring three people, Governor "
     "Oleh Syniehubov said.",
     [("UA-63", "glide_bomb", "launched", 2, "ua-official")], [], [("UA-63", "injured", 3)]),
    ("telegram:ternopilska_ova", "Внаслідок влучання двох ракет у Тернополі загинули 3 людини.",
     [("UA-61", "missile", "launched", 2, "ua-official")], [], [("UA-61", "killed", 3)]),
    # ... and after a figure of that weapon they are a part of it: no count
    ("telegram:ihor_terekhov", "Ворог атакував Харків 25 шахедами. Зафіксовано 19 влучань «шахедів» у трьох "
     "районах міста.", [("UA-63", "drone", "launched", 25, "ua-official")], [], []),
    ("telegram:synegubov", "Ворог скинув на Куп'янськ 4 КАБ. Зафіксовано влучання двох авіабомб.",
     [("UA-63", "glide_bomb", "launched", 4, "ua-official")], [], []),
    ("kyivindependent", "Russian aircraft dropped five glide bombs on Kupiansk. Hits by two glide bombs were "
     "recorded in the town, Governor Oleh Syniehubov said.",
     [("UA-63", "glide_bomb", "launched", 5, "ua-official")], [], []),
    # a hit told before a figure with its own cue is no hit of it; hits on a thing count nothing
    ("telegram:synegubov", "Після влучання ракети по Харкову сили ППО збили 5 дронів.",
     [("UA-63", "drone", "intercepted", 5, "ua-official")], [], []),
    ("telegram:synegubov", "Зафіксовано 3 влучання в житлові будинки у Харкові.", [],
     [("UA-63", "residential")], []),
    # a regional official named in a Ukrainian oblique case ("за словами Олега Синєгубова", read
    # by the analyzer as a possessive adjective) is the claimant of his figure in an Air Force relay
    ("ukrinform", "Вночі росіяни атакували Україну 476 ударними дронами та 48 ракетами, повідомили "
     "Повітряні сили. Збито 442 дрони та 41 ракету. На Харківщині, за словами Олега Синєгубова, "
     "зафіксовано влучання двох авіабомб у Куп'янську, поранено трьох людей.",
     [(None, "drone", "launched", 476, "ua-military"), (None, "missile", "launched", 48, "ua-military"),
      (None, "drone", "intercepted", 442, "ua-military"), (None, "missile", "intercepted", 41, "ua-military"),
      ("UA-63", "glide_bomb", "launched", 2, "ua-official")], [], [("UA-63", "injured", 3)]),
    ("ukrinform", "Вночі росіяни атакували Україну 476 ударними дронами, повідомили Повітряні сили. На "
     "Запоріжжі, за словами Івана Федорова, ворог скинув дві авіабомби на Оріхів.",
     [(None, "drone", "launched", 476, "ua-military"), ("UA-23", "glide_bomb", "launched", 2, "ua-official")],
     [], []),
    # a regional air defence figure a relay of the Air Force gives with nobody named keeps the
    # relay's claimant (the rules: "where the text names nobody"; held-out fresh2-uk-015 labels
    # such a figure the Air Force's; every regional figure labelled an official's names him)
    ("pravda.com.ua/rus", "В ночь на 20 ноября Россия атаковала Украину 476 ударными дронами и 48 ракетами, "
     "сообщили Воздушные силы. Сбиты или подавлены 442 дрона и 41 ракета. В Днепропетровской области силы "
     "ПВО сбили 27 беспилотников и 4 ракеты, ранены 3 человека.",
     [(None, "drone", "launched", 476, "ua-military"), (None, "missile", "launched", 48, "ua-military"),
      (None, "drone", "intercepted", 442, "ua-military"), (None, "missile", "intercepted", 41, "ua-military"),
      ("UA-12", "drone", "intercepted", 27, "ua-military"),
      ("UA-12", "missile", "intercepted", 4, "ua-military")],
     [], [("UA-12", "injured", 3)]),
    # FPV and "kamikaze" drones are drones (the rules: "UAVs"): the General Staff's daily
    # "дронів-камікадзе" and a frontline "БпЛА різних модифікацій" are counts, as the held-out
    # labels give them (fresh-uk-013, fresh10-uk-029; fresh-uk-007, fresh10-uk-002 and others)
    ("ukrinform", "Протягом доби ворог завдав 76 авіаційних ударів, скинув 142 керовані авіабомби, залучив "
     "для ураження 5 312 дронів-камікадзе, повідомив Генштаб.",
     [(None, "glide_bomb", "launched", 142, "ua-military"), (None, "drone", "launched", 5312, "ua-military")],
     [], []),
    ("telegram:zoda_gov_ua", "Протягом доби окупанти завдали 612 ударів по 17 населених пунктах Запорізької "
     "області. 390 БпЛА різних модифікацій атакували Гуляйполе та Оріхів.",
     [("UA-23", "drone", "launched", 390, "ua-official")], [], []),
    # Twenty-sixth batch: rounds 32-33 (officials' posts through one day; wires of both sides)
    # "2 p.m. Moscow time" is one phrase: the bare figure of the next sentence still takes the
    # weapon of the one before
    ("tass", "Air defense forces destroyed 31 Ukrainian drones between 8 a.m. and 2 p.m. Moscow time. "
     "Fourteen were downed over the Belgorod region, nine over the Kursk region.",
     [(None, "drone", "intercepted", 31, "other"), ("RU-BEL", "drone", "intercepted", 14, "other"),
      ("RU-KRS", "drone", "intercepted", 9, "other")], [], []),
    # a truck driver is a person, not a damaged vehicle
    ("x", "Drones attacked the Izmail district. Port infrastructure was damaged. A 47-year-old truck "
     "driver was injured.", [], [("UA-51", "transport")], [("UA-51", "injured", 1)]),
    # an update mark alone, a sentence, then the update's total: the total replaces the earlier
    # figure and keeps its place
    ("telegram:razvozhaev", "At the moment, 4 UAVs have been shot down in the Balaklava district.\n\n"
     "UPD 05:10. The attack has been repelled. In total, 7 drones were shot down.",
     [("UA-40", "drone", "intercepted", 7, "ru-official")], [], []),
    # "Загалом — двоє поранених" right after an update's sentence is the update's sum
    ("telegram:zoda_gov_ua", "Ворог атакував Запоріжжя дронами. Поранено жінку.\nUPD: Ще одна людина "
     "звернулася по медичну допомогу. Загалом — двоє поранених.", [], [], [("UA-23", "injured", 2)]),
    # the second figure of a toll after a comma and a dash ("раненых — до 14")
    ("strana.ua", "Число погибших в результате удара дрона по Сумам возросло до трёх, раненых — до 14.",
     [], [], [("UA-59", "killed", 3), ("UA-59", "injured", 14)]),
    # "в Запорожской — один погибший" after another region's toll is that region's, not a part
    ("strana.ua", "За сутки в Сумской области погибли 3 человека, в Запорожской — один погибший и "
     "шестеро раненых.", [], [], [("UA-59", "killed", 3), ("UA-23", "killed", 1), ("UA-23", "injured", 6)]),
    # a list of figures each with its place after one verb ("killed six in A, three in B and one in C")
    ("bbc", "Russian strikes overnight killed six people in Kyiv, three in Zaporizhzhia and one in the "
     "Kharkiv region.", [], [], [("UA-30", "killed", 6), ("UA-23", "killed", 3), ("UA-63", "killed", 1)]),
    # "One crew member, a Syrian citizen, was killed": a citizen is a person
    ("x", "Drones attacked Odesa Oblast. One crew member, a Syrian citizen, was killed.", [], [],
     [("UA-51", "killed", 1)]),
    # a regional administration's English edition ("..ODA_en") is still the administration
    ("telegram:dnipropetrovskaODA_en", "Night in the region. Air defence shot down 9 UAVs.",
     [("UA-12", "drone", "intercepted", 9, "ua-official")], [], []),
    # "ракеты сбить не удалось" negates the missiles' cue, not the figures with cues of their own
    ("liga", "Россия атаковала Украину 81 беспилотником, сообщили Воздушные силы ВСУ. Сбиты 55 дронов, "
     "еще 24 локационно потеряны, ракеты сбить не удалось.",
     [(None, "drone", "launched", 81, "ua-military"), (None, "drone", "intercepted", 55, "ua-military"),
      (None, "drone", "suppressed", 24, "ua-military")], [], []),
    # a pipeline is fuel, an industrial zone industrial, the Cabinet of Ministers' building other
    ("telegram:opershtab23", "В Туапсе после атаки БПЛА повреждены причал и участок трубопровода.", [],
     [("RU-KDA", "transport"), ("RU-KDA", "fuel")], []),
    ("x", "У Кстовському окрузі Нижегородської області пошкоджено промислову зону.", [],
     [("RU-NIZ", "industrial")], []),
    ("x", "В Киеве загорелось здание Кабинета министров.", [], [("UA-30", "fire"), ("UA-30", "other")], []),
    # an agency's own count told after the word or as the subject of a verb of counting
    ("pravda.com.ua", "У липні Росія випустила по Україні 6 297 дронів і 198 ракет, свідчать підрахунки "
     "агенції AFP на основі щоденних звітів Повітряних сил.",
     [(None, "drone", "launched", 6297, "other"), (None, "missile", "launched", 198, "other")], [], []),
    ("rfi_ru", "Агентство AFP, проанализировав сводки Воздушных сил Украины, подсчитало, что в июле Россия "
     "выпустила по Украине 6 297 беспилотников.", [(None, "drone", "launched", 6297, "other")], [], []),
    # a Russian official's name in Ukrainian spelling and case ("за словами Мінніханова")
    ("zn.ua", "У Нижньокамську, за словами Мінніханова, ППО збила ще один безпілотник.",
     [("RU-TA", "drone", "intercepted", 1, "ru-official")], [], []),
    # Twenty-seventh batch: round 34 (the rules' fine print again, in other words)
    # "shot down and suppressed" (a phrasal cue and another, one figure for both) is intercepted
    ("tass", "Drones attacked the Kursk region overnight, Governor Alexander Khinshtein said. Air defense "
     "units shot down and suppressed 19 UAVs.", [("RU-KRS", "drone", "intercepted", 19, "ru-official")], [],
     []),
    # an abbreviation's dot inside the toll's sentence ends nothing ("on Oct. 3 has risen to four")
    ("ukrinform", "The death toll from the Russian missile strike on Dnipro on Oct. 3 has risen to four, "
     "Governor Serhii Lysak said.", [], [], [("UA-12", "killed", 4)]),
    # bodies found after the toll has risen are how it grew, not more dead
    ("suspilne", "Кількість загиблих унаслідок удару по Сумах зросла до трьох. Зранку рятувальники дістали "
     "з-під завалів тіла жінки та її сина.", [], [], [("UA-59", "killed", 3)]),
    # an outage in a city "and in" two regions is each one's
    ("ap", "Russian strikes left homes without power in Odesa and in the Mykolaiv and Kherson regions.", [],
     [("UA-51", "energy"), ("UA-48", "energy"), ("UA-65", "energy")], []),
    # a running total since the start of the special military operation (the period named after "start
    # of"), also as a list after its header's colon, is background
    ("telegram:mod_russia_en", "Air defence shot down 57 fixed-wing UAVs over the past day. Since the start "
     "of the special military operation, a total of 98,000 unmanned aerial vehicles have been destroyed.",
     [(None, "drone", "intercepted", 57, "ru-mod")], [], []),
    ("telegram:mod_russia", "За сутки сбиты 44 беспилотных летательных аппарата самолетного типа. Всего с "
     "начала специальной военной операции уничтожены: 660 самолетов, 101 500 беспилотных летательных "
     "аппаратов, 620 зенитных ракетных комплексов.", [(None, "drone", "intercepted", 44, "ru-mod")], [], []),
    # a plant's history of strikes since a year is no damage of this report; an impact of its own
    # beside such a history still is
    ("reuters", "Drones attacked the Ryazan region overnight. The Ryazan refinery, with a capacity of 17 "
     "million tonnes a year, has been struck repeatedly since 2024, according to Reuters data.", [], [], []),
    ("reuters", "A drone strike damaged a substation in the Sumy region, the regional governor said, the "
     "fourth attack on the facility since May.", [], [("UA-59", "energy")], []),
    # the record told as a figure of its own is a past one given for comparison, not the report's
    ("tass", "Ukrainian forces attacked the Bryansk region with 64 drones over the past day, Governor "
     "Alexander Bogomaz said. The record number of drones over the region in one night was 180, set last "
     "spring, he recalled.", [("RU-BRY", "drone", "launched", 64, "ru-official")], [], []),
    # an object named again and denied ("but the depot was not damaged", "само предприятие не
    # пострадало") is no damage
    ("reuters", "Debris from a downed drone fell on the grounds of an oil depot in the Oryol region, but the "
     "depot was not damaged, Governor Andrei Klychkov said.", [], [], []),
    ("ria", "В Курской области обломки беспилотника упали на территорию предприятия, однако само "
     "предприятие не пострадало.", [], [], []),
    # a Russian wire's dateline in title case ("Москва. 5 октября. ИНТЕРФАКС -") is where it was filed
    ("interfax", "Москва. 12 октября. ИНТЕРФАКС - В Новороссийске в результате атаки беспилотников "
     "повреждены два жилых дома, сообщил оперштаб Краснодарского края. Пострадали трое жителей.", [],
     [("RU-KDA", "residential")], [("RU-KDA", "injured", 3)]),
    # "обезвредила" is an interception; a power engineer ("энергетик") is a person, not the energy sector
    ("strana.ua", "Ночью Россия атаковала Украину 90 дронами, ПВО обезвредила 71 из них, сообщили Воздушные "
     "силы. В Черниговской области ранен энергетик.",
     [(None, "drone", "launched", 90, "ua-military"), (None, "drone", "intercepted", 71, "ua-military")], [],
     [("UA-74", "injured", 1)]),
    ("x", "На Полтавщині поранено 41-річного енергетика.", [], [], [("UA-53", "injured", 1)]),
    # a report on one region: a figure with no place of its own in a sentence naming only that region
    # takes it
    ("telegram:sumy_oda", "Сумщина за добу. Ворог завдав 6 ударів по області, скинувши 9 КАБ, а також "
     "атакував громади 41 ударним БпЛА.", [("UA-59", "glide_bomb", "launched", 9, "ua-official"),
                                          ("UA-59", "drone", "launched", 41, "ua-official")], [], []),
    # launches told by a noun before their figure ("здійснив пуски 3 ... ракет"), not a launch's range
    ("telegram:kpszsu", "Противник здійснив пуски 3 балістичних ракет з Курської області. Одну з них збито.",
     [(None, "missile", "launched", 3, "ua-military"), (None, "missile", "intercepted", 1, "ua-military")],
     [], []),
    ("x", "Дальность пуска ракеты «Фламинго» составляет до 3000 км.", [], [], []),
    # a sentence with no verb of its own after figures of the same weapons is measured as they were
    ("telegram:V_Zelenskiy_official", "За тиждень Росія випустила по Україні майже 900 ударних дронів і 30 "
     "ракет. Тільки цієї ночі – 2 ракети та 85 дронів.",
     [(None, "drone", "launched", 900, "ua-official"), (None, "missile", "launched", 30, "ua-official"),
      (None, "missile", "launched", 2, "ua-official"), (None, "drone", "launched", 85, "ua-official")],
     [], []),
    # Twenty-eighth batch: round 35 (autumn 2026 again: tolls that rise, ports, airports, gas fields)
    # case forms of numbers the analyzer reads as other words ("до семи", "до п'яти"); what the mayor
    # had said the day before ("Напередодні ... повідомляв про двох") is the figure the toll replaces
    ("suspilne", "Кількість поранених унаслідок атаки на Харків 14 жовтня зросла до семи. Напередодні "
     "міський голова Ігор Терехов повідомляв про двох постраждалих.", [], [], [("UA-63", "injured", 7)]),
    ("suspilne", "Кількість загиблих у Сумах зросла до п'яти.", [], [], [("UA-59", "killed", 5)]),
    # "вже" between a cue and its figure; "їх 13" after a toll's noun; the injured who "remain in
    # hospital" are some of the figure before
    ("suspilne", "У Херсоні поранення отримали вже шестеро людей. Раніше повідомляли про чотирьох "
     "поранених.", [], [], [("UA-65", "injured", 6)]),
    ("ukrinform", "Кількість поранених у Дніпрі уточнили: їх 13, а не 15, як повідомлялося раніше. "
     "Шестеро постраждалих, серед них 10-річний хлопчик, залишаються в лікарні.", [], [],
     [("UA-12", "injured", 13)]),
    # people "now being treated for injuries" are the current figure; one death told after a risen
    # toll, in a sentence naming no place, is how it grew
    ("theguardian", "A drone hit a house in Odesa; 11 people were injured.\n\nUPDATE 10:15: Fifteen "
     "people are now being treated for injuries.", [], [("UA-51", "residential")],
     [("UA-51", "injured", 15)]),
    ("theguardian", "The number of dead in Odesa has risen to five. A 62-year-old woman who was pulled "
     "from the rubble died in hospital.", [], [], [("UA-51", "killed", 5)]),
    ("theguardian", "The death toll in Kharkiv has risen to five. In Sumy, a man was killed.", [], [],
     [("UA-63", "killed", 5), ("UA-59", "killed", 1)]),
    # "power was cut" is an outage; tanker loadings and boat services suspended are transport (no
    # vessel or boat hit); schools gone over to distance learning are no damaged schools
    ("reuters", "A drone hit a bus in Shostka in the Sumy region; power was cut in the town.", [],
     [("UA-59", "other"), ("UA-59", "energy")], []),
    ("reuters", "Tanker loadings at the Tuapse seaport were suspended after the attack.", [],
     [("RU-KDA", "transport")], []),
    ("theguardian", "Ferry and boat services across Sevastopol bay have been suspended.", [],
     [("UA-40", "transport")], []),
    ("telegram:andriy_sadovyi", "Львів. Є влучання в об'єкт енергетики — частина міста без світла, у 12 "
     "школах сьогодні дистанційне навчання.", [], [("UA-46", "energy")], []),
    # gas production and oil refining named by their nouns; a drone that fell on a site, and a fire
    # told next with no object of its own; a process unit alone is no refinery
    ("naftogaz", "Пошкоджено об'єкт видобутку газу на Полтавщині.", [], [("UA-53", "fuel")], []),
    ("telegram:radiy_khabirov", "Беспилотник упал на территорию одного из предприятий нефтепереработки в "
     "Уфе. Произошло возгорание, на месте работают пожарные.", [], [("RU-BA", "fuel"), ("RU-BA", "fire")],
     []),
    ("nn.ru", "На предприятии в промзоне Кстово повреждена технологическая установка.", [],
     [("RU-NIZ", "industrial")], []),
    # a figure over a city and a sea is both's (null); a number of places ("at 13 settlements of the
    # region") ends no place-naming phrase; "над республикой" is the republic named before
    ("kyivindependent", "Explosions were heard in Sevastopol overnight. Governor Mikhail Razvozhayev said "
     "air defenses had shot down 17 drones over the city and the Black Sea.",
     [(None, "drone", "intercepted", 17, "ru-official")], [], []),
    ("interfax-ukraine", "Ночью Одесскую область атаковали 4 ракетами «Калибр» с моря, сообщил глава ОВА "
     "Олег Кипер.", [("UA-51", "missile", "launched", 4, "ua-official")], [], []),
    ("bbcmonitoring", "Belgorod Region Governor Vyacheslav Gladkov said 47 drones had been launched at 13 "
     "settlements of the region over the past day.", [("RU-BEL", "drone", "launched", 47, "ru-official")],
     [], []),
    ("business-gazeta", "В Татарстане ввели режим «Ковер». По данным Минобороны, над республикой сбиты "
     "четыре БПЛА.", [("RU-TA", "drone", "intercepted", 4, "ru-mod")], [], []),
    # airports that "не принимают и не выпускают самолеты" are closed (no aircraft hit); airports in
    # the plural with their names in brackets are each region's
    ("ria", "Аэропорт Пулково с 04:10 до 05:35 не принимал и не выпускал самолеты.", [],
     [("RU-SPE", "transport")], []),
    ("ria", "Временные ограничения на прием и выпуск воздушных судов введены в аэропортах Калуги "
     "(Грабцево), Ярославля (Туношна) и Нижнего Новгорода (Стригино).", [],
     [("RU-KLU", "transport"), ("RU-YAR", "transport"), ("RU-NIZ", "transport")], []),
    # a total's own target ("Всего ... по Харькову выпущено 9"); "з початку доби, 20 жовтня" is the
    # day's figure, not a running total since a month
    ("strana.ua", "Всего, по данным Синегубова, по Харькову выпущено 9 ударных БпЛА.",
     [("UA-63", "drone", "launched", 9, "ua-official")], [], []),
    ("telegram:kpszsu", "Станом на 20:00 з початку доби, 20 жовтня, противник атакував 58 ударними БпЛА.",
     [(None, "drone", "launched", 58, "ua-military")], [], []),
    # Twenty-ninth batch: round 36 (Air Force bulletins, gas and power plants, refineries, community
    # lists, tolls through the day)
    # "полутора десятков" (one and a half tens) and the Ukrainian "дюжини" (a dozen's genitive); a
    # figure in quotes of its own ("said 'more than 30' drones")
    ("kommersant", "По словам губернатора, над Курской областью уничтожены около полутора десятков "
     "беспилотников.", [("RU-KRS", "drone", "intercepted", 15, "ru-official")], [], []),
    ("suspilne", "Голова ОВА повідомив про знищення дюжини шахедів над Полтавщиною.",
     [("UA-53", "drone", "intercepted", 12, "ua-official")], [], []),
    ("reuters", "Governor Alexander Gusev said 'more than 30' drones had been downed over the Voronezh "
     "region.", [("RU-VOR", "drone", "intercepted", 30, "ru-official")], [], []),
    # a paramedic or a doctor is one person; a figure on the line an update mark opens, past a
    # sentence of its own, is the update's
    ("telegram:vrio_gubernatora_kursk", "В Рыльске дрон атаковал машину скорой помощи, ранен фельдшер.",
     [], [("RU-KRS", "other")], [("RU-KRS", "injured", 1)]),
    ("telegram:odesa_ova", "Одеса. Ворог атакував місто дронами. Поранено двох людей.\nUPD 08:15: "
     "Пожежу ліквідовано. Постраждалих уже п'ятеро.", [], [("UA-51", "fire")], [("UA-51", "injured", 5)]),
    # temperatures count nothing; "shelling attacks" name no weapon
    ("telegram:kharkiv_ova", "Харків. Без тепла лишилися 300 будинків при температурі -6 °C.", [],
     [], []),
    ("ukrinform", "Over the day the enemy used 2,540 kamikaze drones and carried out 3,870 shelling "
     "attacks on the front line.", [(None, "drone", "launched", 2540, "other")], [], []),
    # "with N drones and M missiles shot down": the participle after the list; "4 баллистические и
    # 32 крылатые ракеты": the kind before shares the next item's noun
    ("kyivindependent", "Russia launched 310 drones and 12 missiles overnight, with 275 drones and nine "
     "missiles shot down, the Air Force said.",
     [(None, "drone", "launched", 310, "ua-military"), (None, "missile", "launched", 12, "ua-military"),
      (None, "drone", "intercepted", 275, "ua-military"), (None, "missile", "intercepted", 9, "ua-military")],
     [], []),
    ("ukrinform", "Воздушные силы сообщили, что сбиты 2 баллистические и 17 крылатых ракет.",
     [(None, "missile", "intercepted", 2, "ua-military"),
      (None, "missile", "intercepted", 17, "ua-military")], [], []),
    # the ministry's air defence in a governor's post ("units of the Russian Defence Ministry") is
    # who shoots; an administrative building of a station or an enterprise is that object's kind
    ("telegram:gladkov", "Air defence units of the Russian Defence Ministry shot down nine UAVs over the "
     "Belgorod region. Debris damaged the administrative building of a substation.",
     [("RU-BEL", "drone", "intercepted", 9, "ru-official")], [("RU-BEL", "energy")], []),
    ("telegram:poltava_ova", "У Миргороді уламками пошкоджено адмінбудівлю заводу.", [],
     [("UA-53", "industrial")], []),
    # a place's line of a shelling tally that only lists the weapons: they were used
    ("telegram:sumy_ova", "За добу росіяни здійснили 74 обстріли 22 населених пунктів Сумщини.\n"
     "🔹 Хотінська громада: 3 КАБи, 6 FPV-дронів, мінометний обстріл.",
     [("UA-59", "glide_bomb", "launched", 3, "ua-official"),
      ("UA-59", "drone", "launched", 6, "ua-official")], [], []),
    # a plant's name with an abbreviation in any case ("Трипільську ТЕС"); a plant that "зазнала удару"
    # and was stopped is damaged
    ("interfax", "Уламки дрона пошкодили Трипільську ТЕС.", [], [("UA-32", "energy")], []),
    ("interfax", "Зміївська ТЕС зазнала удару і зупинена.", [], [("UA-63", "energy")], []),
    # a vessel word before a berth or a depot names its use ("tanker berths"); windows "broken" in
    # houses; "leaving ... without electricity" after an attack on a grid; a fire a strike on an
    # object sparked, a few words on, beside a plant hit in the same sentence
    ("reuters", "Debris damaged two tanker berths at the port of Taman, the regional headquarters said.",
     [], [("RU-KDA", "transport")], []),
    ("telegram:bryansk_gubernator", "In Klintsy, windows were broken in an apartment building.", [],
     [("RU-BRY", "residential")], []),
    ("ap", "Drones struck power facilities in the Sumy region, leaving about 40,000 households without "
     "electricity.", [], [("UA-59", "energy")], []),
    ("ap", "The Ladyzhyn power plant was hit, and in the Lviv region a strike on a substation outside "
     "Sambir caused a fire.", [], [("UA-05", "energy"), ("UA-46", "energy"), ("UA-46", "fire")], []),
    # launches as a noun ("здійснив 25 пусків керованих авіабомб"); an airport under the "Kovyor"
    # plan is closed
    ("telegram:kpszsu", "За добу противник здійснив 25 пусків керованих авіабомб по Запоріжжю.",
     [("UA-23", "glide_bomb", "launched", 25, "ua-military")], [], []),
    ("rbc", "В аэропорту Казани ночью действовал план «Ковер».", [], [("RU-TA", "transport")], []),
    # the Air Force's split by direction: each part of the total, region null; a line after a
    # breakdown's bullets is the night's again
    ("telegram:kpszsu", "Станом на 08:00 збито/подавлено 210 ворожих БпЛА.\nЗа напрямками:\n🔹 північ – 90\n"
     "🔹 південь – 120",
     [(None, "drone", "intercepted", 210, "ua-military"), (None, "drone", "intercepted", 90, "ua-military"),
      (None, "drone", "intercepted", 120, "ua-military")], [], []),
    ("telegram:kpszsu", "Збито 60 ворожих БпЛА:\n• Одещина — 35\n• Миколаївщина — 25\nЩе 9 "
     "дронів-імітаторів локаційно втрачено.",
     [(None, "drone", "intercepted", 60, "ua-military"), ("UA-51", "drone", "intercepted", 35, "ua-military"),
      ("UA-48", "drone", "intercepted", 25, "ua-military"), (None, "drone", "suppressed", 9, "ua-military")],
     [], []),
    # one person joined to a figure of people: "a boy and two women" are three
    ("kyivindependent", "In Zaporizhzhia, an elderly man and three women were injured, Governor Ivan "
     "Fedorov said.", [], [], [("UA-23", "injured", 4)]),
    # weapons that "worked" on a target were used; "born in 1971" after a person; the heating season
    # is no heating; a fire "in one of the workshops" told next is in the object attacked
    ("telegram:exilenova_plus", "За даними джерел, по Новокуйбишевському НПЗ працювали 15 дронів.",
     [("RU-SAM", "drone", "launched", 15, "other")], [], []),
    ("telegram:khinshtein", "🔹 Rylsk: a woman born in 1964 was injured when a drone hit a bus stop.", [],
     [("RU-KRS", "other")], [("RU-KRS", "injured", 1)]),
    ("reuters", "Russian drones struck a gas pipeline in the Poltava region as the heating season begins.",
     [], [("UA-53", "fuel")], []),
    ("rbc", "Drones attacked the Orsk oil refinery in the Orenburg region overnight. 'A fire broke out in "
     "one of the units; it has been put out,' the governor wrote.", [],
     [("RU-ORE", "fuel"), ("RU-ORE", "fire")], []),
    # a dateline on the line after a headline ("Киев. 24 ноября. ИНТЕРФАКС-УКРАИНА —") names no place
    ("interfax", "Повреждена ТЭС\nКиев. 2 декабря. ИНТЕРФАКС-УКРАИНА — Ночью атакована тепловая "
     "электростанция, сообщили в компании. По данным ОВА, удар пришелся по Бурштыну.", [],
     [("UA-26", "energy")], []),
    # Thirtieth batch: round 37 (frontline shelling tallies by regional heads, border governors,
    # occupation officials, wire stories combining both sides)
    # an occupation head's channel after one or two initials ("vgsaldo"); the DPR's and LPR's offices
    # in the JCCC tell for the Russian side
    ("telegram:vgsaldo", "За ночь над Херсонской областью средствами ПВО сбиты 12 беспилотников.",
     [("UA-65", "drone", "intercepted", 12, "ru-official")], [], []),
    ("ria", "Как сообщили в представительстве ЛНР в СЦКК, ВСУ атаковали Лисичанск семью беспилотниками.",
     [("UA-09", "drone", "launched", 7, "ru-official")], [], []),
    # "займалася" (the imperfective past) is a fire; an ambulance by its short name in quotes
    ("telegram:synegubov", "Унаслідок удару по Чугуєву займалася багатоповерхівка.", [],
     [("UA-63", "residential"), ("UA-63", "fire")], []),
    ("telegram:pushilindenis", "В Горловке осколками повреждена «скорая».", [], [("UA-14", "other")], []),
    # streets in the plural name no town ("Пушкинской" is no Pushkino)
    ("telegram:pushilindenis", "В Донецке повреждены два дома на улицах Пушкинской и Горького.", [],
     [("UA-14", "residential")], []),
    # a dateline filed from two cities; "the city" after a region's official named in its sentence
    ("reuters", "KYIV/LONDON, April 4 (Reuters) - Russia launched 90 drones at Ukraine overnight, the air "
     "force said.", [(None, "drone", "launched", 90, "ua-military")], [], []),
    ("reuters", "Mayor Vitali Klitschko said air defences were active over Kyiv. Odesa regional governor "
     "Oleh Kiper said a drone damaged a warehouse in the city.", [], [("UA-51", "industrial")], []),
    # a number naming a part of the text ("in paragraph 2"); a figure given "by mistake" and the
    # one put in its place; "and the remainder over the Black Sea" is a part of its own
    ("reuters", "Russia's Defence Ministry said air defences destroyed 12 drones over the Bryansk region. "
     "(Corrects figure in paragraph 2.)", [("RU-BRY", "drone", "intercepted", 12, "ru-mod")], [], []),
    ("telegram:sumy_ova", "Виправлення: у нічному дописі помилково вказано 12 збитих дронів — насправді над "
     "Сумщиною збито 15 БпЛА.", [("UA-59", "drone", "intercepted", 15, "ua-official")], [], []),
    ("ria", "Air defences downed 40 drones overnight, the Defence Ministry said: 25 over the Bryansk region, "
     "10 over the Oryol region and the remainder over the Black Sea.",
     [(None, "drone", "intercepted", 40, "ru-mod"), ("RU-BRY", "drone", "intercepted", 25, "ru-mod"),
      ("RU-ORL", "drone", "intercepted", 10, "ru-mod")], [], []),
    # a figure after an aside between dashes takes no place from inside it
    ("ukrinform", "The enemy launched 40 missiles - 12 of them at the Odesa region and 9 at the Lviv "
     "region - and used 600 drones, the General Staff said.",
     [(None, "missile", "launched", 40, "ua-military"), ("UA-51", "missile", "launched", 12, "ua-military"),
      ("UA-46", "missile", "launched", 9, "ua-military"), (None, "drone", "launched", 600, "ua-military")],
     [], []),
    # a passenger is one person ("водій та пасажирка" are two); the Grad's rockets are unguided,
    # HIMARS ones beside them not
    ("telegram:zoda", "У Запоріжжі поранено водія та 60-річну пасажирку.", [], [], [("UA-23", "injured", 2)]),
    ("tass-en", "Ukrainian troops fired 4 HIMARS rockets and 12 Grad rockets at Donetsk, Denis Pushilin "
     "said.", [("UA-14", "missile", "launched", 4, "ru-official")], [], []),
    # "над морем" after a place on one sea only is that sea; an enterprise after a plant of oil
    # products is that plant
    ("telegram:razvozhaev", "Атака на Севастополь: над морем у Херсонеса сбиты 5 беспилотников.",
     [("SEA-BLACK", "drone", "intercepted", 5, "ru-official")], [], []),
    ("rbc", "Беспилотники атаковали завод нефтепродуктов в Ростовской области, на территории предприятия "
     "возник пожар.", [], [("RU-ROS", "fuel"), ("RU-ROS", "fire")], []),
    # the road or station where a hit vehicle was is no transport damage
    ("telegram:bogomaz", "В Климово дрон ударил по легковому автомобилю на трассе, ранен водитель.", [],
     [("RU-BRY", "other")], [("RU-BRY", "injured", 1)]),
    ("reuters", "A drone hit a van near the bus station in Vovchansk, the Kharkiv governor said.", [],
     [("UA-63", "other")], []),
    # "a passenger bus" is a bus (a passenger "of" a bus is a person)
    ("telegram:bogomaz", "An FPV drone attacked a passenger bus in Klintsy, the governor said; no one was "
     "hurt.", [], [("RU-BRY", "other")], []),
    # "local Telegram channels saying" tell the figure (not the official quoted next); what was fired
    # "at the area of" a building is no damage to it
    ("kyivindependent", "Blasts hit occupied Donetsk overnight, with local Telegram channels saying Ukraine "
     "fired 5 missiles at the area of a former technical college. Russian-installed head Denis Pushilin said "
     "debris damaged a house.", [("UA-14", "missile", "launched", 5, "other")], [("UA-14", "residential")],
     []),
    # the night's total after parts over the city and over the sea spans both (on the city's channel too)
    ("telegram:razvozhaev", "Над Балаклавским районом сбиты 3 БПЛА. Ещё 5 беспилотников уничтожены над "
     "морем в районе мыса Фиолент. Всего за ночь уничтожены 8 беспилотников.",
     [("UA-40", "drone", "intercepted", 3, "ru-official"),
      ("SEA-BLACK", "drone", "intercepted", 5, "ru-official"),
      (None, "drone", "intercepted", 8, "ru-official")], [], []),
    # Thirty-first batch: round 38 (Moscow's running drone posts and airport restrictions, refinery and
    # depot strikes, the energy grid, the Black Sea and Crimea)
    # a fire beside an outage is no object left without power
    ("telegram:kharkiv_ova", "Після удару по підстанції виникла пожежа та знеструмлено частину Богодухова.",
     [], [("UA-63", "energy"), ("UA-63", "fire")], []),
    # a regional administration's handle before "_gov"
    ("telegram:poda_gov", "Над Полтавщиною збито 6 ворожих дронів.", [("UA-53", "drone", "intercepted", 6,
     "ua-official")], [], []),
    # "refineries in A and the B refinery": the next place names an object of its own, not a list
    ("reuters", "Drones hit the Kstovo and Dzerzhinsk oil refineries in the Nizhny Novgorod region and the "
     "Yaroslavl refinery, officials said.", [], [("RU-NIZ", "fuel"), ("RU-YAR", "fuel")], []),
    # homes the power was cut to lost it, they were not hit
    ("reuters", "In Kherson, a drone hit a substation and power was cut to 300 apartment buildings.", [],
     [("UA-65", "energy")], []),
    # trams' and trolleybuses' service stopped is transport; buses sent in reserve are no damage
    ("telegram:lutsk_rada", "У Луцьку рух трамваїв і тролейбусів зупинено, на маршрути вийшли резервні "
     "автобуси.", [], [("UA-07", "transport")], []),
    ("ap", "In Sevastopol, bus services were halted for an hour.", [], [("UA-40", "transport")], []),
    # a total "на подлёте к столице" after a part flying at Moscow is the city's
    ("tass", "Два беспилотника, летевших к Москве, сбиты. Всего, по подсчётам ТАСС, на подлёте к столице за "
     "ночь сбиты 11 БПЛА.", [("RU-MOW", "drone", "intercepted", 2, "other"),
                             ("RU-MOW", "drone", "intercepted", 11, "other")], [], []),
    # "the plant" after a power plant in its region is the power plant again
    ("reuters", "Drones damaged the Kurakhove thermal power plant in the Donetsk region. A worker was "
     "injured at the plant.", [], [("UA-14", "energy")], [("UA-14", "injured", 1)]),
    # boats named again after uncrewed boats are the same attackers, no damage
    ("tass", "Силы флота уничтожили три безэкипажных катера ВСУ в Черном море. Кроме того, над акваторией "
     "Черного моря сбиты 9 беспилотников. Таким образом, за ночь над морем уничтожены 9 БПЛА и три катера.",
     [("SEA-BLACK", "drone", "intercepted", 9, "other")], [], []),
    # "residents of 20 nearby houses were evacuated": where people live, not houses hit
    ("reuters", "Debris sparked a fire at a fuel depot in Feodosia, and residents of 20 nearby houses were "
     "evacuated.", [], [("UA-43", "fuel"), ("UA-43", "fire")], []),
    # Thirty-second batch: round 39 (missile and glide-bomb strikes on cities, tolls rising through the
    # day, Russian MoD interception bulletins and governors)
    # a figure closing a headline after its cue is people ("killing two" with nothing after it)
    ("ap", "Russian drones hit Kherson, killing two", [], [], [("UA-65", "killed", 2)]),
    # an approximate figure of casualties is the figure stated, as "at least 30"
    ("reuters", "A missile hit Poltava, wounding about 20, the governor said.", [], [],
     [("UA-53", "injured", 20)]),
    ("telegram:kharkiv_ova", "Удар по Харкову: поранено близько 15 людей.", [], [],
     [("UA-63", "injured", 15)]),
    # "Є загиблий": a singular casualty noun after "there is" states one
    ("telegram:dnipr_ova", "Ракета влучила у Кривий Ріг. Є загиблий та четверо поранених.", [], [],
     [("UA-12", "killed", 1), ("UA-12", "injured", 4)]),
    ("telegram:vv_gladkov", "Дрон атаковал Шебекино. Есть погибший.", [], [], [("RU-BEL", "killed", 1)]),
    # "our colleague", "a conductor": one person more after a possessive, railway staff are people
    ("telegram:UkrzalInfo", "Ворог атакував депо в Полтаві. На жаль, загинув наш колега.", [], [],
     [("UA-53", "killed", 1)]),
    ("telegram:UkrzalInfo", "Дрон влучив у поїзд у Сумах. Поранено трьох пасажирів і провідницю.", [],
     [("UA-59", "transport")],
     [("UA-59", "injured", 4)]),
    # "помер ще один чоловік — загиблих уже двоє": the one more is inside the toll it has reached
    ("telegram:vilkul", "Ракетний удар по Кривому Рогу: у лікарні помер ще один чоловік — загиблих уже "
     "двоє.", [], [], [("UA-12", "killed", 2)]),
    # "Серед поранених четверо дітей" after the figure of injured is a part of it
    ("telegram:synegubov", "Кількість постраждалих внаслідок атаки на Харків зросла до 19. Серед поранених "
     "четверо дітей.", [], [], [("UA-63", "injured", 19)]),
    # projectiles air defence shoots down are rockets (guided MLRS: missiles), not a gun's shells
    ("ria", "ВСУ обстреляли Каховку из РСЗО HIMARS. Силами ПВО сбиты четыре снаряда.",
     [("UA-65", "missile", "intercepted", 4, "other")], [], []),
    ("ria", "По Горловке выпущено 20 снарядов, силами ПВО сбиты 3 беспилотника.",
     [("UA-14", "drone", "intercepted", 3, "other")], [], []),
    # a short line with no verb after an attack told with no figure names what it was made with
    ("telegram:vilkul", "Ворог вдарив балістикою по Кривому Рогу. Попередньо — двома ракетами Іскандер-М.",
     [("UA-12", "missile", "launched", 2, "ua-official")], [], []),
    # "два «Іскандери»": the Ukrainian plural is a missile (the analyzer reads it as a verb)
    ("telegram:synegubov", "По Харкову прилетіли два «Іскандери».",
     [("UA-63", "missile", "launched", 2, "ua-official")], [], []),
    # a boiler house makes heat for a district: energy, as a heating plant is
    ("ria", "В Климово беспилотник повредил здание котельной.", [], [("RU-BRY", "energy")], []),
    ("telegram:sumy_ova", "У Сумах уламки дрона пошкодили котельню.", [], [("UA-59", "energy")], []),
    # "near" joined to where a hit landed names what was hit with it (not "a depot near the airfield")
    ("telegram:ihor_terekhov", "Харків. Влучання в багатоповерхівку та поблизу школи.", [],
     [("UA-63", "residential"), ("UA-63", "other")], []),
    ("reuters", "Drones struck a fuel depot near the Engels military airfield.", [],
     [("RU-SAR", "fuel")], []),
    # "the Kyiv region surrounding the capital": a landmark that says where the region lies
    ("reuters", "Drones hit Kyiv overnight. In the Kyiv region surrounding the capital, one person was "
     "killed and a warehouse caught fire.", [], [("UA-32", "industrial"), ("UA-32", "fire")],
     [("UA-32", "killed", 1)]),
    # Thirty-third batch: round 40 (early December 2026: deep strikes in Russia's interior, Crimea, western
    # Ukraine, railways, ports and bridges, Telegram posts with updates and corrections, non-strike stories)
    # a region's government or information office channel is an official's ("<region>_gov", "lenoblinform")
    ("telegram:kursk_gov", "Над районом сбиты три БПЛА.",
     [("RU-KRS", "drone", "intercepted", 3, "ru-official")], [], []),
    ("telegram:lenoblinform", "Над Выборгским районом уничтожены 2 беспилотника.",
     [("RU-LEN", "drone", "intercepted", 2, "ru-official")], [], []),
    # tanks of oil products are fuel; a commercial sea port is transport (not a shop)
    ("reuters", "A drone hit a tank of oil products in Tuapse.", [], [("RU-KDA", "fuel")], []),
    ("ria", "В Туапсе повреждены краны морского торгового порта.", [], [("RU-KDA", "transport")], []),
    # "особового складу" is personnel, not a warehouse
    ("telegram:sumy_ova", "У Сумах горить будинок, на гасінні працює 40 осіб особового складу ДСНС.", [],
     [("UA-59", "residential"), ("UA-59", "fire")], []),
    # a berth named after a generic terminal that turns out to be the oil one is transport of its own
    ("rbc", "В Новороссийске горит нефтяной терминал. Обломки упали на территорию терминала. Кроме того, в "
     "порту поврежден причал.", [], [("RU-KDA", "fire"), ("RU-KDA", "fuel"), ("RU-KDA", "transport")], []),
    # "відсутнє електропостачання", "отсутствует электроснабжение": an outage, not a denial
    ("telegram:kmva", "Після атаки в частині Житомира відсутнє електропостачання.", [], [("UA-18", "energy")],
     []),
    ("ria", "В Брянске после атаки дронов отсутствует электроснабжение.", [], [("RU-BRY", "energy")], []),
    # a figure an update says it grew from, or an earlier report beside an update, is superseded
    ("kyiv-independent", "Russia launched 90 drones overnight; the Air Force said 71 were downed, up from "
     "the 65 reported at dawn.",
     [(None, "drone", "launched", 90, "ua-military"), (None, "drone", "intercepted", 71, "ua-military")],
     [], []),
    ("telegram:kpszsu", "Оновлено: за уточненими даними, збито 88 БпЛА. Раніше повідомлялося про 80 збитих "
     "БпЛА.", [(None, "drone", "intercepted", 88, "ua-military")], [], []),
    # an aside with an earlier figure ("(ранее сообщалось о ...)") is the earlier figure's alone
    ("interfax", "В Ижевске ранены четверо (ранее сообщалось о троих). В Чебоксарах пострадали двое.", [],
     [], [("RU-UD", "injured", 4), ("RU-CU", "injured", 2)]),
    # "«зачепило» підприємство", "задело дом": a hit told in a plain word
    ("suspilne", "У Брянську, за словами губернатора, «зачепило» склад.", [], [("RU-BRY", "industrial")], []),
    ("ria", "В Курске обломками задело жилой дом.", [], [("RU-KRS", "residential")], []),
    # "between 7 p.m. and 10 p.m.": hours (their letters split by the dots), not a whole before "including"
    ("tass", "Air defences destroyed 30 drones between 7 p.m. and 10 p.m., the ministry said, including 18 "
     "over the Kursk region and 12 over the Oryol region.",
     [(None, "drone", "intercepted", 30, "ru-mod"), ("RU-KRS", "drone", "intercepted", 18, "ru-mod"),
      ("RU-ORL", "drone", "intercepted", 12, "ru-mod")], [], []),
    # "UPDATE: 4 more drones were downed" adds to the night's figure, it does not replace it
    ("telegram:vvgladkov", "Over the Belgorod region 6 drones were shot down.\n\nUPDATE 07:30: 4 more drones "
     "were shot down over Shebekino.",
     [("RU-BEL", "drone", "intercepted", 6, "ru-official"),
      ("RU-BEL", "drone", "intercepted", 4, "ru-official")], [], []),
    # a line of another weapon after a bulleted breakdown is the night's again
    ("telegram:mod_russia", "Air defence assets destroyed 20 UAVs:\n\n— 12 over the Kursk region,\n— 8 over "
     "the Sea of Azov.\n\nIn addition, 2 Neptune missiles were shot down.",
     [(None, "drone", "intercepted", 20, "ru-mod"), ("RU-KRS", "drone", "intercepted", 12, "ru-mod"),
      ("SEA-AZOV", "drone", "intercepted", 8, "ru-mod"), (None, "missile", "intercepted", 2, "ru-mod")],
     [], []),
    # a participle before a plural noun ("damaging two loading berths") counts no weapon
    ("reuters", "Debris from downed drones fell on the port of Taman, damaging three loading cranes.", [],
     [("RU-KDA", "transport")], []),
    # a part inside the region every place of its whole lies in is not labelled again
    ("telegram:vvgladkov", "У Бєлгороді, Шебекиному та Грайвороні відбито атаку: знищено 14 дронів, з них "
     "6 – над Бєлгородом.", [("RU-BEL", "drone", "intercepted", 14, "ru-official")], [], []),
    # "загалом 24 одиниці": pieces of the weapon named before
    ("telegram:kpszsu", "Вночі противник атакував ударними БпЛА – загалом 37 одиниць. Збито 30.",
     [(None, "drone", "launched", 37, "ua-military"), (None, "drone", "intercepted", 30, "ua-military")], [],
     []),
    ("telegram:kpszsu", "Вдень противник атакував ударними БпЛА типу Shahed – загалом 22 одиниці.",
     [(None, "drone", "launched", 22, "ua-military")], [], []),
    # "ще один упав": one more that fell is no figure of the downed
    ("telegram:vvgladkov", "Над Белгородом сбиты два беспилотника, еще один упал в поле.",
     [("RU-BEL", "drone", "intercepted", 2, "ru-official")], [], []),
    # "unmanned aerial vehicles" destroyed are drones, not cars
    ("tass", "Air defences destroyed 12 unmanned aerial vehicles over the Bryansk region overnight.",
     [("RU-BRY", "drone", "intercepted", 12, "other")], [], []),
    # "he wrote on his Telegram channel": the official's own channel, not a media one
    ("interfax", "Kursk Governor Alexander Khinshtein reported an attack on Lgov. \"Five drones were shot "
     "down over the town,\" he wrote on his Telegram channel.",
     [("RU-KRS", "drone", "intercepted", 5, "ru-official")], [], []),
    # the imperfective "заявляло" is a ministry's statement too
    ("ukrinform", "Міноборони РФ заявляло про знищення семи безпілотників над Брянською областю, а "
     "губернатор повідомив про пошкоджену лінію електропередачі.",
     [("RU-BRY", "drone", "intercepted", 7, "ru-mod")], [("RU-BRY", "energy")], []),
    # where delayed trains run to is no place of the damage
    ("suspilne", "Drones hit a railway station in the Sarny district of Rivne region; trains to Kyiv and "
     "Lutsk are running late.", [], [("UA-56", "transport")], []),
    # "в районі Любимівки, частина ... округу без світла": a village, its clause not a list of districts
    ("ria", "Развожаев сообщил, что в районе Любимовки повреждены два дома, часть Нахимовского округа без "
     "света. Глава Крыма Аксенов заявил, что в Джанкойском районе повреждена железная дорога.", [],
     [("UA-40", "residential"), ("UA-40", "energy"), ("UA-43", "transport")], []),
    # a headline's casualty that the story's larger figure of the same kind tells again is among them
    ("suspilne", "Дрон атакував автобус у Сумах, поранено водія\n\nУ Сумах дрон влучив в автобус. Поранено "
     "чотирьох людей: водія та трьох пасажирів.", [], [("UA-59", "other")], [("UA-59", "injured", 4)]),
    # "в случае отключений", "пытался поджечь ..., но был задержан": what may or was meant to happen
    ("ukrinform", "Больницы Ровенской области получат генераторы на случай отключений электроэнергии.", [],
     [], []),
    ("meduza", "Суд в Курске приговорил мужчину, который пытался поджечь локомотив, но был задержан.", [],
     [], []),
    # "над промзоною видно заграву": what a glow is seen over is no damage said
    ("telegram:exilenova_plus", "Брянськ: чути вибухи, над промзоною видно заграву.", [], [], []),
    # Thirty-fourth batch: round 41 (late November 2026 written fast and messily: abbreviations and slang,
    # typos, thousands separators, numbers in words, old place names, weekly recaps beside the night's)
    # a thin space or a dot between thousands
    ("tass", "За неделю средствами ПВО сбиты 7 ракет и 1\u2009215 беспилотников.",
     [(None, "missile", "intercepted", 7, "other"), (None, "drone", "intercepted", 1215, "other")], [], []),
    ("pravda.com.ua", "За тиждень ворог запустив по Україні понад 1.450 ударних дронів.",
     [(None, "drone", "launched", 1450, "other")], [], []),
    # "pounded ... with": a launch
    ("ap", "Russia pounded the Odesa region with 40 drones overnight; air defences downed 31 of them.",
     [("UA-51", "drone", "launched", 40, "other"), ("UA-51", "drone", "intercepted", 31, "other")], [], []),
    # a capital after "обл." opens a sentence
    ("rbc.ua", "Враг атаковал 50 дронами и 3 ракетами из Брянской обл. В итоге ПВО сбила 41 беспилотник.",
     [(None, "drone", "launched", 50, "other"), (None, "missile", "launched", 3, "other"),
      (None, "drone", "intercepted", 41, "other")], [], []),
    # "ppl", "pensioners": people
    ("telegram:synegubov", "Kharkiv: 4 ppl injured after a KAB hit a house", [], [("UA-63", "residential")],
     [("UA-63", "injured", 4)]),
    ("telegram:vvgladkov", "In Shebekino 3 pensioners were wounded by a drone.", [], [],
     [("RU-BEL", "injured", 3)]),
    # "a nine storey building", "damagd": a residential building, damaged
    ("suspilne", "Sumy: a drone hit a nine storey building, windows and a car damagd.", [],
     [("UA-59", "residential"), ("UA-59", "other")], []),
    # "в т.ч.": a subset of its part
    ("suspilne", "Міноборони рф стверджує, що збило 40 БпЛА: 30 над Курською обл, 10 над Московською, в т.ч. "
     "3 летіли на Москву.",
     [(None, "drone", "intercepted", 40, "ru-mod"), ("RU-KRS", "drone", "intercepted", 30, "ru-mod"),
      ("RU-MOS", "drone", "intercepted", 10, "ru-mod")], [], []),
    # "between November 9 and 15": the range's last day is no figure
    ("meduza", "About 900 Ukrainian drones were shot down over Russia between November 9 and 15, the MoD "
     "said.",
     [(None, "drone", "intercepted", 900, "ru-mod")], [], []),
    # "прием и выпуск самолетов": flights
    ("ria", "В аэропорту Шереметьево временно приостановлен прием и выпуск самолетов.", [],
     [("RU-MOS", "transport")], []),
    # "Kyiv OVA": the oblast's administration
    ("ukrinform", "Kyiv OVA: a warehouse burned in Brovary district after the attack.", [],
     [("UA-32", "industrial"), ("UA-32", "fire")], []),
    # "в окупованому Криму": the occupation between the preposition and the place
    ("ukrinform", "Сили оборони уразили склад боєприпасів в окупованому Криму.", [], [("UA-43", "military")],
     []),
    # "детсад": a kindergarten
    ("strana.ua", "В Одессе обломки повредили детсад.", [], [("UA-51", "other")], []),
    # "AD forces of the MoD" shoot; the mayor reports
    ("tass", "Sobyanin: AD units of the MoD repelled an attack of two drones flying towards Moscow.",
     [("RU-MOW", "drone", "intercepted", 2, "ru-official")], [], []),
    # "Только за ночь - 90 шахедов": a hyphen typed for the dash of a verbless line
    ("pravda.com.ua", "За неделю россия выпустила по Украине более 900 дронов. Только за ночь - 90 шахедов.",
     [(None, "drone", "launched", 900, "other"), (None, "drone", "launched", 90, "other")], [], []),
    # "9 КАБ и 40 БпЛА по громадам": aimed at, so launched, with the header's place before the colon
    ("telegram:sumy_ova", "Сумщина за сутки: 5 КАБ и 23 ударных БпЛА по громадам области.",
     [("UA-59", "glide_bomb", "launched", 5, "ua-official"),
      ("UA-59", "drone", "launched", 23, "ua-official")], [], []),
    # a list of parts after "зокрема", not an aside before the total's place
    ("rbc", "Міноборони рф стверджує, що збито 60 дронів, зокрема над Курською обл — 35, Брянською — 25.",
     [(None, "drone", "intercepted", 60, "ru-mod"), ("RU-KRS", "drone", "intercepted", 35, "ru-mod"),
      ("RU-BRY", "drone", "intercepted", 25, "ru-mod")], [], []),
    # a nuclear plant's training centre is no military one
    ("telegram:balitsky", "В Энергодаре дрон ВСУ попал в учебный центр ЗАЭС.", [], [("UA-23", "other")], []),
    # "здание бывшей администрации": an administration's building
    ("telegram:pushilin", "В Горловке повреждено здание бывшей администрации.", [], [("UA-14", "other")], []),
    # a nickname in quotes joined to its weapon ("«мопедами» та шахедами")
    ("telegram:sumy_oda", "Ворог атакував Сумщину близько сотні «мопедами» та шахедами.",
     [("UA-59", "drone", "launched", 100, "ua-official")], [], []),
    # "65 из 88 запущенных Россией": the participle's agent inside the "of" phrase
    ("rbc", "Воздушные силы Украины сообщили, что сбили 52 из 70 запущенных Россией беспилотников.",
     [(None, "drone", "launched", 70, "ua-military"), (None, "drone", "intercepted", 52, "ua-military")], [],
     []),
    # Thirty-fifth batch: round 42 (late November and early December 2026, reports that change: live blogs
    # with timed updates, corrections and retractions, aggregators, both sides' figures for one night)
    # "this information was not confirmed": the report before it is untrue
    ("suspilne", "Drones attacked Chernihiv overnight. Earlier, citing residents, we reported that two "
     "people had been killed and a school destroyed. The city council said this information was not "
     "confirmed.", [], [], []),
    ("ria", "Ранее в соцсетях писали о пожаре на нефтебазе в Брянске. «Эта информация не подтвердилась», — "
     "сообщил губернатор.", [], [], []),
    # the clause before "— ... цю інформацію спростувала" is untrue
    ("radiosvoboda", "Раніше місцеві канали писали про трьох загиблих у Мелітополі — згодом окупаційна влада "
     "цю інформацію спростувала.", [], [], []),
    # "інформація про ... не підтвердилась": untrue, and so are the same words told before it
    ("telegram:VA_Kyiv", "Голосіївський район: попередньо, влучання в об'єкт інфраструктури, виникла "
     "пожежа.\nОновлено: інформація про влучання в об'єкт інфраструктури не підтвердилась.", [],
     [("UA-30", "fire")], []),
    # "power supply is stable", "электроснабжение ... в штатном режиме": no outage
    ("pravda.com.ua", "Mayor: a drone hit a warehouse in Poltava; power supply in the city is stable.", [],
     [("UA-53", "industrial")], []),
    ("telegram:vvgladkov", "В Белгороде повреждён гараж, электроснабжение осуществляется в штатном "
     "режиме.", [], [("RU-BEL", "other")], []),
    # "СТО" in capitals: a service station's initials, not a hundred
    ("ria", "В Курске повреждены магазин, СТО и два автомобиля.", [], [("RU-KRS", "other")], []),
    # an airport by its name alone: "ограничения в Шереметьево", "обмеження в петербурзькому Пулково"
    ("ria", "Ограничения в Шереметьево сняты, сообщила Росавиация.", [], [("RU-MOS", "transport")], []),
    ("unian", "Росавіація вводила обмеження в петербурзькому Пулково.", [], [("RU-SPE", "transport")], []),
    # "received ... wounds": injured
    ("ap", "A man in Belgorod received shrapnel wounds when a drone hit his car.", [], [("RU-BEL", "other")],
     [("RU-BEL", "injured", 1)]),
    # "указано неверно (21). Верное значение — 12": the right figure in the next sentence, told once
    ("ria", "В Курской области сбиты 12 беспилотников. Исправление: в первой версии заметки их число было "
     "указано неверно (21). Верное значение — 12.", [("RU-KRS", "drone", "intercepted", 12, "other")], [],
     []),
    # "ошибочно сообщалось о погибшей" is untrue; "По уточненным данным, ... ранена" the same one again
    ("ria", "В Льгове ранена женщина. Ранее ошибочно сообщалось о погибшей. По уточненным данным, "
     "пенсионерка ранена.", [], [], [("RU-KRS", "injured", 1)]),
    # an update's own figure, then another claimant's after it: the latter refines nothing
    ("tass", "Хинштейн: над Курской областью сбиты 7 беспилотников.\n\nОбновлено 10:15. Хинштейн уточнил, "
     "что всего над регионом сбиты 9 беспилотников, а не 7, как сообщалось ранее. Минобороны в утренней "
     "сводке сообщало о пяти беспилотниках, уничтоженных над Курской областью.",
     [("RU-KRS", "drone", "intercepted", 9, "ru-official"), ("RU-KRS", "drone", "intercepted", 5, "ru-mod")],
     [], []),
    # an update's whole over several regions with its parts replaces no one region's figure
    ("unian", "Мер Москви Сергій Собянін повідомив, що за ніч знищено 9 дронів, що летіли на місто.\n"
     "Оновлено 09:00: Міноборони РФ заявило про 40 безпілотників, знищених над шістьма регіонами, зокрема "
     "12 — над Брянською областю.",
     [("RU-MOW", "drone", "intercepted", 9, "ru-official"), (None, "drone", "intercepted", 40, "ru-mod"),
      ("RU-BRY", "drone", "intercepted", 12, "ru-mod")], [], []),
    # a submarine is military
    ("unian", "СБУ: морські дрони уразили підводний човен у бухті Новоросійська.", [],
     [("RU-KDA", "military")], []),
    # "об'єктах енергетики України": the whole country's, no region's
    ("unian", "Херсонщина: пошкоджено склад. Міноборони РФ заявило про удар по об'єктах енергетики "
     "України.", [], [("UA-65", "industrial")], []),
    # a headline's "атаки катеров" that the story calls crewless boats: the attackers, not damage
    ("rbc", "Оперштаб сообщил о повреждениях в Туапсе после атаки катеров. Ночью город атаковали "
     "безэкипажные катера, все они уничтожены.", [], [], []),
    # "loading of tankers": shipping
    ("meduza", "In Primorsk, loading of tankers was halted after the drone attack.", [],
     [("RU-LEN", "transport")], []),
    # a region's figure in brackets after it
    ("rbc", "Минобороны отчиталось о 203 сбитых беспилотниках над восемью регионами, больше всего над "
     "Брянской областью (58).",
     [(None, "drone", "intercepted", 203, "ru-mod"), ("RU-BRY", "drone", "intercepted", 58, "ru-mod")], [],
     []),
    # ", по словам ведомства,": an aside between a part and its place
    ("rbc", "Минобороны заявило о 30 сбитых дронах, из них 12, по словам ведомства, над Курской областью.",
     [(None, "drone", "intercepted", 30, "ru-mod"), ("RU-KRS", "drone", "intercepted", 12, "ru-mod")], [],
     []),
    # a live blog's "Final figures for the day" replace the tolls told before
    ("suspilne", "Strikes on Sumy: live updates.\n10:05 Two people were injured, the mayor said.\n12:30 The "
     "number of injured has risen to five.\n18:00 Final figures for the day: one person killed and six "
     "injured.",
     [], [], [("UA-59", "killed", 1), ("UA-59", "injured", 6)]),
    # "Earlier, the mayor had put the death toll at five": the toll the later one replaced
    ("ap", "At least eight people were killed in Dnipro, the governor said. Earlier, the mayor had put the "
     "death toll at five.", [], [], [("UA-12", "killed", 8)]),
    # "поблизу школи, де вибито вікна": the landmark is where the damage is (not a bare "поблизу школи")
    ("interfax", "У Харкові друга бомба впала поблизу школи, де вибито вікна.", [], [("UA-63", "other")], []),
    ("interfax", "У Харкові друга бомба впала поблизу школи.", [], [], []),
    # "the boat was destroyed" before "an attack by uncrewed boats": the boat struck is still military
    ("ukrinform", "Navy drones struck a landing boat near Chornomorske in Crimea; the boat was destroyed. "
     "The occupation head claimed that an attack by uncrewed boats had been repelled.", [],
     [("UA-43", "military")], []),
    # a running figure's verbless last step: "достигло 6, к 03:20 — 15" is 15
    ("ria", "Мэр сообщает о сбитых беспилотниках, летевших на Москву: к 01:10 число сбитых дронов достигло "
     "6, к 03:20 — 15.", [("RU-MOW", "drone", "intercepted", 15, "ru-official")], [], []),
]


@pytest.mark.parametrize(("source", "text", "counts", "damage", "casualties"), CASES)
def test_fresh_sentence(
    source: str, text: str, counts: list[C], damage: list[D], casualties: list[K]
) -> None:
    raw = RawReport(
        id="fresh", source=source, published_at=datetime(2025, 6, 1, 6, 0, tzinfo=UTC), text=text
    )
    got = normalize(raw)
    got_counts = Counter(
        (o.region, o.weapon, o.measure, o.count, o.claimant) for o in got.observations
    )
    got_cas = Counter(
        (c.region, what, n)
        for c in got.casualties
        for what, n in (("killed", c.killed), ("injured", c.injured))
        if n
    )
    assert got_counts == Counter(counts)
    assert Counter((d.region, d.kind) for d in got.damage) == Counter(damage)
    assert got_cas == Counter(casualties)
