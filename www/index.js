// The demo page's own switches: 关怀模式 (care mode) for every chart, remembered by the component,
// and the page language, carried in the URL (`#lang=en`) so a link opens the page as it was seen.
// Page text has its English in `data-en`; blocks with markup inside come in pairs marked
// `data-lang`, one shown at a time.

import { pageMode, setPageMode } from './xixia-stat.js';

const careSwitch = document.getElementById('care-switch');
const langSwitch = document.getElementById('lang-switch');

function syncCare() {
  careSwitch.setAttribute('aria-pressed', String(pageMode() === 'care'));
}

careSwitch.addEventListener('click', () => {
  setPageMode(pageMode() === 'care' ? 'standard' : 'care');
  syncCare();
});

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

addEventListener('hashchange', applyLanguage);
applyLanguage();
syncCare();
