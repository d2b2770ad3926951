// <xixia-stat>: one chart of the 西夏区 statistical releases, drawn by the xixia-stats wasm module.
//
//   <script type="module" src="xixia-stat.js"></script>
//   <xixia-stat chart="gdp-structure" release="2022-bulletin"></xixia-stat>
//
// Attributes: `chart` (a chart id, required) and `release` (a release id; when left out, the release
// that the chart catalogue names for the chart). The element sizes the chart to its own width, and
// draws it again when that width changes. Below the chart a button shows the same figures as a table.
//
// No dependencies, no build step. The wasm module and the chart data (data/charts.json) are loaded
// once per page and shared by every element; they and the stylesheet are found next to this file, so
// the component works from any folder. Nothing
// here writes inline styles into markup, so the element runs under `style-src 'self'`.

const PKG_URL = new URL('./pkg/xixia_stats.js', import.meta.url);
const WASM_URL = new URL('./pkg/xixia_stats_bg.wasm', import.meta.url);
/** The chart data the Rust core computed (`xixia-stats chart-data`), drawn by the wasm module. */
const DATA_URL = new URL('./data/charts.json', import.meta.url);
const CSS_URL = new URL('./xixia-stat.css', import.meta.url);

/** Widths (CSS px) the chart is drawn at; outside them the SVG is scaled by CSS. */
const MIN_WIDTH = 280;
const MAX_WIDTH = 1600;

const TEXT = Object.freeze({
  loading: '图表加载中…',
  toggle: '查看数据表',
  tableRegion: '数据表',
  loadFailed: '图表组件加载失败',
  failed: '图表无法显示',
  noChart: '未指定图表：请在 chart 属性中填写图表编号。',
  unknownChart: (chart, known) => `未找到图表“${chart}”。可用的图表：${known.join('、')}。`,
  notSvg: '图表模块返回的内容不是 SVG。',
});

let wasmPromise = null;
let wasm = null;

/** Loads the wasm module once; every element awaits the same promise. */
export function loadWasm() {
  if (!wasmPromise) {
    const data = fetch(DATA_URL.href).then((response) => {
      if (!response.ok) throw new Error(`${DATA_URL.pathname}: HTTP ${response.status}`);
      return response.text();
    });
    // The module's bytes, the glue and the data all download at once, not one after another.
    const bytes = fetch(WASM_URL.href);
    wasmPromise = import(PKG_URL.href).then(async (mod) => {
      await mod.default({ module_or_path: bytes });
      mod.load_charts(await data);
      wasm = mod;
      return mod;
    });
  }
  return wasmPromise;
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

function messageOf(err) {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Figures (with thousands separators, signs, percent) are right-aligned in the table. */
const NUMERIC = /^[+\-−]?[\d,]*\.?\d+\s*(%|‰)?$/;

let nextId = 0;

export class XixiaStat extends HTMLElement {
  static observedAttributes = ['chart', 'release'];

  #parts = null;
  #observer = null;
  #width = 0;
  #rendered = { key: '', width: 0 };
  #result = null;

  connectedCallback() {
    ensureStylesheet();
    if (!this.#parts) this.#build();
    if (!this.#result) this.#setState('loading');
    this.#observer = new ResizeObserver((entries) => this.#onResize(entries));
    // Observe a zero-height ruler, not the element: its size follows the width alone, so drawing
    // (which changes the element's height) never feeds back into the observer.
    this.#observer.observe(this.#parts.ruler);
    loadWasm().then(
      () => this.#update(),
      (err) => this.#showError(`${TEXT.loadFailed}：${messageOf(err)}`),
    );
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (oldValue !== newValue && this.#parts) this.#update({ force: true });
  }

  /** The last render_chart result (svg, table, marks, …), or null. */
  get result() {
    return this.#result;
  }

  #build() {
    const id = `xixia-stat-${++nextId}`;
    const figure = el('figure', 'xixia-stat__figure');
    const chart = el('div', 'xixia-stat__chart');
    chart.setAttribute('role', 'img');
    const status = el('p', 'xixia-stat__status', TEXT.loading);
    status.setAttribute('role', 'status');
    const tooltip = el('div', 'xixia-stat__tooltip');
    tooltip.setAttribute('aria-hidden', 'true');
    tooltip.hidden = true;
    const chartArea = el('div', 'xixia-stat__chart-area');
    chartArea.append(chart, tooltip);

    const toggle = el('button', 'xixia-stat__toggle', TEXT.toggle);
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', `${id}-table`);
    const tableWrap = el('div', 'xixia-stat__table-wrap');
    tableWrap.id = `${id}-table`;
    tableWrap.hidden = true;
    tableWrap.tabIndex = 0;
    tableWrap.setAttribute('role', 'region');
    tableWrap.setAttribute('aria-label', TEXT.tableRegion);
    const controls = el('div', 'xixia-stat__controls');
    controls.append(toggle);

    figure.append(status, chartArea, controls, tableWrap);
    const ruler = el('div', 'xixia-stat__ruler');
    ruler.setAttribute('aria-hidden', 'true');
    this.replaceChildren(ruler, figure);

    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      tableWrap.hidden = !open;
    });
    chart.addEventListener('pointermove', (e) => this.#onPointer(e));
    chart.addEventListener('pointerdown', (e) => this.#onPointer(e));
    chart.addEventListener('pointerleave', () => {
      tooltip.hidden = true;
    });

    this.#parts = { ruler, figure, chartArea, chart, status, tooltip, controls, toggle, tableWrap };
  }

  #setState(state) {
    this.dataset.state = state;
    const { status, chartArea, controls, tableWrap, toggle } = this.#parts;
    status.hidden = state !== 'loading' && state !== 'error';
    status.classList.toggle('xixia-stat__status--error', state === 'error');
    status.setAttribute('role', state === 'error' ? 'alert' : 'status');
    const ready = state === 'ready';
    chartArea.hidden = !ready;
    controls.hidden = !ready;
    tableWrap.hidden = !ready || toggle.getAttribute('aria-expanded') !== 'true';
  }

  #showError(message) {
    this.#result = null;
    this.#rendered = { key: '', width: 0 };
    this.#parts.status.textContent = message;
    this.#setState('error');
    this.dispatchEvent(new CustomEvent('xixia-stat-error', { bubbles: true, detail: { message } }));
  }

  #onResize(entries) {
    const entry = entries[entries.length - 1];
    const width = Math.round(entry.contentRect.width);
    if (width === this.#width) return;
    this.#width = width;
    // Drawn in the observer's callback, before this frame paints: no frame of delay.
    this.#update();
  }

  /** Draws the chart if the wasm is ready and the chart, release or rounded width changed. */
  #update({ force = false } = {}) {
    if (!wasm || !this.isConnected) return;
    if (this.#width <= 0) return; // not laid out (hidden): the ResizeObserver calls again when it is.
    const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, this.#width));
    const chart = (this.getAttribute('chart') ?? '').trim();
    const releaseAttr = (this.getAttribute('release') ?? '').trim();
    const key = `${releaseAttr}\u0000${chart}`;
    if (!force && key === this.#rendered.key && width === this.#rendered.width) return;
    try {
      if (!chart) throw new Error(TEXT.noChart);
      const release = releaseAttr || this.#releaseOf(chart);
      const result = fromWasm(wasm.render_chart(release, chart, width));
      this.#show(result, key !== this.#rendered.key);
      this.#rendered = { key, width };
    } catch (err) {
      this.#showError(`${TEXT.failed}：${messageOf(err)}`);
    }
  }

  #releaseOf(chart) {
    const catalogue = fromWasm(wasm.charts());
    const entry = catalogue.find((c) => c.id === chart);
    if (!entry) throw new Error(TEXT.unknownChart(chart, catalogue.map((c) => c.id)));
    return entry.release;
  }

  #show(result, newChart) {
    // The SVG comes from our own module, with every text escaped. A contextual fragment parses it
    // about twice as fast as a <template>; it is checked before it goes in all the same.
    const fragment = document.createRange().createContextualFragment(String(result.svg ?? ''));
    const svg = fragment.firstElementChild;
    if (!svg || svg.localName !== 'svg' || fragment.childElementCount !== 1 || svg.querySelector('script, foreignObject, [onload], [onerror]')) {
      throw new Error(TEXT.notSvg);
    }
    svg.setAttribute('focusable', 'false');

    const { chart, tooltip, tableWrap } = this.#parts;
    chart.replaceChildren(svg);
    chart.setAttribute('aria-label', [result.title, result.description].filter(Boolean).join('。'));
    tooltip.hidden = true;
    if (newChart || !tableWrap.firstChild) tableWrap.replaceChildren(this.#table(result.table));
    this.#result = result;
    this.#setState('ready');
    this.dispatchEvent(new CustomEvent('xixia-stat-render', { bubbles: true, detail: { width: result.width } }));
  }

  #table(data) {
    const table = el('table', 'xixia-stat__table');
    if (data?.caption) table.createCaption().textContent = data.caption;
    const head = table.createTHead().insertRow();
    for (const column of data?.columns ?? []) {
      const th = el('th', undefined, column);
      th.scope = 'col';
      head.append(th);
    }
    const body = table.createTBody();
    for (const row of data?.rows ?? []) {
      const tr = body.insertRow();
      row.forEach((value, i) => {
        const text = String(value ?? '');
        const cell = el(i === 0 ? 'th' : 'td', undefined, text);
        if (i === 0) cell.scope = 'row';
        else if (NUMERIC.test(text)) cell.className = 'xixia-stat__num';
        tr.append(cell);
      });
    }
    // A column of figures has its header aligned with them.
    [...head.cells].forEach((th, i) => {
      const cells = [...body.rows].map((r) => r.cells[i]).filter(Boolean);
      if (i > 0 && cells.length && cells.every((c) => c.classList.contains('xixia-stat__num'))) th.className = 'xixia-stat__num';
    });
    return table;
  }

  /** A tooltip for the mark under the pointer (the data table is the accessible equivalent). */
  #onPointer(event) {
    const { chart, tooltip, chartArea } = this.#parts;
    const marks = this.#result?.marks;
    const svg = chart.firstElementChild;
    if (!marks?.length || !svg) return;
    const box = svg.getBoundingClientRect();
    if (!box.width) return;
    const scale = this.#result.width / box.width;
    const x = (event.clientX - box.left) * scale;
    const y = (event.clientY - box.top) * scale;
    const slack = 3;
    const mark = marks.find(
      (m) =>
        x >= m.x - slack && x <= m.x + m.width + slack && y >= m.y - slack && y <= m.y + m.height + slack,
    );
    if (!mark) {
      tooltip.hidden = true;
      return;
    }
    // A mark is {category, series, label: the value as printed}, or {label, series, value}.
    const hasValue = mark.value !== undefined && mark.value !== null;
    const name = String((hasValue ? mark.label : mark.category) ?? '');
    let value = String((hasValue ? mark.value : mark.label) ?? '');
    const unit = this.#result.unit;
    if (unit && NUMERIC.test(value) && !/[%‰]$/.test(value)) value += unit === '%' ? '%' : ` ${unit}`;
    const heading = [name, mark.series && mark.series !== name ? mark.series : ''].filter(Boolean).join(' · ');
    tooltip.replaceChildren(el('span', 'xixia-stat__tooltip-label', heading), el('strong', undefined, value));
    tooltip.hidden = false;
    const area = chartArea.getBoundingClientRect();
    const left = Math.min(Math.max(event.clientX - area.left + 12, 0), Math.max(area.width - tooltip.offsetWidth, 0));
    const top = Math.max(event.clientY - area.top - tooltip.offsetHeight - 12, 0);
    // CSSOM (allowed under style-src 'self'), not a style attribute.
    tooltip.style.setProperty('--xixia-tooltip-x', `${Math.round(left)}px`);
    tooltip.style.setProperty('--xixia-tooltip-y', `${Math.round(top)}px`);
  }
}

if (!customElements.get('xixia-stat')) customElements.define('xixia-stat', XixiaStat);
