// "My identity": the person this browser's key belongs to (status, vouches received, guardians, history), and
// what they can do with it, each signed here: renew, rotate the key, name guardians, renounce. The key itself, its
// backup and restoring another key are at the bottom.

import * as api from './api.js';
import { verifiedCharter } from './charter.js';
import { describe, typeName } from './describe.js';
import * as feedback from './feedback.js';
import { fieldError, importForm, renderKeyPanel, restoreForm } from './key-panel.js';
import {
  KeyError, checkPassphrase, dropRotation, finishRotation, forgetIdentity, loadPendingRotation, prepareRotation,
} from './keystore.js';
import { formatNumber, t } from './messages.js';
import * as names from './names.js';
import { keyProof, send } from './tx.js';
import {
  $, code, dateElement, el, fact, fill, idDetails, problemText, receiptUrl, shell, shortDid, startPage, statusPill, timeElement,
} from './ui.js';

const POLL_MS = 3000;
const HISTORY_PAGE = 20;
const LIVE = new Set(['applicant', 'citizen', 'lapsed', 'e-resident', 'host-resident']);

const state = {
  actionsFor: null, // "did status" the action forms were set up for
  chosen: [], // guardians chosen: [{id, name, number}]
  historyNext: null,
  historyFor: null,
  historyLength: null,
  checkpoint: null,
  charter: null,
};

const param = (name, fallback) => {
  const p = shell.society && (shell.society.parameters || []).find((x) => x.name === name);
  return p ? p.value : fallback;
};

// ---- who I am -------------------------------------------------------------------------------------------------------

function render() {
  renderStatus();
  renderActions();
  renderKeyExtras();
  loadHistory(false);
}

function personLink(p) {
  return el('a', { href: 'citizens#person=' + p.number, text: p.name });
}

function peopleList(people, id) {
  return el('ul', { class: 'people-inline', id }, ...people.map((p) => el('li', {}, personLink(p))));
}

function renderStatus() {
  const box = $('me-status');
  const i = shell.identity;
  const p = shell.person;
  if (!i) {
    box.replaceChildren(el('p', { class: 'notice', id: 'me-no-key' }, t('me.noKey'), ' ',
      el('a', { href: 'join', text: t('me.toJoin') })));
    return;
  }
  if (!p) {
    box.replaceChildren(el('p', { class: 'notice', id: 'me-unregistered' }, t('me.unregistered'), ' ',
      el('a', { href: 'join', text: t('me.toJoin') })));
    return;
  }
  names.remember(p, p.vouchedBy, p.guardians);
  const retired = p.did !== i.did;
  const required = param('citizenship.vouchesRequired', 3);
  const facts = [
    fact(t('me.number'), '#' + formatNumber(p.number)),
    fact(t('me.since'), dateElement(p.registeredAt || p.since)),
  ];
  if (p.status === 'citizen' && p.expiresAt) {
    facts.push(fact(t('me.expires'), dateElement(p.expiresAt), { id: 'me-expires', 'data-expires': p.expiresAt }));
  }
  if (p.status === 'applicant') {
    facts.push(fact(t('me.vouchProgress'), t('me.vouchProgressValue', { n: p.vouchedBy.length, of: required })));
  }
  if (p.status === 'citizen' || p.status === 'lapsed') {
    facts.push(fact(t('me.vouchesLeft'), formatNumber(p.vouchesLeft)));
  }
  facts.push(fact(t('me.vouchedBy'), p.vouchedBy.length ? peopleList(p.vouchedBy, 'me-vouchers')
    : el('span', { id: 'me-vouchers', text: t('me.nobody') })));
  facts.push(fact(t('me.guardians'), p.guardians.length
    ? el('span', {}, peopleList(p.guardians, 'me-guardians'), ' ',
      el('span', { class: 'hint', text: t('me.guardiansThreshold', { threshold: p.guardianThreshold,
        n: p.guardians.length }) }))
    : el('span', { id: 'me-guardians', text: t('me.nobody') })));
  const ids = [fact(t('me.personId'), code(p.id)), fact(t('key.did'), code(p.did, { id: 'me-did' }))];
  if (p.formerKeys && p.formerKeys.length) {
    ids.push(fact(t('me.formerKeys'), el('ul', { class: 'plain', id: 'me-former-keys' },
      ...p.formerKeys.map((k) => el('li', {}, code(k))))));
  }
  fill(box,
    el('div', { class: 'person-head' },
      el('h2', { id: 'me-name', text: p.name }), el('span', { id: 'me-status-pill' }, statusPill(p.status))),
    retired ? el('p', { class: 'problem', id: 'me-retired', text: t('me.retired') }) : null,
    p.openChallenge ? el('p', { class: 'warning', id: 'me-challenged' }, t('me.challenged'), ' ',
      el('a', { href: 'citizens#challenge=' + p.openChallenge, text: t('me.seeChallenge') })) : null,
    el('p', { class: 'hint', text: t('me.statusText.' + p.status) }),
    el('dl', { class: 'facts' }, ...facts),
    idDetails(ids, { id: 'me-ids' }));
}

// ---- actions --------------------------------------------------------------------------------------------------------

function renderActions() {
  const p = shell.person;
  const i = shell.identity;
  const live = p && i && p.did === i.did && LIVE.has(p.status);
  $('me-actions').hidden = !live;
  if (!live) {
    state.actionsFor = null;
    return;
  }
  const key = i.did + ' ' + p.status;
  $('renew').hidden = !(p.status === 'citizen' || p.status === 'lapsed');
  $('rotate').hidden = false;
  $('guardians').hidden = p.status === 'host-resident';
  $('renounce').hidden = false;
  renderRenewText();
  renderCurrentGuardians();
  if (state.actionsFor !== key) {
    state.actionsFor = key;
    state.chosen = p.guardians.map((g) => ({ ...g }));
    renderChosen();
  }
}

// renew: a fresh consent to the charter in force, checked here as on the join page

function renderRenewText() {
  const p = shell.person;
  const c = state.charter;
  $('renew-text').textContent = p.status === 'lapsed' ? t('me.renew.lapsed')
    : t('me.renew.text', { date: p.expiresAt ? dateElement(p.expiresAt).textContent : '–',
      days: formatNumber(param('citizenship.renewalDays', 730)) });
  $('renew-consent-label').textContent = c && c.verified ? t('me.renew.consent', { hash: c.hash.slice(0, 8) + '…'
    + c.hash.slice(-4) }) : t('join.charter.checking');
  $('renew-submit').disabled = !(c && c.verified);
}

async function onRenew(event) {
  event.preventDefault();
  const consent = $('renew-consent');
  fieldError(consent, null);
  if (!consent.checked) {
    fieldError(consent, t('join.apply.consentMissing'));
    consent.focus();
    return;
  }
  const result = await feedback.perform($('renew-feedback'), {
    button: $('renew-submit'),
    pendingText: t('tx.signing'),
    run: async () => {
      state.charter = await verifiedCharter(shell.society);
      if (!state.charter.verified) {
        throw new KeyError('CHARTER_UNVERIFIED', 'the charter does not match its hash');
      }
      return send(shell.identity, shell.society, 'citizenship.renew', { charter: state.charter.hash });
    },
    done: () => t('me.renew.done'),
  });
  if (result) {
    consent.checked = false;
    await shell.refresh();
  }
}

// rotate: a new key, proven held, replaces the old one; its backup must be downloaded again

async function onRotate(event) {
  event.preventDefault();
  const pass = $('rotate-passphrase');
  const again = $('rotate-passphrase-again');
  fieldError(pass, null);
  fieldError(again, null);
  try {
    checkPassphrase(pass.value, again.value);
  } catch (e) {
    const target = e.code === 'PASSPHRASE_MISMATCH' ? again : pass;
    fieldError(target, problemText(e));
    target.focus();
    return;
  }
  const person = shell.person;
  const result = await feedback.perform($('rotate-feedback'), {
    button: $('rotate-submit'),
    pendingText: t('me.rotate.pending'),
    run: async () => {
      const next = await prepareRotation(pass.value);
      try {
        const proof = await keyProof(next, shell.society.id, person.id);
        return await send(shell.identity, shell.society, 'citizenship.rotateKey', { newKey: next.did, proof });
      } catch (e) {
        await dropRotation();
        throw e;
      }
    },
    done: () => t('me.rotate.done'),
  });
  if (result) {
    pass.value = '';
    again.value = '';
    await finishRotation();
    await shell.refresh();
    const reminder = $('backup-reminder-download');
    if (reminder && !reminder.closest('[hidden]')) {
      reminder.focus();
    }
  }
}

/** A rotation whose answer this browser did not see (closed tab): finish it if the ledger has it. */
async function settleRotation() {
  const next = await loadPendingRotation();
  if (!next) {
    return;
  }
  const p = await api.personOrNull(next.did);
  if (p && p.did === next.did) {
    await finishRotation();
  } else if (Date.now() - next.createdAt > 15 * 60 * 1000) {
    await dropRotation(); // its transaction has expired
  }
}

// guardians: chosen from the registry, m of n

function renderCurrentGuardians() {
  const p = shell.person;
  $('guardians-current').textContent = p.guardians.length
    ? t('me.guardians.current', { names: p.guardians.map((g) => g.name).join(', '), threshold: p.guardianThreshold,
      n: p.guardians.length })
    : t('me.guardians.none');
}

function renderChosen() {
  const list = $('guardians-chosen');
  list.replaceChildren(...(state.chosen.length === 0
    ? [el('li', { class: 'empty', text: t('me.guardians.noneChosen') })]
    : state.chosen.map((g) => el('li', { class: 'pick', 'data-id': g.id },
      el('span', { class: 'pick-name', text: g.name }), el('span', { class: 'hint', text: '#' + g.number }),
      el('button', { type: 'button', class: 'button small',
        'aria-label': t('me.guardians.removeNamed', { name: g.name }),
        text: t('me.guardians.remove'), onclick: () => {
          state.chosen = state.chosen.filter((x) => x.id !== g.id);
          renderChosen();
          $('guardians-q').focus();
        } })))));
  const select = $('guardians-threshold');
  const n = state.chosen.length;
  const previous = Number(select.value) || shell.person.guardianThreshold || 2;
  const wanted = n === 0 ? 0 : Math.min(Math.max(previous, 1), n);
  const options = n === 0 ? [0] : Array.from({ length: n }, (_, k) => k + 1);
  select.replaceChildren(...options.map((k) => el('option', { value: k, selected: k === wanted,
    text: n === 0 ? t('me.guardians.thresholdNone') : t('me.guardians.thresholdOf', { k, n }) })));
}

async function onSearchGuardians(event) {
  event.preventDefault();
  const q = $('guardians-q').value.trim();
  const list = $('guardians-results');
  list.replaceChildren(el('li', { class: 'checking', text: t('loading') }));
  try {
    const answer = await api.citizens({ status: 'citizen', q, limit: 8 });
    const me = shell.person;
    const people = (answer.people || []).filter((x) => x.id !== me.id);
    names.remember(people);
    list.replaceChildren(...(people.length === 0 ? [el('li', { class: 'empty', text: t('citizens.none') })]
      : people.map((x) => {
        const chosen = state.chosen.some((g) => g.id === x.id);
        return el('li', { class: 'pick', 'data-id': x.id },
          el('span', { class: 'pick-name', text: x.name }), el('span', { class: 'hint', text: '#' + x.number }),
          el('button', { type: 'button', class: 'button small', disabled: chosen,
            'aria-label': t('me.guardians.addNamed', { name: x.name }),
            text: chosen ? t('me.guardians.added') : t('me.guardians.add'), onclick: (e) => {
              if (state.chosen.length >= param('citizenship.maxGuardians', 10)) {
                fieldError($('guardians-threshold'), t('me.guardians.tooMany', { max: param('citizenship.maxGuardians',
                  10) }));
                return;
              }
              state.chosen.push({ id: x.id, name: x.name, number: x.number });
              e.target.disabled = true;
              e.target.textContent = t('me.guardians.added');
              renderChosen();
            } }));
      })));
  } catch (e) {
    list.replaceChildren(el('li', { class: 'problem', text: problemText(e) }));
  }
}

async function onSaveGuardians(event) {
  event.preventDefault();
  const select = $('guardians-threshold');
  fieldError(select, null);
  const threshold = Number(select.value);
  const guardians = state.chosen.map((g) => g.id);
  const result = await feedback.perform($('guardians-feedback'), {
    button: $('guardians-submit'),
    pendingText: t('tx.signing'),
    run: () => send(shell.identity, shell.society, 'citizenship.setGuardians', { guardians, threshold }),
    done: () => (guardians.length ? t('me.guardians.done', { threshold, n: guardians.length })
      : t('me.guardians.doneNone')),
  });
  if (result) {
    await shell.refresh();
  }
}

// renounce: after a confirmation dialog

function onRenounceOpen() {
  const dialog = $('renounce-dialog');
  dialog.returnValue = '';
  dialog.showModal();
  $('renounce-cancel').focus();
}

async function onRenounceClose() {
  if ($('renounce-dialog').returnValue !== 'renounce') {
    $('renounce-open').focus();
    return;
  }
  const result = await feedback.perform($('renounce-feedback'), {
    button: $('renounce-open'),
    pendingText: t('tx.signing'),
    run: () => send(shell.identity, shell.society, 'citizenship.renounce', {}),
    done: () => t('me.renounce.done'),
  });
  if (result) {
    await shell.refresh();
  }
}

// ---- the key --------------------------------------------------------------------------------------------------------

function renderKeyExtras() {
  const has = Boolean(shell.identity);
  $('me-other-key').hidden = !has;
  $('me-forget').hidden = !has;
}

async function onForget() {
  await forgetIdentity();
  await shell.refresh();
}

// ---- history --------------------------------------------------------------------------------------------------------

async function loadHistory(more) {
  const p = shell.person;
  const section = $('me-history');
  if (!p) {
    section.hidden = true;
    return;
  }
  section.hidden = false;
  if (!more && state.historyFor === p.id && state.historyLength === p.historyLength) {
    return;
  }
  const before = more ? state.historyNext : undefined;
  try {
    const answer = await api.history(p.id, { before, limit: HISTORY_PAGE });
    const entries = answer.entries || [];
    await names.resolve(entries.flatMap((e) => [e.signer, e.body && e.body.person]));
    const mine = new Set([p.did, ...(p.formerKeys || [])]);
    const items = entries.map((e) => historyItem(e, mine));
    if (more) {
      $('history-list').append(...items);
    } else {
      $('history-list').replaceChildren(...items);
    }
    state.historyFor = p.id;
    state.historyLength = p.historyLength;
    state.historyNext = answer.next;
    $('history-more').hidden = answer.next === null || answer.next === undefined;
  } catch (e) {
    $('history-list').replaceChildren(el('li', { class: 'problem', text: problemText(e) }));
  }
}

function historyItem(e, mine) {
  const who = mine.has(e.signer) ? t('me.history.you') : names.nameOf(e.signer) || shortDid(e.signer);
  const text = describe(e.type, e.body, names.nameOf);
  return el('li', { class: 'history-item', 'data-type': e.type, 'data-txid': e.txId },
    el('div', { class: 'history-head' },
      el('span', { class: 'tag', text: typeName(e.type) }),
      timeElement(e.time, { full: true })),
    text ? el('p', { class: 'history-text', text }) : null,
    el('p', { class: 'history-foot' }, t('me.history.by', { who }), ' · ',
      el('a', { href: receiptUrl(e.txId), text: t('me.history.receipt') })));
}

// ---- keeping up with the ledger -----------------------------------------------------------------------------------

async function follow() {
  try {
    const text = await api.checkpoint();
    if (state.checkpoint !== null && text !== state.checkpoint) {
      await shell.refresh();
    }
    state.checkpoint = text;
  } catch (e) {
    // the node may be restarting: try again later
  }
  setTimeout(follow, POLL_MS);
}

async function start() {
  await startPage('me.pageTitle');
  try {
    await settleRotation();
  } catch (e) {
    // leave it for the next visit
  }
  renderKeyPanel($('key-panel'));
  $('me-other-key-body').replaceChildren(restoreForm(() => shell.refresh(), { replacing: true }),
    el('details', { class: 'disclosure' }, el('summary', { text: t('key.importTitle') }),
      el('p', { class: 'intro', text: t('key.importIntro') }),
      importForm(() => shell.refresh(), { replacing: true })));
  $('renew-form').addEventListener('submit', onRenew);
  $('rotate-form').addEventListener('submit', onRotate);
  $('guardians-search').addEventListener('submit', onSearchGuardians);
  $('guardians-form').addEventListener('submit', onSaveGuardians);
  $('renounce-open').addEventListener('click', onRenounceOpen);
  $('renounce-dialog').addEventListener('close', onRenounceClose);
  $('forget-key').addEventListener('click', onForget);
  $('history-more').addEventListener('click', () => loadHistory(true));
  globalThis.addEventListener('phyle:me', render);
  render();
  if (shell.society) {
    verifiedCharter(shell.society).then((c) => {
      state.charter = c;
      if (shell.person && !$('renew').hidden) {
        renderRenewText();
      }
    }).catch(() => {});
  }
  follow();
}

start();
