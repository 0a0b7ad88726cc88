"""PURE: damage kinds by object word (en/ru/uk; ru/uk entries are lemmatized with
pymorphy3, so any case form matches). Multi-word phrases win over their parts
("power plant" is energy, "plant" industrial)."""

from __future__ import annotations

from stream.models import DamageKind

# Phrases separated by ";".
_KINDS: dict[DamageKind, str] = {
    "energy": """
        power plant; power plants; power station; power line; power lines; power facility; power
        facilities; power grid; power supply; power outage; power outages; without electricity;
        without power; thermal power plant; substation; substations; electricity; blackout;
        blackouts; outage; outages; energy; energy facility; energy infrastructure; heating;
        electrical; подстанция; электроснабжение; электроэнергия; энергетический; энергообъект;
        лэп; электростанция; гэс; гес; аэс; аес; nuclear power plant; hydroelectric;
        гидроэлектростанция; гідроелектростанція; теплоэлектростанция; тэц; обесточить; без
        свет; без электричество; линия электропередачи; підстанція; електропостачання;
        енергетичний; енергооб'єкт; електростанція; тец; знеструмити; знеструмлення; без світло;
        лінія електропередачі; енергетика; энергетика; cut power; power cut; power cuts;
        відключення світла; відключення електроенергії; отключения света; отключение света;
        отключение электроэнергии; леп; cutting power; cuts power; knocked out power; knocking out
        power; power was cut; electricity was cut; power was knocked out; hydroelectric plant;
        hydroelectric power plant; hydropower plant; thermal plant; nuclear plant; coal plant;
        heating plant; combined heat and power plant; chp plant; генерація; генерації; передача
        електроенергії; електроенергія; знеструмлені; знеструмлені споживачі; генерирующий;
        генерація електроенергії;
        немає світла; нет света; світла немає; света нет; тес; тэс; теплоелектростанція;
        теплова електростанція; теплоэлектростанция; тепловая электростанция; грэс; дрес;
        без світла; без света; енергетики; энергетики; об'єкт енергетики; объект энергетики;
        знеструмлена; знеструмлений; обесточена; обесточен; lost power; lost electricity;
        transformer; transformers; трансформатор; трансформаторы; трансформатори; трансформаторна
        підстанція; трансформаторная подстанция;
        без электроснабжения; без электроэнергии; без електропостачання; без електроенергії;
        без электроснабжение; без электроэнергия; без електроенергія; електро; электро;
        котельная; котельня; котельна; boiler house; boiler houses; boiler room; boiler plant
    """,
    "fuel": """
        refinery; refineries; oil refinery; oil depot; oil depots; fuel depot; fuel depots; oil
        terminal; fuel storage; oil storage; gas pipeline; pipeline; oil facility; fuel
        facility; oil tanks; gas station; filling station; petrol station; азс; нпз; нефтебаза;
        нефтеперерабатывающий завод; нефтеперерабатывающий; газопровод; нефтепровод; нафтобаза;
        нафтопереробний завод; нафтопереробний заводі; нафтопереробний; газопровід; нафтопровід;
        топливо; пальне;
        резервуар; завод нефтепродуктов; fuel infrastructure; fuel and energy infrastructure;
        паливна інфраструктура; топливная инфраструктура; газораспределительная станция;
        газорозподільна станція;
        склади пального; склад пального; склад топлива; склады топлива; склади палива;
        склад горючего; склады горючего; склад пально-мастильних; склад горючого;
        газовидобування; газодобычи; газодобыча; об'єкт газовидобування; объект газодобычи; gas
        extraction; gas field; газове родовище; газовое месторождение;
        gas pipe; gas pipes; gas line; gas lines; gas main; gas mains; газовая труба; газовые трубы;
        газова труба; газові труби; линия газоснабжения; линию газоснабжения; лінія газопостачання;
        газотранспортный; газотранспортний; газотранспортна інфраструктура; газотранспортная
        инфраструктура; газорозподільна мережа; газораспределительная сеть;
        склад паливно-мастильних; склад паливно-мастильних матеріалів; склад горюче-смазочных;
        склад горюче-смазочных материалов; склади паливно-мастильних; склады горюче-смазочных;
        gas production; gas facility; gas infrastructure; газогін; газопроводу; склад пмм; пмм;
        склад гсм; гсм; паливно-мастильних матеріалів; горюче-смазочных материалов; газова
        інфраструктура; газовая
        инфраструктура; нефтепродукт; нафтопродукт; oil products; petroleum; fuel plant;
        нефтяной терминал; нафтовий термінал; нефтеналивной; нафтоналивний; нефтеналивной
        терминал; oil loading; oil export terminal; oil terminal; storage tank; storage tanks;
        oil tank; fuel tank; fuel tanks; нафтовий резервуар; нефтяной резервуар; processing unit;
        processing units; primary processing unit; нефтеперерабатывающее предприятие;
        нафтопереробне підприємство; oil refining company; oil refining plant; crude unit;
        установка первичной переработки; установка первинної
        переробки; fuel terminal;
        gas processing plant; gas processing plants; gas-processing plant; газоперерабатывающий завод;
        газопереробний завод; газоперерабатывающий; газопереробний; fuel complex; fuel complexes;
        паливний комплекс; топливный комплекс; fuel and lubricants depot;
        fuel and lubricant depot; fuel and lubricants depots; fuel and
        lubricants; fuel terminals; oil terminals; oil and gas terminal; паливний термінал; топливный
        терминал; pumping station; pumping stations; oil pumping station; oil pumping stations;
        нефтеперекачивающая станция; нафтоперекачувальна станція; компрессорная станция;
        компресорна станція; compressor station; compressor stations; pipeline system;
        трубопровод; трубопровід; трубопроводы; трубопроводи; видобуток газу; видобування газу;
        добыча газа; газовидобувний; газодобывающий; нефтепереработка; нафтопереробка;
        предприятие нефтепереработки; підприємство нафтопереробки; oil product tank; oil product
        tanks; oil products tank; oil products tanks; резервуар с нефтепродуктами; резервуар з
        нафтопродуктами
    """,
    "transport": """
        road; roads; highway; highways; railway; railways; railroad; rail; train; trains; port;
        ports; bridge; bridges; airport; airports; traffic;
        flights; flight; station; locomotive; дорога; трасса; железная дорога; аэропорт; порт;
        мост; вокзал; движение; рейс; залізниця; аеропорт; траса; мосту; мости; поїзд; поезд;
        причал; причалы; причали; причала; berth; berths; pier; piers; паромы; пороми;
        потяг; потяги; вагон; вагони; вагоны; тепловоз; електричка; электричка; станційна
        інфраструктура; станционная инфраструктура; залізнична станція; железнодорожная станция;
        автодорога; залізничний; железнодорожный; railway infrastructure; port infrastructure;
        транспорт; рух транспорту; трамвайная линия; трамвайна лінія; контактная сеть; контактна
        мережа; метро; subway;
        metro; пулково; внуково; шереметьево; шереметьєво; pulkovo; vnukovo; sheremetyevo;
        прием и выпуск самолетов; приём и выпуск самолётов; приймання та випуск літаків;
        приймання і випуск літаків;
        tram line; tram lines; tram tracks; трамвайные пути; трамвайный путь; трамвайна
        колія; трамвайні колії; railway track; railway tracks; rail track; rail tracks;
        железнодорожные пути; залізничні колії; залізнична колія; воздушное судно; воздушные суда;
        повітряне судно; повітряні судна; aircraft movements;
        портовый; портовий; портова інфраструктура; terminal; термінал; терминал; дорожнє покриття;
        дорожное покрытие; морской транспорт; морський транспорт; переправа; паромная переправа;
        поромна переправа; ferry; ferries; shipping; sea traffic; морское сообщение; морське
        сполучення; судоходство; судноплавство; погрузка; отгрузка; loading;
        road surface; vessel traffic; ship traffic; shipping traffic; рух суден; движение судов;
        tram depot; trolleybus depot; bus depot; depot of the tram; депо; трамвайне депо; трамвайное
        депо; тролейбусне депо; троллейбусное депо; локомотивне депо; локомотивное депо; tanker loading;
        loading of tankers; tanker loadings; boat services; boat service; ferry services; ferry service;
        погрузка танкеров;
        рух трамваїв; рух тролейбусів; рух автобусів; рух електричок; bus services; bus service; tram
        services; tram service; trolleybus services; trolleybus service; морской торговый
        порт; морський торговельний порт; морський торговий порт; торговый порт; торговельний порт;
        торговий порт; commercial port; commercial sea port; merchant port
    """,
    "industrial": """
        plant; plants; factory; factories; enterprise; enterprises; warehouse; warehouses;
        industrial; industrial site; industrial facility; industrial zone; workshop; hangar;
        завод; заводі; заводи; предприятие; склад; промышленный; цех; промзона; підприємство; промисловий;
        ангар; производственный; виробничий; зерносховище; зернохранилище; элеватор; елеватор; grain storage;
        silo; silos; granary; agricultural; elevator; grain elevator; grain terminal; зерносклад;
        зерносклади; зерновий склад; зерновой склад; grain warehouse; grain warehouses;
        складской; складський; складское помещение; складське приміщення; storage facility;
        объект промышленности; промышленный объект; об'єкт промисловості; промисловий об'єкт;
        сельхозпредприятие; агропредприятие; агропідприємство;
        сільгосппідприємство; farm; farms; ферма; фермерское хозяйство; фермерське господарство;
        промислова зона; промышленная зона; виробнича зона; производственная зона
    """,
    "military": """
        склад боєприпасів; склади боєприпасів; склад боеприпасов; склады боеприпасов; пункт управління;
        пункт управления; пункт управління бпла; command and control point; drone control point;
        base; bases; airbase; airbases; air base; airfield; airfields; aircraft; bomber; howitzer;
        howitzers; гаубица; гаубицы; гаубиця; гаубиці; self-propelled gun; self-propelled guns;
        bombers; military equipment; military facility; military base; military unit; military
        airfield; barracks; ammunition depot; arsenal; radar; radar station; launcher;
        launchers; air defence system; air defense system; авіатехніка; авиатехника;
        авіаційна техніка; пускова установка; пусковая установка; зрк; зенітний ракетний комплекс;
        зенитный ракетный комплекс; аэродромная инфраструктура; аеродромна інфраструктура;
        airfield infrastructure; military equipment; headquarters
        building; fleet headquarters; military headquarters; command post; command posts; штаб;
        командный пункт; пункт управления; пункт управління; командний пункт; радіолокаційна
        станція; радиолокационная станция; радар; радари; радары; navy ship; navy ships; naval ship;
        naval ships; naval vessel; naval vessels; military vessel; military vessels; склад
        боеприпасов; склад боєприпасів; склад авиабомб; склад авіабомб; склад керованих
        авіабомб; склад управляемых авиабомб; склад ракет; склад зброї; склад оружия; склад
        вооружения; склад озброєння; weapons depot; bomb depot; ammunition warehouse; склад
        авиационных средств поражения; склад авіаційних засобів ураження; склад средств
        поражения; склад засобів ураження; склад бк; склад боеприпасов и вооружения;
        арсенал; рлс; jet; jets; fighter-bomber; fighter-bombers; warplane; warplanes; fighter jet;
        fighter jets; warship; warships; patrol boat; patrol boats; landing ship;
        boat; boats; корабль; катер; корабель; submarine; submarines; підводний човен;
        подводная лодка; helicopter; helicopters; аэродром; авиабаза;
        воинская часть; военный объект; самолет; бомбардировщик; аеродром; авіабаза; військова
        частина; військовий об'єкт; літак; бомбардувальник; военная техника; військова техніка;
        бронетехника; бронетехніка; military training facility; training facility; training
        ground; training centre; training center; полигон; полігон; учебный центр; навчальний
        центр; пункт временной дислокации; пункты временной дислокации; пункт тимчасової
        дислокації; пункти тимчасової дислокації; місце тимчасової дислокації; места временной
        дислокации; temporary deployment point; temporary deployment points
    """,
    "residential": """
        house; houses; home; homes; apartment; apartments; apartment building; apartment block;
        residential; high-rise; dwelling; dwellings; residential building; residential
        buildings; дом; жилой; квартира; многоэтажка; многоквартирный; домовладение; будинок;
        житловий; багатоповерхівка; багатоквартирний; домоволодіння; оселя; dormitory;
        гуртожиток; общежитие; cottage; cottages; дача; частный сектор; приватний сектор;
        high-rises; private house; дев'ятиповерхівка; п'ятиповерхівка; висотка; многоэтажный дом;
        девятиэтажка; пятиэтажка; девятиэтажный; пятиэтажный; шестнадцятиповерхівка;
        багатоповерховий; многоэтажный; multi-storey; multistorey; apartment house; житло;
        storey building; storey buildings; storey house; storey houses;
        жилье; жильё; житловий фонд; жилой фонд; housing; housing stock
    """,
    "other": """
        car; cars; vehicle; vehicles; school; schools; hospital; hospitals; shop; shops; store;
        stores; kindergarten;
        kindergartens; детсад; дитсадок; church; clinic; market; office; offices; administrative building;
        адміністративна будівля; административное здание; транспортное средство; транспортний
        засіб; торговельний; торговий центр; торговый центр; shopping centre; shopping center;
        mall; тц; трц; supermarket; супермаркет; hotel; готель; гостиница; cafe; restaurant;
        pharmacy; аптека; навчальний заклад; учебное заведение; медичний заклад; медучреждение;
        лицей; ліцей; гимназия; гімназія; university; garage; garages; bus; truck; автомобиль;
        машина; школа; больница; магазин; детский сад; церковь; автомобіль; лікарня; дитячий
        садок; садочок; гараж; автобус; офис; офіс; торговий; торговый; храм; поликлиника;
        амбулатория; вантажівка; вантажний автомобіль; грузовик; грузовой автомобиль; фура;
        trucks; lorry; lorries; адмінбудівля; админздание; административное здание; адмінбудинок;
        minibus; minibuses; авто; vessel; vessels; ship; ships; судно; civilian vessel; cargo ship;
        tanker; tankers; танкер; танкеры; танкери; bulk carrier; сухогруз; суховантаж;
        здание администрации; будівля адміністрації; administration building;
        здание бывшей администрации; здание районной администрации; здание городской администрации;
        будівля колишньої адміністрації; будівля районної адміністрації; будівля міської адміністрації;
        former administration building; service station;
        car service station; car service; автосервис; автосервіс; станция техобслуживания;
        станція техобслуговування;
        цивільне судно; гражданское судно; ambulance; ambulances; van; vans; tram; trams; trolleybus; tractor;
        government building; cabinet of ministers; parliament building; city hall; town hall;
        кабинет министров; кабінет міністрів; здание правительства; будівля уряду;
        маршрутка; маршрутное такси; маршрутне таксі; такси; таксі; taxi; микроавтобус; мікроавтобус;
        скорая помощь; карета скорой помощи; швидка
        допомога; автомобіль швидкої; трамвай; тролейбус; троллейбус; трактор; автівка;
        автомашина; заклад освіти; заклад охорони здоров'я; учреждение образования; lyceum;
        lyceums; gymnasium; administration building; administration buildings; administrative
        buildings; college; colleges; library; museum; theatre; theater; stadium; sports
        complex; post office; educational facility; educational institution; коледж; колледж;
        технікум; техникум; бібліотека; библиотека; музей; театр; стадіон; стадион; почтовое
        отделение; отделение почты; почта; пошта; поштове відділення; відділення пошти;
        відділення зв'язку; отделение связи; нова пошта; црб; црл; цркб; легковик; легковий
        автомобіль; легковушка; легковой автомобиль; легковушку; легковики; passenger car;
        нежитлова будівля; нежитлову будівлю; нежилое здание; нежилое помещение; нежитлове
        приміщення; non-residential building; non-residential buildings;
        пам'ятка архітектури; памятник архитектуры; architectural monument;
        mosque; mosques; cathedral; monastery; synagogue; мечеть; собор; монастырь; монастир;
        церква; синагога; fishing boat; fishing boats; fishing vessel; pleasure boat; рыболовецкое
        судно; рибальське судно; рибальський човен
    """,
}


def kind_phrases() -> list[tuple[str, str]]:
    """(phrase, kind) pairs for the phrase matcher."""
    pairs: list[tuple[str, str]] = []
    for kind, text in _KINDS.items():
        pairs.extend((" ".join(ph.split()), kind) for ph in text.split(";") if ph.strip())
    return pairs
