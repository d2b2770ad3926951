// The staff preview page (www/preview.html): a draft — bulletin prose, our JSON, or the CSV
// template — pasted, dropped or picked from a file is read by the preview's own wasm module
// (www/pkg-preview/, src/preview.rs) and shown as a summary, the consistency findings (each with a
// jump to its sentence or field in the draft), the draft's charts (marked 征求意见稿, with their
// downloads), the computed figures, the comparison with the published release, and the release
// JSON to download. Public pages never load any of it.
//
// Every text from the draft reaches the page through textContent; the only markup parsed is the
// SVG the module draws (every text in it escaped by the Rust side), checked before it goes in.
// Minified by `make build` (esbuild) into www/preview.js.

import { dataTable, el, instantiate, lastWords, messageOf, parseSvg } from '../shared/dom.js';

const GLUE_URL = new URL('./pkg-preview/xixia_preview.js', import.meta.url);
const WASM_URL = new URL('./pkg-preview/xixia_preview_bg.wasm', import.meta.url);

/** The largest draft read (src/load.rs MAX_BYTES). */
const MAX_BYTES = 4 * 1024 * 1024;
/** How long input must rest before the draft is read again (ms). */
const DEBOUNCE = 300;
/** Widths (CSS px) the charts are drawn at. */
const MIN_WIDTH = 280;
const MAX_WIDTH = 960;

const SEVERITIES = [
  { key: 'error', label: '错误', icon: '✖' },
  { key: 'warning', label: '警告', icon: '▲' },
  { key: 'info', label: '提示', icon: 'ℹ' },
  { key: 'ok', label: '通过', icon: '✔' },
];
const FILTERS = [
  { key: 'problems', label: '全部问题', match: (s) => s !== 'ok' },
  ...SEVERITIES.map(({ key, label, icon }) => ({ key, label, icon, match: (s) => s === key })),
  { key: 'all', label: '全部', match: () => true },
];
const FORMAT_NAMES = { json: 'JSON（发布数据格式）', csv: 'CSV 模板', text: '公报文本' };

const $ = (id) => document.getElementById(id);
const ui = {
  draft: $('draft'),
  format: $('format'),
  file: $('file'),
  clear: $('clear'),
  drop: $('drop'),
  status: $('status'),
  site: $('site'),
  error: $('error'),
  errorMessage: $('error-message'),
  errorJump: $('error-jump'),
  results: $('results'),
  stale: $('stale'),
  empty: $('empty'),
  summaryPanel: $('summary-panel'),
  summary: $('summary'),
  notesBlock: $('notes-block'),
  notes: $('notes'),
  unparsedBlock: $('unparsed-block'),
  unparsed: $('unparsed'),
  checksPanel: $('checks-panel'),
  filters: $('filters'),
  findings: $('findings'),
  findingsEmpty: $('findings-empty'),
  chartsPanel: $('charts-panel'),
  charts: $('charts'),
  chartsEmpty: $('charts-empty'),
  figuresPanel: $('figures-panel'),
  figures: $('figures'),
  figuresHelp: $('figures-help'),
  linksPanel: $('links-panel'),
  links: $('links'),
  diffPanel: $('diff-panel'),
  diff: $('diff'),
  publishPanel: $('publish-panel'),
  downloadPanel: $('download-panel'),
  downloadRelease: $('download-release'),
};
const PANELS = [$('panel-nav'), ui.summaryPanel, ui.checksPanel, ui.chartsPanel, ui.figuresPanel, ui.linksPanel, ui.diffPanel, ui.publishPanel, ui.downloadPanel];

let wasm = null;
let crashes = 0;
/** Where the draft came from, for error messages: a file or sample name, or pasted text. */
let origin = '粘贴的文本';
let timer = 0;
let runs = 0;
let filter = 'problems';
/** Staff's links of the draft's facts to the indicator registry: fact id → indicator id ("" unlinks). */
let links = {};
/** The last preview shown, and its draft's charts as drawn. */
let current = null;
/** The publication last made of the draft (`plan_publication`), or null. */
let plan = null;
const publishUi = {
  date: $('publish-date'),
  plan: $('publish-plan'),
  result: $('publish-result'),
  changes: $('publish-changes'),
  errorsBlock: $('publish-errors-block'),
  errors: $('publish-errors'),
  skippedBlock: $('publish-skipped-block'),
  skipped: $('publish-skipped'),
  confirm: $('publish-confirm'),
  files: $('publish-files'),
  zip: $('publish-zip'),
};
publishUi.date.value = new Date().toISOString().slice(0, 10);
let drawnWidth = 0;

function button(text, className, onClick) {
  const b = el('button', className ?? 'pv-button pv-button--small', text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

// ---- The module -------------------------------------------------------------------------------

async function loadModule() {
  wasm = await instantiate(GLUE_URL, WASM_URL, crashes);
  return wasm;
}

/** The module trapped (a panic aborts it): keep its last words and load a fresh instance. */
async function recover() {
  const said = lastWords(wasm);
  crashes += 1;
  wasm = null;
  current = null;
  try {
    await loadModule();
    await useServedSite();
  } catch (err) {
    return `预览模块出现内部错误且无法重新加载（${messageOf(err)}），请刷新页面。`;
  }
  return `预览模块出现内部错误，已重新加载${said ? `（${said}）` : ''}。这份草稿无法分析，请把它发给技术人员。`;
}

// ---- Reading the draft --------------------------------------------------------------------------

/** UTF-8 bytes of a text, without encoding it when it is clearly under or over the limit. */
function byteLength(text) {
  if (text.length * 3 <= MAX_BYTES) return text.length; // a lower bound is enough: it fits
  return new TextEncoder().encode(text).length;
}

function mib(bytes) {
  return (bytes / 1024 / 1024).toFixed(1);
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(analyse, DEBOUNCE);
}

/** Reads the draft now; `data-runs` on <html> counts the readings (tests wait on it). */
function analyse() {
  clearTimeout(timer);
  if (!wasm) return;
  try {
    analyseDraft();
  } finally {
    runs += 1;
    document.documentElement.dataset.runs = String(runs);
  }
}

function analyseDraft() {
  const text = ui.draft.value;
  if (!text.trim()) {
    hideError();
    showEmpty();
    ui.status.textContent = '请粘贴或拖入草稿。';
    return;
  }
  const bytes = byteLength(text);
  if (bytes > MAX_BYTES) {
    showError(`${origin}：内容有 ${mib(bytes)} MiB（${bytes} 字节），超过单份草稿 4 MiB 的上限，未作分析。请只粘贴要核对的部分。`);
    return;
  }
  const started = performance.now();
  let result;
  try {
    result = wasm.preview(text, ui.format.value, 'zh-CN', origin, JSON.stringify(links));
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) {
      recover().then((message) => showError(message));
      return;
    }
    showError(messageOf(err), text);
    return;
  }
  const read = performance.now();
  hideError();
  show(result);
  const ms = (t) => `${Math.max(1, Math.round(t))} 毫秒`;
  ui.status.textContent = `已分析（${FORMAT_NAMES[result.format] ?? result.format}）：分析用时 ${ms(read - started)}，显示用时 ${ms(performance.now() - read)}。`;
}

/** What the results side says before any draft was read. */
const EMPTY_TEXT = ui.empty.textContent;

function hideError() {
  ui.error.hidden = true;
  ui.stale.hidden = true;
  ui.errorJump.hidden = true;
  ui.errorJump.onclick = null;
  ui.empty.textContent = EMPTY_TEXT;
}

/** The error box (an alert), with a jump when the message names a line and column; an error
 * without a place (too large, HTML, too many indicators) has none, and no stale jump either. */
function showError(message, text = '') {
  ui.errorMessage.textContent = message;
  ui.error.hidden = false;
  ui.stale.hidden = !current;
  ui.status.textContent = '草稿有错误，未能分析。';
  // With nothing read yet, the results side says why, not "尚未读入草稿".
  ui.empty.textContent = current ? EMPTY_TEXT : `草稿未能读取，见草稿上方的错误说明：${message}`;
  const at = /第(\d+)行第(\d+)列/.exec(message);
  ui.errorJump.hidden = !at || !text;
  ui.errorJump.onclick = at && text
    ? () => {
        const offset = lineColumnOffset(text, Number(at[1]), Number(at[2]));
        selectRange(offset, Math.min(offset + 1, text.length), true);
      }
    : null;
  ui.error.scrollIntoView({ block: 'nearest', behavior: 'instant' });
}

/** UTF-16 offset of a 1-based line and column (serde_json counts columns in bytes; close enough
 * for a jump, and exact for ASCII lines). */
function lineColumnOffset(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l += 1) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) break;
    offset = nl + 1;
  }
  const end = text.indexOf('\n', offset);
  const lineText = text.slice(offset, end < 0 ? text.length : end);
  // Columns are UTF-8 bytes: walk the line's characters until that many bytes are passed.
  let bytes = 0;
  let i = 0;
  for (const ch of lineText) {
    if (bytes >= column - 1) break;
    const cp = ch.codePointAt(0);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  return offset + i;
}

// ---- Jumps into the draft ------------------------------------------------------------------------

/** UTF-16 offsets of code-point offsets (the module counts characters as Rust chars). */
function utf16Offsets(text, ...points) {
  const out = [];
  const wanted = points.map((p, i) => [p, i]).sort((a, b) => a[0] - b[0]);
  let cp = 0;
  let unit = 0;
  let k = 0;
  while (k < wanted.length) {
    if (wanted[k][0] <= cp || unit >= text.length) {
      out[wanted[k][1]] = unit;
      k += 1;
      continue;
    }
    const code = text.charCodeAt(unit);
    unit += code >= 0xd800 && code <= 0xdbff && unit + 1 < text.length ? 2 : 1;
    cp += 1;
  }
  return out;
}

let mirror = null;

/** The height of the draft's text before `offset`, as the textarea lays it out. */
function textHeightBefore(offset) {
  const ta = ui.draft;
  if (!mirror) {
    mirror = el('div', 'pv-mirror');
    mirror.setAttribute('aria-hidden', 'true');
    document.body.append(mirror);
  }
  const style = getComputedStyle(ta);
  for (const prop of ['font-family', 'font-size', 'line-height', 'letter-spacing', 'padding-left', 'padding-right', 'padding-top', 'border-left-width', 'border-right-width', 'tab-size']) {
    mirror.style.setProperty(prop, style.getPropertyValue(prop));
  }
  mirror.style.setProperty('width', `${ta.clientWidth}px`);
  mirror.textContent = `${ta.value.slice(0, offset)}\u200b`;
  return mirror.scrollHeight;
}

/** Selects `[start, end)` (UTF-16 units) in the draft, scrolls it into view and focuses it. */
function selectRange(start, end, focus = true) {
  const ta = ui.draft;
  ta.focus({ preventScroll: true });
  ta.setSelectionRange(start, end);
  const top = textHeightBefore(start);
  ta.scrollTop = Math.max(0, top - ta.clientHeight / 3);
  ta.scrollIntoView({ block: 'nearest', behavior: 'instant' });
  if (!focus) ta.blur();
}

/** Jumps to a span the module gave (`[start, end]` in characters). */
function jumpTo(span) {
  if (!Array.isArray(span) || span.length !== 2) return;
  const [start, end] = utf16Offsets(ui.draft.value, Number(span[0]) || 0, Number(span[1]) || 0);
  selectRange(start, end);
}

// ---- Showing the result ----------------------------------------------------------------------

function showEmpty() {
  current = null;
  for (const panel of PANELS) panel.hidden = true;
  ui.empty.hidden = false;
  ui.charts.replaceChildren();
}

function show(result) {
  current = result;
  plan = null;
  publishUi.result.hidden = true;
  syncPublishButton();
  ui.empty.hidden = true;
  for (const panel of PANELS) panel.hidden = false;
  showSummary(result);
  showFindings(result);
  showCharts(result);
  showFigures(result);
  showLinks(result);
  showDiff(result);
  const { error, warning } = result.counts;
  $('nav-checks').textContent = `一致性检查（错误${error}，警告${warning}）`;
  $('nav-charts').textContent = `图表（${result.charts?.length ?? 0}）`;
}

function showSummary({ format, release, report }) {
  const rows = [
    ['格式', FORMAT_NAMES[format] ?? format],
    ['标题', release.title || '（无标题）'],
    ['时期', release.period],
    ['数据状态', release.status],
    [
      '内容',
      `${release.facts}项指标，${release.sentences}个句子，${release.sections}个章节，${release.breakdowns}组构成，${release.tables}张表格` +
        (release.ratios ? `，${release.ratios}组比例` : '') +
        (release.series ? `，${release.series}个序列` : ''),
    ],
  ];
  ui.summary.replaceChildren(
    ...rows.flatMap(([term, value]) => {
      const dt = el('dt', undefined, term);
      const dd = el('dd', undefined, value);
      return [dt, dd];
    }),
  );
  const notes = report?.notes ?? [];
  ui.notesBlock.hidden = notes.length === 0;
  ui.notes.replaceChildren(...notes.map((n) => el('li', undefined, n)));
  const unparsed = report?.unparsed ?? [];
  ui.unparsedBlock.hidden = unparsed.length === 0;
  $('unparsed-heading').textContent = `未能识别的句子（${unparsed.length}）`;
  ui.unparsed.replaceChildren(
    ...unparsed.map((u) => {
      const li = el('li', 'pv-unparsed');
      const quote = el('q', 'pv-quote', u.text);
      const why = el('span', 'pv-reason', u.reason);
      li.append(quote, why, button('在草稿中查看', 'pv-button pv-button--small pv-jump', () => jumpTo(u.span)));
      return li;
    }),
  );
}

/**
 * Where a finding is, in the draft's own terms: the sentence (or CSV row) of prose and CSV drafts,
 * whose ids the importer made up and staff never see; the item and field of a JSON draft, whose
 * ids staff wrote.
 */
function locationText(finding) {
  const loc = finding.location ?? {};
  if (finding.sentence_index && current?.format !== 'json') return `第${finding.sentence_index}句`;
  const parts = [];
  if (finding.sentence_index) parts.push(`第${finding.sentence_index}句`);
  const field = loc.field ? `${loc.subject}.${loc.field}` : loc.subject;
  if (field) parts.push(`字段 ${field}`);
  return parts.join(' · ');
}

function showFindings({ findings, counts }) {
  ui.filters.replaceChildren(
    ...FILTERS.map((f) => {
      const n = f.key === 'problems' ? counts.error + counts.warning + counts.info : f.key === 'all' ? findings.length : counts[f.key];
      const b = button('', `pv-filter pv-filter--${f.key}`, () => {
        filter = f.key;
        showFindings(current);
      });
      if (f.icon) b.append(el('span', 'pv-icon', f.icon));
      b.append(el('span', undefined, `${f.label} ${n}`));
      b.setAttribute('aria-pressed', String(filter === f.key));
      b.dataset.filter = f.key;
      return b;
    }),
  );
  const active = FILTERS.find((f) => f.key === filter) ?? FILTERS[0];
  const shown = findings.filter((f) => active.match(f.severity));
  ui.findings.replaceChildren(
    ...shown.map((finding) => {
      const severity = SEVERITIES.find((s) => s.key === finding.severity) ?? SEVERITIES[2];
      const li = el('li', `pv-finding pv-finding--${severity.key}`);
      li.dataset.severity = severity.key;
      const badge = el('span', `pv-badge pv-badge--${severity.key}`);
      badge.append(el('span', 'pv-icon', severity.icon), el('span', undefined, finding.label ?? severity.label));
      const message = el('p', 'pv-finding__message', finding.message);
      const head = el('div', 'pv-finding__head');
      head.append(badge, message);
      li.append(head);
      const where = locationText(finding);
      if (where) {
        if (finding.span) {
          const jump = button(where, 'pv-button pv-button--small pv-jump', () => jumpTo(finding.span));
          jump.setAttribute('aria-label', `${where}：在草稿中查看`);
          li.append(jump);
        } else {
          li.append(el('span', 'pv-location', where));
        }
      }
      if (finding.location?.text) li.append(el('q', 'pv-quote', finding.location.text));
      return li;
    }),
  );
  ui.findingsEmpty.hidden = shown.length > 0;
  ui.findingsEmpty.textContent = findings.length === 0 ? '没有可检查的关系。' : filter === 'problems' ? '没有发现问题：所有检查均通过。' : '没有这一类结果。';
}

// ---- Charts ---------------------------------------------------------------------------------------

function chartWidth() {
  const width = Math.round(ui.charts.clientWidth || 640);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width));
}

/** Parses the SVG the module drew (our own markup, every text escaped) and checks it. */
function svgNode(markup) {
  const svg = parseSvg(markup, '图表模块返回的内容不是 SVG');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('aria-hidden', 'true');
  return svg;
}


function showCharts(result) {
  const charts = result.charts ?? [];
  ui.chartsEmpty.hidden = charts.length > 0;
  const width = chartWidth();
  drawnWidth = width;
  ui.charts.replaceChildren(...charts.map((data, i) => chartCard(data, i, width)));
}

function chartCard(data, index, width) {
  const card = el('figure', 'pv-chart');
  card.dataset.index = String(index);
  card.dataset.chart = String(data.id ?? '');
  const head = el('div', 'pv-chart__head');
  head.append(el('span', 'pv-draft-mark', '征求意见稿'));
  const area = el('div', 'pv-chart__area');
  area.setAttribute('role', 'img');
  const caption = el('figcaption', 'pv-chart__caption');
  const details = el('details', 'pv-chart__table');
  details.append(el('summary', undefined, '查看数据表'));
  const downloads = el('div', 'pv-chart__downloads');
  downloads.setAttribute('role', 'group');
  downloads.setAttribute('aria-label', `下载：${data.title ?? ''}`);
  downloads.append(
    button('下载 SVG', undefined, () => download(index, 'svg', data)),
    button('下载 PNG', undefined, () => download(index, 'png', data)),
    button('下载 CSV', undefined, () => download(index, 'csv', data)),
  );
  card.append(head, area, caption, details, downloads);
  drawChart(card, index, width);
  return card;
}

function drawChart(card, index, width) {
  const area = card.querySelector('.pv-chart__area');
  const caption = card.querySelector('.pv-chart__caption');
  const details = card.querySelector('.pv-chart__table');
  try {
    const drawn = JSON.parse(wasm.render(String(index), width, 'standard', `pv${index}-`));
    area.replaceChildren(svgNode(drawn.svg));
    area.setAttribute('aria-label', String(drawn.title ?? ''));
    caption.textContent = String(drawn.description ?? '');
    const table = dataTable(drawn.table, 'pv-table', 'pv-num');
    details.replaceChildren(details.firstElementChild, table);
    card.dataset.state = 'ready';
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) throw err;
    area.replaceChildren(el('p', 'pv-chart__error', `图表无法显示：${messageOf(err)}`));
    area.removeAttribute('role');
    card.dataset.state = 'error';
  }
}

function redrawCharts() {
  if (!current || !wasm) return;
  const width = chartWidth();
  if (width === drawnWidth) return;
  drawnWidth = width;
  try {
    for (const card of ui.charts.querySelectorAll('.pv-chart')) drawChart(card, Number(card.dataset.index), width);
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) recover().then((message) => showError(message));
  }
}

function fileName(data, extension) {
  const safe = `${data.release ?? 'draft'}-${data.id ?? 'chart'}`.replace(/[^\w\u4e00-\u9fff-]+/g, '_');
  return `${safe}-征求意见稿.${extension}`;
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function download(index, format, data) {
  try {
    if (format === 'csv') {
      save(new Blob([wasm.export_chart(index, 'csv')], { type: 'text/csv;charset=utf-8' }), fileName(data, 'csv'));
    } else if (format === 'svg') {
      save(new Blob([wasm.export_chart(index, 'svg')], { type: 'image/svg+xml' }), fileName(data, 'svg'));
    } else {
      save(await pngOf(wasm.export_chart(index, 'svg')), fileName(data, 'png'));
    }
    ui.status.textContent = `已生成下载：${fileName(data, format)}`;
  } catch (err) {
    ui.status.textContent = `下载失败：${messageOf(err)}`;
  }
}

/** A PNG at 2× drawn from the SVG on a canvas, with the browser's fonts. */
async function pngOf(svgBytes) {
  const url = URL.createObjectURL(new Blob([svgBytes], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = 2;
    const canvas = el('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('无法生成 PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

// ---- Figures and the comparison ----------------------------------------------------------------

function showFigures({ figures }) {
  const computed = figures?.computed ?? [];
  ui.figuresHelp.textContent = `由草稿中的${figures?.stated?.length ?? 0}项指标计算出${computed.length}个数值（四舍五入显示，计算用精确值）。`;
  const body = ui.figures.tBodies[0];
  body.replaceChildren(
    ...computed.map((f) => {
      const tr = el('tr');
      const name = el('th', undefined, f.name);
      name.scope = 'row';
      const value = el('td', 'pv-num', f.display ?? (f.undefined ? `无法计算（${undefinedText(f.undefined)}）` : '—'));
      tr.append(name, value, el('td', 'pv-method', f.method));
      return tr;
    }),
  );
}

/**
 * The draft's indicators and the registry's they are linked to, each with a choice: a fact linked
 * to the right indicator joins its series, and its charts over time gain this period.
 */
function showLinks({ links: rows = [], registry = [] }) {
  const body = ui.links.tBodies[0];
  body.replaceChildren(
    ...rows.map((row) => {
      const tr = el('tr');
      if (row.via === 'none') tr.className = 'pv-unlinked';
      const name = el('th', undefined, row.name);
      name.scope = 'row';
      const select = el('select', 'pv-link-select');
      select.setAttribute('aria-label', `${row.name}（${row.period}）关联到的指标`);
      const none = el('option', undefined, '（不关联：新指标）');
      none.value = '';
      select.append(none, ...registry.map(([id, label]) => {
        const option = el('option', undefined, `${label}（${id}）`);
        option.value = id;
        return option;
      }));
      select.value = row.indicator ?? '';
      select.addEventListener('change', () => {
        links = { ...links, [row.fact]: select.value };
        analyse();
        // The table is drawn again: the choice keeps its focus.
        ui.links.querySelector(`select[data-fact="${CSS.escape(row.fact)}"]`)?.focus();
      });
      select.dataset.fact = row.fact;
      const how = el('span', 'pv-link-how', row.via === 'set' ? '（已改选）' : row.via === 'none' ? '（未关联）' : '');
      const cell = el('td');
      cell.append(select, how);
      tr.append(name, el('td', undefined, row.period), cell);
      return tr;
    }),
  );
  const unlinked = rows.filter((r) => r.via === 'none').length;
  $('nav-links').textContent = `指标关联（未关联${unlinked}）`;
}

function undefinedText(why) {
  if (typeof why === 'string') return why;
  if (typeof why?.reason === 'string') return why.reason;
  if (why && typeof why === 'object') return Object.keys(why).join('、');
  return '未定义';
}

/** A jump button for an item of the comparison, when the draft says where it is. */
function diffJump(anchors, ...ids) {
  const span = ids.map((id) => (id ? anchors?.[id] : undefined)).find(Boolean);
  return span ? [button('在草稿中查看', 'pv-button pv-button--small pv-jump', () => jumpTo(span))] : [];
}

function showDiff({ diff, anchors }) {
  if (!diff) {
    ui.diff.replaceChildren(el('p', 'pv-empty', '没有可比较的已发布版本：网站上没有同一时期的同名指标，本稿将作为新一期发布（发布后的变化见「发布」）。'));
    return;
  }
  const parts = [el('p', undefined, `与已发布的《${diff.title || diff.published}》比较：${diff.changed.length}处数值改动，新增${diff.added.length}项，删去${diff.removed.length}项，${diff.unchanged}项未变。`)];

  parts.push(el('h3', undefined, '改动的数值'));
  if (diff.changed.length) {
    const wrap = el('div', 'pv-table-wrap');
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', '改动的数值');
    const t = el('table', 'pv-table pv-diff-table');
    const head = t.createTHead().insertRow();
    for (const c of ['指标', '项目', '已发布', '草稿']) {
      const th = el('th', undefined, c);
      th.scope = 'col';
      head.append(th);
    }
    const body = t.createTBody();
    for (const c of diff.changed) {
      const tr = body.insertRow();
      const name = el('th', undefined, c.name);
      name.scope = 'row';
      const oldCell = el('td', 'pv-old');
      oldCell.append(el('del', undefined, c.published || '（无）'));
      const newCell = el('td', 'pv-new');
      newCell.append(el('ins', undefined, c.draft || '（无）'), ...diffJump(anchors, c.draft_id, c.sentence));
      tr.append(name, el('td', undefined, c.label ?? c.field), oldCell, newCell);
    }
    wrap.append(t);
    parts.push(wrap);
  } else {
    parts.push(el('p', 'pv-empty', '没有改动的数值。'));
  }
  for (const [title, list, none, inDraft] of [
    ['草稿新增的指标', diff.added, '没有新增的指标。', true],
    ['已发布版本有、草稿中没有的指标', diff.removed, '没有删去的指标。', false],
  ]) {
    parts.push(el('h3', undefined, title));
    if (list.length) {
      const ul = el('ul', 'pv-list');
      ul.append(
        ...list.map((e) => {
          const li = el('li', undefined, e.figures ? `${e.name}：${e.figures}` : e.name);
          if (inDraft) li.append(' ', ...diffJump(anchors, e.id, e.sentence));
          return li;
        }),
      );
      parts.push(ul);
    } else {
      parts.push(el('p', 'pv-empty', none));
    }
  }
  ui.diff.replaceChildren(...parts);
}


// ---- Input: typing, files, samples ----------------------------------------------------------

/** Decodes a file's bytes: UTF-8 (with or without BOM), else GB18030 (Windows Chinese text). */
function decode(bytes, name) {
  if (bytes.subarray(0, 4096).includes(0)) {
    throw new Error(`${name} 不是文本文件（可能是 Word 或 Excel 文件）：请另存为纯文本（.txt）或 CSV，或直接复制粘贴内容。`);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), note: '' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), note: '（按 GB18030 编码读取）' };
  }
}

async function loadFile(file) {
  origin = file.name || '文件';
  if (file.size > MAX_BYTES) {
    showError(`${origin}：文件有 ${mib(file.size)} MiB（${file.size} 字节），超过单份草稿 4 MiB 的上限，未读取。`);
    return;
  }
  try {
    const { text, note } = decode(new Uint8Array(await file.arrayBuffer()), origin);
    const extension = (/\.(\w+)$/.exec(file.name)?.[1] ?? '').toLowerCase();
    setDraft(text, { json: 'json', csv: 'csv', txt: 'text', md: 'text' }[extension] ?? 'auto');
    if (note) ui.status.textContent += note;
  } catch (err) {
    showError(messageOf(err));
  }
}

function setDraft(text, format = 'auto') {
  links = {};
  ui.draft.value = text;
  ui.format.value = format;
  ui.draft.scrollTop = 0;
  analyse();
}

async function loadSample(buttonEl) {
  const url = new URL(buttonEl.dataset.sample, document.baseURI);
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    origin = `示例“${buttonEl.textContent}”`;
    // Samples are read as any draft is, by content: the format stays 自动识别 for what is pasted next.
    setDraft(await response.text(), 'auto');
  } catch (err) {
    showError(`示例“${buttonEl.textContent}”无法载入（${url.pathname}：${messageOf(err)}）。`);
  }
}

ui.draft.addEventListener('input', schedule);
ui.format.addEventListener('change', analyse);
ui.clear.addEventListener('click', () => {
  origin = '粘贴的文本';
  setDraft('');
  ui.draft.focus();
});
ui.file.addEventListener('change', () => {
  const file = ui.file.files?.[0];
  if (file) loadFile(file);
  ui.file.value = '';
});
for (const b of document.querySelectorAll('[data-sample]')) b.addEventListener('click', () => loadSample(b));
ui.draft.addEventListener('paste', () => {
  links = {};
  // Whatever was loaded before, the draft is now (partly) pasted text.
  origin = '粘贴的文本';
});

ui.drop.addEventListener('dragover', (event) => {
  if (![...(event.dataTransfer?.types ?? [])].includes('Files')) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  ui.drop.classList.add('pv-drop--over');
});
ui.drop.addEventListener('dragleave', () => ui.drop.classList.remove('pv-drop--over'));
ui.drop.addEventListener('drop', (event) => {
  ui.drop.classList.remove('pv-drop--over');
  const file = event.dataTransfer?.files?.[0];
  if (!file) return;
  event.preventDefault();
  loadFile(file);
});

ui.downloadRelease.addEventListener('click', () => {
  try {
    const json = wasm.release_json();
    const id = (current?.release?.id || 'draft').replace(/[^\w\u4e00-\u9fff-]+/g, '_');
    save(new Blob([json], { type: 'application/json' }), `${id}-征求意见稿.json`);
    ui.status.textContent = `已生成下载：${id}-征求意见稿.json`;
  } catch (err) {
    ui.status.textContent = `下载失败：${messageOf(err)}`;
  }
});

// 发布: the served site this page publishes into is the folder it is in, or `?site=sample/`
// (same origin only); the publication is made by the module, as `xixia-stats publish` makes it.
const SITE = (() => {
  const wanted = new URL(new URLSearchParams(location.search).get('site') ?? './', document.baseURI);
  return wanted.origin === location.origin ? wanted : new URL('./', document.baseURI);
})();

/** The served site's content, as the module takes it: every release file, the chart
 * specification, the indicator registry and the page templates. */
async function siteFiles() {
  const get = async (path, optional = false) => {
    const response = await fetch(new URL(path, SITE), { cache: 'no-store' });
    if (!response.ok) {
      if (optional) return '';
      throw new Error(`${path}：HTTP ${response.status}`);
    }
    return response.text();
  };
  const indexText = await get('data/charts/index.json');
  let index;
  try {
    index = JSON.parse(indexText);
  } catch (err) {
    throw new Error(`data/charts/index.json：${err.message}`);
  }
  // A release file that cannot be fetched is left out by the module, with its reason; so is one
  // that does not read.
  const releases = await Promise.all((index.releases ?? []).map(async (r) => {
    try {
      return [r.id, await get(`data/content/releases/${encodeURIComponent(r.id)}.json`), null];
    } catch (err) {
      return [r.id, null, err.message];
    }
  }));
  const names = JSON.parse((await get('data/content/pages/index.json', true)) || '[]');
  const pages = await Promise.all(names.map(async (name) => [name, await get(`data/content/pages/${encodeURIComponent(name)}`)]));
  return { releases, index: indexText, charts: await get('data/content/charts.json'), indicators: await get('data/content/indicators.json', true), pages };
}


function syncPublishButton() {
  publishUi.zip.disabled = !plan || (plan.errors.length > 0 && !publishUi.confirm.checked);
}

publishUi.plan.addEventListener('click', async () => {
  plan = null;
  syncPublishButton();
  publishUi.result.hidden = true;
  ui.status.textContent = '正在生成发布内容…';
  try {
    const files = await siteFiles();
    // Of the release files that do not read, the chart data the site still has: their entries in
    // the list of releases stay.
    const { skipped_chart_files: skipped } = wasm.use_site(JSON.stringify(files));
    const present = (await Promise.all(skipped.map(async (path) => {
      const response = await fetch(new URL(path, SITE), { cache: 'no-store' }).catch(() => null);
      return response?.ok ? path : null;
    }))).filter(Boolean);
    plan = wasm.plan_publication(JSON.stringify(present), publishUi.date.value);
  } catch (err) {
    ui.status.textContent = `无法生成发布内容：${messageOf(err)}`;
    return;
  }
  publishUi.changes.replaceChildren(...plan.changes.map((c) => el('li', undefined, c)));
  publishUi.errors.replaceChildren(...plan.errors.map((e) => el('li', undefined, e)));
  publishUi.errorsBlock.hidden = plan.errors.length === 0;
  publishUi.skipped.replaceChildren(...plan.skipped.map((s) => el('li', undefined, s)));
  publishUi.skippedBlock.hidden = plan.skipped.length === 0;
  publishUi.confirm.checked = false;
  publishUi.files.textContent = `共${plan.files.length}个文件，发布编号 ${plan.id}（第${plan.version}版）。下载时另加各图表的 PNG 图片（由本浏览器按其字体绘制）。`;
  publishUi.result.hidden = false;
  syncPublishButton();
  ui.status.textContent = plan.errors.length ? `发布内容已生成；本稿有${plan.errors.length}处错误，确认后方可下载。` : '发布内容已生成，请核对后下载。';
});
publishUi.confirm.addEventListener('change', syncPublishButton);
/**
 * The PNG downloads of the publication's charts, drawn by this browser from their SVG downloads
 * (the module has no CJK font), added to it once; a chart whose PNG cannot be drawn is said.
 */
async function addPngs(made) {
  if (made.pngs) return [];
  const failed = [];
  for (const [path] of made.files.filter(([p]) => p.startsWith('data/export/') && p.endsWith('.svg'))) {
    try {
      const png = await pngOf(wasm.publication_file(path));
      wasm.add_publication_png(path, new Uint8Array(await png.arrayBuffer()));
    } catch (err) {
      failed.push(`${path}：${messageOf(err)}`);
    }
  }
  made.pngs = true;
  return failed;
}

publishUi.zip.addEventListener('click', async () => {
  if (publishUi.zip.disabled || !plan) return;
  const made = plan;
  try {
    publishUi.zip.disabled = true;
    ui.status.textContent = '正在绘制 PNG 图片并打包…';
    const failed = await addPngs(made);
    if (made !== plan) return;
    syncPublishButton();
    const bytes = wasm.publication_zip();
    save(new Blob([bytes], { type: 'application/zip' }), `${plan.id}-v${plan.version}.zip`);
    ui.status.textContent = `已生成发布包：${plan.id}-v${plan.version}.zip${failed.length ? `；${failed.length}张 PNG 未能绘制：${failed.join('；')}` : ''}`;
  } catch (err) {
    syncPublishButton();
    ui.status.textContent = `发布包生成失败：${messageOf(err)}`;
  }
});

let resizeTimer = 0;
new ResizeObserver(() => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(redrawCharts, 150);
}).observe(ui.charts);

/** What the module took of the served site (`use_site`), said under the status once it is ready. */
let siteRead = '';

/** Gives the module the served site, so drafts are linked, charted and compared with what it
 * publishes; if it cannot be fetched, the module keeps the content it carries, and staff are told. */
async function useServedSite() {
  try {
    const read = wasm.use_site(JSON.stringify(await siteFiles()));
    siteRead = `比较与发布对象：${SITE.pathname}（已发布${read.releases}期，最新《${read.newest ?? '—'}》）`;
    if (read.skipped.length) siteRead += `；${read.skipped.length}个发布文件无法读取，已跳过：${read.skipped.join('；')}`;
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) throw err;
    siteRead = `未能读取网站的已发布内容（${messageOf(err)}），比较按预览自带的西夏区数据。`;
  }
  ui.site.textContent = siteRead;
}

loadModule().then(useServedSite).then(
  () => {
    ui.status.textContent = '预览模块已就绪。请粘贴或拖入草稿。';
    document.documentElement.dataset.ready = 'true';
    if (ui.draft.value.trim()) analyse();
  },
  (err) => showError(`预览模块加载失败：${messageOf(err)}。请刷新页面；仍不行请联系技术人员。`),
);
