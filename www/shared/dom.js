// What the public component (www/component/xixia-stat.js) and the staff preview
// (www/preview-src/preview.js) both need: loading a wasm module (again, after a crash), its last
// words, reading the SVG it drew, a chart's data table, and small DOM helpers. esbuild bundles this
// module into each of them (scripts/build.sh).

/** An element with a class and a text, both optional. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = String(text);
  return node;
}

/** An error's message, whatever was thrown. */
export function messageOf(err) {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

/**
 * Loads a wasm-bindgen module: its glue (`glue`, a URL) and its bytes (`wasm`), downloading at
 * once. After a crash (`attempt` > 0) the same glue under another URL is a module of its own, a
 * fresh instance with nothing of the one that trapped.
 */
export async function instantiate(glue, wasm, attempt = 0) {
  const bytes = fetch(wasm.href);
  const mod = await import(attempt ? `${glue.href}?reload=${attempt}` : glue.href);
  await mod.default({ module_or_path: bytes });
  return mod;
}

/** What a module that trapped (a Rust panic aborts) last said (`last_panic`), or ''. */
export function lastWords(mod) {
  try {
    return String(mod?.last_panic?.() ?? '');
  } catch {
    return ''; // the instance cannot even say why
  }
}

/**
 * The SVG a module drew, as an element. The markup comes from our own module, every text escaped;
 * it is checked all the same: one <svg>, and nothing in it that runs. A contextual fragment parses
 * it about twice as fast as a <template>. Throws `notSvg` otherwise.
 */
export function parseSvg(markup, notSvg) {
  const fragment = document.createRange().createContextualFragment(String(markup ?? ''));
  const svg = fragment.firstElementChild;
  if (!svg || svg.localName !== 'svg' || fragment.childElementCount !== 1 || svg.querySelector('script, foreignObject, [onload], [onerror]')) {
    throw new Error(notSvg);
  }
  return svg;
}

/** Figures (with thousands separators, signs, percent) are right-aligned in the table. */
const NUMERIC = /^[+\-−]?[\d,]*\.?\d+\s*(%|‰)?\*?$/;

/**
 * A chart's data table (`{caption, columns, rows}`, as the module gives it): a header row, each
 * row's first cell its header, figures marked with `numClass` (and a column of figures its header
 * too) so they align.
 */
export function dataTable(data, tableClass, numClass) {
  const table = el('table', tableClass);
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
      else if (NUMERIC.test(text)) cell.className = numClass;
      tr.append(cell);
    });
  }
  [...head.cells].forEach((th, i) => {
    const cells = [...body.rows].map((r) => r.cells[i]).filter(Boolean);
    if (i > 0 && cells.length && cells.every((c) => c.classList.contains(numClass))) th.className = numClass;
  });
  return table;
}
