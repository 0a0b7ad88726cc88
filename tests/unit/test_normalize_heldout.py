"""Reports written by other people after reading only the labelling rules
(/work/shared/eval/README.md), each with the exact tuples the rules give: wire and
outlet stories, ministry and air-force bulletins, governors', mayors' and regional
administrations' posts in en/ru/uk (tests/data/heldout/, forty-one rounds of 90; round 6
is harder documents: live blogs, digests, bullets, corrections; round 7 is like the
dev set). The writers saw neither these tests nor the normalizer's code. Overall F1
(the eval scorer's metric) of the normalizer as it was before them: 0.930, 0.906,
0.932, 0.908, 0.908, 0.885, 0.920 and 0.886. Rounds 3 to 7 were written while the
fixes prompted by the rounds before were going in, and scored 0.946, 0.93-0.96 (per
language), 0.946, 0.90-0.96 and 0.92-0.99 (per language) when first run; round 8 was
written after the fixes of rounds 1-7 and scored 0.934 untouched: how well the fixes carried
to reports nobody had looked at. Round 9 was written after the fixes prompted by round 8
and scored 0.954 untouched (0.955, 0.947, 0.962 per language). Round 10 (longer feeds:
Telegram posts with bullets and updates, stories quoting several claimants) was written
after the round-9 fixes and scored 0.934 untouched (0.956, 0.914, 0.938); the normalizer
before this session's fixes scored it 0.927. Round 11 (live blogs, round-ups, state media in
English, posts listing communities, many numbers that count nothing) was written after the
round-10 fixes and scored 0.954 untouched (0.959, 0.987, 0.922); 0.945 before the session.
Round 12 (busy nights: many places of different kinds in a sentence, several claimants,
counts in unusual words, breaking alerts and their updates) was written after the round-11
fixes and scored 0.961 untouched (0.957, 0.958, 0.966); 0.950 before the session.
A round 13 scored 0.937 untouched (0.932 before its session) but its files were lost
before they were added here. Round 14, written after the round-13 fixes from the rules
alone, scored 0.970 untouched (0.968, 0.973, 0.970).
Round 15 (longer, messier feeds: live blogs, round-ups, posts with updates and
bullets) scored 0.908 untouched (0.919, 0.917, 0.898); 0.909 before the session.
Round 16 (precision: figures that count no weapon next to ones that do) scored 0.955
untouched (0.951, 0.927, 0.981); 0.960 before the session, three of the session's fixes
having cost it what they were then mended for.
Round 17 (the daily formats: ministry bulletins, Air Force summaries, governors' posts, wire
round-ups) scored 0.977 untouched (0.991, 0.967, 0.973); 0.959 before the session.
Round 18 (occupied territories, Crimea, Sevastopol, the sea, frontline oblasts) scored 0.961
untouched (0.941, 0.966, 0.976); 0.954 before the session.
Round 19 (short and odd Telegram and wire formats: one-line alerts, flashes in capitals,
reposts, hashtags, corrections in a follow-up line) scored 0.949 untouched (0.954, 0.943,
0.944); 0.944 before the session.
Round 20 (busy bulletins and relays, numbers that count nothing, casualty phrasings) scored
0.959 untouched (0.949, 0.929, 0.990); round 21 (less common regions and places, inflected,
abbreviated and transliterated names, several claimants in one story) 0.949 (0.932, 0.951,
0.969). Both were written after the round-19 fixes; the normalizer as it stood before the
session's fixes scored them the same. Round 22 (long multi-paragraph news stories with quotes,
background paragraphs full of figures that count nothing new) scored 0.930 untouched (0.953,
0.922, 0.909; 0.928 before the session); round 23 (officials' own posts: bullets by district,
updates through the day, casualties by age and sex) 0.958 (0.941, 0.937, 0.983; the same
before the session). Round 24 (autumn 2025: mass attacks by missile type, refineries,
ports, power plants) scored 0.956 untouched (0.960, 0.964, 0.946); round 25 (one night told many
ways, with follow-ups and corrected figures) 0.944 (0.924, 0.957, 0.950). Round 26 (winter and
spring 2024-25: the Kursk incursion, grid strikes, Crimea, deep strikes, frontline casualties),
written after the round-25 fixes, scored 0.942 untouched (0.917, 0.934, 0.974). Round 27 (frontline
oblasts and Russia's far regions, district heads, occupation officials, state media in English),
written after the round-26 fixes, scored 0.913 untouched (0.928, 0.910, 0.901). Round 28
(international wires, local news sites and channels) scored 0.954 untouched (0.951, 0.956, 0.956);
round 29 (the rules' fine print) 0.959 (0.921, 0.988, 0.978). Round 30 (western and central
Ukraine and Russia's interior, record nights with missiles by type, interceptor drones) scored 0.984
untouched (0.958, 1.000, 0.994); round 31 (revisions and conflicting tallies, updates, "no casualties",
running totals in passing, flashes, headline and body wires, the other side's officials quoted) 0.938
(0.906, 0.964, 0.939). Round 32 (one busy day told by officials' own Telegram posts and local media relays:
incident updates, district lists, rising tolls, corrections, UPD lines, evening totals) scored 0.966 untouched
(0.932, 0.977, 0.993). Round 33 (international wires and analysis mixing both sides' claims, earlier figures
for comparison, projections, production figures, casualties from several cities) scored 0.969 untouched
(0.956, 0.969, 0.985). Round 34 (autumn 2026 as it reads in bulletins, officials' posts, news sites and wires:
figures that count nothing, previous records, negated damage, totals with breakdowns) scored 0.955 untouched
(0.956, 0.943, 0.957). Round 35 (autumn 2026 again: tolls that rise through updates, ports, tankers and
airports, gas fields, the sea) scored 0.914 untouched (0.900, 0.931, 0.926). Round 36 (November 2026: Air
Force bulletins by direction and by region, gas production and power plants, refineries with officials' and
sources' figures, community lists, tolls through the day) scored 0.953 untouched (0.927, 0.969, 0.961).
Round 37 (frontline shelling tallies by regional heads, border governors, occupation officials, wire
stories combining both sides) scored 0.933 untouched (0.932, 0.918, 0.950).
Round 38 (Moscow's running drone posts and airport restrictions, refinery and depot strikes, the energy
grid, the Black Sea and Crimea) scored 0.976 untouched (0.950, 0.991, 0.991).
Round 39 (missile and glide-bomb strikes on cities, tolls rising through the day, Russian MoD
interception bulletins and governors) scored 0.962 untouched (0.948, 0.986, 0.955).
Round 40 (early December 2026: deep strikes in Russia's interior, Crimea, western Ukraine, railways, ports
and bridges, Telegram posts with emoji, hashtags and headlines, in-post updates and corrections, non-strike
stories) scored 0.963 untouched (0.963, 0.972, 0.958).
Round 41 (late November 2026 written fast and messily: abbreviations and slang, typos, thousands separators,
numbers in words, old place names, one side's figures in the other's media, weekly recaps and running totals
beside the night's) scored 0.951 untouched (0.930, 0.956, 0.967).
Round 42 (late November and early December 2026, reports that change: live blogs with timestamped updates,
tolls and figures revised or corrected later in the same post, retracted hits, aggregators relaying several
claimants, the Russian MoD's and Ukraine's Air Force's figures side by side, sea drones, airports closed and
reopened) scored 0.949 untouched (0.962, 0.929, 0.961).

Every report must come out with exactly its labelled counts (with claimants),
damage and casualties. The few still wrong are listed in KNOWN with what is
missed, as strict xfails: a fix turns them into failures to be moved out of KNOWN.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from stream.models import RawReport
from stream.normalize import normalize

DATA = Path(__file__).resolve().parents[1] / "data" / "heldout"

KNOWN: dict[str, str] = {
    "fresh2-en-008": "a second 'and 32 missiles' after a long semicolon list of launch origins is lost",
    "fresh2-ru-019": "a refinery that 'подвергся атаке' with a fire in the next sentence is no fuel",
    "fresh2-uk-028": "'атакували місто' takes no region from the city named before",
    "fresh2-uk-029": "'кількість ракет зросла до 198' inherits no launch from the sentence before",
    "fresh3-en-029": "a launch site inside a list of origins ('Chauda in occupied Crimea') is an "
    "attack region",
    "fresh3-ru-025": "'Кирова' (a Kaluga town) is read as the Kirov region, so the count spans regions",
    "fresh4-en-021": "a hypothetical strike ('striking the airfields ... would be') is taken as damage",
    "fresh4-en-028": "'two ships of the Caspian Flotilla sustained damage' is no military damage",
    "fresh4-uk-026": "'атаку на аеродром «Енгельс»' (an attack's target) is military damage",
    "fresh4-uk-027": "'повідомив в.о. міського голови' is not an official's claim",
    "fresh5-en-021": "'a claim Kyiv dismissed' makes Kyiv a place of damage",
    "fresh5-ru-019": "'в Каменском и Миллеровском районах' (Rostov) reads Каменском as Kamianske",
    "fresh5-ru-023": "'беспилотник был сбит' counts one (a singular noun states one here)",
    "fresh6-en-024": "'over the Republic' said by the head of Crimea is not Crimea",
    "fresh6-uk-014": "'ангари з авіатехнікою' is industrial, not military",
    # round 8, written after the fixes of rounds 1-7 and scored untouched: what it found
    "fresh8-en-007": "a count's claimant differs from the report's (claimant only)",
    "fresh8-en-025": "'launched 122 missiles ... at Ukraine' takes Belgorod named earlier; rocket "
    "launchers of the attacker are military damage",
    "fresh8-ru-005": "'подстанцию «Лиман»' in Enerhodar: the substation's name is read as Lyman (Donetsk)",
    "fresh8-ru-018": "'упали на техническую территорию военного объекта ... ущерба нет' is military damage",
    "fresh8-ru-020": "'Туапсе атакован беспилотниками: ... 30 дронов атаковали город' gets no region",
    "fresh8-ru-029": "a count's claimant differs from the report's (claimant only)",
    # round 9, written after the fixes of round 8 and scored untouched (0.954): what is left
    "fresh9-ru-027": "'Из пяти выпущенных ракет две сбиты' takes no region from the strike on a "
    "place in the Kursk region described in the sentence before",
    # round 10 (longer feeds), written after the round-9 fixes and scored untouched (0.934)
    "fresh10-en-004": "Baza's count ('the Baza Telegram channel reported, citing sources in the "
    "emergency services') is credited to an official (claimant only)",
    "fresh10-en-005": "'A 17-year-old girl was cut by glass' is no injury",
    "fresh10-ru-016": "a strike on an oil depot the General Staff names ('удар был нанесен по "
    "нефтебазе') with a fire in the next sentence is no fuel",
    # round 11 (live blogs, round-ups, state media in English), written after the round-10
    # fixes and scored untouched (0.954)
    "fresh11-en-013": "'an attempted attack on an industrial enterprise ... had been repelled' is "
    "industrial damage",
    "fresh11-ru-010": "'поражены места стоянки авиации' is no military damage",
    "fresh11-uk-004": "ships hit 'в порту Каспійська' make the port transport damage",
    "fresh11-uk-007": "Zelensky's quoted weekly figures ('понад 1 200 ударних дронів') have no "
    "launch verb of their own",
    "fresh11-uk-017": "'пошкоджено будівлю лісництва' (a forestry building) is no damage",
    # round 12 (busy nights), written after the round-11 fixes and scored untouched (0.961)
    "fresh12-en-019": "a General Staff strike on ships in Sevastopol bay is 'other', not military",
    "fresh12-ru-007": "residents evacuated 'из прилегающих к месту возгорания домов' make the "
    "houses damaged",
    "fresh12-ru-008": "'нефтеперерабатывающего предприятия' is also industrial",
    "fresh12-uk-008": "'над їхніми регіонами збили по одному безпілотнику': one for each region is "
    "not read",
    # round 14, written after the round-13 fixes and scored untouched (0.970)
    "fresh14-ru-025": "a fire at a unit of a refinery a drone attacked is no fuel damage",
    "fresh14-ru-030": "'объектам газовой инфраструктуры' in a sentence of its own is put on the region "
    "before",
    # round 15 (longer, messier feeds: live blogs, round-ups, posts with updates and bullets),
    # written after the round-14 fixes and scored untouched (0.908; 0.909 before the session)
    "fresh15-en-006": "'struck Ukrainian energy facilities ... in 141 areas' (the whole country) takes the "
    "Khmelnytskyi region of the next sentence",
    "fresh15-en-013": "'causing fires at both sites' gives the fire to one of the two sites only",
    "fresh15-ru-024": "Sobyanin's '17 БПЛА, летевших на Москву' has no interception verb; debris in the "
    "yard of a housing complex that damaged cars adds residential damage",
    # round 16 (precision: figures that count no weapon next to ones that do), written after the
    # round-15 fixes and scored untouched (0.955; 0.960 before the session)
    "fresh16-uk-011": "an enterprise's administrative building is read as 'other', its writer took it "
    "as the enterprise's (industrial)",
    # round 18 (occupied territories, Crimea, Sevastopol, the sea, frontline oblasts), written after the
    # round-17 fixes and scored untouched (0.961; 0.954 before the session)
    "fresh18-uk-010": "a landing ship hit 'у Південній бухті Севастополя' after a Crimean airfield takes "
    "no Sevastopol military damage",
    "fresh18-en-008": "a vessel moored at the port is 'other' damage, and its three crew members injured "
    "are missed",
    "fresh18-en-014": "the thermal power plant's employees make the plant also industrial",
    "fresh18-en-024": "'the administrative building of a coal mine' is no industrial damage",
    "fresh18-ru-006": "'Морской транспорт временно приостановлен — катера и паромы не ходят' gives no "
    "transport",
    "fresh18-ru-018": "an S-400 launcher 'в районе Джанкоя' after Sevastopol's airfields takes no Crimea "
    "military damage",
    # round 19 (short and odd Telegram and wire formats), written after the round-18 fixes and
    # scored untouched (0.949; 0.944 before the session)
    "fresh19-ru-019": "residents of nearby houses who heard blasts make the houses damaged",
    # round 20 (busy bulletins and relays, distractor numbers, casualty phrasings) and round 21
    # (less common regions and places, inflected and abbreviated names, transliterations),
    # written after the round-19 fixes and scored untouched (0.959 and 0.949)
    "fresh20-en-026": "a refinery 'attacked' with 'a fire broke out at the site' is no fuel (other "
    "writers of the same pattern labelled only the fire)",
    "fresh20-ru-004": "injured people in three villages of one region are three figures, not their sum "
    "(its writer added them up)",
    "fresh21-en-012": "'Drones attacked the Baltic port of Ust-Luga, sparking a fire at a ... terminal' "
    "makes the port transport damage",
    "fresh21-en-024": "an air base the drones 'targeted', in a clause joined to a damaged house, is "
    "military damage",
    # round 22 (long multi-paragraph news stories with background figures) and round 23 (officials'
    # own posts: bullets by district, updates, casualties by age), written after the round-19
    # fixes and scored untouched (0.930 and 0.958)
    "fresh22-en-004": "a refinery's trains held up, a Feodosia fuel depot put on Kyiv, and a guard 'at a "
    "local enterprise' read as damage to it",
    "fresh22-en-008": "'a historic building in the city centre' is no damage kind",
    "fresh22-en-009": "'It said' after the ministry's sentence is lost to a governor in a 'where' clause "
    "(claimant), and a school gym is read in the wrong region",
    "fresh22-en-013": "'Russia launched over 6,000 drones at Ukraine in July' (a month's total in a "
    "closing paragraph) is counted, and a power outage after an industrial strike is put on "
    "Zaporizhzhia",
    "fresh22-en-015": "a port 'hit last week' (a past event in a background paragraph) is damage",
    "fresh22-en-017": "'The Defense Ministry's breakdown listed 41 drones over ...' has no measure of its "
    "own",
    "fresh22-en-021": "'a strike on a hypermarket there in May 2024 killed 19 people': a past toll",
    "fresh22-en-026": "'At least 12 rockets hit the town' after unguided Vampire rockets is counted, and the "
    "attacker's launcher is damage",
    "fresh22-en-027": "'the 87 drones' restated by the ministry keeps the Air Force's claimant, and "
    "warships 'moved to Novorossiysk' are damage",
    "fresh22-ru-001": "'Накануне, 15 мая, Минобороны отчитывалось о 42 сбитых': the day before's figure",
    "fresh22-ru-005": "a figure of downed drones in a story led by Kyiv officials takes their claimant "
    "instead of the ministry's, and the Cabinet building is missed",
    "fresh22-ru-011": "'Всего в августе ... более 4 тысяч' (a month's total) is counted; the Cabinet "
    "of Ministers building on fire is missed",
    "fresh22-ru-013": "a refinery 'поврежден' is also industrial; 'склады с авиабомбами' at Engels are "
    "put on Kyiv",
    "fresh22-ru-015": "'только за последнюю неделю ... более 1500 ударных дронов' (a week's total) is "
    "counted (other writers labelled weekly totals)",
    "fresh22-uk-001": "'у серпні Росія випустила по Україні понад 4100 дронів' (a month's total) is "
    "counted",
    "fresh22-uk-013": "a garage cooperative on fire is 'other' damage",
    "fresh22-uk-015": "'Кримський міст ... атакували двічі — у 2022 та 2023 роках' (past) is transport",
    "fresh22-uk-018": "a refinery struck 'по ... заводу' with 'пожежу та пошкодження обладнання' after it "
    "is no fuel",
    "fresh22-uk-025": "'Ці ж канали стверджували, що ... збили щонайменше вісім' is the channels' claim, "
    "and 'атак було щонайменше п'ять' counts attacks",
    # round 24 (autumn 2025: mass combined attacks by missile type, strikes on refineries, ports and
    # power plants, blackouts, glide bombs) and round 25 (one night told many ways: bulletins, relays,
    # recaps, follow-ups with corrected figures), written after the round-23 fixes and scored untouched
    # (0.957 and 0.944)
    "fresh24-en-006": "'killing at least five people, including four ... in the western Lviv region' puts "
    "the five, spread over two regions, on Lviv",
    "fresh24-en-021": "'the station, which supplies oil to the port of Novorossiysk' makes the port "
    "transport damage",
    "fresh24-ru-010": "Naftogaz's chief is 'other' (its writer: ua-official), and 'Часть наших объектов "
    "серьезно повреждена, возникли пожары' after the gas sites struck gives no fuel or fire",
    "fresh24-ru-011": "crew members injured 'на судне в порту' make the vessel damaged",
    "fresh24-ru-014": "'есть повреждения, начался пожар' after a refinery attacked is no fuel (other "
    "writers labelled only the fire)",
    "fresh24-ru-022": "'над морем и в районе города сбито более 10 БПЛА': the sea with no name makes no "
    "second place",
    "fresh24-ru-024": "'упали на территорию одного из предприятий' in the Ryazan region is no industrial, "
    "and the refinery's fire goes to the Tambov pumping station named with it",
    "fresh24-uk-007": "'48 ракетами, з них 47 — крилаті Х-101': a type inside the launched total is taken "
    "as a subset",
    "fresh24-uk-018": "'електротранспорт тимчасово не курсував' gives no transport",
    "fresh24-uk-020": "a power station 'атакували' with a fire 'на території станції' after it is no energy",
    "fresh24-uk-025": "'вбили 3 жителів Донеччини: 2 — у Костянтинівці, 1 — у Дружківці': the town figures "
    "inside a total are not labelled (its writer labelled all three)",
    "fresh25-en-015": "the governor's fire at 'an industrial enterprise' (quoted) after the refinery "
    "attacked is missed",
    "fresh25-en-025": "a figure said to be earlier ('Earlier, officials had reported four dead') is not "
    "labelled (its writer labelled it), and the ministry's 'all designated targets were hit' gives no "
    "damage (as other writers)",
    "fresh25-en-028": "an earlier figure of injured ('had reported 15') is not labelled (its writer "
    "labelled it)",
    "fresh25-ru-004": "a refinery called 'предприятие' is also industrial (its writer; other writers not)",
    "fresh25-ru-005": "an earlier figure ('Ранее глава региона сообщал об одном пострадавшем') is not "
    "labelled (its writer labelled it)",
    "fresh25-ru-010": "a newsroom's running total for the month ('с начала октября ... более 5 тысяч') is "
    "background (its writer labelled it)",
    "fresh25-ru-011": "earlier figures ('Ранее сообщалось о двух погибших и девяти раненых') are not "
    "labelled (its writer labelled them)",
    "fresh25-ru-015": "Meduza's sum of the mayor's posts ('речь идет как минимум о 26 беспилотниках') has "
    "no measure of its own",
    "fresh25-ru-020": "RIA's own count ('атаковали регион как минимум 34 беспилотниками') takes no region "
    "from 'регион'",
    "fresh25-uk-004": "'Як повідомляв Укрінформ, 28 вересня Росія атакувала Україну 595 дронами': a past "
    "night's figures keep the Air Force's claimant (its writer: the outlet's)",
    "fresh25-uk-007": "'атакував енергетичний об'єкт ... Є пошкодження обладнання' gives no energy damage",
    "fresh25-uk-013": "'в бік Брянської області летіли понад 70 безпілотників' is no launch, and 'обмеження "
    "у Внуково' in the headline is missed",
    "fresh25-uk-014": "a corrected figure ('64 ..., а не 61') drops the old one (its writer labelled both)",
    "fresh25-uk-017": "an earlier figure of injured is not labelled (its writer labelled it)",
    "fresh25-uk-020": "'Туди летіло близько сорока шахедів' is no launch at the Odesa region named before",
    "fresh25-uk-022": "two figures of 2 injured in two communities of one region are taken as one repeated",
    "fresh25-uk-023": "'22 дронів — із 41, збитих за ніч над вісьмома регіонами': the 41 is put on Saratov "
    "as launched",
    "fresh25-uk-030": "a corrected figure ('не 381, а 394') drops the old one (its writer labelled both)",
    # round 26 (winter and spring 2024-25: the Kursk incursion, grid strikes, Crimea and the Black Sea,
    # deep strikes in Russia, frontline casualties), written after the round-25 fixes and scored
    # untouched (0.942)
    "fresh26-en-012": "'killed three residents of Donetsk region: two in Pokrovsk and one in Myrnohrad': the "
    "town figures inside a total are not labelled (its writer labelled all three)",
    "fresh26-ru-005": "'атаке 19 беспилотников подверглись Грайворон и села' inside the region's 47 is "
    "counted again (its writer took it as a part)",
    "fresh26-ru-008": "'Морской транспорт временно не ходит' gives no transport",
    "fresh26-ru-012": "'Восемь беспилотников атаковали город: шесть — жилые дома, один — промышленное "
    "предприятие, еще один сбит': the six take the interception, and the enterprise hit is missed",
    "fresh26-ru-018": "'убили четырех жителей Донецкой области: двоих в Покровске, одного в Мирнограде и "
    "одного в Константиновке': the town figures inside a total are not labelled (its writer labelled them)",
    "fresh26-uk-020": "a strike 'по портовій інфраструктурі Одещини' with a ship and warehouses damaged "
    "gives no transport (its writer took the port as damaged)",
    # round 27 (frontline oblasts and Russia's far regions: district heads, occupation officials,
    # English-language state media), written after the round-26 fixes and scored untouched (0.913)
    "fresh27-en-004": "people listed one by one under a regional total ('two women aged 39 and 71 were "
    "wounded', 'a 44-year-old man was injured') are labelled as well (its writer labelled the total only)",
    "fresh27-en-005": "'dropping 21 aerial bombs', not called guided, is counted as glide bombs",
    "fresh27-ru-002": "a fire 'На одной из установок' of a refinery complex the drone attacked is no fuel",
    "fresh27-ru-003": "'атаковал одно из предприятий Ижевска' with three killed is no industrial damage",
    "fresh27-ru-005": "'частично поврежден один из цехов' of a gas processing plant is industrial, not fuel",
    "fresh27-ru-014": "'ранен мирный житель' in the lede and 'Ранен 43-летний мужчина' in the quote are two",
    "fresh27-ru-017": "'атаковал город тремя FPV-дронами. Один сбросил ...': the three take no place and "
    "'Один' is a figure",
    "fresh27-ru-020": "people injured one by one ('дрон атаковал 58-летнего мужчину ...: у него взрывная "
    "травма', 'под удар попала 67-летняя женщина') are missed",
    "fresh27-ru-029": "'Кроме того, россияне сбросили ... по Херсону, Бериславу и Садовому': the village "
    "Sadove is read as the mayor Sadovyi, and the Lancets inside the 19 are not labelled",
    "fresh27-ru-030": "'дрон попал в одно из общежитий колледжа' is 'other', its writer took the dormitory "
    "as residential",
    "fresh27-uk-004": "'серед постраждалих — ... а також двоє літніх людей': a part of the five is counted "
    "again",
    "fresh27-uk-010": "the town figures of killed and injured inside the region's totals are labelled (its "
    "writer labelled the totals only; rounds 24-26 the other way)",
    "fresh27-uk-015": "'UPD: кількість поранених зросла до 13' drops the earlier 9 (its writer labelled "
    "both)",
    "fresh27-uk-020": "'пожежа в одному з цехів' of a gas processing plant adds industrial",
    "fresh27-uk-022": "a drone control point 'в районі Олешок Херсонської області' after an ammunition "
    "depot in the Zaporizhzhia region is put on Zaporizhzhia",
    # round 28 (international wires with both sides' claims and old transliterations; local news sites and
    # channels in Russian and Ukrainian), written after the round-27 fixes and scored untouched (0.954)
    "fresh28-en-006": "'DTEK said its thermal power plants had been seriously damaged, without saying "
    "where' is put on the Dnipropetrovsk region named in the same sentence",
    "fresh28-en-007": "'a HIMARS multiple rocket launcher projectile' shot down is no count of one, and a "
    "gas production facility is fuel (its writer: industrial); the ministry's running total since the "
    "beginning of the special military operation (41,287 UAVs) is background (its writer labelled it; "
    "round 34's writers left such totals out)",
    "fresh28-en-012": "drones that 'had targeted the Kashira power station' with a fire in the quote after "
    "it give no energy",
    "fresh28-en-019": "'32 drones destroyed overnight but did not list Chuvashia among the regions' is put "
    "on Chuvashia",
    "fresh28-en-020": "'across from the Russian-occupied Zaporizhzhia nuclear plant' (a landmark) is energy "
    "damage",
    "fresh28-en-022": "the governor 'put the figure at more than 40' (the drones downed before) has no "
    "weapon or measure of its own",
    "fresh28-en-024": "four uncrewed boats destroyed in the Black Sea give no military damage, and the "
    "Nikolaev region's energy facilities 'supporting military-industrial enterprises' give industrial",
    "fresh28-ru-008": "'Ранены три человека' before 'UPD: число пострадавших возросло до шести' is dropped "
    "(its writer labelled both)",
    "fresh28-ru-013": "'по аэродрому прилетело минимум трижды' (eyewitnesses) gives no military damage",
    "fresh28-ru-016": "'уничтожен беспилотник' is counted as one (its writer, as dev-007, counts no "
    "singular weapon)",
    "fresh28-ru-021": "'атаковал портовую и энергетическую инфраструктуру' with warehouses damaged gives no "
    "transport",
    "fresh28-uk-016": "'95 ударними БпЛА, з них близько 60 — шахеди': the type inside the total is labelled "
    "(its writer did not)",
    "fresh28-uk-017": "an update 'Кількість поранених зросла до семи' drops the five before (its writer "
    "labelled both)",
    "fresh28-uk-018": "'маршрутка пошкоджена' after the wounded were hospitalised gives no damage",
    "fresh28-uk-021": "'знайшли тіла ще двох людей' after 4 killed is not labelled (its writer labelled it)",
    # round 29 (the rules' fine print: totals and parts, subsets, origins, seas, approximations, repeats,
    # negations, shared damage), written after the round-28 fixes and scored untouched (0.959)
    "fresh25-en-007": "'killed four people and injured 19 others' across the country gets no region, so no "
    "tuple (its writer labelled it with region null; rounds 24, 28 and 29 gave none)",
    "fresh29-en-007": "'UPD: two more people sought medical help' after three injured gives no figure of two",
    "fresh29-en-013": "'two drones were shot down over the Caspian Sea' takes the claimant of the "
    "dateline's agency, and the sea no place",
    "fresh29-en-014": "'the Baltic Sea port of Primorsk' (where a tanker burned) makes the port transport "
    "damage",
    "fresh29-en-016": "'Power outages were reported in parts of Kyiv and Kyiv Oblast' gives the outage to "
    "the region only",
    "fresh29-en-024": "'as Moscow pounded Ukraine with 476 drones and 48 missiles' takes Ternopil named "
    "before and the officials' claimant",
    "fresh29-ru-009": "'ракета большой дальности «Нептун-Д»' in a list of downed weapons is no count of one",
    "fresh29-ru-010": "Astra's 'всего Кстово атаковали не менее 15 дронов' gets no region",
    "fresh29-ru-012": "'около двух десятков' is 20 (its writer wrote 24, a dozen)",
    "fresh29-uk-003": "'а також у спортивний комплекс' (bombs hit a sports complex) gives no other damage",
    "fresh29-uk-009": "Sobyanin's 'Загалом він заявив про 74 знищені дрони' (drones flying at Moscow) gets "
    "no region",
    "fresh29-uk-019": "'Балістика була спрямована на Кривий Ріг' is military damage",
    # round 30 (western and central Ukraine and Russia's interior, record nights, missiles by type,
    # interceptor drones) and round 31 (revisions, conflicting tallies, updates, running totals in
    # passing, flashes, headline and body wires, the other side's officials quoted), written after the
    # round-29 fixes and scored untouched (0.984 and 0.938)
    "fresh30-uk-010": "'атакував об'єкт енергетики ... Внаслідок влучання виникла пожежа': an attacked "
    "target with the hit told in the next sentence gives no energy (as rounds 24 and 25)",
    "fresh31-ru-012": "a running total since the start of the month ('всего с начала июля ... 6297 "
    "дронов-камикадзе и 198 ракет') is background (round 22's writers left such totals out; this writer, "
    "like round 25's, labelled it)",
    "fresh31-ru-013": "the ministry's running total 'с начала проведения специальной военной операции' "
    "(84739 UAVs, a list after the colon) is background (its writer labelled it; round 34's writers left "
    "the same bulletin's total out, as round 22's left running totals out)",
    "fresh31-ru-027": "'НПЗ «Лукойл-Волгограднефтепереработка»' (a claimed hit) has no place: the refinery's "
    "name is not in the gazetteer",
    "fresh31-uk-008": "'загалом від початку тижня – понад 120 КАБ' after the day's 19 bombs dropped has no "
    "verb of its own and takes no measure",
    "fresh31-uk-030": "a running total since the start of the month ('З початку місяця ворог випустив ... "
    "понад 5 000 дронів') is background (round 22's writers left such totals out; this writer labelled it)",
    "fresh32-en-008": "'restrictions at Vnukovo and Zhukovsky airports': Zhukovsky's airport (Moscow "
    "Oblast) gives no place, only Vnukovo's (Moscow) transport damage",
    "fresh32-en-019": "'The number of victims of the attack in Tetkino has risen to three' is no toll of "
    "the injured ('victims' with the attack between), so the 2 and the 1 are both kept; 'The windows of a "
    "nearby residential building were also broken' gives no residential damage",
    "fresh32-en-020": "'attacked 23 settlements in 7 municipal districts of the region with 68 drones' in "
    "the governor's summary: the 68 stays national (the districts read as a span of several regions)",
    "fresh32-en-024": "'The number of injured ... has risen to three' with the two newly hurt told after "
    "it: the two are reported beside the three (the writer labels the toll only)",
    "fresh32-en-025": "a community's line with no verb ('Bilopillia community: 3 guided aerial bombs (KAB) "
    "and FPV drone strikes') takes no measure",
    "fresh32-en-030": "'attempt to attack the Oryol region with drones was foiled: more than two dozen "
    "UAVs were suppressed and shot down': the figure after the colon does not take the region before it",
    "fresh33-en-001": "the gold has one claimant per report: ua-military on the Russian Defence Ministry's "
    "44 drones (the rules: ru-mod)",
    "fresh33-en-004": "damage kinds each with their own regions ('gas production facilities in Kharkiv and "
    "Poltava oblasts and energy infrastructure in Ternopil, Ivano-Frankivsk, and Odesa oblasts') are given "
    "to every region of the sentence",
    "fresh33-en-006": "a warning ('Russia is preparing to launch up to 2,000 drones in a single night') is "
    "counted, and 'Moscow is now producing' places it in Moscow; the writer also labels the earlier "
    "months' figures given for comparison (4,198 in May, 1,000 in June 2024), which the normalizer gives "
    "too",
    "fresh33-en-008": "the gold has one claimant per report: ru-mod on Zelenskyy's figures for the week "
    "(the rules: ua-official)",
    "fresh33-en-009": "a fire 'on its territory' after drones 'attacked the Kirishi oil refinery': the "
    "writer labels fuel damage, the normalizer gives the fire only (an attacked refinery is a target, not "
    "a hit)",
    "fresh33-en-014": "the gold has one claimant per report: ru-mod on the six drones Sevastopol's "
    "governor Razvozhayev reports (the rules: ru-official)",
    "fresh33-en-020": "the gold has one claimant per report: ua-military on the figures 'Ukrainian "
    "officials said' (the rules: other Ukrainian officials are ua-official)",
    "fresh33-en-028": "the gold has one claimant per report: ru-official on the Defense Ministry's 91 "
    "drones of March 11 (the rules: ru-mod), an earlier event's figure given for comparison",
    "fresh33-en-029": "the gold has one claimant per report: ru-mod on the Ukrainian air force's 142 and "
    "98 (the rules: ua-military)",
    "fresh33-ru-002": "the previous record given for comparison ('Предыдущий рекорд ... когда Россия "
    "запустила по Украине 728 дронов') is labelled as a count; earlier rounds left such earlier figures "
    "out",
    "fresh33-ru-009": "'загорелись складские помещения на территории порта': the port named as the place "
    "of the warehouses is read as transport damage (the writer gives the warehouses only)",
    "fresh33-ru-013": "the gold has one claimant per report: ua-military on the Russian ministry's 12 (the "
    "rules: ru-mod); 'ранены четыре человека, а во Львовской области' gives the four to the region named "
    "after them",
    "fresh33-ru-021": "the ministry's claimed targets ('по предприятиям ВПК и объектам энергетики "
    "Украины') come out as industrial damage in the first region of a later sentence (Kyiv Oblast)",
    "fresh33-ru-022": "'в порту Усть-Луга вспыхнул пожар на топливном терминале': the port named as the "
    "terminal's place is read as transport damage (the writer gives fuel and fire only)",
    "fresh33-ru-027": "the gold has one claimant per report: ua-military on the Russian ministry's 115 and "
    "30 (the rules: ru-mod)",
    "fresh33-uk-001": "the previous record given for comparison ('попередній рекорд ... коли випустив 539 "
    "дронів і 11 ракет') is labelled as counts; earlier rounds left such earlier figures out",
    "fresh33-uk-002": "the gold has one claimant per report: ru-mod on the Ukrainian Air Force's 187 and "
    "110 (the rules: ua-military)",
    "fresh33-uk-013": "the gold has one claimant per report: ua-official on the two missiles the outlet "
    "tells in its own voice (the State Emergency Service is named for the toll only; the rules: media's "
    "own reporting is other)",
    "fresh33-uk-014": "the gold has one claimant per report: ru-mod on the Air Force's 117 drones and one "
    "missile (the rules: ua-military); 'на склад торговельного комплексу' also gives the shopping complex "
    "(other) beside the warehouse",
    "fresh33-uk-021": "a refinery the governor calls 'промислову зону' is labelled industrial as well as "
    "fuel; earlier rounds' labels give a refinery's zone or 'enterprise' fuel only (round 27's Kinef "
    "refinery)",
    "fresh33-uk-027": "'пошкоджено причал' in Tuapse goes to the Black Sea named in the ministry's figures "
    "of the next sentence, not to the Krasnodar Krai",
    # round 34 (autumn 2026 as it reads: bulletins, officials' posts, news sites and wires, with figures
    # that count nothing, negated damage and totals with breakdowns), written after the round-33 fixes and
    # scored untouched (0.955)
    "fresh34-en-005": "two people killed one by one in one sentence ('a 64-year-old man was killed ..., and "
    "a 38-year-old woman was killed') are two figures of one (its writer added them up; rounds 24 and 27 "
    "labelled each)",
    "fresh34-ru-017": "the people injured one by one in the districts after the region's total ('ещё четверо "
    "ранены' ... 'Ранены две женщины', 'ранен 7-летний мальчик', 'ранен мужчина') are labelled beside it, as "
    "round 25's writer of such a post labelled them (its writer labelled the total only, as round 27's)",
    "fresh34-uk-006": "the missiles by type after the total ('48 ракет ...: 40 крилатих ракет Х-101; 6 ... "
    "«Калібр»; 2 ... «Іскандер-М»') are labelled, a type breakdown that adds up to the total, as earlier "
    "rounds settled (its writer labelled the totals only)",
    "fresh34-uk-012": "the country's totals before the regions' figures ('в Україні загинули щонайменше 6 "
    "цивільних, ще 31 людина дістала поранень') get no region, so no tuple (its writer labelled them with "
    "region null, as round 25's; rounds 24, 28 and 29 gave none)",
    "fresh34-uk-024": "the district's figure inside the region's total ('ще четверо поранені' ... 'У "
    "Бучанському районі травмовано трьох людей') is labelled beside it, as rounds 24-26's writers labelled "
    "such parts (its writer labelled the total only); the woman of the next district, told with the verb "
    "left out ('у Фастівському районі – жінку 33 років'), is not read",
    # round 35 (autumn 2026 again: tolls that rise through updates, ports, tankers and airports, gas
    # fields, the sea), written after the round-34 fixes and scored untouched (0.914)
    "fresh35-en-003": "'A civilian tanker ... was damaged at a berth' gives other damage, a vessel as "
    "rounds 4, 24, 25, 28 and 29 labelled one (its writer left it out)",
    "fresh35-en-004": "'destroyed six uncrewed boats in the Black Sea' is no count, boats being no air "
    "weapons as rounds 18, 21, 26 and 28's writers left them out (its writer counted six drones); "
    "'setting a tanker on fire' gives the vessel other damage, as earlier rounds labelled one (its writer "
    "left it out)",
    "fresh35-en-014": "'causing fires at both facilities' after a refinery in Samara Oblast and a pumping "
    "station in Tambov Oblast: the fire goes to the nearer region only",
    "fresh35-en-016": "'as Moscow pressed its campaign against the country's energy grid' puts the lead's "
    "outage and homes on Moscow; 'Two people died in the Zaporizhzhia region and two in the Vinnytsia "
    "region, where a 70-year-old man was killed': the elided second two is not read, and the man inside it "
    "is taken as one killed",
    "fresh35-en-018": "the update 'Razvozhayev now says three people were injured, and that a private house "
    "and three cars were damaged' takes Crimea from the ministry's sentence before ('over Crimea and the "
    "Black Sea'), not the governor's Sevastopol, so the one injured told before is not replaced",
    "fresh35-en-021": "'a Neptune-MD long-range missile' in a list of downed weapons is no count of one (as "
    "fresh29-ru-009)",
    "fresh35-en-029": "tankers struck in the Black Sea 'as the vessels headed to Novorossiysk': the "
    "destination is taken as the place, not the sea; the tankers are other damage, as earlier rounds "
    "labelled vessels (its writer gave transport)",
    "fresh35-ru-007": "'Дрозденко сообщил о трех сбитых БПЛА' names no place and the report also names "
    "Pulkovo (St Petersburg), so the Kirishi district of the sentence before is not carried; 'над Финским "
    "заливом в районе Усть-Луги': the Gulf of Finland (the Baltic) is no sea in the gazetteer, so "
    "Ust-Luga's region is taken",
    "fresh35-ru-013": "'Пострадала 58-летняя женщина' and 'Еще один пострадавший — мужчина 1979 года "
    "рождения —': two people with one figure each are labelled each, as rounds 24 and 27 (its writer added "
    "them up); the second, told with a dashed apposition, is not read",
    "fresh35-uk-006": "'удар було завдано двома балістичними ракетами «Іскандер-М» з району Таганрога' (the "
    "strike on Dnipro the report is about) names only the origin, so the missiles get no region",
    "fresh35-uk-008": "'58 ударними БпЛА, з них близько 40 — «шахеди»': the type inside the total is "
    "labelled (as fresh28-uk-016; its writer did not)",
    "fresh35-uk-010": "'Ще дві КАБ ... упали в полі на околиці міста': bombs that fell are not read as "
    "dropped",
    "fresh35-uk-015": "'Медики госпіталізували 3 постраждалих, ще двом надали допомогу на місці': one more "
    "figure beside another is labelled apart (its writer added them up to five); the two helped on the "
    "spot are not read",
    "fresh35-uk-023": "the district figures after the region's day total ('поранили 8 жителів Донеччини' ... "
    "'Слов'янськ: ... поранено двох', 'Дружківка: поранено трьох') are labelled beside it, as rounds "
    "24-26's writers labelled such parts (its writer labelled the total only, as round 34's)",
    "fresh35-uk-024": "'атакували об'єкти видобутку газу ... Пошкоджено обладнання': an attacked facility "
    "is a target, not a hit, and damaged 'equipment' names no kind (its writer labelled fuel, as "
    "fresh33-en-009's)",
    # round 36 (November 2026: Air Force bulletins by direction and by region, gas production and power
    # plants, refineries with officials' and sources' figures, community lists, tolls through the day),
    # written after the round-35 fixes and scored untouched (0.953)
    "fresh36-en-021": "'Nikopol, which lies across the Dnipro River from the Russian-occupied Zaporizhzhia "
    "Nuclear Power Plant, was attacked ...': the relative clause's Zaporizhzhia takes the gas pipeline and "
    "houses",
    "fresh36-en-028": "the ministry's claim to have struck 'fuel and energy infrastructure used by the "
    "Ukrainian armed forces' gives the Cherkasy region fuel",
    "fresh36-en-029": "'According to Vorobyov, about ten drones were involved in the attack' (on the "
    "Shatura plant, Moscow Region) takes no region",
    "fresh36-ru-005": "'о еще трех беспилотниках, сбитых на подлете к столице. Всего ... 14 БПЛА': the "
    "three inside the night's total are labelled apart (its writer left them out); 'в аэропортах Внуково и "
    "Жуковский': Zhukovsky (Moscow Oblast) gets no transport",
    "fresh36-ru-007": "'нанесено поражение объектам газовой инфраструктуры ... в Полтавской области, а "
    "также пунктам временной дислокации ... в 147 районах': the gas infrastructure gives no fuel and the "
    "bases in 147 districts are put on Poltava as military",
    "fresh36-uk-006": "'пошкоджено промислове підприємство в Саратові' in a report on the Saratov refinery "
    "is the refinery, as rounds 25 and 27 settled the governor's 'одного из промышленных предприятий' (its "
    "writer labelled industrial beside fuel)",
    "fresh36-uk-018": "'по заводу працювали щонайменше 20 дронів' (sources in the SBU): 'the plant' takes "
    "no place from the Ryazan refinery named the sentence before",
    "fresh36-uk-021": "'атакували газовидобувні об'єкти ... пошкоджено обладнання на об'єктах в обох "
    "областях': an attacked facility is a target, and damaged equipment names no kind, as round 35 settled "
    "for fresh35-uk-024 (its writer labelled fuel in both regions)",
    "fresh36-uk-025": "'один безпілотник влучив у територію заводу ... ще два дрони збили' is one drone "
    "launched, as weapons that struck with nothing told of them before (as fresh4-en-027's writer labelled "
    "them; this writer left hits out)",
    # round 37 (frontline shelling tallies by regional heads, border governors, occupation officials, wire
    # stories combining both sides), written after the round-36 fixes and scored untouched (0.933)
    "fresh37-en-008": "'one drone struck a minibus' after 'Ukrainian drones attacked' (no figure) is one "
    "launched, as weapons that struck are labelled since round 4 (fresh4-en-027; its writer left it out)",
    "fresh37-en-028": "the district figures after the region's day total (drones and injured) are labelled "
    "beside it, as rounds 24-26's writers labelled such parts (its writer labelled the totals only, as "
    "rounds 34 and 35's)",
    "fresh37-ru-002": "the district lines' figures ('— Белгородский район: 21 беспилотник, 12 "
    "сбиты/подавлены') are labelled beside the region's total, as rounds 24-26's writers labelled such "
    "parts (its writer labelled the total only), and their launched figures are read as shot down",
    "fresh37-ru-007": "'более ста двадцати ..., включая 37, уничтоженных с 20:00 до 23:00 мск, и 84 — в "
    "течение ночи': parts that add up to the total are labelled beside it, as round 31 settled for types "
    "after 'including' and round 36 for the Air Force's split by direction (its writer labelled the total "
    "only)",
    "fresh37-uk-015": "the town lines' killed and injured after the region's day totals are labelled beside "
    "them, as rounds 24-26's writers labelled such parts (its writer labelled the totals only, as rounds "
    "34 and 35's)",
    # round 38 (Moscow's running drone posts and airport restrictions, refinery and depot strikes, the energy
    # grid, the Black Sea and Crimea), written after the round-37 fixes and scored untouched (0.976)
    "fresh38-en-008": "'Three power engineers were injured at the plant' gives no casualties after a "
    "sentence with 'the 11th massive strike ... since October' (its history mark reaches the next sentence)",
    "fresh38-en-009": "'destroyed four uncrewed boats in the Black Sea' is no count, boats being no air "
    "weapons as rounds 18, 21, 26, 28 and 35 settled (its writer counted four drones)",
    "fresh38-en-010": "seven uncrewed boats destroyed are no count, as rounds 18, 21, 26, 28 and 35 settled "
    "(its writer counted seven drones); the patrol ship the Navy's sea drones hit gives no military, the "
    "Sheskharis oil terminal no fuel, and the ship is put down as 'other'",
    "fresh38-en-021": "'a day after the Navy reported destroying a Russian landing craft near Chornomorske' "
    "gives no military damage (a landing craft is no kind the normalizer knows)",
    "fresh38-en-024": "a story on gasoline prices 'on the St Petersburg exchange' as 'traders cited refinery "
    "outages' gives St Petersburg fuel and energy",
    "fresh38-en-026": "a correction line's 'the governor said 17 drones had been destroyed, not 71' adds a "
    "count with region null beside the body's 17 over the Rostov region (a figure repeated is labelled once)",
    # round 39 (missile and glide-bomb strikes on cities, tolls rising through the day, Russian MoD
    # interception bulletins and governors), written after the round-38 fixes and scored untouched (0.962)
    "fresh39-en-017": "'shot down five of the six cruise missiles launched at the capital' puts the missiles "
    "on Kyiv (UA-30), as fresh4-en-029's writer labelled 'fired seven ... missiles at the capital' and the "
    "rules 'flying towards Moscow' (its writer gave them region null)",
    # round 40 (early December 2026: deep strikes in Russia's interior, Crimea, western Ukraine, railways,
    # ports and bridges, Telegram posts, in-post updates and corrections, non-strike stories), written after
    # the round-39 fixes and scored untouched (0.963)
    "fresh40-uk-013": "an analysts' running total since the start of the month ('з початку листопада ... "
    "понад 5 300 ударних дронів') is background, as round 22's writers left such totals out (its writer, as "
    "rounds 25 and 31's, labelled it)",
    # round 41 (late November 2026 written fast and messily: abbreviations and slang, typos, thousands
    # separators, numbers in words, old place names, weekly recaps and running totals beside the night's),
    # written after the round-40 fixes and scored untouched (0.951)
    "fresh41-en-008": "the ministry's running total since the start of the special military operation "
    "('98 912 UAVs have been destroyed') is background, as round 22's writers left such totals out (its "
    "writer, as rounds 25, 31 and 40's, labelled it)",
    "fresh41-en-022": "the General Staff's table of Russia's losses since the start of the war ('operational-"
    "tactical UAVs - 86,512 (+342), cruise missiles - 4,112') is a running total and background, as round "
    "22's writers left such totals out (its writer labelled the totals, the day's '+342' and military "
    "damage)",
    "fresh41-en-024": "the ministry's claimed strike on energy facilities and military airfields ('all "
    "designated targets were hit') gives no damage, as round 25 settled (its writer labelled energy and "
    "military)",
    "fresh41-ru-019": "the ministry's running total 'с начала проведения специальной военной операции' "
    "(112 430 UAVs) is background, as round 22's writers left such totals out (its writer, as rounds 25, 31 "
    "and 40's, labelled it)",
    "fresh41-uk-021": "the Air Force's running totals since the full-scale invasion ('понад 70 тисяч ... "
    "дронів та понад 2,7 тис. ракет') are background, as round 22's writers left such totals out (its "
    "writer labelled them), and the verbless 'Лише за минулий тиждень — 1 180 шахедів' after them has no "
    "figure before it to take its measure from",
    # round 42 (late November and early December 2026, reports that change: live blogs with timed updates,
    # corrections and retractions, aggregators, both sides' figures for one night, sea drones, airports),
    # written after the round-41 fixes and scored untouched (0.949)
    "fresh42-en-008": "'a second vessel moored nearby' beside the struck landing craft is the fleet's, not "
    "a civilian object (other given)",
    "fresh42-ru-004": "the passenger of the two injured who died later ('пассажир скончался в реанимации') "
    "leaves one injured, but both are still labelled injured",
    "fresh42-ru-021": "'к городам летели не менее 20 беспилотников' is no launch, as round 25 left drones "
    "that 'летіли' somewhere (its writer labelled 20 launched)",
    "fresh42-ru-022": "the people injured one by one after the region's total ('Пострадали двое мирных "
    "жителей. В Глушково ... В Рыльске ...') are labelled beside it, as rounds 24 and 25's writers labelled "
    "such parts (its writer labelled the total only, as round 34's)",
    "fresh42-uk-006": "the Sevastopol governor's 'збито шість БпЛА' takes no region from the city named in "
    "the sentence before, the report naming Crimea and the sea too",
}


def _cases() -> list[dict[str, Any]]:
    out = []
    for path in sorted(DATA.glob("*.jsonl")):
        out.extend(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line)
    return out


CASES = _cases()


Tuples = tuple[Counter[tuple[Any, ...]], Counter[tuple[Any, ...]], Counter[tuple[Any, ...]]]


def _expected(gold: dict[str, Any]) -> Tuples:
    counts = Counter(
        (c[0], c[1], c[2], int(c[3]), c[4] if len(c) > 4 else gold["claimant"]) for c in gold["counts"]
    )
    damage = Counter((d[0], d[1]) for d in gold["damage"])
    casualties = Counter((c[0], c[1], int(c[2])) for c in gold["casualties"])
    return counts, damage, casualties


def _produced(report: dict[str, Any]) -> Tuples:
    raw = RawReport(
        id=report["id"],
        source=report["source"],
        published_at=datetime.fromisoformat(report["published_at"].replace("Z", "+00:00")),
        text=report["text"],
    )
    out = normalize(raw)
    counts = Counter((o.region, o.weapon, o.measure, o.count, o.claimant) for o in out.observations)
    damage = Counter((d.region, d.kind) for d in out.damage)  # as the scorer counts them
    casualties: Counter[tuple[Any, ...]] = Counter()
    for c in out.casualties:
        for what, n in (("killed", c.killed), ("injured", c.injured)):
            if n:
                casualties[(c.region, what, n)] += 1
    return counts, damage, casualties


def _known(report_id: str) -> list[pytest.MarkDecorator]:
    if report_id not in KNOWN:
        return []
    return [pytest.mark.xfail(strict=True, reason=KNOWN[report_id])]


def test_the_sets_are_whole() -> None:
    ids = [c["report"]["id"] for c in CASES]
    assert len(ids) == 3690
    assert len(set(ids)) == 3690
    assert set(KNOWN) <= set(ids)
    assert Counter(c["lang"] for c in CASES) == {"en": 1230, "ru": 1230, "uk": 1230}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c["report"]["id"], marks=_known(c["report"]["id"]))
        for c in CASES
    ],
)
def test_heldout_report(case: dict[str, Any]) -> None:
    expected = _expected(case["gold"])
    produced = _produced(case["report"])
    assert produced[0] == expected[0], "counts (region, weapon, measure, n, claimant)"
    assert produced[1] == expected[1], "damage (region, kind)"
    assert produced[2] == expected[2], "casualties (region, what, n)"
