// What the runner injects into every benchmarked page before its own scripts run (through the
// DevTools protocol, so it also runs under a strict CSP). It relies on nothing inside our element:
//
// - render events: our <xixia-stat> fires `xixia-stat-render` (bubbling, detail.width) each time it
//   has put a chart's <svg> in place; the ECharts page fires `echarts-bench-render` on each container
//   when an instance's 'finished' event comes. Both are logged with performance.now() (milliseconds
//   since navigation start), and so is the end of the first frame painted after each;
// - window resize: the time of the first `resize` event after the runner arms it;
// - wasm memory: WebAssembly.instantiate / instantiateStreaming / new WebAssembly.Instance are wrapped
//   to keep every WebAssembly.Memory a module exports (or imports), so the runner can read
//   memory.buffer.byteLength after the charts are drawn.

// - on screen: from the first frame on, a requestAnimationFrame loop looks at every chart element
//   (`selector`) and notes, for each, the first frame in which it holds a drawn chart (an <svg> with
//   marks in it: path, rect, line, polygon; not a placeholder) whose box meets the viewport, and
//   when that frame has been painted. This is the chart as the reader sees it, whoever drew it (the
//   build's pre-rendered SVG, our module, ECharts);
// - layout shifts: every `layout-shift` entry (the Layout Instability API, as CLS counts them),
//   with its time, so the runner can sum them over the load and over a scroll through the page.

/** Runs in the page. Must be self-contained (it is serialised). */
export function instrument(selector) {
  const bench = {
    events: [],
    resizeArmed: false,
    resizeAt: null,
    memories: new Set(),
    ids: new WeakMap(),
    nextId: 0,
    waiters: [],
    /** Per chart element (in document order when first seen): { index, frame, painted, top } */
    screen: new Map(),
    shifts: [],
  };
  Object.defineProperty(window, '__bench', { value: bench });

  const idOf = (el) => {
    if (!bench.ids.has(el)) bench.ids.set(el, bench.nextId++);
    return bench.ids.get(el);
  };
  const check = () => {
    bench.waiters = bench.waiters.filter((w) => !w());
  };
  // `painted`: when the frame after the event has been produced — a message posted from the next
  // requestAnimationFrame callback arrives after that frame's paint. Nothing can paint while a task
  // runs, so a chart drawn early in a long task reaches the screen only when the task ends.
  const channel = new MessageChannel();
  const afterPaint = [];
  channel.port1.onmessage = () => {
    const now = performance.now();
    for (const entry of afterPaint.splice(0)) entry.painted = now;
    check();
  };
  const record = (event) => {
    const entry = { el: idOf(event.target), t: performance.now(), painted: null, width: event.detail?.width ?? null };
    bench.events.push(entry);
    requestAnimationFrame(() => {
      afterPaint.push(entry);
      channel.port2.postMessage(0);
    });
    check();
  };
  // On screen: the frame in which each chart first shows drawn marks inside the viewport.
  const MARKS = 'svg path, svg rect, svg line, svg polygon, svg polyline, svg circle';
  let watching = true;
  const pendingPaint = [];
  const screenChannel = new MessageChannel();
  screenChannel.port1.onmessage = () => {
    const now = performance.now();
    for (const entry of pendingPaint.splice(0)) entry.painted = now;
  };
  const look = (frameTime) => {
    if (!watching) return;
    const els = document.querySelectorAll(selector);
    let found = false;
    els.forEach((el, index) => {
      if (bench.screen.has(el)) return;
      const box = el.getBoundingClientRect();
      if (box.bottom <= 0 || box.top >= innerHeight || box.width === 0) return;
      if (!el.querySelector(MARKS)) return;
      const entry = { index, frame: frameTime, painted: null, top: box.top + scrollY };
      bench.screen.set(el, entry);
      pendingPaint.push(entry);
      found = true;
    });
    if (found) screenChannel.port2.postMessage(0);
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
  bench.stopWatching = () => (watching = false);
  /** The charts seen on screen so far, and which of them meet the viewport now (the first screen at scroll 0). */
  bench.onScreen = () => {
    const out = [];
    document.querySelectorAll(selector).forEach((el, index) => {
      const box = el.getBoundingClientRect();
      const seen = bench.screen.get(el);
      out.push({ index, firstScreen: box.bottom > 0 && box.top < innerHeight && box.width > 0, painted: seen?.painted ?? null, frame: seen?.frame ?? null });
    });
    return out;
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) bench.shifts.push({ t: e.startTime, value: e.value, sources: (e.sources ?? []).map((s) => s.node?.nodeName ?? '?') });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    // no Layout Instability API: no shifts recorded
  }
  /** Sum of the layout shifts between `from` and `to` (ms). */
  bench.shiftBetween = (from = 0, to = Infinity) => bench.shifts.filter((s) => s.t >= from && s.t <= to).reduce((sum, s) => sum + s.value, 0);
  /**
   * Bytes that had arrived by time `t` (ms): per response (the document and every resource), its
   * encoded body (gzip when the server compresses) spread evenly between its first byte and its
   * last. Also the totals so far.
   */
  bench.bytesBy = (t) => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    let before = 0;
    let total = 0;
    const files = [];
    for (const e of entries) {
      const size = e.encodedBodySize || 0;
      total += size;
      const span = e.responseEnd - e.responseStart;
      const share = e.responseEnd <= t ? 1 : e.responseStart >= t ? 0 : span > 0 ? (t - e.responseStart) / span : 1;
      before += size * share;
      files.push({ url: new URL(e.name).pathname, size, start: e.startTime, responseStart: e.responseStart, end: e.responseEnd });
    }
    return { before: Math.round(before), total, files };
  };

  document.addEventListener('xixia-stat-render', record, true);
  document.addEventListener('echarts-bench-render', record, true);
  window.addEventListener(
    'resize',
    () => {
      if (bench.resizeArmed && bench.resizeAt === null) bench.resizeAt = performance.now();
      check();
    },
    true,
  );

  /**
   * Resolves when every element matching `selector` (with `visibleOnly`, those meeting the viewport)
   * has a render event after `since` (a number, or 'resize' for the armed resize time), and that
   * event's frame is painted:
   * { times: [per element, first event after since], painted: [its frame painted], since }.
   */
  bench.waitFor = (selector, since, timeout, { visibleOnly = false } = {}) =>
    new Promise((resolve, reject) => {
      const visible = (el) => {
        const box = el.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight && box.width > 0;
      };
      const done = () => {
        const from = since === 'resize' ? bench.resizeAt : since;
        if (from === null) return false;
        const els = [...document.querySelectorAll(selector)].filter((el) => !visibleOnly || visible(el));
        if (els.length === 0) return false;
        const times = [];
        const painted = [];
        for (const el of els) {
          if (!bench.ids.has(el)) return false;
          const id = bench.ids.get(el);
          const hit = bench.events.find((e) => e.el === id && e.t >= from);
          if (!hit || hit.painted === null) return false;
          times.push(hit.t);
          painted.push(hit.painted);
        }
        clearTimeout(timer);
        const after = bench.events.filter((e) => e.t >= from);
        resolve({ times, painted, since: from, count: els.length, redrawn: new Set(after.map((e) => e.el)).size, widths: after.map((e) => e.width) });
        return true;
      };
      const timer = setTimeout(() => {
        bench.waiters = bench.waiters.filter((w) => w !== done);
        reject(new Error(`timed out after ${timeout} ms waiting for every ${selector} to render`));
      }, timeout);
      if (!done()) bench.waiters.push(done);
    });

  const keep = (instance, imports) => {
    try {
      for (const value of Object.values(instance?.exports ?? {})) {
        if (value instanceof WebAssembly.Memory) bench.memories.add(value);
      }
      for (const ns of Object.values(imports ?? {})) {
        for (const value of Object.values(ns ?? {})) if (value instanceof WebAssembly.Memory) bench.memories.add(value);
      }
    } catch {
      // Instrumentation must never break the page.
    }
    return instance;
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (source, imports, ...rest) {
    return instantiate.call(this, source, imports, ...rest).then((result) => {
      if (result instanceof WebAssembly.Instance) keep(result, imports);
      else keep(result.instance, imports);
      return result;
    });
  };
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) {
    WebAssembly.instantiateStreaming = function (source, imports, ...rest) {
      return streaming.call(this, source, imports, ...rest).then((result) => {
        keep(result.instance, imports);
        return result;
      });
    };
  }
  const Instance = WebAssembly.Instance;
  WebAssembly.Instance = new Proxy(Instance, {
    construct(target, args, newTarget) {
      return keep(Reflect.construct(target, args, newTarget), args[1]);
    },
  });

  bench.wasmBytes = () => [...bench.memories].reduce((sum, m) => sum + m.buffer.byteLength, 0);
}
