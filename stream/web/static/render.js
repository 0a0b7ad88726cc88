// DOM builders for the dashboard. Every piece of data (report excerpts, sources,
// region names, alert messages) goes into the page through text nodes only:
// report text is untrusted, so nothing here ever assigns innerHTML.

const SVG_NS = "http://www.w3.org/2000/svg";

export const CLAIMANTS = ["ru-mod", "ua-military", "ru-official", "ua-official", "other"];
export const CLAIMANT_SHORT = {
  "ru-mod": "RU MoD", "ua-military": "UA mil.", "ru-official": "RU off.", "ua-official": "UA off.", "other": "Other",
};
export const CLAIMANT_LABEL = {
  "ru-mod": "RU MoD", "ua-military": "UA military", "ru-official": "RU official",
  "ua-official": "UA official", "other": "other",
};
const WEAPON_LABEL = { drone: ["drone", "drones"], missile: ["missile", "missiles"], glide_bomb: ["glide bomb", "glide bombs"] };
const QUALIFIER = { exact: "", at_least: "≥", more_than: ">", about: "~", up_to: "≤" };

/** el("li", {class: "x", data: {id: "1"}, title: "t"}, "text", childNode, ...) */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  for (const child of children) append(node, child);
  return node;
}

export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  for (const child of children) append(node, child);
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "data") for (const [dk, dv] of Object.entries(v)) node.dataset[dk] = String(dv);
    else if (k === "hidden") node.hidden = Boolean(v);
    else node.setAttribute(k, String(v));  // only static attribute names are used by callers
  }
}

function append(node, child) {
  if (child === undefined || child === null || child === false) return;
  node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
}

export function fmt(n) {
  if (n === undefined || n === null) return "–";
  if (typeof n !== "number") return String(n);
  return n.toLocaleString("en-US", { maximumFractionDigits: 1 });
}

/** "2025-07-13 23:00Z": always with the year (a page showing last year's data must say so). */
export function shortTime(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toISOString().slice(0, 16).replace("T", " ") + "Z";
}

/** A duration in seconds as people say it: "45 s", "12 min", "3 h 5 min", "412 d". */
export function ago(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  return `${Math.floor(h / 24)} d`;
}

// ------------------------------------------------------------------ figures

/** launched (or, without a launch figure, intercepted + suppressed) of one claimant. */
export function claimantActivity(byWeapon) {
  let launched = 0, downed = 0, hasLaunched = false;
  for (const measures of Object.values(byWeapon || {})) {
    for (const [measure, n] of Object.entries(measures || {})) {
      if (measure === "launched") { launched += n; hasLaunched = true; } else downed += n;
    }
  }
  return hasLaunched ? launched : downed;
}

/** Region activity: max over claimants (they describe the same attacks). */
export function activity(totals) {
  let best = 0;
  for (const byWeapon of Object.values(totals || {})) best = Math.max(best, claimantActivity(byWeapon));
  return best;
}

export function casualtySum(casualties, field) {
  let n = 0;
  for (const side of Object.values(casualties || {})) n += side[field] || 0;
  return n;
}

export function breakdown(byWeapon) {
  const parts = [];
  for (const [weapon, measures] of Object.entries(byWeapon || {})) {
    for (const [measure, n] of Object.entries(measures || {})) parts.push(`${weapon} ${measure}: ${n}`);
  }
  return parts.join("\n");
}

// Sequential scale for activity: dark slate -> amber -> red, log-scaled.
const STOPS = [[0, [38, 52, 66]], [0.35, [150, 102, 30]], [0.7, [232, 120, 28]], [1, [244, 63, 54]]];
export function heat(value, max) {
  if (!(value > 0) || !(max > 0)) return null;
  const t = Math.min(1, Math.log1p(value) / Math.log1p(max));
  for (let i = 1; i < STOPS.length; i++) {
    const [t1, c1] = STOPS[i];
    const [t0, c0] = STOPS[i - 1];
    if (t <= t1) {
      const f = (t - t0) / (t1 - t0);
      const c = c0.map((v, j) => Math.round(v + (c1[j] - v) * f));
      return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
    }
  }
  return "rgb(244, 63, 54)";
}

// ------------------------------------------------------------------ charts

export function sparkline(values, width = 88, height = 22) {
  const max = Math.max(1, ...values);
  const n = values.length;
  const box = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, class: "spark", "aria-hidden": "true" });
  if (!n) return box;
  const step = width / Math.max(1, n - 1);
  const y = (v) => (height - 2 - (v / max) * (height - 4)).toFixed(1);
  let d = "";
  values.forEach((v, i) => { d += `${i ? "L" : "M"}${(i * step).toFixed(1)},${y(v)}`; });
  box.appendChild(svg("path", { d: `${d}L${width},${height}L0,${height}Z`, class: "spark-area" }));
  box.appendChild(svg("path", { d, class: "spark-line" }));
  const last = values[n - 1];
  if (last > 0) box.appendChild(svg("circle", { cx: width - 1.5, cy: y(last), r: 1.8, class: "spark-dot" }));
  return box;
}

export function barChart(hourly, width = 440, height = 120) {
  const values = hourly.map((h) => h.value);
  const max = Math.max(1, ...values);
  const box = svg("svg", { width: "100%", height, viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: "none", class: "bars" });
  const bw = width / Math.max(1, values.length);
  hourly.forEach((h, i) => {
    if (!h.value) return;
    const bh = Math.max(1, (h.value / max) * (height - 14));
    const r = svg("rect", { x: (i * bw).toFixed(2), y: (height - bh).toFixed(2), width: Math.max(0.8, bw - 0.6).toFixed(2), height: bh.toFixed(2) });
    r.appendChild(svg("title", {}, `${shortTime(h.hour)}: ${h.value}`));
    box.appendChild(r);
  });
  box.appendChild(svg("text", { x: 2, y: 10, class: "axis" }, `max ${max}/h`));
  if (hourly.length) {
    box.appendChild(svg("text", { x: width - 2, y: 10, class: "axis end" }, `${shortTime(hourly[0].hour)} – ${shortTime(hourly[hourly.length - 1].hour)}`));
  }
  return box;
}

// ------------------------------------------------------------------ feed items

export function figureText(c) {
  if (c.kind === "casualties") return `${c.killed || 0} killed, ${c.injured || 0} injured`;
  if (c.kind === "damage") return `damage: ${c.damage_kind || "other"}`;
  const [one, many] = WEAPON_LABEL[c.weapon] || [c.weapon || "item", c.weapon || "items"];
  const n = c.count ?? 0;
  return `${QUALIFIER[c.qualifier] || ""}${n} ${n === 1 ? one : many} ${c.measure || ""}`.trim();
}

/** The excerpt with the evidence span (relative to the report) highlighted. */
export function excerptNode(c) {
  const text = String(c.excerpt || "");
  const quote = el("blockquote", { class: "excerpt" });
  if (!text) { quote.appendChild(document.createTextNode("(no excerpt)")); quote.classList.add("none"); return quote; }
  const off = Number(c.excerpt_start) || 0;
  const span = Array.isArray(c.span) ? c.span : null;
  let a = span ? Number(span[0]) - off : -1;
  let b = span ? Number(span[1]) - off : -1;
  a = Math.max(0, Math.min(text.length, a));
  b = Math.max(a, Math.min(text.length, b));
  if (off > 0) quote.appendChild(document.createTextNode("… "));
  if (span && b > a) {
    quote.appendChild(document.createTextNode(text.slice(0, a)));
    quote.appendChild(el("mark", {}, text.slice(a, b)));
    quote.appendChild(document.createTextNode(text.slice(b)));
  } else {
    quote.appendChild(document.createTextNode(text));
  }
  return quote;
}

function sideOf(claimant) {
  return String(claimant || "").startsWith("ru-") ? "ru" : String(claimant || "").startsWith("ua-") ? "ua" : "other";
}

/** The region of a feed item: a button that opens its detail where `linked` (the page's
 * feeds), plain text elsewhere (the drawer, which already shows that region). */
function regionLabel(code, text, linked, cls) {
  return linked && code && !code.startsWith("ALL")
    ? el("button", { type: "button", class: cls, data: { region: code }, title: "show this region's detail" }, text)
    : el("span", { class: cls }, text);
}

/** What a count claim adds to the totals where that is not its figure: a relay of an
 * official's post (counted with the post), or a summary whose pieces are counted. */
function countedTag(c) {
  if (c.kind !== "count" || typeof c.counted !== "number" || c.counted === c.count) return null;
  const why = c.restates
    ? "restates an official's post of the same figure, which is counted"
    : "the windows inside it are counted; this adds what they do not cover";
  return el("span", { class: "tag counted", title: why }, `counts ${fmt(c.counted)}`);
}

/** A toll that says which earlier figures it corrects ("не 5, а 3"): they are replaced. */
function correctsTag(c) {
  const fix = c.corrects;
  if (c.kind !== "casualties" || !fix) return null;
  const was = [fix.killed ? `${fmt(fix.killed)} killed` : null, fix.injured ? `${fmt(fix.injured)} injured` : null]
    .filter(Boolean).join(", ");
  if (!was) return null;
  return el("span", { class: "tag counted", title: "the report says the earlier figure was wrong: this one replaces it" },
    `corrects ${was}`);
}

export function claimItem(c, linked = false) {
  const sources = Array.isArray(c.sources) && c.sources.length ? c.sources : [c.source];
  const meta = el("div", { class: "meta" },
    el("time", { class: "mono", datetime: c.published_at || "" }, shortTime(c.published_at)),
    regionLabel(c.key || "", c.key || "", linked, "region mono"),
    el("span", { class: `badge side-${sideOf(c.claimant)}` }, CLAIMANT_LABEL[c.claimant] || String(c.claimant)),
    el("span", { class: "fig" }, figureText(c)),
    c.outcome && c.outcome !== "new" ? el("span", { class: `tag ${c.outcome}` }, c.outcome) : null,
  );
  const src = el("div", { class: "sources" });
  sources.forEach((s, i) => {
    if (i) src.appendChild(document.createTextNode(" · "));
    src.appendChild(el("span", { class: "source" }, String(s)));
  });
  if (Array.isArray(c.versions) && c.versions.length > 1) src.appendChild(el("span", { class: "tag" }, `${c.versions.length} versions`));
  const counted = countedTag(c) || correctsTag(c);
  if (counted) src.appendChild(counted);
  return el("li", { class: "claim", data: { claimId: c.claim_id, region: c.key || "" } }, meta, excerptNode(c), src);
}

const KIND_LABEL = {
  surge: "Surge", sustained_rise: "Sustained rise", silence: "Silence", feed_silence: "Feed silence",
  first_seen: "First seen", mass_attack: "Mass attack",
};

/** The figures an alert carries, as its kind means them. */
export function alertFigures(a) {
  if (a.kind === "mass_attack") {
    const n = a.statistic ?? 0;
    return [`${fmt(n)} ${n === 1 ? "region" : "regions"}`, `${fmt((a.claim_ids || []).length)} claims`];
  }
  if (a.kind === "first_seen") return [`${fmt(a.observed)} in its first hour`];
  const nums = [`observed ${fmt(a.observed)}`, `expected ${fmt(a.expected)}`];
  if (a.p_value !== null && a.p_value !== undefined) nums.push(`p ${Number(a.p_value).toExponential(1)}`);
  return nums;
}

export function alertItem(a, regionName, linked = false) {
  const region = a.region ? `${a.region}${regionName ? " · " + regionName : ""}` : "all regions";
  const resolved = a.state === "resolved";
  // A resolved alert is history: its state leads, its severity no longer shouts.
  const status = resolved
    ? el("span", { class: "state-tag resolved" }, `Resolved ${shortTime(a.updated_at)}`)
    : el("span", { class: `sev sev-${a.severity}` }, a.severity);
  const when = resolved ? null
    : el("time", { class: "mono", datetime: a.updated_at || "", title: "last update (event time)" }, shortTime(a.updated_at));
  return el("li", { class: `alert sev-${a.severity} state-${a.state}`, data: { alertId: a.alert_id, kind: a.kind, region: a.region || "", state: a.state } },
    el("div", { class: "meta" },
      status,
      el("span", { class: "kind" }, KIND_LABEL[a.kind] || String(a.kind)),
      regionLabel(a.region || "", region, linked, "region"),
      when,
      resolved ? el("span", { class: "was-sev" }, `was ${a.severity}`) : null,
    ),
    el("div", { class: "msg" }, String(a.message || "")),
    el("div", { class: "nums mono" }, alertFigures(a).join(" · "), ` · since ${shortTime(a.window_start)}`),
  );
}

/** Open alerts first (newest update first), then resolved ones (newest resolution first). */
export function alertOrder(a, b) {
  const ra = a.state === "resolved" ? 1 : 0, rb = b.state === "resolved" ? 1 : 0;
  return ra - rb || String(b.updated_at).localeCompare(String(a.updated_at)) || String(a.alert_id).localeCompare(String(b.alert_id));
}

// ------------------------------------------------------------------ nationwide figures

const MEASURE_ORDER = ["launched", "intercepted", "suppressed"];

/** Nationwide (region ALL) figures of one claimant: "420 drones launched, 390 intercepted". */
export function nationalLine(byWeapon) {
  const parts = [];
  for (const [weapon, measures] of Object.entries(byWeapon || {}).sort()) {
    const [, many] = WEAPON_LABEL[weapon] || [weapon, weapon];
    const ms = Object.entries(measures || {}).sort((x, y) => MEASURE_ORDER.indexOf(x[0]) - MEASURE_ORDER.indexOf(y[0]));
    parts.push(`${ms.map(([m, n], i) => (i ? `${fmt(n)} ${m}` : `${fmt(n)} ${many} ${m}`)).join(", ")}`);
  }
  return parts.join(" · ");
}

export function nationalItems(totals) {
  return CLAIMANTS.filter((c) => totals?.[c]).map((c) => el("div", { class: "nat-item", data: { claimant: c } },
    el("span", { class: `badge side-${sideOf(c)}` }, CLAIMANT_LABEL[c]),
    el("span", { class: "nat-fig" }, nationalLine(totals[c]))));
}
