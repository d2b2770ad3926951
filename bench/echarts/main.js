// The ECharts page's script (bundled by bench/lib/build.mjs with esbuild into dist/echarts-page.js):
// the same charts as www/index.html, drawn by ECharts 6 with the SVG renderer, tree-shaken to what the
// options use. Each chart's container gets the height-to-width ratio of our chart (bench/run.mjs passes
// the ratios it measured on our page as window.__benchSizes; standalone, a default).
//
// Every time a chart has finished drawing, its container fires `echarts-bench-render` (bubbling,
// detail.width), the counterpart of our element's `xixia-stat-render`, so the runner measures both
// pages the same way. On a window resize every instance's resize() is called.

import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import options from './options.generated.js';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

const DEFAULT_RATIO = 0.7;
const sizes = globalThis.__benchSizes ?? {};
const instances = [];

for (const el of document.querySelectorAll('.echart[data-chart]')) {
  const id = el.dataset.chart;
  const option = options[`${el.dataset.release}/${id}`];
  if (!option) {
    el.textContent = `no option for ${id}`;
    continue;
  }
  el.style.setProperty('--ratio', String(sizes[id] ?? DEFAULT_RATIO));
  const chart = echarts.init(el, null, { renderer: 'svg' });
  chart.on('finished', () => {
    el.dispatchEvent(new CustomEvent('echarts-bench-render', { bubbles: true, detail: { width: chart.getWidth() } }));
  });
  chart.setOption(option);
  instances.push(chart);
}

window.addEventListener('resize', () => {
  for (const chart of instances) chart.resize();
});
