// The ledger page: the society, its live signed checkpoint, the latest blocks and entries, and a receipt check
// that recomputes every hash and verifies the signature in the browser. Ledger content is untrusted text: it only
// ever reaches the page through textContent, never as HTML.

import * as api from './api.js';
import { ApiError } from './api.js';
import { VerifyError, fromHex } from './bytes.js';
import { describe } from './describe.js';
import { verifyConsistency } from './merkle.js';
import { ago, formatNumber, formatTime, t } from './messages.js';
import { openCheckpoint, parseCheckpoint, parseNote, parseVerifierKey } from './note.js';
import { CHECKS, verifyReceipt } from './receipt.js';
import {
  $, el, parameterGroups, problemText, reasonText, shortDid, shortHex, show, startPage, timeElement,
} from './ui.js';

const POLL_MS = 2000;
const RETRY_MS = 5000;
const LATEST = 10;
const ENVIRONMENT_ERRORS = new Set(['NO_WEBCRYPTO', 'NO_ED25519']);

const state = {
  society: null,
  verifier: null, // {name, keyId, publicKey} of the sequencer, once parsed
  verifierError: null, // a VerifyError code if the society's vkey is unusable
  checkpointText: null, // the note last shown
  trusted: null, // {size, root, rootHex} of the last checkpoint whose signature verified
  shownSize: null, // tree size of the checkpoint shown
  headTime: null, // time of the block the shown checkpoint was signed after
  checkedAt: null, // when the node last answered a poll
  listsStale: false,
  pollTimer: null,
  polling: false,
  lookup: 0, // sequence number of the latest receipt lookup
  comparison: 0, // sequence number of the latest comparison of checkpoints
  latestHeight: null, // height of the newest block shown
};

// ---- the society ------------------------------------------------------------------------------------------------

async function loadSociety() {
  try {
    const s = await api.society();
    state.society = s;
    try {
      state.verifier = await parseVerifierKey(s.sequencer && s.sequencer.vkey);
      state.verifierError = null;
    } catch (e) {
      if (!(e instanceof VerifyError)) {
        throw e;
      }
      state.verifier = null;
      state.verifierError = e.code;
    }
    renderSociety(s);
    show($('society-error'), '');
  } catch (e) {
    show($('society-error'), t('society.failed', { problem: problemText(e) }));
  }
}

function renderSociety(s) {
  const section = $('society');
  section.removeAttribute('aria-busy');
  $('society-name').textContent = s.name;
  document.title = t('page.title', { name: s.name });
  $('society-purpose').textContent = s.purpose;

  const fact = (key, value, { mono = true, title } = {}) => el('div', { class: 'fact' },
    el('dt', { text: t(key) }),
    el('dd', {}, mono ? el('code', { class: 'id', title, text: value }) : value));
  const facts = [
    fact('society.founder', s.founder),
    fact('society.sequencer', s.sequencer ? s.sequencer.did : ''),
    fact('society.sequencerKey', s.sequencer ? s.sequencer.vkey : ''),
    fact('society.origin', s.origin),
    fact('society.founded', timeElement(s.genesisTime, { full: true }), { mono: false }),
  ];
  if (s.notary) {
    facts.push(fact('society.records', formatNumber(s.notary.records), { mono: false }));
  }
  $('society-facts').replaceChildren(...facts);

  const params = Array.isArray(s.parameters) ? s.parameters : [];
  $('society-parameter-list').replaceChildren(...parameterGroups(params));
  $('society-parameters').hidden = params.length === 0;
}

// ---- the live checkpoint ------------------------------------------------------------------------------------------

function schedulePoll(ms = POLL_MS) {
  clearTimeout(state.pollTimer);
  state.pollTimer = document.hidden ? null : setTimeout(poll, ms);
}

async function poll() {
  if (state.polling) {
    return;
  }
  state.polling = true;
  let next = POLL_MS;
  try {
    if (!state.society) {
      await loadSociety();
    }
    const text = await api.checkpoint();
    state.checkedAt = Date.now();
    show($('checkpoint-error'), '');
    if (text !== state.checkpointText) {
      await showCheckpoint(text);
    } else if (state.listsStale) {
      await refreshLists(state.shownSize);
    }
  } catch (e) {
    const key = e instanceof ApiError ? 'checkpoint.unreachable' : 'checkpoint.cannotVerify';
    show($('checkpoint-error'), t(key, { problem: problemText(e), reason: problemText(e) }));
    next = RETRY_MS;
  } finally {
    state.polling = false;
    renderTimes();
    schedulePoll(next);
  }
}

function setBadge(node, stateName, text) {
  node.dataset.state = stateName;
  const mark = { valid: '✓', invalid: '✗' }[stateName];
  node.replaceChildren(...(mark ? [el('span', { class: 'mark', 'aria-hidden': 'true', text: mark }), ' '] : []), text);
}

async function showCheckpoint(text) {
  state.checkpointText = text;
  $('checkpoint-text').textContent = text;
  const signature = $('checkpoint-signature');
  let checkpoint;
  try {
    checkpoint = parseCheckpoint(parseNote(text).text);
  } catch (e) {
    if (!(e instanceof VerifyError)) {
      throw e;
    }
    setBadge(signature, 'invalid', t('checkpoint.signatureInvalidWhy', { reason: reasonText(e.code) }));
    return;
  }
  state.shownSize = checkpoint.size;
  $('checkpoint-size').textContent = formatNumber(checkpoint.size);

  try {
    if (await checkSignature(text, signature)) {
      await checkConsistency(checkpoint);
    }
  } finally {
    await refreshLists(checkpoint.size);
  }
}

/** Verifies the checkpoint note against the sequencer key; true if it is signed by it for this society's log. */
async function checkSignature(text, badge) {
  if (!state.verifier) {
    setBadge(badge, 'invalid',
      t('checkpoint.cannotVerify', { reason: reasonText(state.verifierError || 'NO_VERIFIER') }));
    return false;
  }
  try {
    const opened = await openCheckpoint(text, state.verifier, state.society.origin);
    if (!opened.verified) {
      setBadge(badge, 'invalid', t('checkpoint.signatureInvalid'));
      return false;
    }
    if (!opened.originMatches) {
      setBadge(badge, 'invalid', t('checkpoint.wrongOrigin'));
      return false;
    }
    setBadge(badge, 'valid', t('checkpoint.signatureValid'));
    return true;
  } catch (e) {
    if (!(e instanceof VerifyError)) {
      throw e;
    }
    const key = ENVIRONMENT_ERRORS.has(e.code) ? 'checkpoint.cannotVerify' : 'checkpoint.signatureInvalidWhy';
    setBadge(badge, ENVIRONMENT_ERRORS.has(e.code) ? 'pending' : 'invalid',
      t(key, { reason: reasonText(e.code) }));
    return false;
  }
}

/** Checks that a newly signed checkpoint extends the last one this page verified (the log is append-only). */
async function checkConsistency(checkpoint) {
  const badge = $('checkpoint-consistency');
  const previous = state.trusted;
  const current = { size: checkpoint.size, root: checkpoint.root, rootHex: checkpoint.rootHex };
  if (!previous) {
    state.trusted = current;
    return;
  }
  if (previous.size === current.size && current.rootHex === previous.rootHex) {
    return;
  }
  let ok = false;
  if (current.size > previous.size) {
    try {
      const proof = await api.getJson('proofs/consistency', { from: previous.size, to: current.size });
      ok = await verifyConsistency(previous.size, current.size, previous.root, current.root,
        (proof.proof || []).map((h) => fromHex(h)));
    } catch (e) {
      if (e instanceof ApiError) {
        return; // try again with the next checkpoint
      }
      if (!(e instanceof VerifyError) || ENVIRONMENT_ERRORS.has(e.code)) {
        throw e;
      }
    }
  }
  const size = formatNumber(previous.size);
  setBadge(badge, ok ? 'valid' : 'invalid', t(ok ? 'checkpoint.consistent' : 'checkpoint.inconsistent', { size }));
  if (ok) {
    state.trusted = current;
  }
}

function renderTimes() {
  const updated = $('checkpoint-updated');
  updated.textContent = state.headTime ? ago(state.headTime) : '–';
  updated.title = state.headTime ? formatTime(state.headTime, { full: true }) : '';
  $('checkpoint-checked').textContent = state.checkedAt ? ago(state.checkedAt) : '–';
}

// ---- blocks and entries -------------------------------------------------------------------------------------------

async function refreshLists(size) {
  const n = Number(size);
  const [blocksOk, entriesOk] = await Promise.all([loadBlocks(n), loadEntries(n)]);
  state.listsStale = !(blocksOk && entriesOk);
  renderTimes();
}

async function loadBlocks(size) {
  try {
    const answer = await api.blocks(LATEST);
    const blocks = answer.blocks || [];
    const head = blocks.find((b) => b.treeSize === size);
    if (head) {
      state.headTime = head.time;
    }
    if (Number.isSafeInteger(answer.height)) {
      state.latestHeight = answer.height;
      const input = $('consistency-height');
      input.max = String(answer.height);
      $('consistency-hint').textContent = t('consistency.hint', { max: formatNumber(answer.height) });
      if (input.value === '') {
        input.placeholder = String(Math.max(0, answer.height - 1));
      }
    }
    $('blocks-body').replaceChildren(...(blocks.length === 0
      ? [el('tr', {}, el('td', { colspan: 5, text: t('blocks.empty') }))]
      : blocks.map((b) => el('tr', { 'data-height': b.height },
        el('th', { scope: 'row', class: 'num', text: formatNumber(b.height) }),
        el('td', {}, timeElement(b.time)),
        el('td', { class: 'num', text: formatNumber(b.txCount) }),
        el('td', { class: 'num', text: formatNumber(b.treeSize) }),
        el('td', {}, el('code', { class: 'hash', title: b.hash, text: shortHex(b.hash, 8, 0) }))))));
    show($('blocks-error'), '');
    return true;
  } catch (e) {
    show($('blocks-error'), t('blocks.failed', { problem: problemText(e) }));
    return false;
  }
}

async function loadEntries(size) {
  try {
    const answer = await api.entries(Math.max(0, size - LATEST), size);
    const items = (answer.entries || []).slice().reverse();
    const list = $('entries-list');
    list.replaceChildren(...(items.length === 0
      ? [el('li', { class: 'empty', text: t('entries.empty') })]
      : items.map(renderEntry)));
    show($('entries-error'), '');
    return true;
  } catch (e) {
    show($('entries-error'), t('entries.failed', { problem: problemText(e) }));
    return false;
  }
}

function renderEntry(item) {
  const payload = (item.entry && item.entry.payload) || {};
  const body = payload.body || {};
  const label = describe(String(payload.type || ''), body);
  const button = el('button', { type: 'button', class: 'button txid', title: item.txId, 'data-txid': item.txId },
    el('span', { text: t('entries.verify') }), ' ', el('code', { text: shortHex(item.txId) }));
  button.addEventListener('click', () => {
    $('receipt-txid').value = item.txId;
    lookup(item.txId, { focusResult: true });
  });
  return el('li', { class: 'entry', 'data-leaf': item.leaf, 'data-txid': item.txId },
    el('div', { class: 'entry-head' },
      el('code', { class: 'tag', text: String(payload.type || '') }),
      el('span', { class: 'leaf', text: t('entries.leaf', { leaf: formatNumber(item.leaf) }) })),
    label !== null ? el('p', { class: 'entry-label', text: label }) : null,
    el('div', { class: 'entry-foot' },
      el('p', { class: 'entry-signer' }, t('entries.signer') + ' ',
        el('code', { class: 'id', title: payload.signer, text: shortDid(payload.signer) })),
      button));
}

// ---- receipts ----------------------------------------------------------------------------------------------------

function normalizeTxId(raw) {
  const id = raw.trim().toLowerCase().replace(/^0x/, '');
  return /^[0-9a-f]{64}$/.test(id) ? id : null;
}

function onSubmit(event) {
  event.preventDefault();
  lookup($('receipt-txid').value, { focusResult: false });
}

async function lookup(raw, { focusResult }) {
  const input = $('receipt-txid');
  const inputError = $('receipt-input-error');
  const result = $('receipt-result');
  const status = $('receipt-status');
  const txId = normalizeTxId(raw);
  if (!txId) {
    input.setAttribute('aria-invalid', 'true');
    show(inputError, t('receipt.invalidId'));
    input.focus();
    return;
  }
  input.removeAttribute('aria-invalid');
  show(inputError, '');
  const seq = ++state.lookup;
  result.hidden = false;
  result.dataset.state = 'checking';
  result.replaceChildren(el('p', { class: 'checking', text: t('receipt.checking') }));
  status.textContent = t('receipt.checking');
  if (focusResult) {
    result.focus();
  }

  let verdictText;
  try {
    const receipt = await api.receipt(txId);
    if (!state.society) {
      await loadSociety();
    }
    const verification = await verifyReceipt(receipt, { verifier: state.verifier,
      origin: state.society ? state.society.origin : null, txId });
    if (seq !== state.lookup) {
      return;
    }
    verdictText = renderReceipt(result, receipt, verification);
  } catch (e) {
    if (seq !== state.lookup) {
      return;
    }
    let headline;
    let explanation;
    if (e instanceof VerifyError && ENVIRONMENT_ERRORS.has(e.code)) {
      headline = t('receipt.cannotVerifyTitle');
      explanation = reasonText(e.code);
    } else if (e instanceof ApiError) {
      headline = t('receipt.noReceipt');
      explanation = e.detail ? t('receipt.nodeSays', { detail: e.detail, code: e.code }) : problemText(e);
    } else {
      throw e;
    }
    result.dataset.state = 'problem';
    result.replaceChildren(
      el('p', { class: 'verdict', 'data-verified': 'false', id: 'receipt-verdict' },
        el('span', { class: 'mark', 'aria-hidden': 'true', text: '✗' }), ' ', headline),
      el('p', { class: 'problem-detail', id: 'receipt-problem', text: explanation }));
    verdictText = headline + '. ' + explanation;
  }
  status.textContent = verdictText;
}

/** Renders a verified (or not) receipt; returns the verdict in words. */
function renderReceipt(result, receipt, verification) {
  const checks = verification.checks.map((c) => {
    // an unusable society key is the real reason the signature check could not pass
    if (c.id === 'checkpoint' && c.reason === 'NO_VERIFIER' && state.verifierError) {
      return { ...c, reason: state.verifierError };
    }
    return c;
  });
  const verdict = verification.verified
    ? t('receipt.verified')
    : t('receipt.notVerified', { failure: t('check.' + verification.firstFailure + '.failure') });
  result.dataset.state = verification.verified ? 'verified' : 'failed';

  const list = el('ol', { class: 'checks' }, ...CHECKS.map((id) => {
    const c = checks.find((x) => x.id === id);
    const detail = c.ok ? t('check.ok.' + id, detailParams(c)) : reasonText(c.reason, detailParams(c));
    return el('li', { class: 'check', 'data-check': id, 'data-ok': String(c.ok) },
      el('span', { class: 'mark', 'aria-hidden': 'true', text: c.ok ? '✓' : '✗' }),
      el('div', { class: 'check-text' },
        el('span', { class: 'visually-hidden', text: (c.ok ? t('receipt.passed') : t('receipt.failed')) + ': ' }),
        el('span', { class: 'check-label', text: t('check.' + id) }),
        el('span', { class: 'check-detail', text: detail })));
  }));

  const fact = (key, value) => el('div', { class: 'fact' }, el('dt', { text: t(key) }), el('dd', {}, value));
  const entry = receipt.entry;
  result.replaceChildren(
    el('p', { class: 'verdict', id: 'receipt-verdict', 'data-verified': String(verification.verified) },
      el('span', { class: 'mark', 'aria-hidden': 'true', text: verification.verified ? '✓' : '✗' }), ' ', verdict),
    list,
    el('details', { class: 'disclosure' },
      el('summary', { text: t('receipt.details') }),
      el('dl', { class: 'facts' },
        fact('receipt.txId', el('code', { class: 'id', text: String(receipt.txId) })),
        fact('receipt.height', formatNumber(receipt.height)),
        fact('receipt.blockTime', timeElement(receipt.blockTime, { full: true })),
        fact('receipt.leafIndex', formatNumber(receipt.leafIndex)),
        fact('receipt.treeSize', formatNumber(receipt.treeSize)),
        fact('receipt.proofLength', formatNumber((receipt.inclusionProof || []).length))),
      el('h3', { class: 'label', text: t('receipt.checkpoint') }),
      el('pre', { class: 'note', text: String(receipt.checkpoint) }),
      el('h3', { class: 'label', text: t('receipt.entry') }),
      el('pre', { class: 'note json', text: JSON.stringify(entry, null, 2) })));
  return verdict;
}

function detailParams(c) {
  const p = { ...c };
  for (const k of ['computed', 'claimed', 'root']) {
    if (typeof p[k] === 'string' && /^[0-9a-f]{64}$/.test(p[k])) {
      p[k] = shortHex(p[k]);
    }
  }
  for (const k of ['treeSize', 'checkpointSize', 'leafIndex', 'proofLength']) {
    if (p[k] !== undefined) {
      p[k] = formatNumber(p[k]);
    }
  }
  return p;
}

// ---- two checkpoints ------------------------------------------------------------------------------------------------

/** The checks of a comparison, in the order they are made and reported. */
const COMPARISON = ['earlier', 'latest', 'consistency'];

function onCompare(event) {
  event.preventDefault();
  compare($('consistency-height').value);
}

/** Opens a checkpoint note and checks its signature: {ok, size, root, rootHex, reason}. */
async function signedCheckpoint(text) {
  try {
    const opened = await openCheckpoint(text, state.verifier, state.society.origin);
    const c = opened.checkpoint;
    if (!opened.verified) {
      return { ok: false, reason: 'BAD_SIGNATURE', size: c.size };
    }
    if (!opened.originMatches) {
      return { ok: false, reason: 'WRONG_ORIGIN', claimed: c.origin, size: c.size };
    }
    return { ok: true, size: c.size, root: c.root, rootHex: c.rootHex };
  } catch (e) {
    if (e instanceof VerifyError && !ENVIRONMENT_ERRORS.has(e.code)) {
      return { ok: false, reason: e.code };
    }
    throw e;
  }
}

/**
 * Compares the checkpoint signed after an earlier block with the latest one: both signatures, then the RFC 9162
 * consistency proof between their roots (taken from the signed notes, never from the proof's answer).
 */
async function compare(raw) {
  const input = $('consistency-height');
  const result = $('consistency-result');
  const status = $('consistency-status');
  const max = state.latestHeight;
  const text = String(raw).trim();
  const height = Number(text);
  if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(height) || (max !== null && height > max)) {
    input.setAttribute('aria-invalid', 'true');
    show($('consistency-input-error'),
      t('consistency.invalidHeight', { max: max === null ? '…' : formatNumber(max) }));
    input.focus();
    return;
  }
  input.removeAttribute('aria-invalid');
  show($('consistency-input-error'), '');
  const seq = ++state.comparison;
  result.hidden = false;
  result.dataset.state = 'checking';
  result.replaceChildren(el('p', { class: 'checking', text: t('consistency.checking') }));
  status.textContent = t('consistency.checking');

  let verdictText;
  try {
    if (!state.verifier) {
      throw new VerifyError(state.verifierError || 'NO_VERIFIER', 'no sequencer key');
    }
    const [block, latestText] = await Promise.all([api.block(height), api.checkpoint()]);
    const earlier = await signedCheckpoint(block.checkpoint);
    const latest = await signedCheckpoint(latestText);
    let consistency;
    if (!earlier.root || !latest.root) {
      consistency = { ok: false, reason: 'NO_CHECKPOINT' };
    } else if (earlier.size > latest.size) {
      consistency = { ok: false, reason: 'NOT_EARLIER' };
    } else {
      const proof = await api.consistency(earlier.size, latest.size);
      const hashes = (proof.proof || []).map((h) => fromHex(h));
      const ok = await verifyConsistency(earlier.size, latest.size, earlier.root, latest.root, hashes);
      consistency = ok ? { ok, from: earlier.size, to: latest.size, proofLength: hashes.length }
        : { ok, reason: 'NOT_CONSISTENT' };
    }
    if (seq !== state.comparison) {
      return;
    }
    const checks = { earlier: { ...earlier, height }, latest, consistency };
    verdictText = renderComparison(result, checks, earlier, latest);
  } catch (e) {
    if (seq !== state.comparison) {
      return;
    }
    let headline;
    if (e instanceof ApiError) {
      headline = t('consistency.noBlock');
    } else if (e instanceof VerifyError) {
      headline = t('receipt.cannotVerifyTitle');
    } else {
      throw e;
    }
    result.dataset.state = 'problem';
    const explanation = e instanceof ApiError && e.detail ? t('receipt.nodeSays', { detail: e.detail, code: e.code })
      : problemText(e);
    result.replaceChildren(
      el('p', { class: 'verdict', 'data-verified': 'false', id: 'consistency-verdict' },
        el('span', { class: 'mark', 'aria-hidden': 'true', text: '✗' }), ' ', headline),
      el('p', { class: 'problem-detail', text: explanation }));
    verdictText = headline + '. ' + explanation;
  }
  status.textContent = verdictText;
}

function renderComparison(result, checks, earlier, latest) {
  const failed = COMPARISON.find((id) => !checks[id].ok);
  const verdict = failed ? t('consistency.notVerified', { failure: t('check.' + failed + '.failure') })
    : t('consistency.verified', { from: formatNumber(earlier.size), to: formatNumber(latest.size) });
  result.dataset.state = failed ? 'failed' : 'verified';
  const detail = (id, c) => {
    if (!c.ok) {
      return reasonText(c.reason, { claimed: c.claimed });
    }
    if (id === 'consistency') {
      return t('check.ok.consistency', { proofLength: formatNumber(c.proofLength), from: formatNumber(c.from),
        to: formatNumber(c.to) });
    }
    return t('check.ok.signedCheckpoint', { size: formatNumber(c.size), root: shortHex(c.rootHex) });
  };
  result.replaceChildren(
    el('p', { class: 'verdict', id: 'consistency-verdict', 'data-verified': String(!failed) },
      el('span', { class: 'mark', 'aria-hidden': 'true', text: failed ? '✗' : '✓' }), ' ', verdict),
    el('ol', { class: 'checks' }, ...COMPARISON.map((id) => {
      const c = checks[id];
      return el('li', { class: 'check', 'data-check': id, 'data-ok': String(c.ok) },
        el('span', { class: 'mark', 'aria-hidden': 'true', text: c.ok ? '✓' : '✗' }),
        el('div', { class: 'check-text' },
          el('span', { class: 'visually-hidden', text: (c.ok ? t('receipt.passed') : t('receipt.failed')) + ': ' }),
          el('span', { class: 'check-label', text: t('check.' + id, { height: formatNumber(checks.earlier.height) }) }),
          el('span', { class: 'check-detail', text: detail(id, c) })));
    })));
  return verdict;
}

// ---- start -------------------------------------------------------------------------------------------------------

function start() {
  startPage('page.title');
  $('society-name').textContent = t('loading');
  setBadge($('checkpoint-signature'), 'pending', t('checkpoint.signatureChecking'));
  setBadge($('checkpoint-consistency'), 'idle', t('checkpoint.consistencyNone'));
  $('receipt-form').addEventListener('submit', onSubmit);
  $('consistency-form').addEventListener('submit', onCompare);
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) {
      poll();
    }
  });
  setInterval(renderTimes, 1000);
  const linked = /^#tx=([0-9a-fA-F]{64})$/.exec(location.hash);
  loadSociety().then(() => {
    poll();
    if (linked) {
      $('receipt-txid').value = linked[1].toLowerCase();
      lookup(linked[1], { focusResult: true });
    }
  });
}

start();
