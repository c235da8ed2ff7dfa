// The wallet of the key in this browser (any did:key holds an account; citizenship is not needed): what it holds,
// what it may spend now and what is locked, each lock or vesting schedule with how much it has released, the
// account's movements, and the two things a holder signs here: a payment (to a person named by did:key, number or
// name, or to the treasury, marked as revenue if it is a tax or fee) and a lock of one's own money. Amounts are typed
// in the currency's units and read exactly (currency.js); a mistyped amount is refused before anything is signed,
// and the node's refusals (an overdraft, money still locked) are shown in words (feedback.js).
// `wallet?did=<did:key>` shows another account, read-only.

import * as api from './api.js';
import { ApiError } from './api.js';
import { AmountError, amountErrorText, formatMoney, minorOf, parseAmount } from './currency.js';
import * as feedback from './feedback.js';
import { fieldError } from './key-panel.js';
import { formatPercent, has, t } from './messages.js';
import { send } from './tx.js';
import {
  $, code as codeElement, dateElement, el, fill, nodeNow, problemText, receiptUrl, shell, shortDid, show, startPage,
  timeElement,
} from './ui.js';

const DID = /^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]{40,50}$/;
const HISTORY_LIMIT = 50;

const state = {
  did: null, // the account shown
  mine: false, // whether it is the key in this browser
  currency: { code: '', name: '' },
  historyApi: true, // false once the node says it has no account history
  historyNext: null, // the cursor of the next page of movements
};

const stat = (id, label, value) => el('div', { class: 'stat', id }, el('dt', { text: label }), el('dd', {}, value));

// ---- whose account ------------------------------------------------------------------------------------------------

/** The account asked for in the address (wallet?did=... or #did=...), if any. */
function askedDid() {
  const query = new URLSearchParams(location.search).get('did');
  const hash = /^#did=(.+)$/.exec(location.hash);
  const did = query || (hash ? decodeURIComponent(hash[1]) : null);
  return did && DID.test(did) ? did : null;
}

function chooseAccount() {
  const asked = askedDid();
  const own = shell.identity ? shell.identity.did : null;
  state.did = asked || own;
  state.mine = Boolean(own) && state.did === own;
}

// ---- the account --------------------------------------------------------------------------------------------------

function lockSchedule(l) {
  const end = dateElement(l.end);
  if (l.cliff >= l.end) {
    return el('p', { class: 'lock-schedule' }, t('lock.scheduleAtEnd'), ' ', end, '.');
  }
  if (l.cliff <= l.start) {
    return el('p', { class: 'lock-schedule' }, t('lock.scheduleLinear'), ' ', dateElement(l.start), ' ',
      t('lock.scheduleTo'), ' ', end, '.');
  }
  return el('p', { class: 'lock-schedule' }, t('lock.scheduleCliff'), ' ', dateElement(l.cliff), t('lock.scheduleThen'),
    ' ', dateElement(l.start), t('lock.scheduleAllBy'), ' ', end, '.');
}

function lockItem(l) {
  const code = state.currency.code;
  const amount = minorOf(l.amount);
  const released = minorOf(l.released);
  const bp = amount > 0n ? Number((released * 10_000n) / amount) : 10_000;
  const labelId = 'lock-' + l.id + '-label';
  return el('li', { class: 'lock', 'data-lock': l.id, 'data-source': l.source },
    el('h3', { class: 'lock-title', text: t(l.source === 'holder' ? 'lock.byHolder' : 'lock.vesting',
      { amount: formatMoney(l.amount, code) }) }),
    lockSchedule(l),
    el('p', { class: 'lock-progress-label', id: labelId }, t('lock.released', { released: formatMoney(l.released, code),
      amount: formatMoney(l.amount, code), percent: formatPercent(bp / 10_000, 1) })),
    el('progress', { class: 'lock-progress', max: 10_000, value: bp, 'aria-labelledby': labelId }),
    el('p', { class: 'hint' }, t('lock.stillLocked', { locked: formatMoney(l.locked, code) })));
}

function renderAccount(a) {
  const code = state.currency.code;
  $('wallet-summary').removeAttribute('aria-busy');
  const who = $('wallet-who');
  if (a.person) {
    fill(who, t(state.mine ? 'wallet.whoMine' : 'wallet.whoPerson', { name: a.person.name }), ' ',
      el('a', { href: 'citizens#person=' + a.person.number, text: '#' + a.person.number }), '.');
  } else {
    fill(who, t(state.mine ? 'wallet.whoKey' : 'wallet.whoOther'), ' ', codeElement(shortDid(a.did),
      { title: a.did }), '.');
  }
  const all = minorOf(a.spendable) + minorOf(a.locked);
  fill($('wallet-stats'),
    stat('wallet-balance', t('wallet.balance'), formatMoney(all, code)),
    stat('wallet-spendable', t('wallet.spendable'), formatMoney(a.spendable, code)),
    stat('wallet-locked', t('wallet.locked'), formatMoney(a.locked, code)));
  fill($('wallet-patron'), ...(a.patronOf.length ? [el('h2', { class: 'label', text: t('wallet.patron') }),
    el('ul', { class: 'plain patron-list' }, ...a.patronOf.map((c) => el('li', { 'data-campaign': c.campaign },
      el('a', { href: 'campaigns', text: c.title }), ' · ', t('wallet.pledged', { amount: formatMoney(c.pledged, code) }),
      ' · ', has('wallet.campaign.' + c.state) ? t('wallet.campaign.' + c.state) : c.state)))] : []));
  $('wallet-stats').dataset.spendable = String(a.spendable.minor);
  $('wallet-stats').dataset.locked = String(a.locked.minor);
  $('send-amount-hint').textContent = t('send.amountHint', { code, spendable: formatMoney(a.spendable, code) });
  $('wallet-locks').hidden = false;
  fill($('locks-list'), ...(a.locks.length ? a.locks.map(lockItem)
    : [el('li', { class: 'hint', id: 'locks-none', text: t('locks.none') })]));
  $('lock-new').hidden = !state.mine;
  $('wallet-send').hidden = !state.mine;
}

// ---- history ------------------------------------------------------------------------------------------------------

const names = new Map();

/** The name of a did:key's person (looked up once), or the short did:key. */
async function counterparty(did) {
  if (!did) {
    return null;
  }
  if (did === 'treasury') {
    return t('history.treasury');
  }
  if (!names.has(did)) {
    names.set(did, api.personOrNull(did).then((p) => (p ? p.name : shortDid(did))).catch(() => shortDid(did)));
  }
  return names.get(did);
}

function kindText(kind) {
  return has('movement.' + kind) ? t('movement.' + kind) : kind;
}

/** One movement of the account: when, what, with whom, how much (in, out or into a lock), and its receipt. */
async function movementItem(m) {
  const code = state.currency.code;
  const out = m.direction === 'out';
  const other = await counterparty(m.counterparty);
  const signed = (m.direction === 'in' ? '+' : out ? '−' : '') + formatMoney(m.amount, code);
  return el('li', { class: 'movement', 'data-kind': m.kind, 'data-direction': m.direction },
    el('div', { class: 'movement-head' },
      el('span', { class: 'movement-what' }, kindText(m.kind), other ? ' · ' + (out ? t('history.to', { who: other })
        : t('history.from', { who: other })) : ''),
      el('strong', { class: 'movement-amount', 'data-direction': m.direction, text: signed })),
    el('p', { class: 'movement-foot' }, timeElement(m.time, { full: true }),
      m.memo ? el('span', { class: 'movement-memo' }, ' · “', m.memo, '”') : null,
      m.tx ? el('span', {}, ' · ', el('a', { href: receiptUrl(m.tx), text: t('tx.receiptLink') })) : null));
}

/** What the node gives without an account history: the account's locks, newest first. */
function fallbackMovements(a) {
  const out = a.locks.map((l) => ({ kind: l.source === 'holder' ? 'lock' : 'vesting',
    direction: l.source === 'holder' ? 'out' : 'locked', amount: l.amount, time: l.start,
    counterparty: l.source === 'holder' ? null : 'treasury', memo: null, tx: null }));
  return out.sort((x, y) => y.time - x.time);
}

/** One page of the account's movements, newest first, before a cursor (GET accounts/{did}/history). */
function historyPage(before) {
  return api.getJson('accounts/' + state.did + '/history', { limit: HISTORY_LIMIT, before });
}

async function loadHistory(account) {
  const list = $('history-list');
  const more = $('history-more');
  $('wallet-history').hidden = false;
  more.hidden = true;
  let movements = null;
  if (state.historyApi) {
    try {
      const answer = await historyPage();
      movements = answer.items || [];
      state.historyNext = answer.next || null;
    } catch (e) {
      // a node without account histories answers 404 for the address; anything else is a problem to show
      if (!(e instanceof ApiError) || e.status !== 404) {
        fill(list, el('li', { class: 'problem', text: problemText(e) }));
        return;
      }
      state.historyApi = false;
    }
  }
  const partial = movements === null;
  if (partial) {
    movements = fallbackMovements(account);
    state.historyNext = null;
  }
  $('history-intro').textContent = t(partial ? 'history.partial' : 'history.intro');
  const items = await Promise.all(movements.map(movementItem));
  fill(list, ...(items.length ? items : [el('li', { class: 'hint', id: 'history-none', text: t('history.none') })]));
  more.hidden = !state.historyNext;
}

async function moreHistory() {
  const more = $('history-more');
  more.disabled = true;
  try {
    const answer = await historyPage(state.historyNext);
    $('history-list').append(...await Promise.all((answer.items || []).map(movementItem)));
    state.historyNext = answer.next || null;
    more.hidden = !state.historyNext;
  } catch (e) {
    $('history-list').append(el('li', { class: 'problem', text: problemText(e) }));
  } finally {
    more.disabled = false;
  }
}

// ---- loading ------------------------------------------------------------------------------------------------------

async function load() {
  chooseAccount();
  const problem = $('wallet-problem');
  if (!state.did) {
    $('wallet-summary').removeAttribute('aria-busy');
    fill($('wallet-who'));
    fill($('wallet-stats'));
    fill($('wallet-patron'));
    for (const id of ['wallet-send', 'wallet-locks', 'wallet-history']) {
      $(id).hidden = true;
    }
    problem.hidden = true;
    fill($('wallet-no-key-box'), el('p', { class: 'notice', id: 'wallet-no-key' }, t('wallet.noKey'), ' ',
      el('a', { href: 'me', text: t('wallet.toMe') }), ' · ', el('a', { href: 'join', text: t('nav.join') })));
    return;
  }
  fill($('wallet-no-key-box'));
  try {
    const [economy, account] = await Promise.all([api.getJson('economy'), api.getJson('accounts/' + state.did)]);
    state.currency = economy.currency;
    show(problem, '');
    renderAccount(account);
    await loadHistory(account);
  } catch (e) {
    show(problem, problemText(e));
  }
}

// ---- sending ------------------------------------------------------------------------------------------------------

/** Throws this to show a sentence under a field instead of signing. */
class FieldProblem extends Error {
  constructor(control, text) {
    super(text);
    this.control = control;
  }
}

/** The did:key a person wrote: a did:key itself, a citizen's number (7 or #7), or a name that names one person. */
async function resolveRecipient(input) {
  const text = input.value.trim();
  if (!text) {
    throw new FieldProblem(input, t('send.noRecipient'));
  }
  if (text.startsWith('did:')) {
    if (!DID.test(text)) {
      throw new FieldProblem(input, t('send.badDid'));
    }
    const p = await api.personOrNull(text);
    return { did: text, name: p ? p.name : shortDid(text) };
  }
  const number = /^#?([0-9]{1,9})$/.exec(text);
  if (number) {
    const p = await api.personOrNull(number[1]);
    if (!p) {
      throw new FieldProblem(input, t('send.noSuchNumber', { n: number[1] }));
    }
    return { did: p.did, name: p.name };
  }
  const found = (await api.citizens({ q: text, limit: 10 })).people || [];
  const exact = found.filter((p) => p.name.toLocaleLowerCase() === text.toLocaleLowerCase());
  const pick = exact.length === 1 ? exact : found;
  if (pick.length === 0) {
    throw new FieldProblem(input, t('send.noSuchName', { name: text }));
  }
  if (pick.length > 1) {
    throw new FieldProblem(input, t('send.severalNames', { names: pick.slice(0, 5).map((p) => p.name + ' (#' + p.number
      + ')').join(', ') }));
  }
  const p = pick[0].did ? pick[0] : await api.person(pick[0].number);
  return { did: p.did, name: p.name };
}

function readAmount(input) {
  try {
    return parseAmount(input.value);
  } catch (e) {
    if (e instanceof AmountError) {
      throw new FieldProblem(input, amountErrorText(e));
    }
    throw e;
  }
}

function clearErrors(form) {
  for (const control of form.querySelectorAll('input')) {
    if (control.id) {
      fieldError(control, null);
    }
  }
}

function toTreasury() {
  return $('send-to-treasury').checked;
}

function showRecipientChoice() {
  $('send-recipient-field').hidden = toTreasury();
  $('send-revenue-field').hidden = !toTreasury();
}

async function onSend(event) {
  event.preventDefault();
  const form = $('send-form');
  clearErrors(form);
  const region = $('send-feedback');
  let body;
  let whom;
  try {
    // the amount first: a wrong amount is a typing mistake, said before any lookup
    const amount = readAmount($('send-amount'));
    if (toTreasury()) {
      whom = t('history.treasury');
      body = { to: 'treasury', amount };
      if ($('send-revenue').checked) {
        body.revenue = true;
      }
    } else {
      const r = await resolveRecipient($('send-recipient'));
      whom = r.name;
      body = { to: r.did, amount };
    }
    const memo = $('send-memo').value.trim();
    if (memo) {
      body.memo = memo;
    }
  } catch (e) {
    if (e instanceof FieldProblem) {
      fieldError(e.control, e.message);
      e.control.focus();
      feedback.clear(region);
      return;
    }
    feedback.rejected(region, e);
    return;
  }
  const result = await feedback.perform(region, {
    button: $('send-submit'),
    pendingText: t('tx.signing'),
    run: () => send(shell.identity, shell.society, 'economy.transfer', body),
    done: () => t('send.done', { amount: formatMoney(body.amount, state.currency.code), who: whom }),
  });
  if (result) {
    form.reset();
    showRecipientChoice();
  }
  await load();
}

// ---- locking ------------------------------------------------------------------------------------------------------

/** A date field's day as the time of its midnight here, or null if empty. */
function dayOf(input) {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(input.value);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime() : null;
}

function release() {
  return document.querySelector('input[name="lock-release"]:checked').value;
}

async function onLock(event) {
  event.preventDefault();
  const form = $('lock-form');
  clearErrors(form);
  const region = $('lock-feedback');
  const body = {};
  try {
    body.amount = readAmount($('lock-amount'));
    const end = dayOf($('lock-end'));
    const now = nodeNow();
    if (end === null) {
      throw new FieldProblem($('lock-end'), t('lock.noEnd'));
    }
    if (end <= now + 60_000) {
      throw new FieldProblem($('lock-end'), t('lock.endPast'));
    }
    body.end = end;
    if (release() === 'end') {
      body.cliff = end;
    } else if (release() === 'cliff') {
      const cliff = dayOf($('lock-cliff'));
      if (cliff === null) {
        throw new FieldProblem($('lock-cliff'), t('lock.noCliff'));
      }
      if (cliff <= now + 60_000 || cliff >= end) {
        throw new FieldProblem($('lock-cliff'), t('lock.cliffBetween'));
      }
      body.cliff = cliff;
    }
  } catch (e) {
    if (e instanceof FieldProblem) {
      fieldError(e.control, e.message);
      e.control.focus();
      feedback.clear(region);
      return;
    }
    throw e;
  }
  const result = await feedback.perform(region, {
    button: $('lock-submit'),
    pendingText: t('tx.signing'),
    run: () => send(shell.identity, shell.society, 'economy.lock', body),
    done: () => t('lock.done', { amount: formatMoney(body.amount, state.currency.code) }),
  });
  if (result) {
    form.reset();
    $('lock-cliff-field').hidden = true;
  }
  await load();
}

// ---- start --------------------------------------------------------------------------------------------------------

async function start() {
  await startPage('wallet.pageTitle');
  $('send-form').addEventListener('submit', onSend);
  $('lock-form').addEventListener('submit', onLock);
  $('history-more').addEventListener('click', moreHistory);
  for (const radio of document.querySelectorAll('input[name="send-to"]')) {
    radio.addEventListener('change', showRecipientChoice);
  }
  for (const radio of document.querySelectorAll('input[name="lock-release"]')) {
    radio.addEventListener('change', () => {
      $('lock-cliff-field').hidden = release() !== 'cliff';
    });
  }
  showRecipientChoice();
  await load();
  globalThis.addEventListener('phyle:block', (e) => {
    if (!e.detail.first) {
      load();
    }
  });
  globalThis.addEventListener('phyle:me', load);
  globalThis.addEventListener('hashchange', load);
}

start();
