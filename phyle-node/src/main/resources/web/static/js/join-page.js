// Joining: (1) a key made or restored in this browser, (2) the charter, shown in full and checked against its hash
// here, (3) the application, signed here with consent to exactly that charter.

import { sha256, toHex } from './bytes.js';
import { verifiedCharter } from './charter.js';
import * as feedback from './feedback.js';
import { fieldError, renderKeyPanel } from './key-panel.js';
import { formatNumber, t } from './messages.js';
import { send } from './tx.js';
import {
  $, code, el, fact, fill, parameterGroups, problemText, shell, shortHex, show, startPage, statusPill,
} from './ui.js';
import { paramValue } from './params.js';

const state = { charter: null, charterError: null, evidence: null, applied: null };

// ---- the charter --------------------------------------------------------------------------------------------------

async function loadCharter() {
  const verdict = $('charter-verdict');
  verdict.textContent = t('join.charter.checking');
  try {
    const c = await verifiedCharter(shell.society);
    state.charter = c;
    renderCharter(c);
    verdict.dataset.verified = String(c.verified);
    verdict.replaceChildren(el('span', { class: 'mark', 'aria-hidden': 'true', text: c.verified ? '✓' : '✗' }), ' ',
      // the hash itself waits under "read it all", with the exact text that is hashed
      c.verified ? t('join.charter.verified', { version: String(c.version ?? (c.document || {}).version ?? '') })
        : !c.matches ? t('join.charter.mismatch', { computed: shortHex(c.computed), claimed: shortHex(c.hash) })
          : t('join.charter.notInForce'));
  } catch (e) {
    state.charterError = e;
    verdict.dataset.verified = 'false';
    verdict.textContent = t('join.charter.failed', { problem: problemText(e) });
  }
}

function renderCharter(c) {
  const doc = c.document && typeof c.document === 'object' ? c.document : {};
  const specs = new Map((c.parameters || []).map((p) => [p.name, p]));
  const known = new Set(['name', 'purpose', 'version', 'articles', 'parameters']);
  const articles = doc.articles && typeof doc.articles === 'object' ? Object.entries(doc.articles) : [];
  const rules = Object.entries(doc.parameters && typeof doc.parameters === 'object' ? doc.parameters : {})
    .map(([name, value]) => ({ ...(specs.get(name) || {}), name, value }));
  const others = Object.entries(doc).filter(([k]) => !known.has(k));
  fill($('charter-document'),
    el('h3', { class: 'charter-name', text: String(doc.name || '') }),
    doc.version !== undefined ? el('p', { class: 'hint', id: 'charter-version',
      text: t('join.charter.version', { version: String(doc.version) }) }) : null,
    el('p', { class: 'charter-purpose', text: String(doc.purpose || '') }),
    articles.length ? el('h4', { class: 'label', text: t('join.charter.articles') }) : null,
    ...articles.map(([name, text]) => el('section', { class: 'article' },
      el('h5', { class: 'article-name', text: name }), el('p', { class: 'article-text', text: String(text) }))),
    others.length ? el('dl', { class: 'facts' }, ...others.map(([k, v]) => fact(k, code(JSON.stringify(v))))) : null,
    rules.length ? el('h4', { class: 'label', text: t('join.charter.rules') }) : null,
    ...parameterGroups(rules, { level: 'h5', listClass: 'charter-rules' }));
  $('charter-full-summary').textContent = t('join.charter.readAllCount', { articles: formatNumber(articles.length),
    rules: formatNumber(rules.length) });
  renderSummary(doc, articles.length, rules);
  $('charter-canonical').textContent = c.canonical;
  $('charter-hash-line').replaceChildren(t('join.charter.hashLine'), ' ', code(c.computed));
}

/** The charter in plain words: what the society is for and what joining means, from its rules in numbers. */
function renderSummary(doc, articles, rules) {
  const all = new Map([...(shell.society.parameters || []), ...rules].map((p) => [p.name, p]));
  const value = (name) => (all.has(name) ? paramValue(all.get(name)) : '–');
  const number = (name) => (all.has(name) && typeof all.get(name).value === 'number'
    ? formatNumber(all.get(name).value) : '–');
  fill($('charter-summary'),
    el('h3', { class: 'label', text: t('join.sum.title') }),
    el('ul', { class: 'summary-list', id: 'charter-summary-list' },
      doc.purpose ? el('li', { text: t('join.sum.purpose', { purpose: String(doc.purpose) }) }) : null,
      el('li', { text: t('join.sum.vouches', { n: number('citizenship.vouchesRequired') }) }),
      el('li', { text: t('join.sum.renew', { time: value('citizenship.renewalDays') }) }),
      el('li', { text: t('join.sum.decide', { sponsors: number('governance.sponsorsRequired'),
        voting: value('governance.votingHours') }) }),
      el('li', { text: t('join.sum.leave') })));
}

// ---- applying -----------------------------------------------------------------------------------------------------

function renderApply() {
  const form = $('apply-form');
  const box = $('apply-state');
  const p = shell.person;
  let message = null;
  if (state.applied) {
    form.hidden = true;
    box.replaceChildren();
    return;
  }
  if (!shell.society) {
    message = el('p', { class: 'problem', text: t('society.failed', { problem: t('problem.NETWORK') }) });
  } else if (!shell.identity) {
    message = el('p', { class: 'notice', id: 'apply-need-key' }, t('join.apply.needKey'), ' ',
      el('a', { href: '#step-key', text: t('join.apply.toKey') }));
  } else if (p && p.status !== 'e-resident') {
    message = el('div', { class: 'notice', id: 'apply-registered' },
      el('p', {}, t('join.apply.registered', { name: p.name }), ' ', statusPill(p.status)),
      el('p', {}, el('a', { class: 'button', href: 'me', text: t('join.apply.toMe') })));
  } else if (!state.charter || !state.charter.verified) {
    message = el('p', { class: 'problem', text: t('join.apply.noCharter') });
  }
  form.hidden = message !== null;
  box.replaceChildren(...(message ? [message] : []));
  if (!message) {
    if (p && p.status === 'e-resident') {
      form.querySelector('input[value=citizen]').checked = true;
      $('apply-name').value = $('apply-name').value || p.name;
    }
    $('apply-consent-label').textContent = t('join.apply.consent', { version: String(state.charter.version
      ?? (state.charter.document || {}).version ?? '') });
  }
}

async function hashEvidence() {
  const input = $('apply-evidence');
  const out = $('apply-evidence-digest');
  state.evidence = null;
  if (!input.files || input.files.length === 0) {
    show(out, '');
    return;
  }
  const bytes = new Uint8Array(await input.files[0].arrayBuffer());
  state.evidence = toHex(await sha256(bytes));
  show(out, t('join.apply.evidenceDigest', { digest: state.evidence }));
}

async function onApply(event) {
  event.preventDefault();
  const name = $('apply-name');
  const consent = $('apply-consent');
  const value = name.value.trim();
  let bad = null;
  fieldError(name, null);
  fieldError(consent, null);
  if (value.length === 0 || value.length > 100 || /[\n\r]/.test(value)) {
    fieldError(name, t('join.apply.nameInvalid'));
    bad = bad || name;
  }
  if (!consent.checked) {
    fieldError(consent, t('join.apply.consentMissing'));
    bad = bad || consent;
  }
  if (bad) {
    bad.focus();
    return;
  }
  const seeking = $('apply-form').querySelector('input[name=seeking]:checked').value;
  const body = { name: value, seeking, charter: state.charter.hash };
  if (state.evidence) {
    body.evidence = state.evidence;
  }
  const result = await feedback.perform($('apply-feedback'), {
    button: $('apply-submit'),
    pendingText: t('tx.signing'),
    run: () => send(shell.identity, shell.society, 'citizenship.apply', body),
    done: () => t(seeking === 'citizen' ? 'join.apply.done' : 'join.apply.doneEResident'),
  });
  if (result) {
    state.applied = result;
    await shell.refresh();
    renderApply();
    renderNext(result, seeking);
  }
}

function renderNext(result, seeking) {
  const p = shell.person;
  const box = $('apply-next');
  box.hidden = false;
  const required = (shell.society.parameters || []).find((x) => x.name === 'citizenship.vouchesRequired');
  fill(box,
    el('h3', { text: t('join.next.title') }),
    seeking === 'citizen'
      ? el('p', { text: t('join.next.vouches', { n: required ? required.value : 3 }) })
      : el('p', { text: t('join.next.eResident') }),
    p ? el('p', {}, t('join.next.share'), ' ', el('a', { id: 'my-person-link', href: 'citizens#person=' + p.number,
      text: t('join.next.personLink', { number: formatNumber(p.number) }) })) : null,
    el('p', {}, el('a', { class: 'button primary', href: 'me', text: t('join.apply.toMe') })));
}

/** Once this browser holds a key, step 1 is done: its explanation steps aside (the page is shorter on a phone). */
function markKeyStep() {
  $('step-key').dataset.done = String(Boolean(shell.identity));
}

async function start() {
  await startPage('join.pageTitle');
  markKeyStep();
  globalThis.addEventListener('phyle:me', markKeyStep);
  renderKeyPanel($('key-panel'), { onChange: () => {
    markKeyStep();
    renderApply();
  }, fold: true });
  $('apply-evidence').addEventListener('change', () => hashEvidence().catch((e) => {
    show($('apply-evidence-digest'), problemText(e));
  }));
  $('apply-form').addEventListener('submit', onApply);
  globalThis.addEventListener('phyle:me', renderApply);
  if (shell.society) {
    await loadCharter();
  }
  renderApply();
}

start();
