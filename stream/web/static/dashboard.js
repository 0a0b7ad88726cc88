// strikestream dashboard: state, fetching, live updates (SSE) and rendering.
//
// The JSON API gives snapshots; `GET /api/stream` (Server-Sent Events) tells what
// changed after each batch the worker folds: `claims` (touched regions and the new
// claims), `alerts` (opened / updated / resolved) and `reset` (too far behind:
// refetch). Incoming events are queued and applied once per animation frame, the
// feeds are capped, and region figures are refetched at most once a second, so the
// page stays responsive at 1,000 claims a minute.

import {
  CLAIMANTS, CLAIMANT_LABEL, CLAIMANT_SHORT, activity, ago, alertItem, alertOrder, barChart, breakdown, casualtySum,
  claimItem, claimantActivity, el, fmt, heat, nationalItems, nationalLine, shortTime, sparkline, svg,
} from "./render.js";
import { GRID_COLS, GRID_ROWS, TILES } from "./tilegrid.js";

const FEED_MAX = 200;
const ALERTS_MAX = 200;
const REGIONS_EVERY_MS = 1000;
const SERIES_EVERY_MS = 2000;
const DETAIL_EVERY_MS = 2000;
const NAMES = new Map(TILES.map((t) => [t[0], t[4]]));
const HEALTH_EVERY_MS = 10000;
const FRESHNESS_EVERY_MS = 5000;
// Freshness is wall-clock time since the worker last received reports (/healthz
// `folded_at`), not event time: windows are measured from event time, so without it an
// outage or a replay of old reports looks just like a live feed.
const params = new URLSearchParams(location.search);
const STALE_S = 60 * (Number(params.get("stale_min")) > 0 ? Number(params.get("stale_min")) : 15);
const DEAD_S = 4 * STALE_S;
const HISTORY_S = 6 * 3600;  // event time this far behind the clock: the data is history

const token = params.get("token") || "";
const state = {
  window: "24h",
  doc: null,
  sort: { key: "activity", dir: -1 },
  series: new Map(),       // region -> hourly [{hour, value}] (168 h)
  claims: new Map(),       // claim_id -> <li>, feed order is the DOM order
  alerts: new Map(),       // alert_id -> alert JSON
  tab: "open",
  detail: null,            // region code shown in the drawer
  loaded: false,           // the first full load (regions, alerts, claims, health) is done
  loadError: "",           // why the last full load failed (it is retried)
  opener: null,            // {root, code}: where the drawer was opened from (focus returns there)
  lastEventId: "",         // id of the last event applied (for a manual reconnect)
  rate: [],                // [ms, n] of recent claims events
  conn: "connecting",      // the SSE connection: connecting | open | error
  connText: "connecting",
  health: null,            // {folded_at, now, at}: the last /healthz, `at` = when read (client ms)
};
const pending = { claims: [], alerts: [], render: new Set(), frame: 0, focus: null };
const $ = (id) => document.getElementById(id);

// ------------------------------------------------------------------ fetching

async function api(path) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  const res = await fetch(path, { headers, cache: "no-store" });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}

function throttled(fn, every) {
  let last = 0, timer = 0, running = false, again = false;
  const run = async () => {
    timer = 0;
    if (running) { again = true; return; }
    running = true; last = Date.now();
    try { await fn(); } catch (err) { console.warn(err); again = true; }  // retry: never lose a refresh
    running = false;
    if (again) { again = false; schedule(); }
  };
  const schedule = () => {
    if (timer) return;
    timer = setTimeout(run, Math.max(0, last + every - Date.now()));
  };
  return schedule;
}

async function loadRegions() {
  const doc = await api(`/api/regions?window=${encodeURIComponent(state.window)}`);
  state.doc = doc;
  render("map", "table", "kpis");
}
const refreshRegions = throttled(loadRegions, REGIONS_EVERY_MS);

const seriesDirty = new Set();
async function loadSeries() {
  const codes = [...seriesDirty];
  seriesDirty.clear();
  await Promise.all(codes.map(async (code) => {
    try {
      const doc = await api(`/api/regions/${encodeURIComponent(code)}`);
      state.series.set(code, doc.hourly || []);
    } catch (err) { /* a region without claims yet: no series */ }
  }));
  render("table");
}
const refreshSeries = throttled(loadSeries, SERIES_EVERY_MS);

async function loadAlerts() {
  const doc = await api("/api/alerts");
  state.alerts.clear();
  for (const a of doc.alerts || []) state.alerts.set(a.alert_id, a);
  render("alerts", "kpis");
}

async function loadClaims() {
  const doc = await api(`/api/claims?limit=${FEED_MAX}`);
  const feed = $("claims-feed");
  feed.replaceChildren();
  state.claims.clear();
  // oldest first so that prepending leaves the newest on top
  pending.claims = [...(doc.claims || [])].reverse().concat(pending.claims);
  render("claims");
}

async function fullRefresh() {
  await Promise.all([loadRegions(), loadAlerts(), loadClaims(), loadHealth()]);
  for (const code of Object.keys(state.doc?.regions || {})) seriesDirty.add(code);
  refreshSeries();
  if (state.detail) refreshDetail();
  state.loaded = true;
  render("kpis", "alerts", "claims", "table");  // the "none" notes were held back until now
}

let reloadTimer = 0;
/** A full (re)load that is retried until it succeeds: a failed first load must not leave
 * the page empty, nor a failed reset leave it silently out of date. */
function load() {
  clearTimeout(reloadTimer);
  fullRefresh().then(() => { state.loadError = ""; renderFreshness(); }).catch((err) => {
    state.loadError = String(err.message || err);
    renderFreshness();
    reloadTimer = setTimeout(load, 3000);
  });
}

async function loadHealth() {
  // 503 while the worker catches up still carries the document.
  const res = await fetch("/healthz", { cache: "no-store" });
  const doc = await res.json();
  state.health = { folded_at: doc.folded_at, now: doc.now, at: Date.now() };
  renderFreshness();
}
const refreshHealth = throttled(loadHealth, 2000);

/** Seconds between `iso` and the server's clock now (the browser's clock may be off). */
function serverAge(iso) {
  const h = state.health;
  if (!iso || !h || !h.now) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  return (Date.parse(h.now) - t + (Date.now() - h.at)) / 1000;
}

// ------------------------------------------------------------------ live updates

function setStatus(kind, text) {
  state.conn = kind === "live" ? "open" : kind;
  state.connText = text;
  renderFreshness();
}

/** The status pill: the connection first, then how fresh the data is. */
function renderFreshness() {
  const box = $("status");
  const received = serverAge(state.health?.folded_at);
  const behind = serverAge(state.doc?.as_of);
  let kind = state.conn, text = state.connText, title = "";
  // Connected is not live: until the first data arrives the page has nothing to vouch for.
  if (state.conn === "open" && state.loadError) {
    kind = "error"; text = state.loaded ? "refresh failed · retrying" : "cannot load data · retrying";
    title = state.loadError;
  } else if (state.conn === "open" && !state.loaded) {
    kind = "loading"; text = "loading data";
  } else if (state.conn === "open" && state.health) {
    if (received === null) { kind = "stale"; text = "no reports received yet"; }
    else if (received >= STALE_S) {
      kind = received >= DEAD_S ? "dead" : "stale";
      text = `no new reports for ${ago(received)}`;
    } else if (behind !== null && behind >= HISTORY_S) {
      kind = "history"; text = `replaying history · ${ago(behind)} behind`;
    } else { kind = "live"; text = "live"; }
    title = received === null ? "" : `last reports received ${ago(received)} ago`;
  }
  box.dataset.state = kind;
  box.dataset.conn = state.conn;
  box.title = title;
  $("status-text").textContent = text;
  const age = $("data-age");
  if (!state.health) {  // not read yet: nothing is known about the reports
    age.textContent = "–";
    age.dataset.state = "unknown";
    return;
  }
  age.textContent = received === null ? "no reports received" : `received ${ago(received)} ago`;
  age.dataset.state = received === null || received >= STALE_S ? "stale" : "ok";
  if (behind !== null && behind >= HISTORY_S) age.textContent += ` · ${ago(behind)} behind`;
}

function connect() {
  // A new EventSource cannot send Last-Event-ID itself: pass the last id seen in the URL.
  const q = new URLSearchParams();
  if (token) q.set("token", token);
  if (state.lastEventId) q.set("last_event_id", state.lastEventId);
  const qs = q.toString();
  const es = new EventSource(qs ? `/api/stream?${qs}` : "/api/stream");
  const seen = (e) => { if (e.lastEventId) state.lastEventId = e.lastEventId; };
  es.onopen = () => {
    setStatus("live", "live");
    if (!state.loaded) load();
  };
  es.onerror = () => {
    // The browser reconnects by itself (sending Last-Event-ID) unless the server refused.
    if (es.readyState === EventSource.CLOSED) { setStatus("error", "offline"); setTimeout(connect, 5000); }
    else setStatus("connecting", "reconnecting");
  };
  es.addEventListener("claims", (e) => {
    seen(e);
    const doc = JSON.parse(e.data);
    state.rate.push([Date.now(), doc.n || 0]);
    // newest first in the event: queue oldest first
    for (let i = (doc.claims || []).length - 1; i >= 0; i--) pending.claims.push(doc.claims[i]);
    for (const code of doc.regions || []) {
      seriesDirty.add(code);
      if (code === state.detail) refreshDetail();
    }
    refreshRegions();
    refreshSeries();
    refreshHealth();
    render("claims");
  });
  es.addEventListener("alerts", (e) => {
    seen(e);
    for (const a of JSON.parse(e.data).alerts || []) pending.alerts.push(a);
    render("alerts", "kpis");
  });
  es.addEventListener("reset", (e) => {
    seen(e);
    load();
  });
}

// ------------------------------------------------------------------ render loop

function render(...parts) {
  for (const p of parts) pending.render.add(p);
  if (!pending.frame) pending.frame = requestAnimationFrame(flush);
}

function flush() {
  pending.frame = 0;
  const parts = new Set(pending.render);
  pending.render.clear();
  if (pending.alerts.length) {
    for (const a of pending.alerts.splice(0)) state.alerts.set(a.alert_id, a);
    trimAlerts();
  }
  if (parts.has("claims")) applyClaims();
  if (parts.has("map")) renderMap();
  if (parts.has("table")) renderTable();
  if (parts.has("alerts")) renderAlerts();
  if (parts.has("kpis")) renderKpis();
  if (pending.focus) {
    const { root, code } = pending.focus;
    pending.focus = null;
    focusRegion($(root), code);
  }
}

// Keyboard focus on a region (a tile, a row, a list item) must survive the re-render of
// its container, which live updates cause every second or so.
const REGION_FOCUS = 'button[data-region], [data-region][tabindex="0"]';

function focusRegion(root, code) {
  const node = root && code ? [...root.querySelectorAll(REGION_FOCUS)].find((n) => n.dataset.region === code) : null;
  if (node) node.focus();
  return Boolean(node);
}

function keepFocus(root, build) {
  const active = document.activeElement;
  const code = active && root.contains(active) ? active.closest("[data-region]")?.dataset.region : null;
  build();
  if (code && !root.contains(document.activeElement)) focusRegion(root, code);
}

function applyClaims() {
  const feed = $("claims-feed");
  let batch = pending.claims.splice(0);
  if (batch.length > FEED_MAX) batch = batch.slice(batch.length - FEED_MAX);
  for (const c of batch) {
    const old = state.claims.get(c.claim_id);
    if (old) {
      if (c.outcome === "relay") {  // same value, one more source: merge the sources
        const prev = old._claim || {};
        c.sources = [...new Set([...(prev.sources || []), ...(c.sources || [])])];
      }
      old.remove();
    }
    const li = claimItem(c, true);
    li._claim = c;
    li.classList.add("fresh");
    state.claims.set(c.claim_id, li);
    feed.insertBefore(li, feed.firstChild);
  }
  while (feed.childElementCount > FEED_MAX) {
    const last = feed.lastElementChild;
    state.claims.delete(last.dataset.claimId);
    last.remove();
  }
  $("claims-empty").hidden = feed.childElementCount > 0 || !state.loaded;
  const now = Date.now();
  state.rate = state.rate.filter(([t]) => now - t < 60000);
  const perMin = state.rate.reduce((s, [, n]) => s + n, 0);
  $("claims-rate").textContent = `live feed · newest first · ${fmt(perMin)} claims in the last minute`;
}

function trimAlerts() {
  if (state.alerts.size <= ALERTS_MAX) return;
  const resolved = [...state.alerts.values()].filter((a) => a.state === "resolved")
    .sort((a, b) => String(a.updated_at).localeCompare(String(b.updated_at)));
  for (const a of resolved.slice(0, state.alerts.size - ALERTS_MAX)) state.alerts.delete(a.alert_id);
}

function regionRows() {
  const rows = [];
  for (const [code, s] of Object.entries(state.doc?.regions || {})) {
    if (!s.n_claims) continue;
    const row = {
      code, name: s.name || NAMES.get(code) || code, activity: activity(s.totals),
      killed: casualtySum(s.casualties, "killed"), injured: casualtySum(s.casualties, "injured"),
      damage: Object.values(s.damage || {}).reduce((a, b) => a + b, 0),
      n_claims: s.n_claims, sources: Object.keys(s.sources || {}).length, stats: s,
    };
    for (const c of CLAIMANTS) row[c] = s.totals?.[c] ? claimantActivity(s.totals[c]) : null;
    rows.push(row);
  }
  const { key, dir } = state.sort;
  rows.sort((a, b) => {
    const x = a[key] ?? -1, y = b[key] ?? -1;
    const d = typeof x === "string" ? x.localeCompare(y) : x - y;
    return d * dir || a.code.localeCompare(b.code);
  });
  return rows;
}

function renderKpis() {
  const rows = regionRows();
  // "–", not 0, until the figures have been read: an empty page is not a quiet feed.
  $("kpi-regions").textContent = state.doc ? fmt(rows.length) : "–";
  $("kpi-claims").textContent = state.doc ? fmt(rows.reduce((s, r) => s + r.n_claims, 0)) : "–";
  $("kpi-alerts").textContent = state.loaded
    ? fmt([...state.alerts.values()].filter((a) => a.state !== "resolved").length) : "–";
  $("asof").textContent = state.doc?.as_of ? shortTime(state.doc.as_of) : "–";
  renderNational();
  renderFreshness();
}

/** Figures a claimant gives for the whole country (region ALL): the headline numbers,
 * shown apart from the per-region sums they are not part of. */
function renderNational() {
  const totals = state.doc?.totals?.totals || {};
  const unattributed = state.doc?.residuals?.unattributed || {};
  const items = nationalItems(totals);
  for (const item of items) {
    const rest = unattributed[item.dataset.claimant];
    item.title = rest ? `not attributed to any region: ${nationalLine(rest)}` : "";
  }
  $("national-items").replaceChildren(...items);
  $("national-empty").hidden = items.length > 0;
  $("national-window").textContent = state.window.replace(/(\d+)([hd])/, "$1 $2");
}

// Re-render a part only when what it shows changed (less DOM churn at high rates).
const shown = { map: "", table: "" };

function renderMap() {
  const regions = state.doc?.regions || {};
  const max = Math.max(0, ...Object.values(regions).map((s) => activity(s.totals)));
  const open = new Set([...state.alerts.values()].filter((a) => a.state !== "resolved" && a.region).map((a) => a.region));
  const sig = JSON.stringify([state.detail, [...open].sort(),
    Object.entries(regions).map(([code, s]) => [code, activity(s.totals), s.n_claims])]);
  if (sig === shown.map) return;
  shown.map = sig;
  const cell = 34, gap = 3;
  const width = GRID_COLS * (cell + gap), height = GRID_ROWS * (cell + gap);
  const box = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "tiles" });
  for (const [code, col, row, label, name] of TILES) {
    const s = regions[code];
    const value = s ? activity(s.totals) : 0;
    const fill = heat(value, max);
    const cls = ["tile", code.startsWith("SEA") ? "sea" : code.slice(0, 2).toLowerCase()];
    if (s && s.n_claims) cls.push("has-claims");
    if (open.has(code)) cls.push("alerting");
    if (code === state.detail) cls.push("selected");
    const said = `${name} (${code}): activity ${value}${s ? `, ${s.n_claims} claims` : ""}${open.has(code) ? ", open alert" : ""}`;
    const g = svg("g", { class: cls.join(" "), transform: `translate(${col * (cell + gap)},${row * (cell + gap)})`,
      "data-region": code, tabindex: 0, role: "button", "aria-label": said });
    const rect = svg("rect", { width: cell, height: cell, rx: 4 });
    if (fill) rect.style.fill = fill;  // CSSOM, not a style attribute: allowed by the page's CSP
    g.appendChild(rect);
    g.appendChild(svg("text", { x: cell / 2, y: 14, class: "code" }, label));
    if (value) g.appendChild(svg("text", { x: cell / 2, y: 27, class: "val" }, compact(value)));
    g.appendChild(svg("title", {}, `${name} (${code})\nactivity ${value}${s ? `\n${s.n_claims} claims` : ""}`));
    box.appendChild(g);
  }
  keepFocus($("map"), () => $("map").replaceChildren(box));
  keepFocus($("map-list"), () => renderMapList(regions, max, open));
  renderLegend(max);
}

/** The map as a ranked list (shown instead of it on narrow screens): regions with claims
 * or an open alert, busiest first. */
function renderMapList(regions, max, open) {
  const codes = new Set([...Object.keys(regions).filter((c) => regions[c].n_claims), ...open]);
  const rows = [...codes].filter((c) => !c.startsWith("ALL")).map((code) => {
    const s = regions[code];
    return { code, name: s?.name || NAMES.get(code) || code, value: s ? activity(s.totals) : 0, n: s?.n_claims || 0 };
  }).sort((a, b) => b.value - a.value || a.code.localeCompare(b.code));
  const items = rows.map((r) => {
    const swatch = el("span", { class: "heat", "aria-hidden": "true" });
    const fill = heat(r.value, max);
    if (fill) swatch.style.setProperty("--c", fill);
    const alerting = open.has(r.code);
    const label = `${r.name} (${r.code}): activity ${r.value}, ${r.n} claims${alerting ? ", open alert" : ""}`;
    return el("li", { class: alerting ? "alerting" : null },
      el("button", { type: "button", class: r.code === state.detail ? "selected" : null, data: { region: r.code }, "aria-label": label },
        swatch, el("span", { class: "mono code" }, r.code), el("span", { class: "name" }, r.name),
        alerting ? el("span", { class: "sev sev-critical" }, "alert") : null,
        el("span", { class: "val" }, fmt(r.value))));
  });
  $("map-list").replaceChildren(...(items.length ? items : [el("li", { class: "empty" }, "No claims in this window.")]));
}

function compact(n) {
  return n >= 10000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n);
}

function renderLegend(max) {
  const legend = $("legend");
  const stops = max > 0 ? [1, Math.round(Math.sqrt(max)), max].filter((v, i, a) => v > 0 && a.indexOf(v) === i) : [];
  legend.replaceChildren(el("span", { class: "muted" }, "activity"),
    ...stops.map((v) => el("span", { class: "swatch", data: { v } }, fmt(v))));
  legend.querySelectorAll(".swatch").forEach((s) => { s.style.setProperty("--c", heat(Number(s.dataset.v), max)); });
}

function renderTable() {
  const body = document.querySelector("#regions-table tbody");
  const rows = regionRows();
  const span = state.window === "7d" ? 168 : 24;
  const spark = (code) => (state.series.get(code) || []).slice(-span).map((h) => h.value);
  const sig = JSON.stringify([state.detail, state.sort, rows.map((r) => [r.code, r.name, r.activity,
    ...CLAIMANTS.map((c) => [r[c], breakdown(r.stats.totals?.[c])]), r.killed, r.injured, r.damage, r.n_claims, r.sources, spark(r.code)])]);
  $("regions-empty").hidden = rows.length > 0 || !state.doc;
  if (sig === shown.table) return;
  shown.table = sig;
  const out = rows.map((r) => {
    const values = spark(r.code);
    const cells = [
      el("td", { class: "left region-cell", title: `${r.name} (${r.code})` }, el("span", { class: "mono code" }, r.code), el("span", { class: "name" }, r.name)),
      el("td", { class: "activity num strong" }, fmt(r.activity)),
      el("td", { class: "left spark-cell" }, sparkline(values, 72)),
    ];
    for (const c of CLAIMANTS) {
      cells.push(el("td", { class: "num", title: breakdown(r.stats.totals?.[c]) || null, data: { claimant: c } }, r[c] === null ? "" : fmt(r[c])));
    }
    cells.push(el("td", { class: "num" }, r.killed ? fmt(r.killed) : ""), el("td", { class: "num" }, r.injured ? fmt(r.injured) : ""),
      el("td", { class: "num" }, r.damage ? fmt(r.damage) : ""), el("td", { class: "num" }, fmt(r.n_claims)),
      el("td", { class: "num" }, fmt(r.sources)));
    return el("tr", { data: { region: r.code }, class: r.code === state.detail ? "selected" : null, tabindex: 0 }, ...cells);
  });
  keepFocus(body, () => body.replaceChildren(...out));
  document.querySelectorAll("#regions-table th").forEach((th) => {
    const sorted = th.dataset.sort === state.sort.key;
    th.classList.toggle("sorted", sorted);
    th.classList.toggle("desc", sorted && state.sort.dir < 0);
    if (sorted) th.setAttribute("aria-sort", state.sort.dir < 0 ? "descending" : "ascending");
    else th.removeAttribute("aria-sort");
  });
}

function renderAlerts() {
  const all = [...state.alerts.values()].sort((a, b) => String(b.updated_at).localeCompare(String(a.updated_at)) || String(a.alert_id).localeCompare(String(b.alert_id)));
  const open = all.filter((a) => a.state !== "resolved");
  const resolved = all.filter((a) => a.state === "resolved");
  keepFocus($("alerts-open"), () => $("alerts-open").replaceChildren(...open.map((a) => alertItem(a, NAMES.get(a.region), true))));
  keepFocus($("alerts-resolved"), () => $("alerts-resolved").replaceChildren(...resolved.map((a) => alertItem(a, NAMES.get(a.region), true))));
  $("n-open").textContent = String(open.length);
  $("n-resolved").textContent = String(resolved.length);
  $("alerts-open").hidden = state.tab !== "open";
  $("alerts-resolved").hidden = state.tab !== "resolved";
  $("alerts-empty").hidden = (state.tab === "open" ? open : resolved).length > 0 || !state.loaded;
  if (state.detail) renderDrawerAlerts();
  render("map");
}

// ------------------------------------------------------------------ region detail

async function loadDetail() {
  const code = state.detail;
  if (!code) return;
  let doc;
  try { doc = await api(`/api/regions/${encodeURIComponent(code)}`); } catch (err) { doc = null; }
  if (code !== state.detail) return;
  $("drawer-title").textContent = doc?.name || NAMES.get(code) || code;
  $("drawer-code").textContent = doc?.as_of ? `${code} · as of ${shortTime(doc.as_of)}` : code;
  $("drawer-chart").replaceChildren(doc ? barChart(doc.hourly || []) : el("p", { class: "empty" }, "No claims for this region."));
  const thead = document.querySelector("#drawer-windows thead");
  const tbody = document.querySelector("#drawer-windows tbody");
  thead.replaceChildren(el("tr", {}, el("th", { class: "left" }, "Window"), el("th", {}, "Activity"),
    ...CLAIMANTS.map((c) => el("th", { title: CLAIMANT_LABEL[c] }, CLAIMANT_SHORT[c])), el("th", {}, "Killed"), el("th", {}, "Inj."), el("th", {}, "Claims")));
  tbody.replaceChildren(...Object.entries(doc?.windows || {}).map(([w, s]) => el("tr", {},
    el("td", { class: "left mono" }, w), el("td", { class: "num strong" }, fmt(activity(s.totals))),
    ...CLAIMANTS.map((c) => el("td", { class: "num", title: breakdown(s.totals?.[c]) || null }, s.totals?.[c] ? fmt(claimantActivity(s.totals[c])) : "")),
    el("td", { class: "num" }, fmt(casualtySum(s.casualties, "killed"))), el("td", { class: "num" }, fmt(casualtySum(s.casualties, "injured"))),
    el("td", { class: "num" }, fmt(s.n_claims)))));
  $("drawer-claims").replaceChildren(...(doc?.latest_claims || []).slice(0, 50).map((c) => claimItem(c)));
  renderDrawerAlerts();
}
const refreshDetail = throttled(loadDetail, DETAIL_EVERY_MS);

function renderDrawerAlerts() {
  const mine = [...state.alerts.values()].filter((a) => a.region === state.detail).sort(alertOrder);
  $("drawer-alerts").replaceChildren(...(mine.length ? mine.map((a) => alertItem(a)) : [el("li", { class: "empty" }, "None.")]));
}

function openDetail(code, root) {
  state.detail = code;
  if (root) state.opener = { root, code };
  $("drawer").hidden = false;
  $("drawer-title").textContent = NAMES.get(code) || code;
  $("drawer-code").textContent = code;
  $("drawer-close").focus();
  loadDetail();
  render("map", "table");
}

function closeDetail() {
  if ($("drawer").hidden) return;
  state.detail = null;
  $("drawer").hidden = true;
  // Back to where it was opened from, once the re-render (selection cleared) is done.
  if (state.opener) pending.focus = state.opener;
  state.opener = null;
  render("map", "table");
}

/** Tab and Shift+Tab cycle within the open drawer (a modal dialog for the keyboard). */
function trapFocus(e) {
  if (e.key !== "Tab") return;
  const nodes = [...$("drawer").querySelectorAll('button, [href], [tabindex]:not([tabindex="-1"])')]
    .filter((n) => !n.disabled && n.getClientRects().length);
  if (!nodes.length) return;
  const first = nodes[0], last = nodes[nodes.length - 1];
  const inside = $("drawer").contains(document.activeElement);
  if (e.shiftKey && (document.activeElement === first || !inside)) { e.preventDefault(); last.focus(); }
  else if (!e.shiftKey && (document.activeElement === last || !inside)) { e.preventDefault(); first.focus(); }
}

// ------------------------------------------------------------------ wiring

function regionFrom(target) {
  const node = target.closest("[data-region]");
  return node ? node.dataset.region : null;
}

function init() {
  $("windows").addEventListener("click", (e) => {
    const b = e.target.closest("button[data-window]");
    if (!b) return;
    state.window = b.dataset.window;
    document.querySelectorAll("#windows button").forEach((x) => x.classList.toggle("on", x === b));
    loadRegions().catch(() => {});
  });
  $("alert-tabs").addEventListener("click", (e) => {
    const b = e.target.closest("button[data-tab]");
    if (!b) return;
    state.tab = b.dataset.tab;
    document.querySelectorAll("#alert-tabs button").forEach((x) => x.classList.toggle("on", x === b));
    render("alerts");
  });
  document.querySelector("#regions-table thead").addEventListener("click", (e) => {
    if (!e.target.closest("button")) return;  // the header's button: reachable and pressable by keyboard
    const th = e.target.closest("th[data-sort]");
    if (!th || th.classList.contains("nosort")) return;
    const key = th.dataset.sort;
    state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : key === "code" ? 1 : -1 };
    render("table");
  });
  for (const id of ["map", "map-list", "regions-table", "alerts-open", "alerts-resolved", "claims-feed"]) {
    $(id).addEventListener("click", (e) => {
      if (e.target.closest("thead")) return;
      const code = regionFrom(e.target);
      if (code && !code.startsWith("ALL")) openDetail(code, id);
    });
    // Tiles and rows act as buttons (real buttons click on Enter and Space by themselves).
    $(id).addEventListener("keydown", (e) => {
      if ((e.key !== "Enter" && e.key !== " ") || e.target.closest("button")) return;
      const code = regionFrom(e.target);
      if (!code || code.startsWith("ALL")) return;
      e.preventDefault();
      openDetail(code, id);
    });
  }
  $("drawer-close").addEventListener("click", closeDetail);
  $("drawer").addEventListener("keydown", trapFocus);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") closeDetail(); });
  render("map", "table", "alerts", "kpis");
  connect();
  setInterval(() => refreshHealth(), HEALTH_EVERY_MS);
  setInterval(renderFreshness, FRESHNESS_EVERY_MS);
}

init();
