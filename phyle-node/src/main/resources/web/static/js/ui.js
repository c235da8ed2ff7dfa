// What every page shares: DOM helpers, wording of errors and values, and the page shell (language switch, the key
// this browser holds, the backup reminder). Ledger content is untrusted text: it only reaches the page through
// textContent and attributes, never as HTML.

import * as api from './api.js';
import * as names from './names.js';
import { followBlocks } from './live.js';
import { groupParameters, paramMeaning, paramName, paramValue } from './params.js';
import { ApiError } from './api.js';
import { VerifyError } from './bytes.js';
import { KeyError, loadIdentity, markBackedUp } from './keystore.js';
import {
  chooseLanguage, currentLanguage, formatNumber, formatTime, has, initLanguage, languages, t,
} from './messages.js';

export const $ = (id) => document.getElementById(id);

/** An element with attributes (`class`, `text`, data-*, aria-*, ...) and children (nodes or strings). */
export function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) {
      continue;
    }
    if (k === 'class') {
      node.setAttribute('class', v);
    } else if (k === 'text') {
      node.textContent = v;
    } else if (k.startsWith('on') && typeof v === 'function') {
      node.addEventListener(k.slice(2), v);
    } else {
      node.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) {
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }
  return node;
}

/** Replaces a node's children, leaving out null, undefined and false (for parts shown only sometimes). */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

/** Sets a node's text and hides it when there is none. */
export function show(node, text) {
  node.textContent = text || '';
  node.hidden = !text;
}

const TRANSLATED_ATTRIBUTES = [['data-i18n-aria-label', 'i18nAriaLabel', 'aria-label'],
  ['data-i18n-title', 'i18nTitle', 'title'], ['data-i18n-placeholder', 'i18nPlaceholder', 'placeholder']];

/** Translates the static text of the page: data-i18n (text), data-i18n-aria-label, -title, -placeholder. */
export function translateStatic(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n);
  }
  for (const [attribute, dataKey, target] of TRANSLATED_ATTRIBUTES) {
    for (const node of root.querySelectorAll('[' + attribute + ']')) {
      node.setAttribute(target, t(node.dataset[dataKey]));
    }
  }
}

/** Why something failed, in words, for a stable code and its values. */
export function reasonText(code, params = {}) {
  return has('reason.' + code) ? t('reason.' + code, params) : t('reason.unknown', { code });
}

/** An error from the node, from verification or from the key store, in plain words. */
export function problemText(error) {
  if (error instanceof ApiError) {
    const meaning = has('problem.' + error.code) ? t('problem.' + error.code)
      : has('refusal.' + error.code) ? t('refusal.' + error.code) : t('problem.other', { code: error.code });
    return error.detail ? t('problem.with', { meaning, detail: error.detail }) : meaning;
  }
  if (error instanceof KeyError) {
    return has('key.error.' + error.code) ? t('key.error.' + error.code) : t('reason.unknown', { code: error.code });
  }
  if (error instanceof VerifyError) {
    return reasonText(error.code);
  }
  return reasonText('unknown', { code: error && error.name ? error.name : String(error) });
}

export function shortHex(hex, head = 8, tail = 4) {
  if (typeof hex !== 'string' || hex.length <= head + tail + 1) {
    return String(hex);
  }
  return hex.slice(0, head) + '…' + (tail > 0 ? hex.slice(-tail) : '');
}

export function shortDid(did) {
  const prefix = 'did:key:';
  if (typeof did === 'string' && did.startsWith(prefix)) {
    return prefix + shortHex(did.slice(prefix.length), 8, 4);
  }
  return shortHex(String(did), 16, 4);
}

export function timeElement(ms, options) {
  return el('time', { datetime: new Date(ms).toISOString(), title: formatTime(ms, { full: true }),
    text: formatTime(ms, options) });
}

/** A date without the time of day. */
export function dateElement(ms) {
  return el('time', { datetime: new Date(ms).toISOString(), title: formatTime(ms, { full: true }),
    text: new Intl.DateTimeFormat(t('locale'), { dateStyle: 'medium' }).format(new Date(ms)) });
}

/** A person's standing as a small coloured label. */
export function statusPill(status) {
  return el('span', { class: 'pill', 'data-status': status, text: has('status.' + status) ? t('status.' + status)
    : status });
}

/**
 * A society's parameters as list items: [{name, value, unit, meaning}], the value a number, a name or a list of
 * keys. Each is named for people ('paramName.<name>'), its value in a unit a person reads ("2 years", "20%"), its
 * meaning from the catalogue ('param.<name>') or else the node, and its technical name small, for those who look.
 */
export function parameterItems(params) {
  return params.map((p) => {
    const meaning = paramMeaning(p);
    return el('li', { class: 'parameter', 'data-name': p.name },
      el('div', { class: 'parameter-head' },
        el('span', { class: 'parameter-label', text: paramName(p.name) }),
        el('span', { class: 'parameter-value', text: paramValue(p) })),
      meaning ? el('p', { class: 'parameter-meaning', text: meaning }) : null,
      el('p', { class: 'parameter-id' }, t('param.technicalName') + ': ',
        el('code', { class: 'parameter-name', text: p.name })),
      Array.isArray(p.value) && p.value.length ? el('details', { class: 'parameter-keys' },
        el('summary', { text: paramValue(p) }),
        el('ul', { class: 'plain' }, ...p.value.map((k) => el('li', {}, el('code', { class: 'id', text: String(k) })))))
        : null);
  });
}

/**
 * The parameters grouped by what they are about (joining, challenges, votes, the handover, lots, technical limits),
 * each group a heading (of the given level) and its list; `listClass` is added to each list.
 */
export function parameterGroups(params, { level = 'h3', listClass = '' } = {}) {
  return groupParameters(params).map(({ group, params: items }) => el('section', { class: 'parameter-group',
    'data-group': group },
  el(level, { class: 'label parameter-group-title', text: t('paramGroup.' + group) }),
  el('ul', { class: ('parameters ' + listClass).trim() }, ...parameterItems(items))));
}

/**
 * Raw identifiers (ids, did:keys, hashes) for those who look: facts folded behind "Details", out of the main flow.
 */
export function idDetails(facts, attrs = {}) {
  return el('details', { class: 'id-details', ...attrs }, el('summary', { text: t('details') }),
    el('dl', { class: 'facts' }, ...facts));
}

/** A definition-list row. */
export function fact(label, value, attrs = {}) {
  return el('div', { class: 'fact', ...attrs }, el('dt', { text: label }), el('dd', {}, value));
}

/** A person's name, linking to their page in the registry. */
export function personLink(p, attrs = {}) {
  return el('a', { href: 'citizens#person=' + p.number, ...attrs, text: p.name });
}

/** A key's person as a link if this page knows them (names.js), else the key itself, shortened. */
export function personOrKey(did) {
  const p = names.lookup(did);
  return p ? personLink(p) : code(shortDid(did), { title: did });
}

/** People as an inline, comma-separated list of links (or `empty` if there are none). */
export function peopleLinks(people, empty, attrs = {}) {
  return people.length ? el('ul', { class: 'people-inline', ...attrs }, ...people.map((p) => el('li', {},
    personLink(p)))) : el('span', { ...attrs, text: empty });
}

/** A long identifier shown in full, breakable, in monospace. */
export function code(text, attrs = {}) {
  return el('code', { class: 'id', ...attrs, text: String(text) });
}

/** Offers text as a file to download. */
export function download(fileName, text, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** A link to a page of the app, relative to the page (so that the app works under a path prefix). */
export function pageUrl(path) {
  return new URL(path, document.baseURI).toString();
}

/** The ledger page's link to a transaction's receipt, verified there in the browser. */
export function receiptUrl(txId) {
  return 'ledger#tx=' + txId;
}

/**
 * Calls `changed` whenever the key this browser holds, or what the node says of its person, becomes different
 * (restored, rotated, forgotten, admitted): what a page offers depends on who is acting.
 */
export function onIdentityChange(changed) {
  const who = () => (shell.person ? shell.person.id + ' ' + shell.person.status
    : shell.identity ? 'key ' + shell.identity.did : 'nobody');
  let last = who();
  globalThis.addEventListener('phyle:me', () => {
    if (who() !== last) {
      last = who();
      changed();
    }
  });
}

/** The node's time now (ms), from this device's clock corrected by the node's when the page started. */
export function nodeNow() {
  return Date.now() + shell.clockOffset;
}

// ---- the shell ----------------------------------------------------------------------------------------------------

/** What every page knows: the society, the key this browser holds, and the person it belongs to. */
export const shell = {
  society: null,
  identity: null,
  person: null, // null if the key is nobody's yet
  clockOffset: 0, // the node's clock less this device's, when the society was read
  ready: null,
  /** Reloads the key and its person and updates the header; pages call it after an action. */
  refresh: async () => {},
};

/**
 * Starts a page: language, static text, the header's language switch, identity and backup reminder. Resolves once
 * the society and the key are known; `titleKey` names the page in the document title.
 */
export function startPage(titleKey) {
  takeServerLinks();
  initLanguage();
  document.documentElement.lang = t('locale');
  translateStatic();
  document.title = t(titleKey, { name: '' }).replace(/^\s*·\s*/, '') || 'Phyle';
  setUpLanguageSwitch();
  setUpReminder();
  setUpToTop();
  showCurrentNavLink();
  shell.refresh = async () => {
    await loadMe();
    renderShell();
    globalThis.dispatchEvent(new CustomEvent('phyle:me'));
  };
  shell.ready = (async () => {
    try {
      shell.society = await api.society();
      shell.clockOffset = Number.isSafeInteger(shell.society.now) ? shell.society.now - Date.now() : 0;
    } catch (e) {
      showShellProblem(t('shell.unreachable', { problem: problemText(e) }));
    }
    try {
      await loadMe();
    } catch (e) {
      showShellProblem(problemText(e));
    }
    renderShell();
    if (shell.society) {
      document.title = t(titleKey, { name: shell.society.name });
    }
    countNeeds();
    return shell;
  })();
  // every page follows the node's new blocks: the header's count of what needs me stays current, and pages that
  // show live state listen to 'phyle:block' themselves
  followBlocks();
  globalThis.addEventListener('phyle:block', (e) => {
    if (!e.detail.first) {
      countNeeds();
    }
  });
  globalThis.addEventListener('phyle:identity', () => shell.refresh());
  return shell.ready;
}

async function loadMe() {
  shell.identity = await loadIdentity().catch((e) => {
    if (e instanceof KeyError) {
      return null;
    }
    throw e;
  });
  shell.person = shell.identity ? await api.personOrNull(shell.identity.did) : null;
}

/**
 * With scripts, the page draws itself: the content the node rendered for browsers without them goes, and the links
 * it used (citizens?person=7) become the addresses the scripts route by (citizens#person=7).
 */
function takeServerLinks() {
  document.body.classList.remove('no-js');
  const ssr = $('ssr');
  if (ssr) {
    ssr.remove();
  }
  const query = new URLSearchParams(location.search);
  for (const key of ['person', 'proposal', 'draw', 'tx', 'challenge', 'text']) {
    const value = query.get(key);
    if (value && !location.hash && /^[0-9a-f]{1,64}$/.test(value)) {
      history.replaceState(null, '', location.pathname + '#' + key + '=' + value);
      break;
    }
  }
}

/** The header's count of what needs the person this key belongs to (GET inbox). */
async function countNeeds() {
  const badge = $('inbox-count');
  if (!badge) {
    return;
  }
  if (!shell.person) {
    badge.hidden = true;
    return;
  }
  try {
    const answer = await api.getJson('inbox/' + encodeURIComponent(shell.person.id));
    const n = answer.items.length;
    badge.hidden = n === 0;
    badge.replaceChildren(el('span', { 'aria-hidden': 'true', text: formatNumber(n) }),
      el('span', { class: 'visually-hidden', text: ' (' + t('inbox.countLabel', { n: formatNumber(n) }) + ')' }));
    badge.dataset.count = String(n);
  } catch (e) {
    badge.hidden = true; // the count is a courtesy; the inbox page says what went wrong
  }
}

function showShellProblem(text) {
  const node = $('shell-problem');
  if (node) {
    show(node, text);
  }
}

function setUpLanguageSwitch() {
  const select = $('language');
  if (!select) {
    return;
  }
  select.replaceChildren(...languages().map(({ code: lang, name }) => el('option', { value: lang, lang, text: name,
    selected: lang === currentLanguage() })));
  select.addEventListener('change', () => {
    chooseLanguage(select.value);
    location.reload();
  });
}

/** On a phone the navigation is one row that scrolls sideways: the current page's link is brought into it. */
function showCurrentNavLink() {
  const current = document.querySelector('.site-nav a[aria-current="page"]');
  const nav = current && current.closest('.site-nav');
  if (nav && nav.scrollWidth > nav.clientWidth) {
    const link = current.getBoundingClientRect();
    const row = nav.getBoundingClientRect();
    nav.scrollLeft += link.left - row.left - (row.width - link.width) / 2;
  }
}

/** The "back to the top" link floats in a corner once the page is scrolled more than a screen down. */
function setUpToTop() {
  const link = $('to-top');
  if (!link) {
    return;
  }
  const place = () => {
    link.dataset.floating = globalThis.scrollY > globalThis.innerHeight ? 'shown' : 'hidden';
  };
  globalThis.addEventListener('scroll', place, { passive: true });
  place();
  link.addEventListener('click', () => {
    // focus follows the view, so that the keyboard starts again from the top too
    setTimeout(() => $('main') && $('main').focus({ preventScroll: true }), 0);
  });
}

function setUpReminder() {
  const button = $('backup-reminder-download');
  if (!button) {
    return;
  }
  button.addEventListener('click', async () => {
    if (shell.identity) {
      download(shell.identity.backupFileName(), shell.identity.backupText());
      await markBackedUp();
    }
  });
}

function renderShell() {
  const chip = $('identity-chip');
  if (chip) {
    const i = shell.identity;
    const p = shell.person;
    const retired = i && p && p.did !== i.did;
    chip.dataset.state = !i ? 'none' : retired ? 'retired' : p ? p.status : 'unregistered';
    let text;
    if (!i) {
      text = t('chip.noKey');
    } else if (!p) {
      text = t('chip.unregistered');
    } else if (retired) {
      text = t('chip.retired');
    } else {
      text = t('chip.person', { name: p.name, status: has('status.' + p.status) ? t('status.' + p.status) : p.status });
    }
    chip.replaceChildren(el('span', { class: 'chip-dot', 'aria-hidden': 'true' }),
      el('span', { class: 'chip-text', text }));
  }
  const reminder = $('backup-reminder');
  if (reminder) {
    reminder.hidden = !(shell.identity && !shell.identity.backedUp);
  }
}
