// <xixia-stat>: one chart of the 西夏区 statistical releases, drawn by the xixia-stats wasm module.
//
//   <script type="module" src="xixia-stat.js"></script>
//   <xixia-stat chart="gdp-structure" release="2022-bulletin"></xixia-stat>
//
// Attributes:
// - `chart` (a chart id, required) and `release`: a release id, or `latest-bulletin`,
//   `latest-indicators`, `latest-fiscal` for the newest release of that kind, so that a page never
//   needs editing when the next release is published; when left out, the newest release that has
//   the chart;
// - `mode`: "care" (适老化: text 1.5× larger, high contrast, pattern fills), "contrast" or
//   "standard". Without it the page's mode applies (`setPageMode`, remembered in localStorage), then
//   `prefers-contrast: more`. Printing always draws greys and patterns.
// - `lang` (on the element or any ancestor): "en" draws English labels and interface; anything
//   else is Chinese.
//
// The element sizes the chart to its own width and draws it again when that width changes. It
// draws only near the screen (within a screen's height of it): a chart further away is drawn when
// it comes near, so a page of many charts costs what it shows, and a resize or a change of mode
// draws again only the charts near the screen (the rest when they are seen). A chart the build
// pre-rendered is on screen from the first paint; the module and the data load after that paint,
// and a pre-rendered chart already drawn at the element's width is taken over as it is. The
// chart takes keyboard focus: arrow keys walk the data points, each announced through a live
// region; Escape leaves the chart. A pointer or a tap shows a tooltip. Below the chart are a
// summary in the bulletin's words and a button that shows the same figures as a table.
//
// No dependencies, no build step. The wasm module and the chart data (data/charts/index.json, the
// releases; data/charts/<release>.bin for each release the page shows, and <release>.en.bin once
// English is asked for) are loaded once per page and shared by every
// element; they and the stylesheet are found next to this file, so the component works from any
// folder. Nothing here writes inline styles into markup, so the element runs under
// `style-src 'self'`.

import { dataTable, el, instantiate, lastWords, messageOf, parseSvg } from '../shared/dom.js';

const PKG_URL = new URL('./pkg/xixia_stats.js', import.meta.url);
const WASM_URL = new URL('./pkg/xixia_stats_bg.wasm', import.meta.url);
/**
 * The chart data the Rust core computed (`xixia-stats chart-data --split`), drawn by the wasm
 * module: one file per release and language, so a page loads only the releases it shows (in a
 * compact binary form the module reads, src/chart/wire.rs), and an index of the releases (JSON:
 * their ids, aliases such as `latest-bulletin`, and charts).
 */
// Where the site's data is: the folder a page names in `<meta name="xixia-stat-data" content="data/">`
// (relative to the page), else `data/` beside this script.
const DATA_META = document.querySelector('meta[name="xixia-stat-data"]');
const DATA_BASE = DATA_META ? new URL(DATA_META.content, document.baseURI) : new URL('./data/', import.meta.url);
const INDEX_URL = new URL('charts/index.json', DATA_BASE);
const DATA_URL = (release, lang) => new URL(`charts/${encodeURIComponent(release)}${lang === 'en' ? '.en' : ''}.bin`, DATA_BASE);
const CSS_URL = new URL('./xixia-stat.css', import.meta.url);
/** The downloads the build writes for every chart (`xixia-stats render --format …`). */
const EXPORT_URL = (lang, file) => new URL(`export/${lang}/${file}`, DATA_BASE).href;

/** Widths (CSS px) the chart is drawn at; outside them the SVG is scaled by CSS. */
const MIN_WIDTH = 280;
const MAX_WIDTH = 1600;

/** Where the page-level mode is remembered, and the attribute on <html> that carries it. */
const MODE_KEY = 'xixia-stat-mode';
const MODE_ATTRIBUTE = 'data-xixia-mode';
const MODES = ['standard', 'care', 'contrast'];

const TEXT = {
  'zh-CN': {
    loading: '图表加载中…',
    toggle: '查看数据表',
    hide: '收起数据表',
    tableRegion: (title) => `${title}：数据表`,
    loadFailed: '图表组件加载失败',
    dataFailed: '本图数据加载失败',
    failed: '图表无法显示',
    noChart: '未指定图表：请在 chart 属性中填写图表编号。',
    unknownChart: (chart, known) => `未找到图表“${chart}”。可用的图表：${known.join('、')}。`,
    unknownRelease: (chart, release, known) => `图表“${chart}”：没有发布“${release}”。可用的发布：${known.join('、')}。`,
    notSvg: '图表模块返回的内容不是 SVG。',
    crashed: '图表组件出现内部错误，已重新加载组件',
    crashedAgain: '图表组件再次出现内部错误，无法显示此图表。请刷新页面，或查看下方的数据表',
    hint: '图表可用方向键逐项查看数据（左右键逐项，上下键在同一时期的各系列间切换），Home、End 键跳到首项、末项，Esc 键退出。',
    share: '下载与分享',
    downloads: [
      ['png', '图片（PNG，高清）'],
      ['svg', '矢量图（SVG）'],
      ['csv', '数据（CSV，可用 Excel 打开）'],
      ['jsonstat', '整份发布数据（JSON-stat）'],
    ],
    copyEmbed: '复制嵌入代码',
    copied: '嵌入代码已复制到剪贴板。',
    copyFailed: '无法访问剪贴板，请选中下面的代码手动复制。',
    permalink: '本图表的链接',
    dates: (day, period) => `${day}发布 · 数据时期：${period}`,
    day: (y, m, d) => `${y}年${m}月${d}日`,
    period: '时期',
    newest: '（最新）',
    olderPeriod: (shown, newest) => `正在查看${shown}的数据，最新一期为${newest}。`,
    showNewest: '查看最新一期',
    position: (i, n) => `第${i}项，共${n}项`,
    afterName: '，',
    colon: '：',
    pair: (name, value) => `${name}${value}`,
    join: '，',
    end: '。',
  },
  en: {
    loading: 'Loading chart…',
    toggle: 'Show data table',
    hide: 'Hide data table',
    tableRegion: (title) => `${title}: data table`,
    loadFailed: 'The chart component failed to load',
    dataFailed: 'This chart’s data failed to load',
    failed: 'The chart cannot be shown',
    noChart: 'No chart given: put a chart id in the chart attribute.',
    unknownChart: (chart, known) => `No chart "${chart}". Charts: ${known.join(', ')}.`,
    unknownRelease: (chart, release, known) => `Chart "${chart}": no release "${release}". Releases: ${known.join(', ')}.`,
    notSvg: 'The chart module returned something other than SVG.',
    crashed: 'The chart component hit an internal error and has been reloaded',
    crashedAgain: 'The chart component hit an internal error again and cannot show this chart. Reload the page, or read the data table below',
    hint: 'Use the arrow keys to step through the data (left and right along a series, up and down between the series of one period), Home and End for the first and last point, Escape to leave the chart.',
    share: 'Download and share',
    downloads: [
      ['png', 'Image (PNG, high resolution)'],
      ['svg', 'Vector image (SVG)'],
      ['csv', 'Data (CSV, opens in Excel)'],
      ['jsonstat', 'The whole release (JSON-stat)'],
    ],
    copyEmbed: 'Copy embed code',
    copied: 'The embed code is on the clipboard.',
    copyFailed: 'No access to the clipboard: select the code below and copy it.',
    permalink: 'Link to this chart',
    dates: (day, period) => `Published ${day} · Data for ${period}`,
    day: (y, m, d) => `${d} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1] ?? m} ${y}`,
    period: 'Period',
    newest: ' (newest)',
    olderPeriod: (shown, newest) => `Showing ${shown}; the newest period is ${newest}.`,
    showNewest: 'Show the newest',
    position: (i, n) => `${i} of ${n}`,
    afterName: ': ',
    colon: ': ',
    pair: (name, value) => `${name} ${value}`,
    join: '; ',
    end: '.',
  },
};

let wasmPromise = null;
let wasm = null;
/** Per release and language ("id|lang"), the promise of its chart data loaded into the module; and those that are in. */
const dataPromises = new Map();
const loadedData = new Set();
/** The index of releases, once fetched: `{ releases: [{ id, aliases, charts }] }` in publication order. */
let releaseIndex = null;

/** A file's body, as text or (`bytes`) as a Uint8Array. */
function fetchBody(url, bytes = false) {
  return fetch(url.href).then(async (response) => {
    if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
    return bytes ? new Uint8Array(await response.arrayBuffer()) : response.text();
  });
}

/** How many times the module has stopped on a panic (a trap) and been loaded afresh. */
let crashes = 0;

/**
 * Loads the wasm module and the index of releases once, and starts loading the chart data of the
 * releases the page's elements name; every element awaits the same promise.
 */
export function loadWasm() {
  if (!wasmPromise) {
    const index = releaseIndex ? Promise.resolve(releaseIndex) : fetchBody(INDEX_URL).then((text) => (releaseIndex = JSON.parse(text)));
    // The module's bytes, the glue, the index and the page's data all download at once.
    const module = instantiate(PKG_URL, WASM_URL, crashes).then((mod) => {
      wasm = mod;
      return mod;
    });
    const named = [...document.querySelectorAll('xixia-stat[release]')].map((el) => el.getAttribute('release').trim());
    const early = index.then(() => {
      for (const name of new Set(named)) {
        const id = resolveRelease(name, '');
        if (id) loadRelease(id, 'zh-CN', module);
      }
    }, () => {});
    wasmPromise = Promise.all([module, index, early]).then(([mod]) => mod);
  }
  return wasmPromise;
}

/**
 * The id of the release an element asks for: an id as it is, `latest-<kind>` by the index, and
 * with no release the newest one that has the chart. Null when the index knows none.
 */
function resolveRelease(name, chart) {
  const releases = releaseIndex?.releases ?? [];
  if (name) return releases.find((r) => r.id === name || r.aliases?.includes(name))?.id ?? null;
  return releases.findLast((r) => r.charts?.includes(chart))?.id ?? null;
}

/**
 * The periods a reader may look at a chart for: the releases of the kind of `release` that have
 * `chart`, oldest first (a chart over time in each is drawn as it was published then).
 */
function periodsOf(chart, release) {
  const releases = releaseIndex?.releases ?? [];
  const kind = releases.find((r) => r.id === release)?.kind;
  return kind ? releases.filter((r) => r.kind === kind && r.charts?.includes(chart)) : [];
}

/** The period (a release id) a permalink (`#chart=<id>&period=<release>`) asks for, for `chart`. */
function wantedPeriod(chart) {
  const hash = new URLSearchParams(location.hash.slice(1));
  return hash.get('chart') === chart ? hash.get('period') : null;
}

/** One release's chart data in `lang`, loaded into the module once. */
function loadRelease(release, lang, module = loadWasm()) {
  const key = `${release}|${lang}`;
  if (!dataPromises.has(key)) {
    const url = DATA_URL(release, lang);
    const file = fetchBody(url, true);
    dataPromises.set(
      key,
      module.then(async (mod) => {
        const bytes = await file;
        try {
          mod.load_charts(bytes, lang);
        } catch (err) {
          // Which file: a release's broken data stop its own charts only, and say where.
          throw err instanceof WebAssembly.RuntimeError ? err : new Error(`${url.pathname}: ${messageOf(err)}`);
        }
        loadedData.add(key);
      }),
    );
  }
  return dataPromises.get(key);
}

/**
 * The module trapped (a Rust panic aborts): keep its last words, drop the instance and everything
 * loaded into it, and return the message. The next draw loads a fresh instance.
 */
function crashed() {
  const message = lastWords(wasm);
  crashes += 1;
  wasm = null;
  wasmPromise = null;
  dataPromises.clear();
  loadedData.clear();
  return message;
}

/** Appends the component's stylesheet to <head> once, unless the page already links it. */
function ensureStylesheet() {
  for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
    if (link.href === CSS_URL.href) return;
  }
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = CSS_URL.href;
  document.head.append(link);
}

/** The wasm exports return JSON text; parse it (objects pass through, for test doubles). */
function fromWasm(value) {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

// ---- The page-level mode: one switch for every chart on the page, remembered. -------------------

function storedMode() {
  try {
    const mode = localStorage.getItem(MODE_KEY);
    return MODES.includes(mode) ? mode : null;
  } catch {
    return null; // storage blocked: the mode lasts for the page.
  }
}

/** The page's mode: the <html> attribute, which the stored choice sets on load. */
export function pageMode() {
  const mode = document.documentElement.getAttribute(MODE_ATTRIBUTE);
  return MODES.includes(mode) ? mode : null;
}

/** Switches every chart on the page to `mode` ("care", "contrast", "standard"; null to follow
 * the system again) and remembers it for the next visit. */
export function setPageMode(mode) {
  const valid = MODES.includes(mode) ? mode : null;
  if (valid) document.documentElement.setAttribute(MODE_ATTRIBUTE, valid);
  else document.documentElement.removeAttribute(MODE_ATTRIBUTE);
  try {
    if (valid) localStorage.setItem(MODE_KEY, valid);
    else localStorage.removeItem(MODE_KEY);
  } catch {
    // storage blocked: the switch still works for this page.
  }
}

const contrastQuery = matchMedia('(prefers-contrast: more)');
const printQuery = matchMedia('print');
let printing = false;
const elements = new Set();

function redrawAll() {
  for (const element of elements) element.redraw();
}

// ---- Loading after the first paint; drawing near the screen. -------------------------------------

/** Resolves once the page's next frame has been painted (at the latest after 100 ms: a tab in the
 * background paints nothing). */
function afterPaint() {
  return new Promise((resolve) => {
    setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/** Whether any of the element is in the viewport now. */
function onScreen(element) {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
}

/** The first paint, once: the module and the data start loading after it, so the pre-rendered charts
 * reach the screen with nothing else on the wire. */
let firstPaint = null;
function whenPainted() {
  firstPaint ??= afterPaint();
  return firstPaint;
}

/** The elements near the screen: in it, or within a screen's height above or below. */
const nearScreen = new WeakSet();
const nearObserver = new IntersectionObserver(
  (entries) => {
    // Every element's place first, then the drawing (a draw asks which elements are near).
    for (const { target, isIntersecting } of entries) {
      if (isIntersecting) nearScreen.add(target);
      else nearScreen.delete(target);
    }
    for (const { target, isIntersecting } of entries) if (isIntersecting) target.redraw();
  },
  { rootMargin: '100% 0px' },
);

if (!pageMode() && storedMode()) document.documentElement.setAttribute(MODE_ATTRIBUTE, storedMode());
new MutationObserver(redrawAll).observe(document.documentElement, { attributes: true, attributeFilter: [MODE_ATTRIBUTE, 'lang'] });
contrastQuery.addEventListener('change', redrawAll);
// Print draws greys and patterns. `beforeprint` comes before the print layout is made; the media
// query covers print preview and emulation.
const setPrinting = (value) => {
  if (printing === value) return;
  printing = value;
  redrawAll();
};
printQuery.addEventListener('change', (e) => setPrinting(e.matches));
addEventListener('beforeprint', () => setPrinting(true));
addEventListener('afterprint', () => setPrinting(printQuery.matches));

/** The chart a permalink (`#chart=<id>`) asks for, if any. */
function wantedChart() {
  return new URLSearchParams(location.hash.slice(1)).get('chart');
}

// A permalink positions the page once, on arrival: until every chart on the page is drawn,
// charts above the one it names change height as they draw, so it is scrolled to again after
// each; then, or as soon as the reader scrolls, the page is left where the reader puts it. A
// change of the hash that names another chart (a permalink followed on the page) positions
// again; one that changes only the language does not.
let revealPending = Boolean(wantedChart());
let revealedChart = wantedChart();

function settleReveal() {
  if (!revealPending) return;
  const all = [...elements];
  all.find((e) => e.getAttribute('chart') === wantedChart())?.reveal();
  // Settled once the chart it names and every chart near the screen are drawn: those further away
  // are drawn as they come near.
  const settled = (e) => e.dataset.state === 'ready' || e.dataset.state === 'error' || (!nearScreen.has(e) && e.getAttribute('chart') !== wantedChart());
  if (all.every(settled)) revealPending = false;
}

addEventListener('hashchange', () => {
  const wanted = wantedChart();
  if (wanted === revealedChart) return;
  revealedChart = wanted;
  revealPending = Boolean(wanted);
  settleReveal();
});
// The reader's own scrolling ends the positioning.
for (const type of ['wheel', 'touchmove']) {
  addEventListener(type, () => (revealPending = false), { passive: true });
}
addEventListener('keydown', (e) => {
  if (['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown', ' '].includes(e.key) && !e.target.closest?.('xixia-stat')) revealPending = false;
});

/**
 * Subresource Integrity for the embed code: the SHA-384 of this very script as the server sends it,
 * so a page that embeds the chart refuses a script that was changed on the way or on the server.
 * Computed when first asked for; "" where there is no Web Crypto (pages not served over https).
 */
let integrityPromise = null;
function scriptIntegrity() {
  integrityPromise ??= (async () => {
    if (!globalThis.crypto?.subtle) return '';
    const response = await fetch(import.meta.url, { cache: 'force-cache' });
    if (!response.ok) return '';
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', await response.arrayBuffer()));
    return `sha384-${btoa(String.fromCharCode(...digest))}`;
  })().catch(() => '');
  return integrityPromise;
}

/** Text for an HTML attribute value in the embed code. */
function attribute(value) {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

let nextId = 0;

export class XixiaStat extends HTMLElement {
  static observedAttributes = ['chart', 'release', 'mode', 'lang'];

  #parts = null;
  #observer = null;
  #width = 0;
  #rendered = { key: '', width: 0 };
  #result = null;
  #active = -1;
  #id = '';
  #static = null;
  #release = '';
  #crashes = 0;
  /** The earlier period the reader chose (a release id), or null for the element's own. */
  #period = null;

  connectedCallback() {
    ensureStylesheet();
    if (!this.#parts) this.#build();
    if (!this.#result) this.#setState('loading');
    elements.add(this);
    this.#observer = new ResizeObserver((entries) => this.#onResize(entries));
    // Observe a zero-height ruler, not the element: its size follows the width alone, so drawing
    // (which changes the element's height) never feeds back into the observer.
    this.#observer.observe(this.#parts.ruler);
    nearObserver.observe(this);
    whenPainted().then(loadWasm).then(
      () => this.#update(),
      (err) => this.#showError(`${this.#text.loadFailed}${this.#text.colon}${messageOf(err)}`),
    );
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#observer = null;
    nearObserver.unobserve(this);
    nearScreen.delete(this);
    elements.delete(this);
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (oldValue === newValue || !this.#parts) return;
    this.#crashes = 0;
    if (_name === 'chart' || _name === 'release') this.#period = null;
    this.#update({ force: true });
  }

  /** The last render_chart result (svg, table, marks, …), or null. */
  get result() {
    return this.#result;
  }

  /** "en" or "zh-CN", from the nearest `lang`. */
  get language() {
    const lang = (this.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase();
    return lang.startsWith('en') ? 'en' : 'zh-CN';
  }

  /** The mode the chart is drawn in now. */
  get mode() {
    if (printing) return 'print';
    const own = this.getAttribute('mode');
    if (MODES.includes(own)) return own;
    return pageMode() ?? (contrastQuery.matches ? 'contrast' : 'standard');
  }

  /** Draws again if the language or mode changed (the page calls this through its switches). */
  redraw() {
    if (this.#parts) this.#update();
  }

  get #text() {
    return TEXT[this.language];
  }

  #build() {
    this.#id = `xs${++nextId}`;
    const id = this.#id;
    const figure = el('figure', 'xixia-stat__figure');
    const status = el('p', 'xixia-stat__status');
    status.setAttribute('role', 'status');
    const chart = el('div', 'xixia-stat__chart');
    chart.setAttribute('role', 'img');
    chart.tabIndex = 0;
    chart.setAttribute('aria-describedby', `${id}-description ${id}-hint`);
    const tooltip = el('div', 'xixia-stat__tooltip');
    tooltip.setAttribute('aria-hidden', 'true');
    tooltip.hidden = true;
    const chartArea = el('div', 'xixia-stat__chart-area');
    chartArea.append(chart, tooltip);

    const description = el('p', 'xixia-stat__description');
    description.id = `${id}-description`;
    // When the release was published and which period the data reach.
    const dates = el('p', 'xixia-stat__dates');
    const hint = el('p', 'xixia-stat__hint');
    hint.id = `${id}-hint`;
    const live = el('p', 'xixia-stat__live');
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('aria-atomic', 'true');

    const toggle = el('button', 'xixia-stat__toggle');
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', `${id}-table`);
    const tableWrap = el('div', 'xixia-stat__table-wrap');
    tableWrap.id = `${id}-table`;
    tableWrap.hidden = true;
    tableWrap.tabIndex = 0;
    tableWrap.setAttribute('role', 'region');
    const controls = el('div', 'xixia-stat__controls');
    // The period selector: shown when the chart is published for more than one period.
    const periodLabel = el('label', 'xixia-stat__period');
    const periodName = el('span', 'xixia-stat__period-name');
    const periodSelect = el('select', 'xixia-stat__period-select');
    periodLabel.append(periodName, periodSelect);
    periodLabel.hidden = true;
    const periodNote = el('p', 'xixia-stat__period-note');
    periodNote.hidden = true;
    controls.append(periodLabel, toggle);

    const share = el('details', 'xixia-stat__share');
    const shareToggle = el('summary', 'xixia-stat__share-toggle');
    const shareList = el('ul', 'xixia-stat__share-list');
    const shareStatus = el('p', 'xixia-stat__share-status');
    shareStatus.setAttribute('role', 'status');
    // Shown, selected, when the clipboard cannot be written.
    const embedCode = el('pre', 'xixia-stat__embed-code');
    embedCode.tabIndex = 0;
    embedCode.hidden = true;
    share.append(shareToggle, shareList, shareStatus, embedCode);
    controls.append(share);

    figure.append(status, periodNote, chartArea, description, dates, hint, live, controls, tableWrap);
    const ruler = el('div', 'xixia-stat__ruler');
    ruler.setAttribute('aria-hidden', 'true');
    // The build's pre-rendered chart (SVG, summary, table) stays until this one is drawn.
    this.#static = this.querySelector(':scope > .xixia-stat__static');
    this.replaceChildren(ruler, ...(this.#static ? [this.#static] : []), figure);

    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      toggle.textContent = open ? this.#text.hide : this.#text.toggle;
      tableWrap.hidden = !open;
    });
    chart.addEventListener('pointermove', (e) => this.#onPointer(e));
    chart.addEventListener('pointerdown', (e) => this.#onPointer(e));
    chart.addEventListener('pointerleave', (e) => {
      if (e.pointerType === 'mouse') this.#hideTooltip();
    });
    periodSelect.addEventListener('change', () => {
      const own = resolveRelease((this.getAttribute('release') ?? '').trim(), (this.getAttribute('chart') ?? '').trim());
      this.#period = periodSelect.value === own ? null : periodSelect.value;
      this.#update({ force: true });
    });
    chart.addEventListener('keydown', (e) => this.#onKey(e));
    chart.addEventListener('blur', () => this.#select(-1));
    // A tap outside the chart closes a tooltip that a tap opened.
    document.addEventListener('pointerdown', (e) => {
      if (!tooltip.hidden && !chart.contains(e.target)) this.#hideTooltip();
    });

    this.#parts = { ruler, figure, chartArea, chart, status, tooltip, description, hint, live, controls, toggle, tableWrap, share, shareToggle, shareList, shareStatus, embedCode, periodLabel, periodName, periodSelect, periodNote, dates };
    this.#setTexts();
  }

  /** The interface's own words, in the element's language. */
  #setTexts() {
    const { status, hint, toggle, shareToggle, embedCode } = this.#parts;
    if (this.dataset.state !== 'error') status.textContent = this.#text.loading;
    hint.textContent = this.#text.hint;
    shareToggle.textContent = this.#text.share;
    embedCode.setAttribute('aria-label', this.#text.copyEmbed);
    embedCode.setAttribute('role', 'region');
    toggle.textContent = toggle.getAttribute('aria-expanded') === 'true' ? this.#text.hide : this.#text.toggle;
  }

  #setState(state) {
    this.dataset.state = state;
    const { status, chartArea, controls, tableWrap, toggle, description } = this.#parts;
    status.hidden = (state !== 'loading' || this.#static !== null) && state !== 'error';
    status.classList.toggle('xixia-stat__status--error', state === 'error');
    status.setAttribute('role', state === 'error' ? 'alert' : 'status');
    const ready = state === 'ready';
    chartArea.hidden = !ready;
    description.hidden = !ready;
    this.#parts.dates.hidden = !ready || !this.#parts.dates.textContent;
    controls.hidden = !ready;
    tableWrap.hidden = !ready || toggle.getAttribute('aria-expanded') !== 'true';
  }

  #showError(message) {
    this.#result = null;
    this.#rendered = { key: '', width: 0 };
    this.#showPublishedImage();
    this.#parts.status.textContent = message;
    this.#setState('error');
    settleReveal();
    this.dispatchEvent(new CustomEvent('xixia-stat-error', { bubbles: true, detail: { message } }));
  }

  #onResize(entries) {
    const entry = entries[entries.length - 1];
    const width = Math.round(entry.contentRect.width);
    if (width === this.#width) return;
    this.#width = width;
    // On screen (or printing): drawn in the observer's callback, before this frame paints (no
    // frame of delay). Near the screen but off it: after that paint, so the frame holds only what
    // the reader sees.
    if (printing || onScreen(this)) this.#update();
    else afterPaint().then(() => this.#update());
  }

  /** Whether to draw now: near the screen, when printing (every chart), or named by the permalink
   * that is being positioned. Any other chart is drawn when it comes near (`redraw`). */
  #wanted() {
    return nearScreen.has(this) || printing || (revealPending && wantedChart() === this.getAttribute('chart'));
  }

  /** Draws the chart if the wasm is ready, the chart is wanted now, and the chart, release,
   * language, mode or width changed. */
  #update({ force = false } = {}) {
    if (!wasm || !this.isConnected || this.#crashes > 1) return;
    if (this.#width <= 0) return; // not laid out (hidden): the ResizeObserver calls again when it is.
    if (!this.#wanted()) return;
    const lang = this.language;
    const chart = (this.getAttribute('chart') ?? '').trim();
    const releaseAttr = (this.getAttribute('release') ?? '').trim();
    const own = resolveRelease(releaseAttr, chart);
    // An earlier period the reader chose, or a permalink's, when the chart has it.
    const chosen = this.#period ?? wantedPeriod(chart);
    const wanted = chosen && own && periodsOf(chart, own).some((r) => r.id === chosen) ? chosen : own;
    if (wanted && !loadedData.has(`${wanted}|${lang}`)) {
      // A release's data (and English) loads on first use; draw once it is in.
      loadRelease(wanted, lang).then(
        () => this.#update({ force: true }),
        (err) => this.#showError(`${this.#text.dataFailed}${this.#text.colon}${messageOf(err)}`),
      );
      return;
    }
    const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, this.#width));
    const mode = this.mode;
    const key = [releaseAttr, wanted, chart, lang, mode].join('\u0000');
    if (!force && key === this.#rendered.key && width === this.#rendered.width) return;
    this.#setTexts();
    try {
      if (!chart) throw new Error(this.#text.noChart);
      const releases = releaseIndex?.releases ?? [];
      if (!wanted && releaseAttr) throw new Error(this.#text.unknownRelease(chart, releaseAttr, releases.flatMap((r) => [r.id, ...(r.aliases ?? [])])));
      if (!wanted) throw new Error(this.#text.unknownChart(chart, [...new Set(releases.flatMap((r) => r.charts ?? []))]));
      const release = wanted;
      const result = fromWasm(wasm.render_chart(release, chart, width, lang, mode, this.#id));
      this.#release = String(result.release ?? release);
      this.#fillPeriods(chart, own, this.#release);
      this.#show(result, key !== this.#rendered.key);
      this.#rendered = { key, width };
    } catch (err) {
      if (err instanceof WebAssembly.RuntimeError) {
        this.#onCrash();
        return;
      }
      this.#showError(`${this.#text.failed}${this.#text.colon}${messageOf(err)}`);
    }
  }

  /**
   * A panic stopped the module: say so here, load a fresh instance, and draw again the charts it
   * left in error. A chart that stops it twice in a row is not tried again until its attributes
   * change, so one bad chart can never keep the page reloading.
   */
  #onCrash() {
    const detail = crashed();
    const t = this.#text;
    this.#crashes += 1;
    const said = this.#crashes > 1 ? t.crashedAgain : t.crashed;
    this.#showError(`${said}${detail ? `${t.colon}${detail}` : ''}${t.end}`);
    loadWasm().then(
      () => {
        for (const element of elements) if (element.dataset.state === 'error') element.redraw();
      },
      (err) => this.#showError(`${t.loadFailed}${t.colon}${messageOf(err)}`),
    );
  }

  /**
   * A chart that cannot be drawn (its data did not load) and waits in a placeholder shows the
   * build's image of it instead, the one readers without JavaScript see: the chart as published
   * stays readable beside the message.
   */
  #showPublishedImage() {
    const holder = this.#static?.querySelector(':scope > .xixia-stat__chart > svg.xixia-stat__placeholder');
    const markup = holder?.parentElement.querySelector(':scope > noscript')?.textContent ?? '';
    const src = /\ssrc="([^"]+)"/.exec(markup)?.[1];
    if (!src) return;
    const image = el('img', 'xixia-stat__image');
    image.alt = '';
    image.width = Number(holder.getAttribute('width')) || 0;
    image.height = Number(holder.getAttribute('height')) || 0;
    // The attribute as the build escaped it (src/chart/svg.rs `escape`).
    image.src = src.replace(/&(amp|quot|lt|gt|#39);/g, (_, name) => ({ amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'" })[name]);
    holder.replaceWith(image);
  }

  /**
   * The build's pre-rendered SVG, when it is the chart the module has just drawn: drawn at the same
   * width, in the standard mode and the same language (the build and the module lay text out
   * alike). It is taken over as it is: nothing is parsed, and nothing on screen changes.
   */
  #prerenderedSvg(result) {
    const figure = this.#static;
    if (!figure || figure.dataset.width !== String(result.width) || figure.dataset.lang !== this.language) return null;
    if (String(result.mode ?? this.mode) !== 'standard') return null;
    return figure.querySelector(':scope > .xixia-stat__chart > svg:not(.xixia-stat__placeholder)');
  }

  /** The module's SVG as an element. */
  #parseSvg(markup) {
    return parseSvg(markup, this.#text.notSvg);
  }

  #show(result, newChart) {
    const svg = this.#prerenderedSvg(result) ?? this.#parseSvg(result.svg);
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('aria-hidden', 'true');

    const { chart, description, tableWrap } = this.#parts;
    chart.replaceChildren(svg);
    chart.setAttribute('aria-label', String(result.title ?? ''));
    description.textContent = String(result.description ?? '');
    const [y, m, d] = String(result.published ?? '').split('-').map(Number);
    this.#parts.dates.textContent = y && m && d ? this.#text.dates(this.#text.day(y, m, d), String(result.period ?? '')) : '';
    this.#parts.dates.hidden = !this.#parts.dates.textContent;
    this.dataset.mode = String(result.mode ?? this.mode);
    this.#hideTooltip();
    this.#result = result;
    this.#active = -1;
    if (newChart || !tableWrap.firstChild) {
      tableWrap.replaceChildren(dataTable(result.table, 'xixia-stat__table', 'xixia-stat__num'));
      tableWrap.setAttribute('aria-label', this.#text.tableRegion(String(result.title ?? '')));
    }
    this.#static?.remove();
    this.#static = null;
    this.#crashes = 0;
    this.#fillShare();
    this.#setState('ready');
    settleReveal();
    this.dispatchEvent(new CustomEvent('xixia-stat-render', { bubbles: true, detail: { width: result.width, mode: this.dataset.mode } }));
  }

  /**
   * The period selector and, when an earlier period is shown, the line that names the newest:
   * the periods of `own` (the element's release) that have `chart`, `shown` selected.
   */
  #fillPeriods(chart, own, shown) {
    const t = this.#text;
    const { periodLabel, periodName, periodSelect, periodNote } = this.#parts;
    const periods = periodsOf(chart, own);
    periodLabel.hidden = periods.length < 2;
    periodNote.hidden = true;
    if (periods.length < 2) return;
    const label = (r) => (this.language === 'en' ? r.period_en ?? r.period : r.period);
    const newest = periods[periods.length - 1];
    periodName.textContent = t.period;
    periodSelect.replaceChildren(...[...periods].reverse().map((r) => {
      const option = el('option', '', `${label(r)}${r === newest ? t.newest : ''}`);
      option.value = r.id;
      option.selected = r.id === shown;
      return option;
    }));
    if (shown !== newest.id) {
      const back = el('button', 'xixia-stat__period-newest', t.showNewest);
      back.type = 'button';
      back.addEventListener('click', () => {
        this.#period = newest.id === own ? null : newest.id;
        this.#update({ force: true });
        this.#parts.periodSelect.focus();
      });
      periodNote.replaceChildren(t.olderPeriod(label(periods.find((r) => r.id === shown) ?? newest), label(newest)), ' ', back);
      periodNote.hidden = false;
    }
  }

  /** The download links (files the build wrote), the embed code and this chart's permalink. */
  #fillShare() {
    const t = this.#text;
    const lang = this.language;
    const chart = this.getAttribute('chart')?.trim() ?? '';
    const release = this.#release;
    const { shareList, shareStatus, embedCode } = this.#parts;
    const files = { png: `${release}/${chart}.png`, svg: `${release}/${chart}.svg`, csv: `${release}/${chart}.csv`, jsonstat: `${release}/${release}.jsonstat.json` };
    const items = t.downloads.map(([format, label]) => {
      const a = el('a', 'xixia-stat__download', label);
      a.href = EXPORT_URL(lang, files[format]);
      a.download = '';
      a.dataset.format = format;
      return a;
    });
    const copy = el('button', 'xixia-stat__copy', t.copyEmbed);
    copy.type = 'button';
    copy.addEventListener('click', () => this.#copyEmbed());
    const permalink = el('a', 'xixia-stat__permalink', t.permalink);
    const own = resolveRelease((this.getAttribute('release') ?? '').trim(), chart);
    permalink.href = `#${new URLSearchParams({ chart, lang, ...(release !== own ? { period: release } : {}) })}`;
    shareList.replaceChildren(...[...items, copy, permalink].map((item) => {
      const li = el('li');
      li.append(item);
      return li;
    }));
    shareStatus.textContent = '';
    embedCode.hidden = true;
    embedCode.textContent = this.embedCode(release);
  }

  /** The HTML that shows this chart on another page: the script line (with its integrity hash
   * when known) and the element. */
  embedCode(release = this.#release, integrity = '') {
    const attrs = [`chart="${attribute(this.getAttribute('chart')?.trim() ?? '')}"`, `release="${attribute(release.trim())}"`];
    if (this.language === 'en') attrs.push('lang="en"');
    const pinned = integrity ? ` integrity="${attribute(integrity)}" crossorigin="anonymous"` : '';
    return `<script type="module" src="${attribute(import.meta.url)}"${pinned}></script>\n<xixia-stat ${attrs.join(' ')}></xixia-stat>`;
  }

  async #copyEmbed() {
    const { shareStatus, embedCode } = this.#parts;
    embedCode.textContent = this.embedCode(this.#release, await scriptIntegrity());
    try {
      await navigator.clipboard.writeText(embedCode.textContent);
      shareStatus.textContent = this.#text.copied;
      embedCode.hidden = true;
    } catch {
      // No clipboard (permission, insecure origin): show the code, selected, to copy by hand.
      shareStatus.textContent = this.#text.copyFailed;
      embedCode.hidden = false;
      embedCode.focus();
      getSelection()?.selectAllChildren(embedCode);
    }
  }

  /** Scrolls to and focuses this chart when the page's permalink names it: its heading (the
   * heading just before the element, or the one that begins its card) at the top of the screen. */
  reveal() {
    if (this.dataset.state !== 'ready' || wantedChart() !== this.getAttribute('chart')) return;
    const heading = /^H[1-6]$/;
    const before = this.previousElementSibling;
    const first = this.parentElement?.firstElementChild;
    const target = before && heading.test(before.tagName) ? before : first && heading.test(first.tagName) ? first : this;
    target.scrollIntoView({ block: 'start', behavior: 'instant' });
    this.#parts.chart.focus({ preventScroll: true });
  }


  /** The mark's figures as one sentence: "第二产业，增加值340.85亿元，比上年增长（%）13.0". */
  #describe(mark) {
    const t = this.#text;
    const pairs = (mark.details ?? []).map(([name, value]) => t.pair(String(name), String(value)));
    const figures = pairs.length ? pairs.join(t.join) : String(mark.label ?? '');
    return `${String(mark.category ?? '')}${t.afterName}${figures}`;
  }

  /** The tooltip: the category's full name, its figures, and the period. */
  #fillTooltip(mark) {
    const { tooltip } = this.#parts;
    const rows = (mark.details?.length ? mark.details : [[mark.series ?? '', mark.label ?? '']]).map(([name, value], i) => {
      const row = el('span', i === 0 ? 'xixia-stat__tooltip-row xixia-stat__tooltip-row--main' : 'xixia-stat__tooltip-row');
      row.append(el('span', 'xixia-stat__tooltip-name', String(name)), el('span', 'xixia-stat__tooltip-value', String(value)));
      return row;
    });
    tooltip.replaceChildren(el('strong', 'xixia-stat__tooltip-title', String(mark.category ?? '')), ...rows, el('span', 'xixia-stat__tooltip-period', String(mark.period ?? this.#result?.period ?? '')));
    tooltip.hidden = false;
  }

  /** Places the tooltip beside (x, y) in viewport pixels, inside the viewport. */
  #placeTooltip(x, y) {
    const { tooltip, chartArea } = this.#parts;
    const area = chartArea.getBoundingClientRect();
    const margin = 8;
    const w = tooltip.offsetWidth;
    const h = tooltip.offsetHeight;
    const viewport = document.documentElement.clientWidth || innerWidth;
    let left = x + 12;
    if (left + w > viewport - margin) left = x - 12 - w;
    left = Math.min(Math.max(left, margin), Math.max(viewport - margin - w, margin));
    let top = y - h - 12;
    if (top < margin) top = y + 16;
    // CSSOM (allowed under style-src 'self'), not a style attribute.
    tooltip.style.setProperty('--xixia-tooltip-x', `${Math.round(left - area.left)}px`);
    tooltip.style.setProperty('--xixia-tooltip-y', `${Math.round(top - area.top)}px`);
  }

  #hideTooltip() {
    this.#parts.tooltip.hidden = true;
  }

  /** The SVG's scale: CSS pixels on screen per SVG pixel, and the SVG's box. */
  #frame() {
    const svg = this.#parts.chart.firstElementChild;
    if (!svg || !this.#result?.width) return null;
    const box = svg.getBoundingClientRect();
    if (!box.width) return null;
    return { box, scale: box.width / this.#result.width };
  }

  /** The mark under an SVG point: the ring segment by angle, bars by their box (a little slack). */
  #hit(x, y) {
    const marks = this.#result?.marks ?? [];
    const slack = 3;
    return marks.findIndex((m) => {
      if (m.arc) {
        const dx = x - m.arc.cx;
        const dy = y - m.arc.cy;
        const r = Math.hypot(dx, dy);
        if (r < m.arc.inner - slack || r > m.arc.outer + slack) return false;
        // Turns clockwise from 12 o'clock, in thousandths.
        const turn = ((Math.atan2(dx, -dy) / (2 * Math.PI) + 1) % 1) * 1000;
        return turn >= m.arc.start && turn <= m.arc.end;
      }
      return x >= m.x - slack && x <= m.x + m.width + slack && y >= m.y - slack && y <= m.y + m.height + slack;
    });
  }

  /** A tooltip for the mark under the pointer (the data table is the accessible equivalent). */
  #onPointer(event) {
    const frame = this.#frame();
    if (!frame) return;
    const x = (event.clientX - frame.box.left) / frame.scale;
    const y = (event.clientY - frame.box.top) / frame.scale;
    const index = this.#hit(x, y);
    if (index < 0) {
      if (event.pointerType === 'mouse' || event.type === 'pointerdown') this.#hideTooltip();
      return;
    }
    this.#fillTooltip(this.#result.marks[index]);
    this.#placeTooltip(event.clientX, event.clientY);
  }

  #onKey(event) {
    const marks = this.#result?.marks ?? [];
    if (!marks.length) return;
    const last = marks.length - 1;
    let next = null;
    // Up and down move between the series at the same category or period (a line chart's place
    // and its regions), where there are several; otherwise, like left and right, to the next mark.
    const across = (step) => {
      const here = marks[this.#active];
      if (!here) return null;
      const same = marks.map((m, i) => [m, i]).filter(([m]) => m.index === here.index);
      const at = same.findIndex(([, i]) => i === this.#active);
      return same.length > 1 ? same[Math.min(Math.max(at + step, 0), same.length - 1)][1] : null;
    };
    switch (event.key) {
      case 'ArrowDown':
        next = across(1);
      // falls through when there is one series
      case 'ArrowRight':
        next ??= this.#active < 0 ? 0 : Math.min(this.#active + 1, last);
        break;
      case 'ArrowUp':
        next = across(-1);
      // falls through
      case 'ArrowLeft':
        next ??= this.#active < 0 ? 0 : Math.max(this.#active - 1, 0);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'Escape':
        this.#select(-1);
        // Leave the chart: focus moves on to its table button, never lost to the page.
        this.#parts.toggle.focus();
        event.preventDefault();
        return;
      default:
        return;
    }
    event.preventDefault();
    this.#select(next);
  }

  /** Moves the keyboard's point to mark `index` (-1: none): ring, tooltip, announcement. */
  #select(index) {
    const { live } = this.#parts;
    this.#active = index;
    const mark = this.#result?.marks?.[index];
    const frame = this.#frame();
    this.#parts.chart.querySelector('.xixia-stat__focus-mark')?.remove();
    if (!mark || !frame) {
      this.#hideTooltip();
      return;
    }
    this.#parts.chart.firstElementChild.append(focusMark(mark));
    this.#fillTooltip(mark);
    this.#placeTooltip(frame.box.left + (mark.x + mark.width) * frame.scale, frame.box.top + mark.y * frame.scale);
    const t = this.#text;
    live.textContent = `${this.#describe(mark)}${t.join}${t.position(index + 1, this.#result.marks.length)}${t.end}`;
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The keyboard's point: a white line hugging the mark (at least 4.5:1 against every mark colour,
 * which are all dark) inside a black one (21:1 against the white ground), shaped to the mark. */
const FOCUS_INNER = '#FFFFFF';
const FOCUS_OUTER = '#000000';
const FOCUS_LINE = 3;

/** The outline of `mark` grown by `d` SVG pixels: its box, or its ring segment. */
function outline(mark, d) {
  const a = mark.arc;
  if (!a) return `M${mark.x - d},${mark.y - d}h${mark.width + 2 * d}v${mark.height + 2 * d}h${-(mark.width + 2 * d)}Z`;
  const turn = (t) => (t / 1000) * 2 * Math.PI;
  const ro = a.outer + d;
  const ri = Math.max(a.inner - d, 0);
  // The ends widened by d along the ring, at the middle radius.
  const pad = d / ((a.inner + a.outer) / 2);
  const sweep = turn(a.end - a.start);
  if (sweep + 2 * pad >= 2 * Math.PI - 1e-3) {
    const circle = (r) => `M${a.cx},${a.cy - r}a${r},${r} 0 1 1 0,${2 * r}a${r},${r} 0 1 1 0,${-2 * r}Z`;
    return `${circle(ro)}${circle(ri)}`;
  }
  const start = turn(a.start) - pad;
  const end = turn(a.end) + pad;
  const at = (r, t) => `${(a.cx + r * Math.sin(t)).toFixed(2)},${(a.cy - r * Math.cos(t)).toFixed(2)}`;
  const large = end - start > Math.PI ? 1 : 0;
  return `M${at(ro, start)}A${ro},${ro} 0 ${large} 1 ${at(ro, end)}L${at(ri, end)}A${ri},${ri} 0 ${large} 0 ${at(ri, start)}Z`;
}

function focusMark(mark) {
  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('class', 'xixia-stat__focus-mark');
  g.setAttribute('pointer-events', 'none');
  g.setAttribute('fill', 'none');
  g.setAttribute('fill-rule', 'evenodd');
  // The black line outside, the white one between it and the mark.
  for (const [colour, d] of [[FOCUS_OUTER, FOCUS_LINE * 1.5], [FOCUS_INNER, FOCUS_LINE / 2]]) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', outline(mark, d));
    path.setAttribute('stroke', colour);
    path.setAttribute('stroke-width', String(FOCUS_LINE));
    path.setAttribute('stroke-linejoin', 'round');
    path.dataset.ring = colour === FOCUS_OUTER ? 'outer' : 'inner';
    g.append(path);
  }
  return g;
}

if (!customElements.get('xixia-stat')) customElements.define('xixia-stat', XixiaStat);
