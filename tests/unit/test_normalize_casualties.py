"""Casualties [region, killed|injured, n]: numbers, words, implicit one, negations."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from stream.models import RawReport
from stream.normalize import normalize

C = tuple[str | None, str, int]


def _cas(text: str) -> list[C]:
    raw = RawReport(id="t", source="wire", published_at=datetime(2025, 6, 1, tzinfo=UTC), text=text)
    out: list[C] = []
    for c in normalize(raw).casualties:
        if c.killed:
            out.append((c.region, "killed", c.killed))
        if c.injured:
            out.append((c.region, "injured", c.injured))
    return sorted(out, key=str)


CASES = [
    # the place right after each figure is its own, not the nearer one before the cue
    ("Russia's overnight attack killed one person in Ternopil Oblast and injured three in "
     "Ivano-Frankivsk Oblast, regional authorities reported.",
     [("UA-26", "injured", 3), ("UA-61", "killed", 1)]),
    ("В результате удара погибли два человека в Белгороде, ранены трое в Курской области.",
     [("RU-BEL", "killed", 2), ("RU-KRS", "injured", 3)]),
    # "р-н", "р-ні": a district abbreviated is a district
    ("В Курской обл., по данным губернатора, ранен мужчина в Рыльском р-не.", [("RU-KRS", "injured", 1)]),
    # relatives and neighbours are people too
    ("In the Zaporizhzhia region a 72-year-old woman was killed and her grandson was injured.",
     [("UA-23", "injured", 1), ("UA-23", "killed", 1)]),
    ("Харків. Внаслідок ударів КАБ по Салтівському р-ну поранено 12 людей.\nУточнення: не 12, а 14 "
     "поранених.", [("UA-63", "injured", 14)]),
    # ... and one that only says the new figure replaces the old one, with its region and kind
    ("Губернатор Вячеслав Гладков: в Шебекино дрон атаковал легковой автомобиль. Ранен мужчина.\n\n"
     "Уточнение: ранены не один, а два человека — водитель и его пассажирка.", [("RU-BEL", "injured", 2)]),
    # an age after each person joined
    ("У Золочівській громаді Богодухівського району поранено жінку 54 років та чоловіка 71 року.",
     [("UA-63", "injured", 2)]),
    # a street name before a comma makes no house number of the figure after the clause's verb
    ("In Kherson, a drone dropped explosives on a bus on Perekopska Street, killing one passenger and "
     "injuring six.", [("UA-65", "injured", 6), ("UA-65", "killed", 1)]),
    # the injured taken to hospital are a part of the injured just before; "оба" counts no weapon;
    # a house by its number is an address
    ("По данным ОВА, в Харькове ранения получили 14 человек, среди них трое детей; 6 пострадавших "
     "госпитализированы.", [("UA-63", "injured", 14)]),
    ("В Рыльске Курской области дрон ударил по автомобилю у дома № 15: ранения получили 45-летний мужчина "
     "и его 12-летний сын, оба доставлены в ЦРБ.", [("RU-KRS", "injured", 2)]),
    # remains handed over in an exchange are no casualties of a strike
    ("В ходе отдельной процедуры Украине переданы тела 1000 погибших военнослужащих; российская "
     "сторона получила 24 тела.", []),
    ("Напередодні в Україну також повернули тіла 1 000 загиблих.", []),
    # items of one casualty list: a place, a dash and a bare figure take the cue before them
    ("У Курській області загинув чоловік, у Брянській – поранено двох, а в Бєлгородській – трьох, "
     "зокрема дитину.", [("RU-BEL", "injured", 3), ("RU-BRY", "injured", 2), ("RU-KRS", "killed", 1)]),
    ("Двоє людей загинули на Донеччині, по одному – на Херсонщині, Запоріжжі та Харківщині; у Херсоні "
     "поранено вісьмох, у Запорізькій області – шістьох.",
     [("UA-14", "killed", 2), ("UA-23", "injured", 6), ("UA-23", "killed", 1), ("UA-63", "killed", 1),
      ("UA-65", "injured", 8), ("UA-65", "killed", 1)]),
    # a body found is one killed; bodies "еще" add to a toll given elsewhere; remains handed over
    # are no casualties of a strike
    ("У Харкові під завалами знайшли тіло жінки.", [("UA-63", "killed", 1)]),
    ("В Белгороде под завалами нашли тела еще двух человек.", []),
    # one more for each person joined after "N people"
    ("В Купянском районе погиб 68-летний мужчина, в Чугуеве ранены две женщины и 14-летний подросток.",
     [("UA-63", "injured", 3), ("UA-63", "killed", 1)]),
    ("Волинь. У Ковелі пошкоджено залізничну інфраструктуру. Поранено працівника залізниці.",
     [("UA-07", "injured", 1)]),
    # burns are injuries
    ("В Глушковском районе Курской области сгорел жилой дом, хозяйка получила ожоги.",
     [("RU-KRS", "injured", 1)]),
    # an update of the injured replaces the figure before; "two more bodies" are no weapons
    ("Syniehubov: three people injured in Kharkiv so far.\n\nUpdate: the number of injured in Kharkiv "
     "has risen to seven, Syniehubov says.", [("UA-63", "injured", 7)]),
    # "по одному" over regions listed together: one in each
    ("В Белгородской и Курской областях погибло по одному мирному жителю, еще трое пострадали в "
     "Брянской области.", [("RU-BEL", "killed", 1), ("RU-BRY", "injured", 3), ("RU-KRS", "killed", 1)]),
    ("In the Belgorod and Kursk regions one civilian was killed in each.",
     [("RU-BEL", "killed", 1), ("RU-KRS", "killed", 1)]),
    # a couple is two people
    ("An elderly couple was killed in Semenivka, the Chernihiv region administration said.",
     [("UA-74", "killed", 2)]),
    ("В Белгороде погибли пожилые супруги.", [("RU-BEL", "killed", 2)]),
    ("У Харкові внаслідок удару загинуло подружжя.", [("UA-63", "killed", 2)]),
    # a person "of"/"at" a place or an object is still one person
    ("The Samara governor said one employee of the refinery was injured.", [("RU-SAM", "injured", 1)]),
    ("In Kaluga, a 57-year-old security guard at the enterprise was wounded by shrapnel.",
     [("RU-KLU", "injured", 1)]),
    # "minor" injuries after seeking help do not make a minor
    ("In the Tver region 13 people had sought medical help with minor injuries.",
     [("RU-TVE", "injured", 13)]),
    # a label, a dash and the figure; a subset after "среди" is not one
    ("Удар по Смілі Черкаської області. Поранених — 11, серед них троє дітей.",
     [("UA-71", "injured", 11)]),
    ("Удар по Рыльску Курской области: ранены пятеро. Среди раненых — 12-летний ребенок.",
     [("RU-KRS", "injured", 5)]),
    # an earlier figure in the clause after a semicolon gives way to the current one
    ("В Мукачеве, по уточнённым данным, ранены 19 человек; утром сообщалось о 15 пострадавших.",
     [("UA-21", "injured", 19)]),
    ("Two civilians were killed and 11 wounded in a missile attack on the Kharkiv region.",
     [("UA-63", "killed", 2), ("UA-63", "injured", 11)]),
    ("Russian shelling killed a 72-year-old man in the Kherson region.", [("UA-65", "killed", 1)]),
    ("The death toll from the strike on the Odesa region has risen to 9.",
     [("UA-51", "killed", 9)]),
    ("An attack by drones on the Belgorod region injured three people, including a child.",
     [("RU-BEL", "injured", 3)]),
    ("A woman was wounded when debris fell on her house in the Kursk region.",
     [("RU-KRS", "injured", 1)]),
    ("A drone attack killed four people and injured 13 in the Zaporizhzhia region.",
     [("UA-23", "killed", 4), ("UA-23", "injured", 13)]),
    ("At least 5 people were killed in the Donetsk region.", [("UA-14", "killed", 5)]),
    ("A 43-year-old man was taken to hospital with shrapnel wounds after a drone attack on the "
     "Kursk region.", [("RU-KRS", "injured", 1)]),
    # a figure said to be an earlier report gives way to the current one of its kind
    ("The death toll from the strike on Dnipro has risen to five. Officials had earlier reported "
     "three dead.", [("UA-12", "killed", 5)]),
    ("Раніше повідомлялося про двох загиблих у Харкові. Кількість загиблих зросла до 4.",
     [("UA-63", "killed", 4)]),
    ("Earlier, a man was killed in Kherson when a drone hit his car.", [("UA-65", "killed", 1)]),
    ("Ще дванадцятеро людей дістали поранення у Бєлгородській області.",
     [("RU-BEL", "injured", 12)]),
    ("Загинули 9 людей у Дніпрі, ще 52 — травмовані.",
     [("UA-12", "injured", 52), ("UA-12", "killed", 9)]),
    ("На жаль, одна жінка, 76 років, загинула у Харкові.", [("UA-63", "killed", 1)]),
    ("A woman, 76 years old, was killed in Kharkiv.", [("UA-63", "killed", 1)]),
    ("13 people were injured in the Tver region; none of them is in serious condition.",
     [("RU-TVE", "injured", 13)]),
    # parts of a region's figure and their total: the total
    ("В Белгородской области в селе Дорогощь ранен мужчина. В селе Уразово ранены двое мирных "
     "жителей. Всего за сутки ранены 3 мирных жителя.", [("RU-BEL", "injured", 3)]),
    # an update raises a figure given before: only the update
    ("В Павлограде ранены 2 человека. UPD 09:20: В Павлограде число раненых возросло до 4.",
     [("UA-12", "injured", 4)]),
    ("У Торопці Тверської області 13 людей звернулися по медичну допомогу з легкими травмами.",
     [("RU-TVE", "injured", 13)]),
    ("В Белгороде 5 человек обратились за медицинской помощью с осколочными ранениями.",
     [("RU-BEL", "injured", 5)]),
    ("No one was injured in the attack on the Tver region.", []),
    ("There were no casualties in the Smolensk region.", []),
    ("Drones attacked the Kursk region; two people were hurt.", [("RU-KRS", "injured", 2)]),
    ("A drone hit a car in the Belgorod region, injuring its driver.",
     [("RU-BEL", "injured", 1)]),
    ("At least six people, including a child, were killed in the Kharkiv region. Another 47 "
     "were injured.", [("UA-63", "killed", 6), ("UA-63", "injured", 47)]),
    ("В Брянской области беспилотник атаковал автомобиль, водитель погиб.",
     [("RU-BRY", "killed", 1)]),
    ("One person died and six were injured after a strike on the Dnipropetrovsk region.",
     [("UA-12", "killed", 1), ("UA-12", "injured", 6)]),
    ("В Белгородской области погибли два человека, ещё пятеро получили ранения.",
     [("RU-BEL", "killed", 2), ("RU-BEL", "injured", 5)]),
    ("В Ростовской области пострадал мужчина.", [("RU-ROS", "injured", 1)]),
    ("В Курской области пострадавших нет.", []),
    ("В Брянской области ранены трое мирных жителей.", [("RU-BRY", "injured", 3)]),
    ("В результате атаки на Белгородскую область погиб один человек.",
     [("RU-BEL", "killed", 1)]),
    ("Унаслідок атаки на Київщину загинула жінка, ще троє людей поранено.",
     [("UA-32", "killed", 1), ("UA-32", "injured", 3)]),
    ("На Харківщині загинули двоє людей, семеро поранені.",
     [("UA-63", "killed", 2), ("UA-63", "injured", 7)]),
    ("На Одещині жертв немає.", []),
    ("На Сумщині внаслідок обстрілу постраждали четверо людей.", [("UA-59", "injured", 4)]),
    ("На Херсонщині поранено 12 людей, серед них двоє дітей.", [("UA-65", "injured", 12)]),
    ("На Дніпропетровщині загинув чоловік.", [("UA-12", "killed", 1)]),
    ("Мешканця Херсона поранено внаслідок обстрілу.", [("UA-65", "injured", 1)]),
    ("Внаслідок удару по Запоріжжю загинули 3 людини, ще 15 дістали поранення.",
     [("UA-23", "killed", 3), ("UA-23", "injured", 15)]),
    ("У Миколаєві постраждала 45-річна жінка.", [("UA-48", "injured", 1)]),
    ("Внаслідок атаки на Харків кількість поранених зросла до 25.", [("UA-63", "injured", 25)]),
    ("A Russian drone attack on Kharkiv injured 12 people, including two children.",
     [("UA-63", "injured", 12)]),
    ("Russian attacks killed seven people and injured 31 over the past day. In Kharkiv Oblast, "
     "two people were killed and 12 injured.",
     [(None, "killed", 7), (None, "injured", 31), ("UA-63", "killed", 2),
      ("UA-63", "injured", 12)]),
    ("Внаслідок атаки на Львів загинули семеро людей, серед них дитина, поранено 38.",
     [("UA-46", "killed", 7), ("UA-46", "injured", 38)]),
    ("У Брянській області поранено пенсіонерку.", [("RU-BRY", "injured", 1)]),
    ("Загинула людина, ще четверо поранені.", [(None, "killed", 1), (None, "injured", 4)]),
    ("На Харківщині за добу: 1 загиблий, 8 поранених.",
     [("UA-63", "killed", 1), ("UA-63", "injured", 8)]),
    ("В Курской области ранены трое, один из них в тяжелом состоянии.",
     [("RU-KRS", "injured", 3)]),
    ("Two killed, five injured in Russian strike on Zaporizhzhia.",
     [("UA-23", "killed", 2), ("UA-23", "injured", 5)]),
    ("A man was killed and his wife injured when a drone hit their car in the Kherson region.",
     [("UA-65", "killed", 1), ("UA-65", "injured", 1)]),
    ("Вражеские дроны атаковали Курчатов. Пострадал 1 человек.", [("RU-KRS", "injured", 1)]),
    ("Russia launched 40 drones at the Kyiv region, killing two people.",
     [("UA-32", "killed", 2)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_casualties(text: str, expected: list[C]) -> None:
    assert _cas(text) == sorted(expected, key=str)
