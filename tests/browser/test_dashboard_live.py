"""The dashboard in headless Chromium against a real worker on the embedded broker.

1. Live: after a month of quiet history for Kursk, a report on Belgorod shows up in the
   region table and on the map, and the detector's `first_seen` alert for Belgorod
   shows up in the alert feed, each within 3 s and without a page reload.
2. Untrusted text: reports carrying <script>, <img onerror> and javascript: payloads in
   the text and the source render literally and execute nothing (with an API token set).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from stream.settings import RAW_TOPIC

from ..integration.conftest import ARTIFACTS, Deployment, Worker, produce, wait_until

pytestmark = pytest.mark.browser

START = datetime(2025, 5, 1, tzinfo=UTC)
MSK = timedelta(hours=3)
LIVE_S = 3.0  # the bound for a change to reach the open page


def report(rid: str, published: datetime, text: str, source: str = "telegram:mod_russia") -> bytes:
    return orjson.dumps({"id": rid, "source": source, "text": text,
                         "published_at": published.isoformat().replace("+00:00", "Z")})


def hourly_bulletin(rid: str, region_gen: str, n: int, begin: datetime) -> bytes:
    """A Russian MoD hourly bulletin for [begin, begin + 1 h), published 5 minutes after."""
    b, e = begin + MSK, begin + MSK + timedelta(hours=1)
    text = (f"В период с {b.hour}.00 до {e.hour}.00 мск дежурными средствами ПВО уничтожены {n} "
            f"украинских беспилотных летательных аппаратов над территорией {region_gen}.")
    return report(rid, e - MSK + timedelta(minutes=5), text)


def ingest(dep: Deployment, records: list[bytes], key: bytes) -> None:
    # One key: one raw partition, so the history is normalized and folded in order.
    asyncio.run(produce(dep.broker.bootstrap, dep.topic(RAW_TOPIC), records, keys=[key] * len(records)))


def open_dashboard(driver: Any, worker: Worker, path: str = "/") -> None:
    driver.get(worker.url(path))
    WebDriverWait(driver, 20).until(
        lambda d: d.find_element(By.ID, "status").get_attribute("data-conn") == "open")
    driver.execute_script("window.__loadedOnce = 'yes';")  # gone if the page reloads


def click(driver: Any, css: str) -> None:
    """Find and click in one step: the table is re-rendered when figures change."""
    WebDriverWait(driver, 5).until(lambda d: d.execute_script(
        "const n = document.querySelector(arguments[0]); if (n) n.click(); return Boolean(n);", css))


def text_of(driver: Any, css: str) -> str | None:
    """Text of the first match, read in one step (parts of the page are re-rendered)."""
    value = driver.execute_script(
        "const n = document.querySelector(arguments[0]); return n ? n.textContent.trim() : null;", css)
    return None if value is None else str(value)


def test_region_figure_and_alert_appear_live_without_reload(deployment: Deployment, driver: Any) -> None:
    worker = deployment.start_worker()
    worker.wait_ready()
    history = [hourly_bulletin(f"kursk-{d}", "Курской области", 5, START + timedelta(days=d, hours=10))
               for d in range(31)]
    ingest(deployment, history, b"history")
    wait_until(lambda: worker.json("/healthz")["claims_applied"] >= len(history), timeout=60,
               what="history folded")

    open_dashboard(driver, worker)
    WebDriverWait(driver, 10).until(
        lambda d: text_of(d, '#regions-table tr[data-region="RU-KRS"] td.activity') == "5")
    assert driver.find_elements(By.CSS_SELECTOR, '#regions-table tr[data-region="RU-BEL"]') == []
    assert driver.find_elements(By.CSS_SELECTOR, '#alerts-open li[data-region="RU-BEL"]') == []

    surge_hour = START + timedelta(days=31, hours=10)
    ingest(deployment, [hourly_bulletin("belgorod-1", "Белгородской области", 45, surge_hour)], b"live")
    WebDriverWait(driver, LIVE_S, poll_frequency=0.1).until(
        lambda d: text_of(d, '#regions-table tr[data-region="RU-BEL"] td.activity') == "45")
    assert text_of(driver, '#regions-table tr[data-region="RU-BEL"] td[data-claimant="ru-mod"]') == "45"
    assert text_of(driver, '#map g[data-region="RU-BEL"] text.val') == "45"
    item = driver.find_element(By.CSS_SELECTOR, '#claims-feed li[data-region="RU-BEL"]')
    assert item.find_element(By.CSS_SELECTOR, ".fig").text == "45 drones intercepted"
    assert item.find_element(By.CSS_SELECTOR, "mark").text.startswith("45 ")
    assert item.find_element(By.CSS_SELECTOR, ".sources").text == "telegram:mod_russia"

    # A later report closes Belgorod's hour for the detector: first claim ever seen there.
    ingest(deployment, [hourly_bulletin("kursk-tick", "Курской области", 4,
                                        surge_hour + timedelta(hours=2))], b"live")
    alert_css = '#alerts-open li[data-region="RU-BEL"][data-kind="first_seen"]'
    WebDriverWait(driver, LIVE_S, poll_frequency=0.1).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, alert_css))
    assert text_of(driver, f"{alert_css} .msg") == "first claim ever seen"
    assert driver.execute_script("return document.querySelector(arguments[0]).dataset.state",
                                 alert_css) == "open"
    assert driver.execute_script("return window.__loadedOnce") == "yes"
    assert driver.execute_script("return performance.getEntriesByType('navigation').length") == 1
    assert driver.find_element(By.ID, "kpi-alerts").text == str(len(
        [a for a in worker.json("/api/alerts?state=open")["alerts"]]))
    # For the review screenshot: let the throttled refetches (figures, sparklines) land.
    WebDriverWait(driver, 10).until(lambda d: text_of(d, "#asof") == "2025-06-01 13:00Z" and text_of(
        d, '#regions-table tr[data-region="RU-KRS"] td.activity') == "4" and d.find_elements(
        By.CSS_SELECTOR, '#regions-table tr[data-region="RU-BEL"] .spark-line'))
    driver.save_screenshot(str(ARTIFACTS / "dashboard-live.png"))

    click(driver, '#regions-table tr[data-region="RU-BEL"]')
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "drawer-title").text == "Belgorod Oblast")
    WebDriverWait(driver, 5).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, '#drawer-claims li[data-region="RU-BEL"]'))
    assert driver.find_elements(By.CSS_SELECTOR, '#drawer-alerts li[data-kind="first_seen"]')
    driver.save_screenshot(str(ARTIFACTS / "dashboard-detail.png"))


PAGE_TOKEN = "browser-test-token"  # noqa: S105 - a test fixture, not a secret
PAYLOADS = ('<script>window.__pwned = "script"; document.title = "pwned"</script>',
            '<img src=x onerror="window.__pwned = \'img\'; document.title = \'pwned\'">',
            '<a href="javascript:window.__pwned = \'link\'">details</a>')


def test_report_text_is_rendered_as_text_and_never_executes(deployment: Deployment, driver: Any) -> None:
    # With a bearer token: the page passes it on (fetch header, EventSource ?token=).
    worker = deployment.start_worker(STREAM_API_TOKEN=PAGE_TOKEN)
    worker.wait_ready()
    open_dashboard(driver, worker, f"/?token={PAGE_TOKEN}")
    title = driver.title
    text = ("Air defence systems destroyed 12 Ukrainian drones over the Kursk region overnight "
            + " ".join(PAYLOADS) + ", the Russian Defence Ministry said.")
    source = '<img src=x onerror="window.__pwned = \'source\'">'
    ingest(deployment, [report("xss-1", START + timedelta(hours=6), text, source=source)], b"xss")

    WebDriverWait(driver, 20).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, '#claims-feed li[data-region="RU-KRS"]'))
    item = driver.find_element(By.CSS_SELECTOR, '#claims-feed li[data-region="RU-KRS"]')
    excerpt = item.find_element(By.CSS_SELECTOR, ".excerpt").get_attribute("textContent")
    for payload in PAYLOADS:
        assert payload in excerpt
    assert item.find_element(By.CSS_SELECTOR, "mark").text == "12 Ukrainian drones"
    assert item.find_element(By.CSS_SELECTOR, ".sources").get_attribute("textContent") == source

    click(driver, '#regions-table tr[data-region="RU-KRS"]')
    WebDriverWait(driver, 5).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, '#drawer-claims li[data-region="RU-KRS"] .excerpt'))
    drawer = driver.find_element(By.CSS_SELECTOR, '#drawer-claims li[data-region="RU-KRS"] .excerpt')
    assert PAYLOADS[0] in drawer.get_attribute("textContent")

    assert driver.execute_script("return window.__pwned === undefined") is True
    assert driver.title == title
    assert driver.find_elements(By.CSS_SELECTOR, "body img, main script, aside script") == []
    assert driver.find_elements(By.CSS_SELECTOR, 'a[href^="javascript:"]') == []
    driver.save_screenshot(str(ARTIFACTS / "dashboard-xss.png"))


def test_page_catches_up_without_reload_after_a_worker_restart(deployment: Deployment, driver: Any) -> None:
    first = deployment.start_worker()
    first.wait_ready()
    open_dashboard(driver, first)
    ingest(deployment, [hourly_bulletin("kursk-1", "Курской области", 7, START)], b"k")
    WebDriverWait(driver, 10, poll_frequency=0.1).until(
        lambda d: text_of(d, '#regions-table tr[data-region="RU-KRS"] td.activity') == "7")

    first.kill()
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.ID, "status").get_attribute("data-conn") != "open")
    # Published while no worker runs; the next worker (same port) picks it up.
    ingest(deployment, [hourly_bulletin("belgorod-1", "Белгородской области", 9,
                                        START + timedelta(hours=1))], b"k")
    second = deployment.start_worker(STREAM_WEB_PORT=str(first.port))
    restarted = Worker(proc=second.proc, port=first.port, log=second.log)
    restarted.wait_ready()
    wait_until(lambda: "RU-BEL" in restarted.json("/api/regions")["regions"], timeout=90,
               what="the report published while down to be folded by the new worker")

    # The browser reconnects with its Last-Event-ID, which the new process does not
    # hold: it answers `reset` and the page refetches.
    WebDriverWait(driver, 30, poll_frequency=0.2).until(
        lambda d: text_of(d, '#regions-table tr[data-region="RU-BEL"] td.activity') == "9",
        f"page status {text_of(driver, '#status-text')}")
    assert text_of(driver, '#regions-table tr[data-region="RU-KRS"] td.activity') == "7"
    assert driver.find_element(By.ID, "status").get_attribute("data-conn") == "open"
    assert driver.execute_script("return window.__loadedOnce") == "yes"
    ids = driver.execute_script(
        "return [...document.querySelectorAll('#claims-feed li')].map(li => li.dataset.region)")
    assert sorted(ids) == ["RU-BEL", "RU-KRS"]  # refetched, not duplicated


def test_a_relay_of_a_governors_post_shows_that_it_counts_nothing(
        deployment: Deployment, driver: Any) -> None:
    """The governor's untimed post and an outlet's "overnight" relay of it: the region counts
    5, and the relay in the region's detail says it counts 0, with why on hover."""
    worker = deployment.start_worker()
    worker.wait_ready()
    post = datetime(2025, 7, 10, 5, 15, tzinfo=UTC)
    ingest(deployment, [
        report("gov", post, "Над Белгородской областью сбиты 5 беспилотников. Пострадавших нет.",
               source="telegram:vvgladkov"),
        report("wire", post + timedelta(minutes=105),
               "Five drones were shot down over the Belgorod region overnight, Governor "
               "Vyacheslav Gladkov said.", source="reuters"),
    ], b"relay")
    wait_until(lambda: worker.json("/healthz")["claims_applied"] >= 2, timeout=60, what="both folded")
    open_dashboard(driver, worker)
    cell = '#regions-table tr[data-region="RU-BEL"] td[data-claimant="ru-official"]'
    WebDriverWait(driver, 10).until(lambda d: text_of(d, cell) == "5")
    click(driver, '#regions-table tr[data-region="RU-BEL"]')
    WebDriverWait(driver, 5).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, '#drawer-claims li[data-region="RU-BEL"]')) == 2)
    tags = driver.execute_script(
        "return [...document.querySelectorAll('#drawer-claims li')].map((li) => "
        "[li.querySelector('.sources').firstChild.textContent, "
        "li.querySelector('.tag.counted')?.textContent ?? null, "
        "li.querySelector('.tag.counted')?.title ?? null])")
    assert sorted(tags) == [
        ["reuters", "counts 0", "restates an official's post of the same figure, which is counted"],
        ["telegram:vvgladkov", None, None]]


def test_a_toll_correction_says_which_figure_it_corrects(deployment: Deployment, driver: Any) -> None:
    """The governor posts 5 killed, then "не 5, а 3": the region's drawer lists the
    correction with a "corrects 5 killed" tag (why on hover)."""
    worker = deployment.start_worker()
    worker.wait_ready()
    post = datetime(2025, 7, 10, 5, 15, tzinfo=UTC)
    ingest(deployment, [
        report("gov", post, "Над Белгородской областью сбиты 8 беспилотников. В Шебекино погибли "
                            "5 человек, ещё 7 ранены.", source="telegram:vvgladkov"),
        report("fix", post + timedelta(hours=3),
               "Уточнение: в Шебекино погибли не 5, а 3 человека, ранены 7.", source="telegram:vvgladkov"),
    ], b"fix")
    wait_until(lambda: worker.json("/healthz")["claims_applied"] >= 3, timeout=60, what="all folded")
    open_dashboard(driver, worker)
    row = '#regions-table tr[data-region="RU-BEL"]'
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, row))
    click(driver, row)
    WebDriverWait(driver, 5).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, '#drawer-claims li[data-region="RU-BEL"]')) >= 3)
    items = driver.execute_script(
        "return [...document.querySelectorAll('#drawer-claims li')].map((li) => "
        "[li.querySelector('.fig').textContent, "
        "li.querySelector('.tag.counted')?.textContent ?? null, "
        "li.querySelector('.tag.counted')?.title ?? null])")
    tolls = sorted(i for i in items if "killed" in i[0])
    assert tolls == [
        ["3 killed, 7 injured", "corrects 5 killed",
         "the report says the earlier figure was wrong: this one replaces it"],
        ["5 killed, 7 injured", None, None]]
