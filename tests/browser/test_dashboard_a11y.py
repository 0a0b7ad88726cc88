"""The dashboard by keyboard, on a phone-sized screen and while it loads (headless Chromium
against a real worker on the embedded broker).

1. Keyboard: the sort controls are reachable with Tab and sort with Enter and Space
   (aria-sort follows); Enter on a row or a map tile opens the drawer with the focus in
   it, Tab stays in it, Escape closes it and the focus goes back to the row or tile;
   a live re-render of the table keeps the focus on its row.
2. 390 px wide: no sideways scrolling, the KPIs shown with the API's figures, the map
   replaced by a readable ranked list whose items open the drawer.
3. Loading: once connected but before the first data the pill says it is loading (never
   "live" next to "no reports received"); a failed first load says so and is retried.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from ..integration.conftest import ARTIFACTS, Deployment, Worker, wait_until
from .test_dashboard_freshness import history
from .test_dashboard_live import START, click, hourly_bulletin, ingest, open_dashboard, text_of

pytestmark = pytest.mark.browser


def started(deployment: Deployment) -> Worker:
    worker = deployment.start_worker()
    worker.wait_ready()
    ingest(deployment, history(), b"history")
    wait_until(lambda: "SEA-BLACK" in worker.json("/api/regions?window=7d")["regions"], timeout=60,
               what="history folded")
    return worker


def keys(driver: Any, *sequence: str) -> None:
    """Key presses sent to whatever has the focus (as a keyboard user would)."""
    chain = ActionChains(driver)
    for key in sequence:
        chain.send_keys(key)
    chain.perform()


def shift_tab(driver: Any) -> None:
    ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()


def focused(driver: Any) -> dict[str, Any]:
    return dict(driver.execute_script("""
        const a = document.activeElement;
        const th = a.closest('th');
        return {tag: a.tagName.toLowerCase(), region: a.closest('[data-region]')?.dataset.region ?? null,
                sort: th ? th.dataset.sort : null, inDrawer: Boolean(a.closest('#drawer')),
                root: a.closest('#map, #map-list, #regions-table, #drawer')?.id ?? null};"""))


def aria_sorts(driver: Any) -> dict[str, str]:
    return dict(driver.execute_script(
        "return Object.fromEntries([...document.querySelectorAll('#regions-table th[aria-sort]')]"
        ".map((th) => [th.dataset.sort, th.getAttribute('aria-sort')]))"))


def row_codes(driver: Any) -> list[str]:
    return list(driver.execute_script(
        "return [...document.querySelectorAll('#regions-table tbody tr')].map((tr) => tr.dataset.region)"))


def test_sorting_and_the_region_drawer_work_by_keyboard(deployment: Deployment, driver: Any) -> None:
    worker = started(deployment)
    open_dashboard(driver, worker)
    click(driver, '#windows button[data-window="7d"]')
    regions = [c for c, s in worker.json("/api/regions?window=7d")["regions"].items() if s["n_claims"]]
    WebDriverWait(driver, 10).until(lambda d: sorted(row_codes(d)) == sorted(regions))
    assert aria_sorts(driver) == {"activity": "descending"}

    # Shift+Tab from the first row reaches the last sort control; the rest, one by one.
    driver.execute_script("document.querySelector('#regions-table tbody tr').focus()")
    sortable = driver.execute_script(
        "return [...document.querySelectorAll('#regions-table th button')]"
        ".map((b) => b.closest('th').dataset.sort)")
    seen = []
    for _ in sortable:
        shift_tab(driver)
        seen.append(focused(driver)["sort"])
    assert seen == sortable[::-1]
    assert seen[-1] == "code" and focused(driver)["tag"] == "button"

    keys(driver, Keys.ENTER)  # Region: A to Z
    WebDriverWait(driver, 5).until(lambda d: aria_sorts(d) == {"code": "ascending"})
    assert row_codes(driver) == sorted(regions)
    keys(driver, " ")  # Space on the same control: Z to A, the focus stays on it
    WebDriverWait(driver, 5).until(lambda d: aria_sorts(d) == {"code": "descending"})
    assert row_codes(driver) == sorted(regions, reverse=True)
    assert focused(driver)["sort"] == "code"

    # From the last sort control Tab reaches the first row; Enter opens its drawer.
    driver.execute_script("document.querySelector('#regions-table th[data-sort=\"sources\"] button').focus()")
    keys(driver, Keys.TAB)
    first = sorted(regions, reverse=True)[0]
    assert (focused(driver)["tag"], focused(driver)["region"]) == ("tr", first)
    keys(driver, Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "drawer").is_displayed())
    assert focused(driver)["inDrawer"]
    for _ in range(4):  # Tab and Shift+Tab cycle inside the drawer
        keys(driver, Keys.TAB)
        assert focused(driver)["inDrawer"]
    for _ in range(4):
        shift_tab(driver)
        assert focused(driver)["inDrawer"]
    keys(driver, Keys.ESCAPE)
    WebDriverWait(driver, 5).until(lambda d: not d.find_element(By.ID, "drawer").is_displayed())
    WebDriverWait(driver, 5).until(lambda d: focused(d)["root"] == "regions-table")
    assert focused(driver)["region"] == first and focused(driver)["tag"] == "tr"

    # The map: Tab from the last window button reaches the tiles; Enter on one opens it.
    driver.execute_script("document.querySelector('#windows button[data-window=\"7d\"]').focus()")
    keys(driver, Keys.TAB)
    assert focused(driver)["root"] == "map"
    driver.execute_script("document.querySelector('#map [data-region=\"RU-KRS\"]').focus()")
    keys(driver, Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "drawer-title").text == "Kursk Oblast")
    assert focused(driver)["inDrawer"]
    assert driver.execute_script("return document.activeElement.id") == "drawer-close"
    driver.save_screenshot(str(ARTIFACTS / "dashboard-keyboard-drawer.png"))
    keys(driver, Keys.ESCAPE)
    WebDriverWait(driver, 5).until(lambda d: focused(d)["root"] == "map")
    assert focused(driver)["region"] == "RU-KRS"
    assert driver.find_element(By.ID, "drawer").is_displayed() is False
    keys(driver, " ")  # Space acts on a tile too
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "drawer").is_displayed())
    driver.find_element(By.ID, "drawer-close").send_keys(Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: focused(d)["root"] == "map" and focused(d)["region"] == "RU-KRS")

    # A live update re-renders the table: the focused row keeps the focus.
    driver.execute_script("document.querySelector('#regions-table tr[data-region=\"RU-KRS\"]').focus()")
    before = text_of(driver, '#regions-table tr[data-region="RU-KRS"] td.activity')
    ingest(deployment, [hourly_bulletin("kursk-live", "Курской области", 60,
                                        START + timedelta(days=32, hours=16))], b"history")
    WebDriverWait(driver, 15).until(
        lambda d: text_of(d, '#regions-table tr[data-region="RU-KRS"] td.activity') != before)
    assert focused(driver)["region"] == "RU-KRS" and focused(driver)["root"] == "regions-table"


FONT_PX = """
    const svg = document.querySelector('#map svg.tiles');
    if (!svg || !svg.getClientRects().length) return null;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return parseFloat(getComputedStyle(svg.querySelector('text.code')).fontSize) * scale;
"""


def test_a_phone_sized_window_shows_the_kpis_and_a_readable_region_list(
        deployment: Deployment, driver: Any) -> None:
    worker = started(deployment)
    driver.set_window_size(1000, 900)
    open_dashboard(driver, worker)
    WebDriverWait(driver, 10).until(lambda d: (text_of(d, "#kpi-claims") or "–") != "–")
    for kpi in ("kpi-regions", "kpi-claims", "kpi-alerts"):
        assert driver.find_element(By.ID, kpi).is_displayed(), kpi
    assert driver.execute_script(FONT_PX) >= 9  # the tile map, readable

    driver.set_window_size(390, 844)
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return innerWidth") == 390)
    assert driver.execute_script(FONT_PX) is None  # no tile map of 4 px labels...
    items = '#map-list button[data-region]'
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, items))
    assert driver.find_element(By.ID, "map-list").is_displayed()  # ...a list instead
    assert driver.execute_script("return document.documentElement.scrollWidth <= innerWidth")

    regions = worker.json("/api/regions?window=24h")["regions"]
    busy = {c: s for c, s in regions.items() if s["n_claims"]}
    open_alerts = worker.json("/api/alerts?state=open")["alerts"]
    for kpi, want in (("kpi-regions", len(busy)), ("kpi-claims", sum(s["n_claims"] for s in busy.values())),
                      ("kpi-alerts", len(open_alerts))):
        node = driver.find_element(By.ID, kpi)
        assert node.is_displayed(), kpi
        WebDriverWait(driver, 5).until(lambda d, n=node, w=want: n.text == str(w))
        box = node.rect
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (kpi, box)

    listed = driver.execute_script("""
        return [...document.querySelectorAll(arguments[0])].map((b) => {
          const r = b.getBoundingClientRect();
          return {code: b.dataset.region, value: b.querySelector('.val').textContent, height: r.height,
                  right: r.right, font: parseFloat(getComputedStyle(b.querySelector('.name')).fontSize)};
        });""", items)
    shown = set(busy) | {a["region"] for a in open_alerts if a["region"]}
    ranked = sorted(shown, key=lambda c: (-_activity(busy[c]) if c in busy else 0, c))
    assert [row["code"] for row in listed] == ranked  # busiest first
    for row in listed:
        assert row["font"] >= 12 and row["height"] >= 40 and row["right"] <= 390, row
    driver.save_screenshot(str(ARTIFACTS / "dashboard-390.png"))

    first = listed[0]["code"]
    click(driver, f'#map-list button[data-region="{first}"]')
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "drawer").is_displayed())
    assert driver.find_element(By.ID, "drawer-code").text.startswith(first)
    drawer = driver.find_element(By.ID, "drawer").rect
    assert drawer["x"] >= 0 and drawer["x"] + drawer["width"] <= 390, drawer
    WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#drawer-windows tbody tr"))
    assert driver.execute_script(  # the drawer itself does not scroll sideways (its table may)
        "const b = document.querySelector('.drawer-body'); return b.scrollWidth <= b.clientWidth")
    driver.save_screenshot(str(ARTIFACTS / "dashboard-390-drawer.png"))
    keys(driver, Keys.ESCAPE)
    WebDriverWait(driver, 5).until(
        lambda d: (focused(d)["root"], focused(d)["region"]) == ("map-list", first))


def _activity(stats: dict[str, Any]) -> int:
    """The page's activity figure: per claimant launched (else downed), max over claimants."""
    best = 0
    for by_weapon in stats["totals"].values():
        launched = [n for m in by_weapon.values() for k, n in m.items() if k == "launched"]
        downed = [n for m in by_weapon.values() for k, n in m.items() if k != "launched"]
        best = max(best, sum(launched) if launched else sum(downed))
    return best


# Holds the page's API reads (not its event stream) until the test releases them, then
# lets them through ("pass") or fails them as a network error would ("fail").
HOLD_FETCH = """
(() => {
  const real = window.fetch.bind(window);
  let waiting = [];
  window.__mode = 'hold';
  window.__release = (mode) => {
    window.__mode = mode;
    const w = waiting;
    waiting = [];
    w.forEach((go) => go());
  };
  window.fetch = (input, init) => {
    const url = String((input && input.url) || input);
    if (!/\\/(api\\/|healthz)/.test(url)) return real(input, init);
    const go = () => window.__mode === 'fail'
      ? Promise.reject(new TypeError('network down (test)')) : real(input, init);
    if (window.__mode !== 'hold') return go();
    return new Promise((resolve) => waiting.push(() => resolve(go())));
  };
})();
"""


def pill(driver: Any) -> tuple[str, str, str]:
    return (str(driver.find_element(By.ID, "status").get_attribute("data-state")),
            text_of(driver, "#status-text") or "", text_of(driver, "#data-age") or "")


def test_the_pill_says_loading_until_the_first_data_and_a_failed_load_is_retried(
        deployment: Deployment, driver: Any) -> None:
    worker = started(deployment)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOLD_FETCH})
    open_dashboard(driver, worker)  # returns once the event stream is open
    state, text, age = pill(driver)
    assert (state, text) == ("loading", "loading data"), (state, text)
    assert age == "–" and text_of(driver, "#kpi-claims") == "–"
    for note in ("regions-empty", "claims-empty"):  # nothing read yet: no "no claims" either
        assert driver.find_element(By.ID, note).is_displayed() is False, note
    driver.save_screenshot(str(ARTIFACTS / "dashboard-loading.png"))

    driver.execute_script("window.__release('fail')")
    WebDriverWait(driver, 5).until(lambda d: pill(d)[0] == "error")
    assert pill(driver)[1] == "cannot load data · retrying"
    assert "network down (test)" in str(driver.find_element(By.ID, "status").get_attribute("title"))

    driver.execute_script("window.__mode = 'pass'")  # the retry (every 3 s) gets through
    WebDriverWait(driver, 10, poll_frequency=0.2).until(lambda d: pill(d)[0] == "history")
    state, text, age = pill(driver)
    assert re.fullmatch(r"replaying history · \d+ d behind", text), text
    assert re.fullmatch(r"received \d+ s ago · \d+ d behind", age), age
    assert text_of(driver, "#kpi-claims") != "–"
    none_open = not worker.json("/api/alerts?state=open")["alerts"]
    WebDriverWait(driver, 5).until(
        lambda d: d.find_element(By.ID, "alerts-empty").is_displayed() == none_open)
