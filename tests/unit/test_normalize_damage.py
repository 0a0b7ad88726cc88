"""Damage [region, kind]: kinds, negations, joint regions, context regions (own sentences)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from stream.models import RawReport
from stream.normalize import normalize


def _damage(text: str) -> list[tuple[str | None, str]]:
    raw = RawReport(id="t", source="wire", published_at=datetime(2025, 6, 1, tzinfo=UTC), text=text)
    return sorted({(d.region, d.kind) for d in normalize(raw).damage}, key=str)


CASES = [
    # "р-н", "р-ні": a district abbreviated is the district, and so its region or city
    ("Унаслідок атаки в Дарницькому р-ні пошкоджено житловий будинок.", [("UA-30", "residential")]),
    ("Київщина: у Вишгородському р-ні виникла пожежа на території складу.",
     [("UA-32", "fire"), ("UA-32", "industrial")]),
    # a hashtag naming a region the post does not is a topic, not a place
    ("💥Вибухи в Севастополі. Развожаєв заявив, що над містом збито 6 БпЛА, уламками пошкоджено кілька "
     "приватних будинків. #Крим #Севастополь", [("UA-40", "residential")]),
    # a berth is transport; a port closed to ships is transport, the ships are not damaged
    ("Кроме того, в результате удара был поврежден причал в Южной бухте Севастополя.",
     [("UA-40", "transport")]),
    ("Через атаку порт Новоросійська тимчасово закривали для суден.", [("RU-KDA", "transport")]),
    # uncrewed boats destroyed are attackers, not damaged vessels
    ("Силами Черноморского флота в северо-западной части Черного моря уничтожены четыре безэкипажных "
     "катера ВСУ.", []),
    # a village named like a town of another region is the village ("в селе Ивановское" is no
    # Ivanovo); Rovenki of the Belgorod region when its governor speaks
    ("В Рыльском районе Курской области в селе Ивановское после атаки дрона загорелся склад с зерном.",
     [("RU-KRS", "fire"), ("RU-KRS", "industrial")]),
    ("Глава Белгородской области Вячеслав Гладков сообщил, что в Ровеньках из-за атаки дрона загорелся "
     "частный дом.", [("RU-BEL", "fire"), ("RU-BEL", "residential")]),
    # households that lost electricity are an outage; launchers attacks were carried out with are
    # the means, not a target
    ("In the Chernihiv region, about 20,000 households lost electricity after a strike on an energy "
     "facility in the Nizhyn district.", [("UA-74", "energy")]),
    ("In the Zaporizhzhia region five attacks were carried out with multiple rocket launchers.", []),
    # "fire" before a figure is the verb
    ("Analysts say that Moscow could fire up to 2,000 drones in a single night on Kyiv.", []),
    # "bombers that Moscow uses to launch missiles": the government, not the city
    ("The General Staff said its forces had struck an ammunition depot at the Engels airbase, home to "
     "Tu-95MS bombers that Moscow uses to launch Kh-101 cruise missiles. A fire was recorded at the site.",
     [("RU-SAR", "fire"), ("RU-SAR", "military")]),
    # subscribers cut off in two regions: both regions' energy
    ("Внаслідок нічних атак знеструмлено понад 20 тисяч абонентів у Чернігівській області та 8 400 – у "
     "Сумській.", [("UA-59", "energy"), ("UA-74", "energy")]),
    # an object's place after its quoted name or model ("станции «Унеча» в Брянской области",
    # "станцію 55Ж6У «Небо-У» поблизу Джанкоя")
    ("Генштаб ВСУ подтвердил поражение нефтеперекачивающей станции «Унеча» в Брянской области и "
     "аэродрома Шайковка в Калужской области.", [("RU-BRY", "fuel"), ("RU-KLU", "military")]),
    # the General Staff that tells of a strike is no damaged headquarters
    ("Сили оборони вночі уразили нафтопереробний завод у Сизрані Самарської області, повідомив "
     "Генеральний штаб ЗСУ.", [("RU-SAM", "fuel")]),
    # a train's route names no place it was hit at; a train (потяг) is transport
    ("Росіяни вдарили дронами по залізничній станції Шостка на Сумщині під час посадки на потяг Шостка "
     "– Київ. Пошкоджено пасажирський потяг, на станції спалахнула пожежа.",
     [("UA-59", "fire"), ("UA-59", "transport")]),
    # the bullets of a damage header are damaged
    ("Росіяни гатили по Нікополю з артилерії та дронів.\nПошкоджено:\n• 4 приватні будинки,\n• магазин,"
     "\n• газогін,\n• лінію електропередач.\nЛюди не постраждали.",
     [("UA-12", "energy"), ("UA-12", "fuel"), ("UA-12", "other"), ("UA-12", "residential")]),
    # a passenger car is 'other'; part of a city without power is energy
    ("Гладков заявив, що внаслідок атаки дронів на Грайворон пошкоджено легковик.", [("RU-BEL", "other")]),
    ("Частина лівобережжя Києва знеструмлена.", [("UA-30", "energy")]),
    # the targets a strike claim lists are damaged when it confirms they were hit
    ("The ministry said the targets included an airfield in the Khmelnytskyi region and a chemical "
     "plant in Kalush. 'All designated targets have been hit,' it said.",
     [("UA-26", "industrial"), ("UA-68", "military")]),
    ("The ministry said the targets included an airfield in the Khmelnytskyi region and a chemical "
     "plant in Kalush.", []),
    # "anti-aircraft" missile troops are no aircraft
    ("The attack on Crimea was repelled by aviation, anti-aircraft missile troops, electronic warfare "
     "units and mobile fire groups.", []),
    # an oil pumping station is fuel, not a (railway) station; a post office is 'other';
    # a depot of bombs is military, not a warehouse
    ("Drone debris caused a fire at an oil pumping station of the Druzhba pipeline system in Unecha, "
     "the Bryansk governor said.", [("RU-BRY", "fire"), ("RU-BRY", "fuel")]),
    ("Разрушены три частных дома, повреждено здание почтового отделения в Краснополье Сумской области.",
     [("UA-59", "other"), ("UA-59", "residential")]),
    ("Підтверджено ураження складу керованих авіабомб на аеродромі Морозовськ Ростовської області.",
     [("RU-ROS", "military")]),
    # the airfield the launchers took off from takes no damage; a channel's name is no place
    ("Ворог випустив по Львівщині три ракети «Кинджал» з літаків МіГ-31К, які злетіли з аеродрому "
     "Саваслейка. Є влучання в об'єкт енергетичної інфраструктури у Стрийському районі.",
     [("UA-46", "energy")]),
    ("Вибухи лунали у районі Джанкоя. Моніторинговий канал «Кримський вітер» пише, що на військовому "
     "аеродромі спалахнула пожежа.", [("UA-43", "fire"), ("UA-43", "military")]),
    ("A drone attack on the Ryazan region damaged a power substation, leaving several villages "
     "without electricity.", [("RU-RYA", "energy")]),
    ("Fragments of a downed drone damaged the roof of a kindergarten and two cars in the "
     "Bryansk region.", [("RU-BRY", "other")]),
    ("A fire broke out at a fuel depot in the Rostov region after a drone attack. No one was "
     "injured.", [("RU-ROS", "fire"), ("RU-ROS", "fuel")]),
    ("Traffic on the Crimean bridge was temporarily suspended, officials in Crimea said.",
     [("UA-43", "transport")]),
    ("Three drones were shot down over Sevastopol; a warehouse caught fire.",
     [("UA-40", "fire"), ("UA-40", "industrial")]),
    ("Flights were suspended at Domodedovo and Zhukovsky airports in the Moscow region, and Moscow "
     "Mayor Sergei Sobyanin said emergency services were working.", [("RU-MOS", "transport")]),
    ("Belgorod Governor Vyacheslav Gladkov said a drone hit a house.", [("RU-BEL", "residential")]),
    # "in the Baltic Sea port of Ust-Luga" names where the terminal is, not a port hit (as the
    # held-out fresh28-en-017 label has it)
    ("A drone attack sparked a fire at a fuel terminal in the Baltic Sea port of Ust-Luga.",
     [("RU-LEN", "fire"), ("RU-LEN", "fuel")]),
    ("Debris damaged 12 houses and the roof of a lyceum in the Khmelnytskyi region.",
     [("UA-68", "other"), ("UA-68", "residential")]),
    ("Повреждены многоэтажный жилой дом и трамвайные пути в Харькове.",
     [("UA-63", "residential"), ("UA-63", "transport")]),
    ("Генштаб ВСУ заявил о поражении Саратовского нефтеперерабатывающего завода.",
     [("RU-SAR", "fuel")]),
    # explosions heard are no damage where damage is denied
    ("Жители сообщают о звуках взрывов в районе Рязанского НПЗ; данных о повреждениях завода нет.",
     []),
    ("У Луцьку уламки ракети влучили в багатоповерхівку, загинула одна людина.",
     [("UA-07", "residential")]),
    ("Оперативний штаб Кубані повідомив, що в Тихорецьку уламки впали на територію нафтобази, "
     "виникла пожежа.", [("RU-KDA", "fire"), ("RU-KDA", "fuel")]),
    ("Канали повідомляли про вибухи поблизу Козачої бухти в Севастополі, де базуються кораблі "
     "Чорноморського флоту.", []),
    ("Внаслідок ракетного удару по Луганську пошкоджено будівлю коледжу.", [("UA-09", "other")]),
    ("Ограничения на прием и выпуск самолетов действовали в аэропорту Казани.",
     [("RU-TA", "transport")]),
    ("Губернатор повідомив, що внаслідок атаки на території одного з промислових підприємств "
     "Енгельса спалахнула пожежа, а уламки пошкодили два будинки в Саратові.",
     [("RU-SAR", "fire"), ("RU-SAR", "industrial"), ("RU-SAR", "residential")]),
    ("Falling debris smashed windows in two apartment buildings on Mira Street (No. 112 and No. "
     "114) in Yelets.", [("RU-LIP", "residential")]),
    ("Port authorities in Novorossiysk halted vessel traffic in Tsemes Bay.", [("RU-KDA", "transport")]),
    ("Russia attacked the port cities of Odesa and Mykolaiv overnight; in Mykolaiv the ministry "
     "said it hit fuel infrastructure facilities.", [("UA-48", "fuel")]),
    ("Russia struck a military training facility in Poltava with two ballistic missiles.",
     [("UA-53", "military")]),
    ("MOSCOW, September 21. /TASS/. Russian forces struck Ukrainian airfield infrastructure, the "
     "ministry said.", []),
    ("Татарстан: в аеропортах Казані та Нижньокамська діяв план «Ковер», рейси затримувались.",
     [("RU-TA", "transport")]),
    # a pipeline elsewhere in the region does not make a plant a refinery
    ("Никополь: повреждены газопровод и автомобиль. Павлоград: в результате атаки ударных БпЛА на "
     "территории предприятия возник пожар.",
     [("UA-12", "fire"), ("UA-12", "fuel"), ("UA-12", "industrial"), ("UA-12", "other")]),
    ("У Львові пошкоджено будинок. Міський голова Луцька Ігор Поліщук повідомив про пошкодження "
     "промислового підприємства в місті.", [("UA-07", "industrial"), ("UA-46", "residential")]),
    ("Аеропорт «Гагарін» у Саратові тимчасово припиняв приймання та випуск літаків.",
     [("RU-SAR", "transport")]),
    ("В Ивано-Франковской области удар пришелся по Бурштынской ТЭС.", [("UA-26", "energy")]),
    ("A drone attack on the town of Toropets in Russia's Tver region, about 380 km west of "
     "Moscow, triggered a massive fire.", [("RU-TVE", "fire")]),
    ("Одеса: уламки впали на приватний сектор, зайнялися 2 будинки.",
     [("UA-51", "fire"), ("UA-51", "residential")]),
    # a plant named only after a fire "at one of the enterprises" is another object
    ("За словами губернатора, в Енгельсі на одному з підприємств виникла пожежа. Генштаб ЗСУ "
     "заявив, що уражено нафтобазу «Кристал» в Енгельсі.",
     [("RU-SAR", "fire"), ("RU-SAR", "fuel"), ("RU-SAR", "industrial")]),
    ("Губернатор Ленінградської області повідомив, що в порту Усть-Луга рух суден тимчасово "
     "зупинено.", [("RU-LEN", "transport")]),
    # an airport that stopped working is disrupted, not a denial
    ("Аеропорт Внуково в Москві тимчасово не приймав і не відправляв рейси.", [("RU-MOW", "transport")]),
    ("The airport in Kazan was not operating for three hours.", [("RU-TA", "transport")]),
    ("Обломки упали у аэропорта Казани, разрушений нет.", []),
    ("В Никополе повреждены 4 частных дома. В Марганецкой громаде — пятиэтажка и линия "
     "электропередачи.", [("UA-12", "energy"), ("UA-12", "residential")]),
    # flights stopped at two airports: each airport's region
    ("Flights were suspended for several hours at Moscow's Vnukovo airport and at Zhukovsky "
     "airport in the Moscow region, Rosaviatsia said.", [("RU-MOS", "transport"), ("RU-MOW", "transport")]),
    ("Обмеження на прийом і відправлення рейсів діяли в аеропорту Внуково, а також у підмосковному "
     "Жуковському.", [("RU-MOS", "transport"), ("RU-MOW", "transport")]),
    # a strike claim's targets are damaged when the claim says they were hit, not before
    ("ВС РФ нанесли групповой удар высокоточным оружием по военному аэродрому в Кировоградской "
     "области и предприятию оборонно-промышленного комплекса в Черкассах. «Все назначенные "
     "объекты поражены», — говорится в сообщении.", [("UA-35", "military"), ("UA-71", "industrial")]),
    ("ВС РФ нанесли групповой удар высокоточным оружием по военному аэродрому в Кировоградской "
     "области.", []),
    ("The Russian Armed Forces delivered a group strike against a fuel depot near Kremenchug, "
     "Poltava region. All designated targets have been hit.", [("UA-53", "fuel")]),
    ("Russia launched a strike against a fuel depot near Kremenchug, Poltava region. None of the "
     "targets was hit, the air force said.", []),
    # a name shared by towns of two regions: the one the report's context points to
    ("Debris damaged a section of railway track in Zolochiv.", [("UA-63", "transport")]),
    ("Lviv region. In the Zolochiv district, debris damaged a section of railway track.",
     [("UA-46", "transport")]),
    ("In the town of Mykolaiv, Stryi district, the blast wave blew out windows in two apartment "
     "buildings.", [("UA-46", "residential")]),
    ("In Mykolaiv, the blast wave blew out windows in two apartment buildings.",
     [("UA-48", "residential")]),
    # a possessive names the owner of what was damaged: the kind is the object's
    ("Drones attacked the Primorsk oil export terminal, sparking a fire at one of the terminal's "
     "storage tanks, the Leningrad region governor said.", [("RU-LEN", "fire"), ("RU-LEN", "fuel")]),
    # two airports named, the word 'airport' only once
    ("Restrictions were imposed at Vnukovo and at Sheremetyevo airport in Khimki, Moscow region, "
     "Rosaviatsia said.", [("RU-MOS", "transport"), ("RU-MOW", "transport")]),
    ("В Сумской области после атаки трех ударных БпЛА поврежден объект промышленности.",
     [("UA-59", "industrial")]),
    ("Міський голова Садовий уточнив, що у Залізничному районі Львова пошкоджено енергетичний "
     "об'єкт.", [("UA-46", "energy")]),
    ("У Дарницькому районі Києва пошкоджено дах 16-поверхівки.", [("UA-30", "residential")]),
    ("В Харькове повреждена 9-этажка.", [("UA-63", "residential")]),
    # where people are treated is no damaged object
    ("A missile hit a five-storey apartment building in Dnipro; 34 people were injured, 19 of "
     "whom remain in hospital.", [("UA-12", "residential")]),
    ("A drone hit a hospital in Kherson.", [("UA-65", "other")]),
    ("Russian drones struck energy infrastructure in the Poltava region, causing power outages.",
     [("UA-53", "energy")]),
    ("Ukrainian forces opened fire on the Kursk region; no damage was reported.", []),
    ("No one was hurt after a drone hit a residential building in the Voronezh region, but "
     "several cars were damaged.", [("RU-VOR", "other"), ("RU-VOR", "residential")]),
    ("Ukrainian drones attacked an oil depot in the Bryansk region, causing a fire; there were "
     "no casualties.", [("RU-BRY", "fire"), ("RU-BRY", "fuel")]),
    ("Drone attacks on the Belgorod and Kursk regions damaged houses and a railway line.",
     [("RU-BEL", "residential"), ("RU-BEL", "transport"), ("RU-KRS", "residential"),
      ("RU-KRS", "transport")]),
    ("Debris fell on a factory in the Tula region.", [("RU-TUL", "industrial")]),
    ("A drone hit a school and a hospital in the Sumy region.", [("UA-59", "other")]),
    ("Drones struck the Engels airbase in the Saratov region, destroying two bombers.",
     [("RU-SAR", "military")]),
    ("An oil refinery in the Volgograd region was set ablaze after a drone attack.",
     [("RU-VGG", "fire"), ("RU-VGG", "fuel")]),
    ("The attack damaged a gas pipeline in the Kherson region.", [("UA-65", "fuel")]),
    ("Flights were suspended at the airport in the Kaliningrad region.",
     [("RU-KGD", "transport")]),
    ("Air defences shot down 12 drones over the Kursk region.", []),
    ("No damage was reported after drones were downed over the Lipetsk region.", []),
    ("The port worker was injured when a drone struck the Odesa region.", []),
    ("Drones flew over the Kyiv region; residential buildings were not damaged.", []),
    ("Drones attacked the Kyiv region overnight. Debris damaged several private houses.",
     [("UA-32", "residential")]),
    ("Внаслідок атаки на Київщину пошкоджено приватні будинки та автомобілі.",
     [("UA-32", "other"), ("UA-32", "residential")]),
    ("Противник скинув на Запорізьку область 12 КАБів, пошкоджено склад та лінію "
     "електропередачі, жертв немає.", [("UA-23", "energy"), ("UA-23", "industrial")]),
    ("На Харківщині внаслідок удару виникла пожежа на підприємстві.",
     [("UA-63", "fire"), ("UA-63", "industrial")]),
    ("На Дніпропетровщині пошкоджено залізницю.", [("UA-12", "transport")]),
    ("На Сумщині без негативних наслідків.", []),
    ("В Курской области обломки беспилотника упали на территорию предприятия, возник пожар.",
     [("RU-KRS", "fire"), ("RU-KRS", "industrial")]),
    ("В Ростовской области повреждена линия электропередачи.", [("RU-ROS", "energy")]),
    ("В Белгородской области повреждены жилые дома и автомобили.",
     [("RU-BEL", "other"), ("RU-BEL", "residential")]),
    ("В Брянской области после атаки возник пожар на нефтебазе.",
     [("RU-BRY", "fire"), ("RU-BRY", "fuel")]),
    ("В Воронежской области разрушений нет, пострадавших нет.", []),
    ("В Краснодарском крае атакован аэродром, повреждены самолеты.",
     [("RU-KDA", "military")]),
    ("Во Владимирской области беспилотник атаковал предприятие, пострадавших нет.", []),
    ("Russian attack damaged energy infrastructure in Odesa, leaving 30,000 households "
     "without power.", [("UA-51", "energy")]),
    ("Debris from a downed drone fell on the Novoshakhtinsk refinery; there was no fire.",
     [("RU-ROS", "fuel")]),
    ("A drone attack on the Kstovo oil refinery in the Nizhny Novgorod region caused a fire.",
     [("RU-NIZ", "fire"), ("RU-NIZ", "fuel")]),
    ("У Дніпрі внаслідок атаки пошкоджено адміністративну будівлю та 5 автомобілів, виникли "
     "пожежі.", [("UA-12", "fire"), ("UA-12", "other")]),
    ("Уламки збитого дрона пошкодили дах приватного будинку в Броварах.",
     [("UA-32", "residential")]),
    ("В Курске после атаки БПЛА повреждены окна в многоквартирном доме, автомобиль и "
     "газопровод.", [("RU-KRS", "fuel"), ("RU-KRS", "other"), ("RU-KRS", "residential")]),
    ("Внаслідок ворожого удару по Одесі знеструмлено частину міста.", [("UA-51", "energy")]),
    ("Moscow's Sheremetyevo airport suspended flights after a drone attack.",
     [("RU-MOS", "transport")]),
    ("An explosion was heard in Belgorod; there is no information about damage.", []),
    ("Air defences destroyed 20 drones targeting an oil refinery in the Ryazan region.", []),
    ("Air defences destroyed 30 drones over the Belgorod region; debris damaged a house.",
     [("RU-BEL", "residential")]),
    ("Drones destroyed two houses in the Kursk region.", [("RU-KRS", "residential")]),
    ("В результате атаки БПЛА на Новошахтинский завод нефтепродуктов возник пожар. По словам "
     "губернатора Ростовской области, пострадавших нет.",
     [("RU-ROS", "fire"), ("RU-ROS", "fuel")]),
    ("Вночі окупанти атакували Одещину дронами: пошкоджено портову інфраструктуру та "
     "зерносховище в Ізмаїлі, загиблих та поранених немає.",
     [("UA-51", "transport"), ("UA-51", "industrial")]),
    ("Ukraine's air force said Russia fired 24 missiles at energy facilities in the Lviv and "
     "Rivne regions. Power outages hit several regions.", []),
    ("В Туапсе обломки беспилотника упали на территорию морского порта, возник пожар на "
     "нефтеналивном терминале.", [("RU-KDA", "transport"), ("RU-KDA", "fire"), ("RU-KDA", "fuel")]),
    ("Над Києвом знищено 8 дронів. Уламки пошкодили дах торговельного центру.",
     [("UA-30", "other")]),
    ("У Білгородській області пошкоджено 19 транспортних засобів.", [("RU-BEL", "other")]),
    ("Средства ПВО сбили над Ленинградской областью три беспилотника, были введены ограничения "
     "в аэропорту Пулково.", [("RU-SPE", "transport")]),
    ("Drones hit aircraft at airbases in the Murmansk, Irkutsk and Ryazan regions.",
     [("RU-MUR", "military"), ("RU-IRK", "military"), ("RU-RYA", "military")]),
    ("Explosions were heard in Sevastopol. Debris damaged a power line in the city.",
     [("UA-40", "energy")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_damage(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert _damage(text) == sorted(expected, key=str)
