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

/** Runs in the page. Must be self-contained (it is serialised). */
export function instrument() {
  const bench = {
    events: [],
    resizeArmed: false,
    resizeAt: null,
    memories: new Set(),
    ids: new WeakMap(),
    nextId: 0,
    waiters: [],
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
   * Resolves when every element matching `selector` has a render event after `since` (a number, or
   * 'resize' for the armed resize time), and that event's frame is painted:
   * { times: [per element, first event after since], painted: [its frame painted], since }.
   */
  bench.waitFor = (selector, since, timeout) =>
    new Promise((resolve, reject) => {
      const done = () => {
        const from = since === 'resize' ? bench.resizeAt : since;
        if (from === null) return false;
        const els = [...document.querySelectorAll(selector)];
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
        resolve({ times, painted, since: from, count: els.length, widths: bench.events.filter((e) => e.t >= from).map((e) => e.width) });
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
