"""What the dashboard says about its data, in headless Chromium against a real worker.

1. Old reports (2025) folded just now: the pill says the page is replaying history, every
   timestamp carries its year, the wall-clock age of the data is shown, and once no
   report has arrived for the stale threshold the pill turns amber, then red.
2. The Air Force's nationwide tally (region ALL) is shown per claimant, apart from the
   per-region figures; a resolved alert in the region drawer is marked resolved.
3. The regions table fits its card at 1400 px (no sideways scrolling), a long name does
   not crowd the code, and narrower windows degrade without clipping the region column.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from ..integration.conftest import ARTIFACTS, Deployment, wait_until
from .test_dashboard_live import START, click, hourly_bulletin, ingest, open_dashboard, report, text_of

pytestmark = pytest.mark.browser

AIR_FORCE = ("У ніч на 2 червня противник атакував 420 ударними БпЛА типу Shahed та 10 крилатими "
             "ракетами. За попередніми даними, станом на 09:00 збито 390 БпЛА та 8 ракет.")
BLACK_SEA = ("В период с 4.00 до 5.00 мск дежурными средствами ПВО уничтожены 7 украинских "
             "беспилотных летательных аппаратов над акваторией Черного моря.")


def history() -> list[bytes]:
    day = timedelta(days=1)
    records = [hourly_bulletin(f"kursk-{d}", "Курской области", 5, START + d * day + timedelta(hours=10))
               for d in range(31)]
    records.append(hourly_bulletin("belgorod-1", "Белгородской области", 45,
                                   START + 31 * day + timedelta(hours=10)))  # first_seen opens
    records.append(report("sea-1", START + 32 * day + timedelta(hours=2, minutes=10), BLACK_SEA))
    records.append(report("af-1", START + 32 * day + timedelta(hours=6), AIR_FORCE, source="telegram:kpszsu"))
    # Scores the hours past the first_seen hold (24 h): Belgorod's alert resolves.
    records.append(hourly_bulletin("kursk-tick", "Курской области", 4,
                                   START + 32 * day + timedelta(hours=14)))
    return records


def state_of(driver: Any) -> str:
    return str(driver.find_element(By.ID, "status").get_attribute("data-state"))


def test_history_is_labelled_and_an_outage_turns_the_pill_amber_then_red(
        deployment: Deployment, driver: Any) -> None:
    worker = deployment.start_worker()
    worker.wait_ready()
    records = history()
    ingest(deployment, records, b"history")
    wait_until(lambda: any(a["state"] == "resolved" for a in worker.json("/api/alerts")["alerts"]),
               timeout=60, what="the first_seen alert resolved")

    # 3 s stale threshold (the default is 15 min): red after 4 x 3 s without reports.
    open_dashboard(driver, worker, "/?stale_min=0.05")
    WebDriverWait(driver, 10).until(lambda d: state_of(d) in ("history", "stale"))
    # (the status comes from /healthz, the event time from the first /api/regions answer)
    WebDriverWait(driver, 10, poll_frequency=0.2).until(lambda d: (text_of(d, "#asof") or "–") != "–")
    asof = text_of(driver, "#asof") or ""
    assert re.fullmatch(r"2025-06-02 \d\d:00Z", asof), asof
    WebDriverWait(driver, 10, poll_frequency=0.2).until(lambda d: text_of(d, "#claims-feed li time"))
    claim_time = text_of(driver, "#claims-feed li time") or ""
    assert claim_time.startswith("2025-06-02 "), claim_time
    if state_of(driver) == "history":  # folded less than 3 s ago: the replay is labelled
        assert re.fullmatch(r"replaying history · \d+ d behind", text_of(driver, "#status-text") or "")
        driver.save_screenshot(str(ARTIFACTS / "dashboard-history.png"))

    WebDriverWait(driver, 15, poll_frequency=0.2).until(lambda d: state_of(d) == "stale")
    assert re.fullmatch(r"no new reports for \d+ s", text_of(driver, "#status-text") or "")
    assert re.fullmatch(r"received \d+ s ago · \d+ d behind", text_of(driver, "#data-age") or "")
    assert driver.find_element(By.ID, "status").get_attribute("data-conn") == "open"
    WebDriverWait(driver, 20, poll_frequency=0.5).until(lambda d: state_of(d) == "dead")
    assert text_of(driver, "#status-text").startswith("no new reports for ")  # type: ignore[union-attr]
    color = driver.execute_script("return getComputedStyle(document.getElementById('status')).color")
    assert color == "rgb(255, 77, 79)", color  # the page's red
    driver.save_screenshot(str(ARTIFACTS / "dashboard-stale.png"))

    # A new report: fresh again (live or history: the report is from 2025).
    ingest(deployment, [hourly_bulletin("kursk-new", "Курской области", 3,
                                        START + timedelta(days=32, hours=15))], b"history")
    WebDriverWait(driver, 15, poll_frequency=0.2).until(lambda d: state_of(d) == "history")


def test_nationwide_totals_and_resolved_alerts_are_shown_as_such(deployment: Deployment, driver: Any) -> None:
    worker = deployment.start_worker()
    worker.wait_ready()
    ingest(deployment, history(), b"history")
    wait_until(lambda: any(a["state"] == "resolved" for a in worker.json("/api/alerts")["alerts"]),
               timeout=60, what="the first_seen alert resolved")
    api_totals = worker.json("/api/regions?window=24h")["totals"]["totals"]
    assert api_totals["ua-military"] == {"drone": {"launched": 420, "intercepted": 390},
                                         "missile": {"launched": 10, "intercepted": 8}}

    open_dashboard(driver, worker)
    item = '#national-items .nat-item[data-claimant="ua-military"]'
    WebDriverWait(driver, 10).until(lambda d: text_of(d, f"{item} .nat-fig"))
    assert text_of(driver, f"{item} .badge") == "UA military"
    assert text_of(driver, f"{item} .nat-fig") == (
        "420 drones launched, 390 intercepted · 10 missiles launched, 8 intercepted")
    assert driver.find_element(By.ID, "national-empty").is_displayed() is False
    # Not a region: not in the table, nor added to the per-region KPIs.
    assert driver.find_elements(By.CSS_SELECTOR, '#regions-table tr[data-region="ALL"]') == []
    # The 1 h window holds no nationwide claim: the strip says so.
    click(driver, '#windows button[data-window="1h"]')
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "national-empty").is_displayed())
    assert driver.find_elements(By.CSS_SELECTOR, item) == []
    click(driver, '#windows button[data-window="7d"]')

    click(driver, '#regions-table tr[data-region="RU-BEL"]')
    resolved = '#drawer-alerts li[data-kind="first_seen"][data-state="resolved"]'
    WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, resolved))
    alert = next(a for a in worker.json("/api/alerts?state=resolved")["alerts"] if a["region"] == "RU-BEL")
    stamp = alert["updated_at"][:16].replace("T", " ") + "Z"
    assert text_of(driver, f"{resolved} .state-tag") == f"Resolved {stamp}"
    assert driver.find_elements(By.CSS_SELECTOR, f"{resolved} .sev") == []  # no "WARNING" badge
    assert text_of(driver, f"{resolved} .was-sev") == "was warning"
    assert text_of(driver, f"{resolved} .nums").startswith("45 in its first hour")  # type: ignore[union-attr]
    driver.save_screenshot(str(ARTIFACTS / "dashboard-drawer-resolved.png"))

    # Open alerts come first, then resolved ones, each newest first.
    order = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        import('/static/render.js').then((m) => {
          const a = (id, state, at) => ({alert_id: id, state, updated_at: at});
          const xs = [a('r-old', 'resolved', '2025-06-01T10:00:00Z'),
                      a('o-old', 'open', '2025-06-01T09:00:00Z'),
                      a('r-new', 'resolved', '2025-06-02T10:00:00Z'),
                      a('o-new', 'updated', '2025-06-02T09:00:00Z')];
          const mass = {kind: 'mass_attack', observed: 3, expected: 3, statistic: 3, claim_ids: ['a', 'b']};
          done([xs.sort(m.alertOrder).map((x) => x.alert_id), m.alertFigures(mass)]);
        });""")
    # a mass attack shows its regions and claims, not "observed 3 · expected 3"
    assert order == [["o-new", "o-old", "r-new", "r-old"], ["3 regions", "2 claims"]]


TABLE_FITS = """
    const wrap = document.querySelector('.table-card .table-wrap');
    const table = document.getElementById('regions-table');
    return [table.scrollWidth, wrap.clientWidth];
"""


def test_regions_table_fits_its_card(deployment: Deployment, driver: Any) -> None:
    worker = deployment.start_worker()
    worker.wait_ready()
    ingest(deployment, history(), b"history")
    wait_until(lambda: "SEA-BLACK" in worker.json("/api/regions?window=7d")["regions"], timeout=60,
               what="history folded")
    open_dashboard(driver, worker)
    click(driver, '#windows button[data-window="7d"]')
    row = '#regions-table tr[data-region="SEA-BLACK"]'
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, row))
    for width in (1400, 1280, 1000):
        driver.set_window_size(width, 1000)
        WebDriverWait(driver, 5).until(lambda d, w=width: d.execute_script("return innerWidth") <= w)
        table_w, box_w = driver.execute_script(TABLE_FITS)
        if width >= 1280:  # fits: every column visible without scrolling sideways
            assert table_w <= box_w, (width, table_w, box_w)
        code, name = driver.execute_script("""
            const cell = document.querySelector(arguments[0] + ' td.region-cell');
            const r = (n) => n.getBoundingClientRect();
            return [r(cell.querySelector('.code')), r(cell.querySelector('.name'))]
              .map((b) => ({left: b.left, right: b.right, top: b.top, bottom: b.bottom}));""", row)
        assert code["bottom"] <= name["top"] + 0.5 or code["right"] <= name["left"], (width, code, name)
        driver.execute_script("document.querySelector('.table-card').scrollIntoView()")
        driver.save_screenshot(str(ARTIFACTS / f"dashboard-table-{width}.png"))
    src = driver.execute_script(
        "return [...document.querySelectorAll('#regions-table th')].filter((th) => th.offsetParent)"
        ".map((th) => th.dataset.sort)")
    assert "sources" in src and "n_claims" in src
