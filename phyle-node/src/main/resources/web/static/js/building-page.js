// A building (building?n=<number>; without a number, the list of buildings): its description, parcel and territory,
// its floating tax now (the rate, the counts N, A and D, the ring of neighbours of this epoch), the rate's history as
// a chart and a table, and "your opinion": approve, disapprove or withdraw, said anonymously from this browser with
// its opinion key (opinions.js: a bLSAG over the building's ring, sent with a one-time key); or, without an opinion
// key, making and registering one; or, with no ring for this epoch, recording it. It follows new blocks live.

import { ApiError } from './api.js';
import { lineChart } from './chart.js';
import * as feedback from './feedback.js';
import { formatUnits, loadCurrency } from './funding.js';
import { formatNumber, formatWhen, t } from './messages.js';
import { addOpinionKey, loadOpinionKeys } from './opinion-keys.js';
import * as opinions from './opinions.js';
import { $, download, el, fact, fill, onIdentityChange, problemText, shell, startPage } from './ui.js';

const state = { number: null, detail: null, acting: false, opinionFor: null, refocus: null };

const when = formatWhen;
const day = (ms) => new Intl.DateTimeFormat(t('locale'), { dateStyle: 'medium' }).format(new Date(ms));

/** A rate's percent (a decimal string with at most 3 decimals) in the page's language. */
function percent(rate) {
  const n = new Intl.NumberFormat(t('locale'), { maximumFractionDigits: 3 }).format(Number(rate.percent));
  return t('building.rate.percent', { percent: n });
}

const stat = (id, label, value) => el('div', { class: 'stat', id }, el('dt', { text: label }), el('dd', {}, value));

function numberFromAddress() {
  const n = new URLSearchParams(location.search).get('n');
  return n && /^[0-9]{1,9}$/.test(n) ? Number(n) : null;
}

// ---- the list ---------------------------------------------------------------------------------------------------

async function showList() {
  $('buildings').hidden = false;
  const list = $('buildings-list');
  try {
    const answer = await opinions.buildings();
    fill(list, ...(answer.buildings.length ? answer.buildings.map((b) => el('li', { class: 'funding-row',
      'data-number': b.number },
    el('a', { href: 'building?n=' + b.number, text: t('buildings.row', { number: b.number,
      description: b.description }) }),
    el('p', { class: 'hint', text: t('buildings.rowRate', { percent: percent(b.rate), parcel: b.parcel }) })))
      : [el('li', { class: 'hint', text: t('buildings.none') })]));
  } catch (e) {
    fill(list, el('li', { class: 'problem', text: problemText(e) }));
  }
}

// ---- one building -----------------------------------------------------------------------------------------------

async function refresh() {
  const number = state.number;
  let d;
  try {
    d = await opinions.building(number);
  } catch (e) {
    $('building').hidden = false;
    $('building').removeAttribute('aria-busy');
    fill($('building-head'), el('h1', { id: 'building-title', text: t('building.eyebrow', { number }) }),
      el('p', { class: 'problem', id: 'building-problem', text: e instanceof ApiError && e.status === 404
        ? t('building.unknown', { number }) : problemText(e) }),
      el('p', {}, el('a', { href: 'building', text: t('building.back') })));
    return;
  }
  state.detail = d;
  renderHead(d);
  renderRate(d);
  renderHistory(d);
  await renderOpinion(d);
}

function renderHead(d) {
  const section = $('building');
  section.hidden = false;
  section.removeAttribute('aria-busy');
  fill($('building-head'),
    el('p', {}, el('a', { href: 'building', id: 'building-back', text: t('building.back') })),
    el('p', { class: 'eyebrow', text: t('building.eyebrow', { number: d.number }) }),
    el('h1', { id: 'building-title', text: d.description }),
    el('dl', { class: 'facts', id: 'building-facts' },
      fact(t('building.territory'), el('a', { href: 'land#territory=' + d.territory, id: 'building-territory',
        text: d.territoryName || '#' + d.territory })),
      fact(t('building.parcel'), el('a', { href: 'parcel?n=' + d.parcel, id: 'building-parcel',
        text: t('building.parcelLink', { number: d.parcel }) })),
      fact(t('building.value'), formatUnits(d.value), { 'data-fact': 'value' }),
      fact(t('building.built'), when(d.built)),
      fact(t('building.taxPaid'), formatUnits(d.taxPaid), { 'data-fact': 'taxPaid' }),
      fact(t('building.owed'), formatUnits(d.owed))));
}

function ringNow(d) {
  return d.ring && d.ring.epoch === d.epoch ? d.ring : null;
}

function renderRate(d) {
  $('building-rate').hidden = false;
  const n = d.neighbours;
  fill($('building-rate-stats'),
    stat('building-rate-now', t('building.rate.now'), el('span', { 'data-percent': d.rate.percent,
      text: percent(d.rate) })),
    stat('building-neighbours', t('building.rate.neighbours'), formatNumber(n)),
    stat('building-approvals', t('building.rate.approvals'), formatNumber(d.approvals)),
    stat('building-disapprovals', t('building.rate.disapprovals'), formatNumber(d.disapprovals)),
    stat('building-silent', t('building.rate.silent'), formatNumber(Math.max(0, n - d.approvals - d.disapprovals))));
  const ring = ringNow(d);
  $('building-ring').textContent = ring
    ? t(ring.members.length === 1 ? 'building.ring.recordedOne' : 'building.ring.recorded', { epoch: ring.epoch,
      n: formatNumber(ring.members.length), until: when(ring.until) })
    : t('building.ring.none', { epoch: d.epoch, until: when(d.epochEnds) });
  $('building-ring').dataset.epoch = String(d.epoch);
  $('building-ring').dataset.size = String(ring ? ring.members.length : 0);
}

function renderHistory(d) {
  $('building-history').hidden = false;
  const history = d.history || [];
  if (history.length === 0) {
    fill($('building-history-chart'));
    fill($('building-history-body'));
    $('building-history-caption').textContent = '';
    return;
  }
  // the rate holds from each point to the next: drawn as steps, to now
  const points = [];
  history.forEach((h, i) => {
    const y = Number(h.rate.percent);
    if (i > 0) {
      points.push({ x: h.time, y: Number(history[i - 1].rate.percent) });
    }
    points.push({ x: h.time, y });
  });
  const last = history[history.length - 1];
  const end = Math.max(Date.now() + shell.clockOffset, last.time);
  points.push({ x: end, y: Number(last.rate.percent) });
  const description = history.length === 1
    ? t('building.history.summaryOne', { last: percent(last.rate), start: day(last.time) })
    : t('building.history.summary', { first: percent(history[0].rate), start: day(history[0].time),
      last: percent(last.rate), n: formatNumber(history.length - 1) });
  const long = end - history[0].time > 60 * 24 * 3600 * 1000;
  lineChart($('building-history-chart'), points, { title: t('building.history.chart'), description,
    formatX: (x) => new Intl.DateTimeFormat(t('locale'), long ? { month: 'short', year: 'numeric' }
      : { day: 'numeric', month: 'short' }).format(new Date(x)),
    formatY: (y) => new Intl.NumberFormat(t('locale'), { maximumFractionDigits: 2 }).format(y) + '%',
    id: 'building-history-svg' });
  $('building-history-caption').textContent = description;
  fill($('building-history-body'), ...[...history].reverse().map((h) => el('tr', { 'data-time': h.time },
    el('th', { scope: 'row', text: when(h.time) }),
    el('td', { class: 'num', text: String(h.epoch) }),
    el('td', { class: 'num', text: h.neighbours + ' · ' + h.approvals + ' · ' + h.disapprovals }),
    el('td', { class: 'num', text: percent(h.rate) }))));
}

// ---- your opinion -----------------------------------------------------------------------------------------------

/**
 * Draws the opinion box anew; the keyboard stays where it was in it (or goes to its first action, if the one it was on
 * is gone), also after an action whose buttons were disabled while it ran.
 */
function fillKeepingFocus(box, ...children) {
  const active = document.activeElement;
  const had = state.refocus !== null ? state.refocus : active && box.contains(active) ? active.id : null;
  state.refocus = null;
  fill(box, ...children);
  if (had !== null) {
    const back = (had && document.getElementById(had)) || box.querySelector('button');
    if (back) {
      back.focus();
    }
  }
}

function button(id, text, onclick, primary = false) {
  return el('button', { type: 'button', id, class: 'button' + (primary ? ' primary' : ''), text, onclick });
}

async function renderOpinion(d) {
  $('building-opinion').hidden = false;
  if (state.acting) {
    return;
  }
  // redrawn only when what it depends on changes (not at every block: a chooser or a file picker stays open)
  const basis = JSON.stringify([shell.identity && shell.identity.did, shell.person && shell.person.status, d.epoch,
    d.ring, d.opinions]);
  if (state.opinionFor === basis) {
    return;
  }
  state.opinionFor = basis;
  const box = $('building-opinion-body');
  const identity = shell.identity;
  if (!identity) {
    fillKeepingFocus(box, el('p', { class: 'notice', id: 'opinion-no-key' }, t('opinion.noKey'), ' ',
      el('a', { href: 'join', text: t('nav.join') }), ' · ', el('a', { href: 'me', text: t('nav.me') })));
    return;
  }
  if (!shell.person) {
    fillKeepingFocus(box, el('p', { class: 'notice', id: 'opinion-no-person', text: t('opinion.notPerson') }));
    return;
  }
  const ring = ringNow(d);
  const me = ring ? await opinions.mine(identity.did, shell.society, d) : null;
  const file = await keyFileBox();
  if (state.opinionFor !== basis) {
    return; // a newer state is being drawn
  }
  if (me) {
    const said = me.said && me.said.opinion !== 'withdraw' ? me.said.opinion : null;
    fillKeepingFocus(box,
      el('p', { id: 'opinion-mine', text: ring.members.length === 1 ? t('opinion.mineOne')
        : t('opinion.mine', { n: formatNumber(ring.members.length) }) }),
      el('p', { id: 'opinion-current', 'data-opinion': said || 'none', text: said
        ? t('opinion.current', { opinion: t('opinion.word.' + said) }) : t('opinion.currentNone') }),
      el('div', { class: 'actions', id: 'opinion-actions' },
        button('opinion-approve', t('opinion.approve'), () => say('approve'), true),
        button('opinion-disapprove', t('opinion.disapprove'), () => say('disapprove')),
        said ? button('opinion-withdraw', t('opinion.withdraw'), () => say('withdraw')) : null),
      file);
    return;
  }
  const parts = [];
  if (!ring) {
    parts.push(el('p', { id: 'opinion-no-ring', text: t('opinion.noRing') }),
      el('div', { class: 'actions' }, button('opinion-record-ring', t('opinion.recordRing'), recordRing)));
  }
  // what the node says of this citizen's opinion keys, against the keys this browser holds
  let registered = null;
  try {
    registered = await opinions.opinionKeysOf(identity.did);
  } catch (e) {
    registered = null;
  }
  const held = (await loadOpinionKeys(identity.did)).map((k) => opinions.keyText(k.publicKey));
  const next = registered && registered.next && registered.from > d.epoch ? registered.next : null;
  const current = registered ? (registered.from <= d.epoch && registered.next ? registered.next
    : registered.current) : null;
  const nextFrom = d.epochEnds;
  if (next && held.includes(next)) {
    parts.push(el('p', { class: 'notice', id: 'opinion-key-pending', text: t('opinion.keyPending', {
      epoch: registered.from, from: when(nextFrom) }) }));
  } else if (current && held.includes(current)) {
    if (ring) {
      parts.push(el('p', { class: 'notice', id: 'opinion-not-in-ring', text: t('opinion.notInRing') }));
    }
  } else {
    parts.push(el('p', { id: 'opinion-need-key', text: (current || next) ? t('opinion.keyElsewhere')
      : t('opinion.noOpinionKey', { from: when(nextFrom) }) }),
    el('div', { class: 'actions' }, button('opinion-make-key', t('opinion.makeKey'), makeKey, true)));
  }
  if (state.opinionFor === basis) {
    fillKeepingFocus(box, ...parts, file);
  }
}

/** The opinion key as a file: download the keys this browser holds, or bring one in (made by the command line). */
async function keyFileBox() {
  const did = shell.identity.did;
  const held = await loadOpinionKeys(did);
  const input = el('input', { type: 'file', id: 'opinion-key-file-input', accept: '.opinion,.json,application/json' });
  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    if (!file) {
      return;
    }
    let message;
    let ok = false;
    try {
      await addOpinionKey(did, opinions.readKeyFile(await file.text(), did));
      message = t('opinion.file.added');
      ok = true;
    } catch (e) {
      message = t('opinion.file.error.' + (e.code || 'NOT_AN_OPINION_KEY'));
    }
    state.opinionFor = null;
    await refresh();
    const status = $('opinion-key-file-status');
    status.textContent = message;
    status.dataset.state = ok ? 'added' : 'refused';
    $('opinion-key-file').open = true;
  });
  const newest = held[held.length - 1];
  return el('details', { class: 'disclosure', id: 'opinion-key-file' },
    el('summary', { text: t('opinion.file.title') }),
    el('p', { class: 'hint', text: t('opinion.file.intro') }),
    newest ? el('div', { class: 'actions' }, button('opinion-key-download', t('opinion.file.download'),
      () => download('phyle-opinion-key-' + did.slice(-8) + '.opinion', opinions.keyFileText(did, newest))))
      : null,
    el('div', { class: 'field' }, el('label', { for: 'opinion-key-file-input', text: t('opinion.file.bring') }),
      input),
    el('p', { class: 'hint', id: 'opinion-key-file-status', role: 'status' }));
}

async function act(run, done, pendingText) {
  state.refocus = (document.activeElement && document.activeElement.id) || '';
  state.acting = true;
  const buttons = [...$('building-opinion-body').querySelectorAll('button')];
  buttons.forEach((b) => {
    b.disabled = true;
  });
  try {
    const result = await feedback.perform($('building-feedback'), { pendingText, run, done });
    return result;
  } finally {
    state.acting = false;
    state.opinionFor = null;
    buttons.forEach((b) => {
      b.disabled = false;
    });
    await refresh();
  }
}

async function say(opinion) {
  await act(async () => {
    // read the building again just before signing: the seq and the epoch must be the latest
    const d = await opinions.building(state.number);
    return opinions.sayOpinion(shell.identity.did, shell.society, d, opinion);
  }, () => t('opinion.done', { opinion: t('opinion.word.' + opinion) }), t('opinion.signing'));
}

async function recordRing() {
  let epoch = null;
  await act(async () => {
    const done = await opinions.recordRing(shell.identity, shell.society, state.number);
    if (!done) {
      throw new ApiError({ code: 'RING_RECORDED', detail: t('opinion.ringAlready') });
    }
    epoch = state.detail.epoch;
    return done;
  }, () => t('opinion.ringDone', { epoch }), t('tx.signing'));
}

async function makeKey() {
  await act(() => opinions.registerOpinionKey(shell.identity, shell.society),
    () => t('opinion.keyDone', { from: when(state.detail.epochEnds) }), t('tx.signing'));
}

// ---- start ------------------------------------------------------------------------------------------------------

async function start() {
  state.number = numberFromAddress();
  await startPage(state.number === null ? 'buildings.pageTitle' : 'building.pageTitle');
  await loadCurrency();
  if (state.number === null) {
    await showList();
    return;
  }
  await refresh();
  globalThis.addEventListener('phyle:block', (e) => {
    if (!e.detail.first && !state.acting) {
      refresh();
    }
  });
  onIdentityChange(() => {
    state.opinionFor = null;
    refresh();
  });
}

start();
