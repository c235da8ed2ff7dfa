// Quadratic funding rounds: the list (open and finished, pool, windows); a round (#round=<number>) with its windows in
// words, pool, mode and cap, its projects (recipient, description, contributions, distinct citizens) and each
// project's match — the node's estimate while the round is open, drawn as bars that follow new blocks live, or the
// figures paid; contributing from the key in this browser (amounts typed in units, converted exactly), applying with
// a project while applications are open, paying a finished round out, and how to recompute it all.

import * as api from './api.js';
import { optionBars } from './bars.js';
import * as feedback from './feedback.js';
import {
  amountError, currencyCode, formatBp, formatUnits, loadCurrency, nodeAddress, parseAmount, shareOf,
} from './funding.js';
import { field, fieldError } from './key-panel.js';
import { formatNumber, formatWhen, fromNow, has, t } from './messages.js';
import * as names from './names.js';
import { send } from './tx.js';
import {
  $, code, el, fact, fill, nodeNow, onIdentityChange, personLink, problemText, shell, shortDid, startPage,
} from './ui.js';

const state = { rounds: [], number: null, round: null, actFor: null };

const word = (prefix, value) => (has(prefix + value) ? t(prefix + value) : String(value));
const when = formatWhen;
const me = () => (shell.person && shell.identity && shell.person.did === shell.identity.did ? shell.person : null);
const citizen = () => !!(me() && me().status === 'citizen');

function phasePill(phase) {
  return el('span', { class: 'pill', 'data-status': 'round-' + phase, text: word('round.phase.', phase) });
}

/** The round's windows in words, for its phase now. */
function windowText(r) {
  const now = nodeNow();
  switch (r.phase) {
    case 'applications':
      return t('round.window.applications', { until: when(r.applicationsUntil), when: fromNow(r.applicationsUntil,
        now), end: when(r.contributionsUntil) });
    case 'contributions':
      return t('round.window.contributions', { until: when(r.contributionsUntil), when: fromNow(r.contributionsUntil,
        now) });
    case 'awaiting-payout':
      return t('round.window.awaiting', { when: fromNow(r.contributionsUntil, now) });
    default:
      return t('round.window.paid', { when: when(r.paidAt) });
  }
}

function modeText(r) {
  return r.mode === 'pairwise' ? t('round.mode.pairwise', { k: formatUnits(r.pairwiseK) }) : t('round.mode.standard');
}

function capText(r) {
  return r.capBp > 0 && r.capBp < 10000 ? t('round.cap.value', { share: formatBp(r.capBp),
    amount: formatUnits(shareOf(r.pool.minor, r.capBp)) }) : t('round.cap.none');
}

// ---- the list -------------------------------------------------------------------------------------------------------

async function loadRounds() {
  const list = $('rounds-list');
  try {
    const answer = await api.getJson('rounds');
    state.rounds = answer.rounds;
    $('rounds-summary').textContent = answer.count === 0 ? t('rounds.none')
      : t(answer.count === 1 ? 'rounds.countOne' : 'rounds.count', { n: formatNumber(answer.count) });
    fill(list, ...[...answer.rounds].reverse().map(roundRow));
  } catch (e) {
    fill(list, el('li', { class: 'problem', text: problemText(e) }));
  }
}

function roundRow(r) {
  return el('li', { class: 'funding-row round-row', 'data-number': r.number, 'data-phase': r.phase },
    el('div', { class: 'funding-row-head' },
      el('a', { href: '#round=' + r.number, class: 'round-link', text: t('rounds.rowTitle', { number: r.number,
        title: r.title }) }),
      phasePill(r.phase)),
    el('p', { class: 'hint', text: t('rounds.rowText', { pool: formatUnits(r.pool), n: formatNumber(r.projects),
      mode: word('round.modeShort.', r.mode) }) }),
    el('p', { class: 'hint', text: windowText(r) }));
}

// ---- one round ------------------------------------------------------------------------------------------------------

async function showRound(number, { focus = false } = {}) {
  const section = $('round');
  section.hidden = false;
  if (state.number !== number) {
    state.number = number;
    state.round = null;
    state.actFor = null;
    fill($('round-head'), el('h2', { id: 'round-title', text: t('round.title') }), el('p', { text: t('loading') }));
    fill($('round-figures'));
    fill($('round-act'));
    fill($('round-verify'));
    feedback.clear($('round-feedback'));
  }
  await refreshRound();
  if (focus) {
    section.scrollIntoView({ block: 'start' });
    section.focus();
  }
}

/** Reads the round again and redraws what changes with new blocks; the forms stay as they are unless the phase moved. */
async function refreshRound() {
  const number = state.number;
  let r;
  try {
    r = await api.getJson('rounds/' + number);
  } catch (e) {
    if (number === state.number) {
      fill($('round-head'), el('h2', { id: 'round-title', text: t('round.title') }),
        el('p', { class: 'problem', text: problemText(e) }));
    }
    return;
  }
  if (number !== state.number) {
    return; // the reader moved on to another round meanwhile
  }
  await names.resolve(r.projectList.flatMap((p) => [p.recipient, p.applicant]));
  state.round = r;
  renderHead(r);
  renderFigures(r);
  const actKey = r.number + ' ' + r.phase + ' ' + (shell.identity ? shell.identity.did : '-') + ' '
    + (me() ? me().status : '-');
  if (state.actFor !== actKey) {
    state.actFor = actKey;
    renderAct(r);
  }
  renderVerify(r);
}

function renderHead(r) {
  fill($('round-head'),
    el('p', {}, el('a', { href: 'rounds', id: 'round-back', text: t('round.back') })),
    el('p', { class: 'eyebrow', text: t('round.eyebrow', { number: r.number }) }),
    el('div', { class: 'funding-title-row' }, el('h2', { id: 'round-title', text: r.title }), phasePill(r.phase)),
    el('p', { class: 'round-window', id: 'round-window', text: windowText(r) }),
    el('dl', { class: 'facts', id: 'round-facts' },
      fact(t('round.pool'), formatUnits(r.pool), { 'data-fact': 'pool' }),
      fact(t('round.mode'), modeText(r), { 'data-fact': 'mode' }),
      fact(t('round.cap'), capText(r), { 'data-fact': 'cap' }),
      fact(t('round.approval'), word('round.approval.', r.approval), { 'data-fact': 'approval' }),
      fact(t('round.applications'), t('round.until', { until: when(r.applicationsUntil) })),
      fact(t('round.contributions'), t('round.fromUntil', { from: when(r.applicationsUntil),
        until: when(r.contributionsUntil) })),
      r.paid ? null : fact(t('round.escrow'), formatUnits(r.escrow), { 'data-fact': 'escrow' })));
}

function recipient(did) {
  const p = names.lookup(did);
  return p ? personLink(p) : code(shortDid(did), { title: did });
}

function renderFigures(r) {
  // what the reader unfolded stays unfolded when a new block redraws the figures
  const unfolded = new Set([...document.querySelectorAll('#round-projects details[open]')]
    .map((d) => d.closest('li').dataset.project));
  const paid = r.phase === 'paid';
  const m = r.matching;
  const projects = r.projectList.filter((p) => p.approved || p.total.minor > 0);
  const rows = projects.map((p) => ({ label: p.title, value: p.match.minor, valueText: formatUnits(p.match),
    mark: null }));
  const chartTitle = paid ? t('round.chart.paid') : t('round.chart.estimate');
  const chartBox = el('div', { class: 'chart-box bars-box', id: 'round-chart', 'data-height': r.height,
    'data-estimate': String(!paid) });
  const table = el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('round.table') },
    el('table', { id: 'round-table' },
      el('caption', { class: 'visually-hidden', text: t('round.table') }),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', text: t('round.col.project') }),
        el('th', { scope: 'col', class: 'num', text: t('round.col.given', { code: currencyCode() }) }),
        el('th', { scope: 'col', class: 'num', text: t('round.col.citizens') }),
        el('th', { scope: 'col', class: 'num', text: t(paid ? 'round.col.match' : 'round.col.estimate',
          { code: currencyCode() }) }),
        paid ? el('th', { scope: 'col', class: 'num', text: t('round.col.paid', { code: currencyCode() }) })
          : null)),
      el('tbody', {}, ...projects.map((p) => el('tr', { 'data-project': p.index, 'data-match': p.match.minor,
        'data-total': p.total.minor, 'data-contributors': p.contributors },
      el('th', { scope: 'row', text: p.title }),
      el('td', { class: 'num total', text: formatUnits(p.total, { code: false }) }),
      el('td', { class: 'num contributors', text: formatNumber(p.contributors) }),
      el('td', { class: 'num match', text: formatUnits(p.match, { code: false }) }),
      paid ? el('td', { class: 'num paid', text: formatUnits(BigInt(p.total.minor) + BigInt(p.match.minor),
        { code: false }) }) : null)))));
  const notes = [];
  if (m.saturated) {
    notes.push(t('round.saturated'));
  }
  if (m.capped) {
    notes.push(t('round.capped'));
  }
  fill($('round-figures'),
    el('h3', { id: 'round-chart-title', text: chartTitle }),
    el('p', { class: 'hint', id: 'round-chart-note', text: paid ? t('round.chart.paidNote', { when: when(r.paidAt) })
      : t('round.chart.estimateNote', { height: formatNumber(r.height) }) }),
    projects.length ? chartBox : el('p', { class: 'hint', text: t('round.noProjects') }),
    projects.length ? table : null,
    el('p', { id: 'round-distribution', text: t(paid ? 'round.distributedPaid' : 'round.distributedEstimate', {
      distributed: formatUnits(m.distributed), remainder: formatUnits(m.remainder) }) }),
    ...notes.map((n) => el('p', { class: 'hint', text: n })),
    el('h3', { text: t('round.projects') }),
    r.projectList.length ? el('ul', { class: 'plain projects', id: 'round-projects' },
      ...r.projectList.map((p) => projectItem(r, p, unfolded.has(String(p.index)))))
      : el('p', { class: 'hint', text: t('round.noProjects') }));
  if (projects.length) {
    optionBars(chartBox, rows, { title: chartTitle, id: 'round-bars', description: rows.map((x) => x.label + ': '
      + x.valueText).join('; ') });
  }
}

function projectItem(r, p, unfolded) {
  const contributions = p.contributions || [];
  return el('li', { class: 'project', 'data-project': p.index },
    el('div', { class: 'funding-title-row' }, el('h4', { class: 'project-title', text: p.title }),
      el('span', { class: 'pill', 'data-status': p.approved ? 'project-approved' : 'project-pending',
        text: p.approved ? t('project.approved') : t('project.pending') })),
    p.description ? el('p', { class: 'project-description', text: p.description }) : null,
    el('dl', { class: 'facts' },
      fact(t('project.recipient'), recipient(p.recipient)),
      fact(t('project.given'), el('span', { class: 'project-given' }, t('project.counted', {
        n: formatNumber(p.contributors), amount: formatUnits(p.counted) }),
      p.uncounted.minor > 0 ? ' ' + t('project.uncounted', { amount: formatUnits(p.uncounted) }) : '')),
      fact(r.phase === 'paid' ? t('project.match') : t('project.estimate'), el('span', { class: 'project-match',
        text: formatUnits(p.match) }))),
    contributions.length ? el('details', { class: 'contributions', open: unfolded },
      el('summary', { text: t('project.who', { n: formatNumber(contributions.length) }) }),
      el('ul', { class: 'plain' }, ...contributions.map((c) => el('li', {}, personLink(c), ' · ',
        formatUnits(c.amount))))) : null);
}

// ---- acting -----------------------------------------------------------------------------------------------------------

function noKey(text) {
  return el('p', { class: 'notice', id: 'round-no-key' }, text, ' ', el('a', { href: 'join', text: t('nav.join') }),
    ' · ', el('a', { href: 'me', text: t('nav.me') }));
}

function renderAct(r) {
  const box = $('round-act');
  switch (r.phase) {
    case 'contributions':
      fill(box, el('h3', { id: 'contribute-title', text: t('contribute.title') }),
        el('p', { class: 'intro', text: t('contribute.intro') }),
        shell.identity ? contributeForm(r) : noKey(t('contribute.noKey')));
      break;
    case 'applications':
      fill(box, el('h3', { id: 'apply-title', text: t('apply.title') }),
        el('p', { class: 'intro', text: t(r.approval === 'vote' ? 'apply.introVote' : 'apply.introStewards') }),
        shell.identity ? applyForm(r) : noKey(t('apply.noKey')));
      break;
    case 'awaiting-payout':
      fill(box, el('h3', { text: t('payout.title') }), el('p', { class: 'intro', text: t('payout.intro') }),
        shell.identity ? el('div', { class: 'actions' }, el('button', { type: 'button', class: 'button primary',
          id: 'payout-button', text: t('payout.button'), onclick: (e) => payout(r, e.currentTarget) }))
          : noKey(t('payout.noKey')));
      break;
    default:
      fill(box);
  }
}

function contributeForm(r) {
  const approved = r.projectList.filter((p) => p.approved);
  if (approved.length === 0) {
    return el('p', { class: 'hint', text: t('contribute.noProjects') });
  }
  const select = el('select', {}, ...approved.map((p) => el('option', { value: p.index, text: p.title })));
  const amount = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', maxlength: '24',
    spellcheck: 'false' });
  const who = citizen() ? t('contribute.asCitizen') : t('contribute.notCitizen');
  const form = el('form', { class: 'form', id: 'contribute-form', novalidate: true, 'data-round': r.number },
    field('contribute-project', t('contribute.project'), select),
    field('contribute-amount', t('contribute.amount', { code: currencyCode() }), amount,
      t('contribute.amountHint')),
    el('p', { class: citizen() ? 'hint' : 'notice', id: 'contribute-who', 'data-citizen': String(citizen()),
      text: who }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'button primary', id: 'contribute-submit',
      text: t('contribute.submit') })));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    contribute(form, select, amount);
  });
  return form;
}

async function contribute(form, select, input) {
  const parsed = parseAmount(input.value);
  fieldError(input, parsed.error ? amountError(parsed.error) : null);
  if (parsed.error) {
    input.focus();
    return;
  }
  const round = Number(form.dataset.round);
  const project = Number(select.value);
  const title = select.selectedOptions.length ? select.selectedOptions[0].textContent : '#' + project;
  const result = await feedback.perform($('round-feedback'), {
    button: $('contribute-submit'),
    pendingText: t('tx.signing'),
    run: () => send(shell.identity, shell.society, 'economy.contribute', { round, project, amount: parsed.minor }),
    done: () => t('contribute.done', { amount: formatUnits(parsed.minor), project: title }),
  });
  if (result) {
    input.value = '';
    await refreshRound();
  }
}

const DID = /^did:key:z[1-9A-HJ-NP-Za-km-z]{40,60}$/;

function applyForm(r) {
  const title = el('input', { type: 'text', maxlength: '120', autocomplete: 'off' });
  const to = el('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', value: shell.identity.did });
  const text = el('textarea', { rows: '4', maxlength: '2000' });
  const form = el('form', { class: 'form', id: 'apply-form', novalidate: true, 'data-round': r.number },
    field('apply-project-title', t('apply.projectTitle'), title),
    field('apply-recipient', t('apply.recipient'), to, t('apply.recipientHint')),
    field('apply-description', t('apply.description'), text),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'button primary', id: 'apply-submit',
      text: t('apply.submit') })));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const name = title.value.trim();
    fieldError(title, name ? null : t('apply.titleMissing'));
    fieldError(to, DID.test(to.value.trim()) ? null : t('apply.recipientBad'));
    if (!name) {
      title.focus();
      return;
    }
    if (!DID.test(to.value.trim())) {
      to.focus();
      return;
    }
    const result = await feedback.perform($('round-feedback'), {
      button: $('apply-submit'),
      pendingText: t('tx.signing'),
      run: () => send(shell.identity, shell.society, 'economy.apply', { round: Number(form.dataset.round),
        title: name, recipient: to.value.trim(), description: text.value.trim() }),
      done: () => t('apply.done', { title: name }),
    });
    if (result) {
      title.value = '';
      text.value = '';
      await refreshRound();
    }
  });
  return form;
}

async function payout(r, button) {
  const result = await feedback.perform($('round-feedback'), {
    button,
    pendingText: t('tx.signing'),
    run: () => send(shell.identity, shell.society, 'economy.payout', { round: r.number }),
    done: () => t('payout.done', { title: r.title }),
  });
  if (result) {
    await Promise.all([refreshRound(), loadRounds()]);
  }
}

function renderVerify(r) {
  const command = 'phyle qf verify ' + r.number + ' --node ' + nodeAddress();
  fill($('round-verify'),
    el('h3', { text: t('round.verifyTitle') }),
    el('p', { class: 'hint', text: r.phase === 'paid' ? t('round.verifyPaid') : t('round.verifyOpen') }),
    el('pre', { class: 'note command' }, el('code', { id: 'round-verify-command', text: command })));
}

// ---- start ------------------------------------------------------------------------------------------------------------

function route({ focus = true } = {}) {
  const m = /^#round=([0-9]{1,9})$/.exec(location.hash);
  if (m) {
    showRound(Number(m[1]), { focus });
    return;
  }
  // without an address, the round most worth seeing: the newest taking contributions, else the newest
  const open = [...state.rounds].reverse().find((r) => r.phase === 'contributions' || r.phase === 'applications');
  const pick = open || state.rounds[state.rounds.length - 1];
  if (pick) {
    showRound(pick.number);
  }
}

/** The address the server's page links to (rounds?round=1) becomes the one this script routes by (rounds#round=1). */
function takeServerLink() {
  const n = new URLSearchParams(location.search).get('round');
  if (n && /^[0-9]{1,9}$/.test(n) && !location.hash) {
    history.replaceState(null, '', location.pathname + '#round=' + n);
  }
}

async function start() {
  takeServerLink();
  await startPage('rounds.pageTitle');
  await loadCurrency();
  await loadRounds();
  route({ focus: !!location.hash });
  globalThis.addEventListener('hashchange', () => route());
  globalThis.addEventListener('phyle:block', (e) => {
    if (!e.detail.first) {
      loadRounds();
      if (state.number !== null) {
        refreshRound();
      }
    }
  });
  onIdentityChange(() => {
    state.actFor = null;
    if (state.number !== null) {
      refreshRound();
    }
  });
}

start();
