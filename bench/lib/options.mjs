// Chart data (the JSON array `cargo run -- chart-data` prints) → ECharts options, one per chart, so the
// ECharts page shows the same figures as ours: same titles, categories, values, printed labels,
// reference lines, notes and sources, with our palette. Options are plain JSON (no functions): every
// label is the printed text, set per data item.
//
// Animation is off (our charts have none), so 'finished' marks the end of drawing, not of an animation.

/** Our palette (src/chart/palette.rs). */
export const PALETTE = ['#1F5FA8', '#B35300', '#00785A', '#9E4A7C', '#006B9E', '#7A6200'];
const NEGATIVE = '#B3261E';
const HIGHLIGHT = '#0B3D75';
const TEXT = '#1A1A1A';
const MUTED = '#4D4D4D';
const AXIS = '#595959';
const GRID = '#DDDDDD';
const TARGET = '#111111';
const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** A decimal string ("12.10") as a number for drawing; null stays null. */
const num = (value) => (value === null || value === undefined ? null : Number(value));

/** ECharts reads `{…}` in formatters as templates; printed labels have none, but be safe. */
const literal = (text) => String(text ?? '').replace(/[{}]/g, '');

function footer(chart) {
  const lines = [...(chart.notes ?? []), [chart.source, chart.status].filter(Boolean).join(' · ')];
  return lines.filter(Boolean).join('\n');
}

function base(chart, { legend = false } = {}) {
  const notes = footer(chart);
  const noteLines = notes ? notes.split('\n').length : 0;
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: FONT, color: TEXT },
    aria: { enabled: true, label: { description: chart.description || chart.title } },
    title: [
      {
        text: chart.title,
        subtext: chart.subtitle,
        left: 0,
        top: 0,
        padding: 0,
        itemGap: 6,
        textStyle: { fontSize: 15, fontWeight: 'bold', color: TEXT },
        subtextStyle: { fontSize: 12, color: MUTED },
      },
      ...(notes
        ? [{ text: notes, left: 0, bottom: 0, padding: 0, textStyle: { fontSize: 11, fontWeight: 'normal', color: MUTED, lineHeight: 16 } }]
        : []),
    ],
    legend: legend
      ? { top: 46, left: 0, itemWidth: 12, itemHeight: 12, textStyle: { fontSize: 12, color: TEXT } }
      : { show: false },
    tooltip: { trigger: 'item', confine: true },
    _footerLines: noteLines,
  };
}

function grid(o, { top = 58, legend = false } = {}) {
  const bottom = o._footerLines ? o._footerLines * 16 + 10 : 6;
  return {
    left: 4,
    right: 36,
    top: legend ? top + 26 : top,
    bottom,
    outerBoundsMode: 'same',
    outerBoundsContain: 'axisLabel',
  };
}

const valueAxis = (unit) => ({
  type: 'value',
  axisLabel: { color: AXIS, fontSize: 11 },
  axisLine: { show: true, lineStyle: { color: AXIS } },
  splitLine: { lineStyle: { color: GRID } },
  name: unit === '%' ? '' : unit,
  nameTextStyle: { color: MUTED, fontSize: 11 },
});

const categoryAxis = (categories, extra = {}) => ({
  type: 'category',
  data: categories,
  axisTick: { show: false },
  axisLine: { lineStyle: { color: AXIS } },
  axisLabel: { color: TEXT, fontSize: 12, interval: 0, ...extra },
});

function label(text, position, extra = {}) {
  return { show: true, position, formatter: literal(text), color: TEXT, fontSize: 12, ...extra };
}

/** Vertical columns (gdp-by-industry): category notes ("增长0.7%") under the category names. */
function column(chart) {
  const o = base(chart);
  const [series] = chart.series;
  const notes = chart.category_notes ?? [];
  const categories = chart.categories.map((c, i) => (notes[i] ? `${c}\n${notes[i]}` : c));
  o.grid = grid(o);
  o.xAxis = categoryAxis(categories, { lineHeight: 16 });
  o.yAxis = valueAxis(chart.unit);
  o.series = [
    {
      type: 'bar',
      name: series.name,
      barMaxWidth: 64,
      data: series.values.map((v, i) => ({
        value: num(v),
        itemStyle: { color: num(v) < 0 ? NEGATIVE : PALETTE[0] },
        label: label(series.labels[i], num(v) < 0 ? 'bottom' : 'top', { fontWeight: 'bold' }),
      })),
    },
  ];
  return o;
}

/** Donut with the total in the middle and a legend with the shares. */
function donut(chart) {
  const o = base(chart);
  const [series] = chart.series;
  const [centerTitle, centerValue] = chart.center ?? [];
  if (centerTitle) {
    o.title.push({
      text: centerTitle,
      subtext: centerValue,
      left: '35%',
      top: '48%',
      textAlign: 'center',
      textVerticalAlign: 'middle',
      itemGap: 4,
      textStyle: { fontSize: 12, fontWeight: 'normal', color: MUTED },
      subtextStyle: { fontSize: 15, fontWeight: 'bold', color: TEXT },
    });
  }
  o.legend = {
    orient: 'vertical',
    right: 8,
    top: 'middle',
    itemWidth: 12,
    itemHeight: 12,
    textStyle: { fontSize: 12, color: TEXT },
    data: chart.categories,
  };
  o.series = [
    {
      type: 'pie',
      name: series.name,
      radius: ['42%', '66%'],
      center: ['35%', '52%'],
      avoidLabelOverlap: true,
      data: chart.categories.map((c, i) => ({
        name: c,
        value: num(series.values[i]),
        label: label(`${series.labels[i]}${chart.unit === '%' ? '%' : ''}`, 'outside', { fontWeight: 'bold', overflow: 'none' }),
      })),
    },
  ];
  return o;
}

/** Horizontal bars, ranked (industry-growth, product-growth, services-by-sector) or grouped. */
function horizontal(chart) {
  const grouped = chart.series.length > 1;
  const o = base(chart, { legend: grouped });
  o.grid = grid(o, { legend: grouped });
  o.yAxis = categoryAxis(chart.categories, { width: 150, overflow: 'break', lineHeight: 15 });
  o.yAxis.inverse = true;
  o.xAxis = valueAxis(chart.unit);
  o.tooltip = { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true };
  o.series = chart.series.map((s, k) => ({
    type: 'bar',
    name: s.name,
    barMaxWidth: grouped ? 12 : 16,
    barGap: '15%',
    data: s.values.map((v, i) => ({
      value: num(v),
      itemStyle: { color: num(v) < 0 ? NEGATIVE : PALETTE[k % PALETTE.length] },
      label: label(s.labels[i], num(v) < 0 ? 'left' : 'right', { fontSize: 11 }),
    })),
  }));
  return o;
}

/** 100 % stacked horizontal bars (structure-comparison). */
function stackedPercent(chart) {
  const o = base(chart, { legend: true });
  o.grid = grid(o, { legend: true });
  o.yAxis = categoryAxis(chart.categories, { width: 130, overflow: 'break', lineHeight: 15 });
  o.yAxis.inverse = true;
  o.xAxis = { ...valueAxis(chart.unit), max: 100, axisLabel: { color: AXIS, fontSize: 11, formatter: '{value}%' } };
  o.series = chart.series.map((s) => ({
    type: 'bar',
    name: s.name,
    stack: 'total',
    barMaxWidth: 22,
    data: s.values.map((v, i) => ({
      value: num(v),
      label: label(s.labels[i], 'inside', { color: '#FFFFFF', fontSize: 11, show: num(v) >= 4 }),
    })),
  }));
  return o;
}

/** Stacked columns of cumulative spending, the pace line, the total and its share above (sanbao). */
function cumulative(chart) {
  const o = base(chart, { legend: true });
  o.grid = grid(o, { legend: true });
  o.xAxis = categoryAxis(chart.categories);
  o.yAxis = valueAxis(chart.unit);
  o.tooltip = { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true };
  const [total, share] = chart.extra_columns ?? [];
  const last = chart.series.length - 1;
  o.series = chart.series.map((s, k) => ({
    type: 'bar',
    name: s.name,
    stack: 'total',
    barMaxWidth: 56,
    data: s.values.map((v, i) => ({
      value: num(v),
      label:
        k === last && total
          ? label([total.labels[i], share?.labels[i] ? `占全年${share.labels[i]}` : ''].filter(Boolean).join('\n'), 'top', { fontWeight: 'bold' })
          : label(s.labels[i], 'inside', { color: '#FFFFFF', fontSize: 10, show: num(v) / Math.max(...chart.series.map((x) => num(x.values[i]))) > 0.25 }),
    })),
  }));
  if (chart.reference) {
    o.series.push({
      type: 'line',
      name: chart.reference.label,
      symbol: 'none',
      lineStyle: { type: 'dashed', color: TARGET, width: 1.5 },
      itemStyle: { color: TARGET },
      data: chart.reference.values.map((v, i) => ({ value: num(v), label: label(chart.reference.labels[i], 'top', { show: false }) })),
    });
  }
  return o;
}

/** Progress of each fund against the target line (direct-funds-progress); the total first, darker. */
function progress(chart) {
  const o = horizontal({ ...chart, series: chart.series.slice(0, 1) });
  const bars = o.series[0];
  bars.data[0].itemStyle.color = HIGHLIGHT;
  bars.barMaxWidth = 12;
  o.yAxis.axisLabel = { ...o.yAxis.axisLabel, width: 170, fontSize: 11 };
  if (chart.reference) {
    bars.markLine = {
      symbol: 'none',
      silent: true,
      lineStyle: { type: 'dashed', color: TARGET, width: 1.5 },
      label: { formatter: literal(chart.reference.labels[0] ? chart.reference.label : ''), position: 'end', color: TARGET, fontSize: 11 },
      data: [{ xAxis: num(chart.reference.values[0]) }],
    };
  }
  return o;
}

/** Lines over time (an indicator's growth against the regions): a marker per period, the
 * regions dashed, a gap where a period has no figure, the latest value labelled. */
function line(chart) {
  const o = base(chart, { legend: chart.series.length > 1 });
  o.grid = grid(o, { legend: chart.series.length > 1 });
  o.xAxis = categoryAxis(chart.axis_labels?.length ? chart.axis_labels : chart.categories, { interval: 'auto' });
  o.yAxis = valueAxis(chart.unit);
  o.tooltip = { trigger: 'axis', confine: true };
  o.series = chart.series.map((s, k) => {
    const last = s.values.findLastIndex((v) => v !== null);
    return {
      type: 'line',
      name: s.name,
      connectNulls: false,
      symbol: ['circle', 'rect', 'triangle', 'diamond'][k % 4],
      symbolSize: 8,
      lineStyle: { width: 2, type: k === 0 ? 'solid' : 'dashed' },
      data: s.values.map((v, i) => ({ value: num(v), label: label(s.labels[i], 'right', { show: i === last, fontWeight: 'bold' }) })),
    };
  });
  return o;
}

/** Levels as columns (left axis) and growth as a line (right axis, %). */
function combo(chart) {
  const o = base(chart, { legend: true });
  o.grid = grid(o, { legend: true });
  o.xAxis = categoryAxis(chart.axis_labels?.length ? chart.axis_labels : chart.categories);
  o.yAxis = [valueAxis(chart.unit), { ...valueAxis('%'), splitLine: { show: false } }];
  o.tooltip = { trigger: 'axis', confine: true };
  const [levels, growth] = chart.series;
  o.series = [
    { type: 'bar', name: levels.name, barMaxWidth: 56, data: levels.values.map((v, i) => ({ value: num(v), label: label(levels.labels[i], 'top') })) },
    ...(growth
      ? [{ type: 'line', name: growth.name, yAxisIndex: 1, symbol: 'circle', symbolSize: 8, connectNulls: false, data: growth.values.map((v, i) => ({ value: num(v), label: label(growth.labels[i], 'top') })) }]
      : []),
  ];
  return o;
}

const BUILDERS = {
  line,
  combo,
  column,
  donut,
  bar: horizontal,
  grouped: horizontal,
  stacked_percent: stackedPercent,
  cumulative,
  progress,
};

/** The ECharts option for one chart of `chart-data`. Unknown kinds fail loudly. */
export function optionFor(chart) {
  const build = BUILDERS[chart.kind];
  if (!build) throw new Error(`bench: no ECharts option for chart kind "${chart.kind}" (${chart.id})`);
  const option = build(chart);
  delete option._footerLines;
  return option;
}

/** What the ECharts bundle must register for these options (checked at build time). */
export function seriesTypes(options) {
  return [...new Set(Object.values(options).flatMap((o) => o.series.map((s) => s.type)))].sort();
}
