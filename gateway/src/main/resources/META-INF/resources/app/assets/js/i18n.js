// Messages, language choice and locale-aware formatting. Every text the app shows comes from
// /app/assets/i18n/<lang>.json through t(); dates and numbers go through Intl in the chosen locale.

export const LANGUAGES = ['kk', 'ru', 'en'];
const LOCALES = { kk: 'kk-KZ', ru: 'ru-KZ', en: 'en-GB' };
const STORAGE_KEY = 'prevention.lang';

let current = 'ru';
let messages = {};

export function language() {
  return current;
}

/** The remembered language, else the browser's if supported, else Russian. */
export function initialLanguage() {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(stored)) {
    return stored;
  }
  const browser = (navigator.language || '').slice(0, 2).toLowerCase();
  return LANGUAGES.includes(browser) ? browser : 'ru';
}

export async function setLanguage(lang) {
  const chosen = LANGUAGES.includes(lang) ? lang : 'ru';
  const response = await fetch(`/app/assets/i18n/${chosen}.json`, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`messages ${chosen}: HTTP ${response.status}`);
  }
  messages = await response.json();
  current = chosen;
  localStorage.setItem(STORAGE_KEY, chosen);
  document.documentElement.lang = chosen;
  translateStatic(document);
}

/** The message for key, with {name} placeholders filled from vars. */
export function t(key, vars = {}) {
  const text = messages[key];
  if (text === undefined) {
    console.warn('missing message', key);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** Whether a message exists (for codes that may come without one, e.g. a new status). */
export function has(key) {
  return key in messages;
}

/** Fills elements marked data-i18n (text) and data-i18n-aria-label (attribute). */
export function translateStatic(root) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel)); });
}

/**
 * An ISO date (yyyy-mm-dd) in the chosen locale with Intl, e.g. 26 ноября 2026 г. A browser whose
 * ICU lacks the locale's month names (some builds answer "2026 M11 26" for kk) gets the message
 * files' pattern and month names instead: 2026 жылғы 26 қараша.
 */
export function formatDate(iso) {
  if (!iso) {
    return '';
  }
  const [y, m, d] = iso.split('-').map(Number);
  const text = new Intl.DateTimeFormat(LOCALES[current], { dateStyle: 'long', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
  if (!/\bM\d/.test(text)) {
    return text;
  }
  return t('date.long', { day: formatNumber(d), month: t(`month.${m}`), year: String(y) });
}

export function formatNumber(n) {
  return new Intl.NumberFormat(LOCALES[current]).format(n);
}

/** A reference catalog entry's name in the chosen language. */
export function entryName(entry, code) {
  if (!entry) {
    return code;
  }
  return entry.names?.[current] || entry.names?.ru || entry.code;
}
