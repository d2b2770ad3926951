// The demo page's own switches: 关怀模式 (care mode) for every chart, remembered by the component,
// and the page language, carried in the URL (`#lang=en`) so a link opens the page as it was seen.
// Page text has its English in `data-en`; blocks with markup inside come in pairs marked
// `data-lang`, one shown at a time.

// The component (xixia-stat.js) is loaded once the pre-rendered charts have been painted, so that
// before then the page and its stylesheets have the connection to themselves; it takes the charts
// over when it is defined.
const component = new Promise((resolve) => {
  setTimeout(resolve, 100);
  requestAnimationFrame(() => setTimeout(resolve, 0));
}).then(() => import('./xixia-stat.js'));

const careSwitch = document.getElementById('care-switch');
const langSwitch = document.getElementById('lang-switch');

function syncCare({ pageMode }) {
  careSwitch.setAttribute('aria-pressed', String(pageMode() === 'care'));
}

careSwitch.addEventListener('click', () =>
  component.then((module) => {
    module.setPageMode(module.pageMode() === 'care' ? 'standard' : 'care');
    syncCare(module);
  }),
);

function wantedLanguage() {
  return new URLSearchParams(location.hash.slice(1)).get('lang') === 'en' ? 'en' : 'zh-CN';
}

function applyLanguage() {
  const lang = wantedLanguage();
  const en = lang === 'en';
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-en]')) {
    if (node.dataset.zh === undefined) node.dataset.zh = node.textContent;
    node.textContent = en ? node.dataset.en : node.dataset.zh;
  }
  for (const node of document.querySelectorAll('[data-en-label]')) {
    if (node.dataset.zhLabel === undefined) node.dataset.zhLabel = node.getAttribute('aria-label') ?? '';
    node.setAttribute('aria-label', en ? node.dataset.enLabel : node.dataset.zhLabel);
  }
  for (const node of document.querySelectorAll('[data-lang]')) node.hidden = node.dataset.lang !== lang;
  const params = new URLSearchParams(location.hash.slice(1));
  params.set('lang', en ? 'zh-CN' : 'en');
  langSwitch.href = `#${params}`;
  langSwitch.textContent = en ? '中文' : 'English';
  langSwitch.lang = en ? 'zh-CN' : 'en';
  langSwitch.hreflang = en ? 'zh-CN' : 'en';
}

// The English tables of the sections' figures are not in the page (a reader of Chinese never needs
// them): each section holds a link to its table in the release's file of English tables, which is
// fetched, once, when the page turns English, and each table takes its link's place.
const englishTables = new Map();

function loadEnglishTables() {
  for (const slot of document.querySelectorAll('[data-figures]:not([data-loaded])')) {
    const src = slot.dataset.figures;
    if (!englishTables.has(src)) {
      englishTables.set(src, fetch(src).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${src}: ${r.status}`)))).then((text) => new DOMParser().parseFromString(text, 'text/html')));
    }
    slot.dataset.loaded = '';
    englishTables.get(src).then(
      (doc) => {
        const table = doc.getElementById(slot.dataset.figuresId);
        if (table) slot.replaceChildren(document.importNode(table, true));
      },
      // The link stays: it opens the tables' own page.
      () => delete slot.dataset.loaded,
    );
  }
}

addEventListener('hashchange', applyLanguage);
addEventListener('hashchange', () => wantedLanguage() === 'en' && loadEnglishTables());
if (wantedLanguage() === 'en') loadEnglishTables();
applyLanguage();
component.then(syncCare);
