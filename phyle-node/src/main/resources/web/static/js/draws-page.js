// Draws by lot: the list (by purpose), one draw (#draw=<number>) with its inputs, the stewards' commitments and
// reveals, the node's VRF output, the randomness and the chosen with their scores, all recomputed here (draw-check.js);
// "was I selected?" for the key in this browser and for anyone by number or name; and, for a steward of a pending
// draw, committing to a secret made in this browser and revealing it.

import * as api from './api.js';
import { checkDraw, commitmentOf, newSecret, verifyCommand } from './draw-check.js';
import * as feedback from './feedback.js';
import { fieldError } from './key-panel.js';
import { formatNumber, has, t } from './messages.js';
import { send } from './tx.js';
import {
  $, code, el, fact, fill, nodeNow, personLink, problemText, shell, shortHex, startPage, timeElement,
  onIdentityChange,
} from './ui.js';

const PAGE = 20;
const PURPOSES = ['all', 'jury', 'panel', 'request'];
const SECRET_PREFIX = 'phyle.draw-secret.';

const state = { purpose: 'all', draws: [], next: null, draw: null };

const me = () => (shell.person && shell.identity && shell.person.did === shell.identity.did ? shell.person : null);

const word = (prefix, value) => (has(prefix + value) ? t(prefix + value) : String(value));
const mark = (ok) => el('span', { class: 'mark', 'aria-hidden': 'true', text: ok ? '✓' : '✗' });

// ---- the list -------------------------------------------------------------------------------------------------------

async function loadDraws({ more = false } = {}) {
  const list = $('draws-list');
  list.setAttribute('aria-busy', 'true');
  try {
    const answer = await api.getJson('draws', { purpose: state.purpose === 'all' ? undefined : state.purpose,
      before: more ? state.next : undefined, limit: PAGE });
    state.draws = more ? [...state.draws, ...answer.draws] : answer.draws;
    state.next = answer.next;
    $('draws-summary').textContent = state.draws.length ? t('draws.count', { n: formatNumber(answer.count) })
      : t('draws.none');
    list.replaceChildren(...state.draws.map(drawRow));
    $('draws-more').hidden = state.next === null || state.next === undefined;
  } catch (e) {
    list.replaceChildren(el('li', { class: 'problem', text: problemText(e) }));
  } finally {
    list.removeAttribute('aria-busy');
  }
}

function drawRow(d) {
  return el('li', { class: 'draw-row', 'data-number': d.number, 'data-purpose': d.purpose, 'data-phase': d.phase },
    el('div', { class: 'draw-row-head' },
      el('a', { href: '#draw=' + d.number, class: 'draw-link', text: t('draws.rowTitle', { number: d.number,
        purpose: word('draws.purpose.', d.purpose) }) }),
      el('span', { class: 'pill', 'data-status': 'phase-' + d.phase.replace(/ /g, '-'), text: word('draws.phase.',
        d.phase) })),
    el('p', { class: 'hint' }, t('draws.rowText', { size: formatNumber(d.size), poolSize: formatNumber(d.poolSize),
      pool: word('draws.pool.', d.pool) }), ' · ', timeElement(d.drawnAt || d.requestedAt, { full: true })));
}

// ---- one draw -------------------------------------------------------------------------------------------------------

async function showDraw(ref, { focus = true, fetched = null } = {}) {
  const section = $('draw');
  fill($('draw-body'), el('h2', { id: 'draw-title', text: t('draw.title') }),
    el('p', { class: 'checking', text: t('loading') }));
  try {
    const d = fetched || await api.getJson('draws/' + encodeURIComponent(ref));
    state.draw = d;
    renderDraw(d);
    if (focus) {
      section.scrollIntoView({ block: 'start' });
      section.focus();
    }
    const checks = await checkDraw(d);
    renderChecks(d, checks);
  } catch (e) {
    fill($('draw-body'), el('h2', { id: 'draw-title', text: t('draw.title') }),
      el('p', { class: 'problem', text: problemText(e) }));
  }
}

function subjectLink(d) {
  if (d.purpose === 'jury') {
    return el('a', { href: 'citizens#challenge=' + d.subject, class: 'subject-link', text: t('draw.subject.jury') });
  }
  if (d.purpose === 'panel') {
    return el('a', { href: 'proposals#proposal=' + d.subject, class: 'subject-link',
      text: t('draw.subject.panel') });
  }
  return el('a', { href: 'ledger#tx=' + d.subject, class: 'subject-link', text: t('draw.subject.request') });
}

function renderDraw(d) {
  const inputs = [
    fact(t('draw.purpose'), el('span', {}, word('draws.purpose.', d.purpose), ' · ', subjectLink(d))),
    fact(t('draw.phase'), word('draws.phase.', d.phase)),
    fact(t('draw.id'), code(d.id)),
    fact(t('draw.pool'), t('draw.poolValue', { pool: word('draws.pool.', d.pool), n: formatNumber(d.poolSize) })),
    fact(t('draw.size'), formatNumber(d.size)),
    fact(t('draw.fixedIn'), el('span', {}, t('draw.block', { height: formatNumber(d.requestedHeight) }), ' · ',
      timeElement(d.requestedAt, { full: true }))),
    fact(t('draw.poolRoot'), code(d.poolRoot)),
    fact(t('draw.alpha'), code(d.alpha)),
  ];
  if (d.quotas) {
    inputs.push(fact(t('draw.quotas'), Object.entries(d.quotas).map(([r, n]) => r + ': ' + n).join(', ')));
  }
  const commitments = new Map((d.commitments || []).map((c) => [c.steward.number, c]));
  const stewardRows = (d.stewards || []).map((s) => {
    const c = commitments.get(s.number);
    return el('tr', { 'data-steward': s.number },
      el('th', { scope: 'row' }, personLink(s)),
      el('td', {}, c ? code(c.commitment) : el('span', { class: 'hint', text: t('draw.noCommitment') })),
      el('td', {}, c && c.secret ? code(c.secret) : el('span', { class: 'hint', text: c ? t('draw.notRevealed')
        : '—' })));
  });
  const made = !!d.randomness;
  fill($('draw-body'),
    el('p', { class: 'eyebrow', text: word('draws.purpose.', d.purpose) }),
    el('h2', { id: 'draw-title', text: t('draw.heading', { number: d.number }) }),
    el('h3', { class: 'label', text: t('draw.inputs') }),
    el('dl', { class: 'facts', id: 'draw-inputs' }, ...inputs),
    el('h3', { class: 'label', text: t('draw.stewards') }),
    el('p', { class: 'hint', text: d.stewards && d.stewards.length ? t('draw.windows') : t('draw.noStewards') }),
    d.stewards && d.stewards.length ? el('p', { class: 'hint' }, t('draw.commitUntil'), ' ',
      timeElement(d.commitUntil, { full: true }), ' · ', t('draw.revealUntil'), ' ',
      timeElement(d.revealUntil, { full: true })) : null,
    stewardRows.length ? el('div', { class: 'table-wrap' }, el('table', { id: 'draw-stewards' },
      el('caption', { class: 'visually-hidden', text: t('draw.stewards') }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('draw.steward') }),
        el('th', { scope: 'col', text: t('draw.commitment') }), el('th', { scope: 'col', text: t('draw.secret') }))),
      el('tbody', {}, ...stewardRows))) : null,
    el('div', { id: 'steward-box' }),
    el('h3', { class: 'label', text: t('draw.node') }),
    el('dl', { class: 'facts', id: 'draw-node' },
      fact(t('draw.sequencer'), code(d.sequencer)),
      fact(t('draw.proof'), d.proof ? code(d.proof) : t('draw.notYet')),
      fact(t('draw.beta'), d.beta ? code(d.beta, { id: 'draw-beta' }) : t('draw.notYet')),
      fact(t('draw.randomness'), d.randomness ? code(d.randomness, { id: 'draw-randomness' }) : t('draw.notYet')),
      made ? fact(t('draw.drawnIn'), el('span', {}, t('draw.block', { height: formatNumber(d.drawnHeight) }), ' · ',
        timeElement(d.drawnAt, { full: true }))) : null),
    el('h3', { class: 'label', id: 'draw-checks-title', text: t('draw.checks') }),
    el('p', { id: 'draw-verdict', class: 'verdict', 'data-verified': 'pending', role: 'status',
      text: t('draw.checking') }),
    el('ul', { class: 'checks', id: 'draw-checks', 'aria-labelledby': 'draw-checks-title' }),
    el('p', { class: 'hint', id: 'draw-vrf-note' }, t('draw.vrfNote'), ' ',
      el('code', { class: 'id', id: 'draw-command', text: verifyCommand(d, new URL('./', document.baseURI)
        .toString().replace(/\/$/, '')) })),
    made ? el('h3', { class: 'label', text: t('draw.members', { n: formatNumber((d.members || []).length) }) })
      : null,
    made ? el('div', { class: 'table-wrap members-wrap' }, el('table', { id: 'draw-members' },
      el('caption', { class: 'visually-hidden', text: t('draw.membersCaption') }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: '#' }),
        el('th', { scope: 'col', text: t('draw.member') }),
        d.quotas ? el('th', { scope: 'col', text: t('draw.region') }) : null,
        el('th', { scope: 'col', text: t('draw.score') }))),
      el('tbody', {}, ...(d.members || []).map((m, i) => el('tr', { 'data-number': m.number },
        el('td', { class: 'num', text: formatNumber(i + 1) }),
        el('th', { scope: 'row' }, personLink(m)),
        d.quotas ? el('td', { text: m.region }) : null,
        el('td', {}, el('code', { class: 'id score', title: m.score, text: shortHex(m.score, 16, 0) }))))))) : null);
  renderStewardBox(d);
}

function renderChecks(d, checks) {
  const list = $('draw-checks');
  if (!list || state.draw !== d) {
    return;
  }
  list.replaceChildren(...checks.map((c) => el('li', { class: 'check', 'data-check': c.id, 'data-ok': String(c.ok),
    'data-steward': c.steward ? c.steward.number : null, 'data-member': c.member ? c.member.number : null },
  mark(c.ok),
  el('span', { class: 'check-text' },
    el('span', { class: 'check-label' }, t('check.draw.' + c.id, c.params), ' — ',
      el('strong', { text: c.ok ? t('draw.valid') : t('draw.invalid') })),
    c.ok ? null : el('span', { class: 'check-detail', text: c.params.expected !== undefined
      ? t('draw.mismatch', c.params) : t('draw.orderBad', c.params) })))));
  const bad = checks.filter((c) => !c.ok).length;
  const verdict = $('draw-verdict');
  const made = !!d.randomness;
  verdict.dataset.verified = bad ? 'false' : made ? 'true' : 'pending';
  verdict.replaceChildren(...(bad ? [mark(false), ' ', t('draw.verdictBad', { n: formatNumber(bad) })]
    : made ? [mark(true), ' ', t('draw.verdictGood', { n: formatNumber(checks.length) })]
      : [t('draw.verdictPending', { n: formatNumber(checks.length) })]));
}

// ---- a steward's part ------------------------------------------------------------------------------------------------

function secretKey(d) {
  return SECRET_PREFIX + d.id;
}

function storedSecret(d) {
  try {
    return localStorage.getItem(secretKey(d));
  } catch (e) {
    return null;
  }
}

function renderStewardBox(d) {
  const box = $('steward-box');
  const mine = me();
  if (!box || !mine || !(d.stewards || []).some((s) => s.number === mine.number)
    || (d.phase !== 'committing' && d.phase !== 'revealing')) {
    if (box) {
      box.replaceChildren();
    }
    return;
  }
  const c = (d.commitments || []).find((x) => x.steward.number === mine.number);
  const region = el('div', { class: 'feedback', role: 'status', id: 'steward-feedback', hidden: true });
  const parts = [el('h3', { text: t('steward.title') })];
  const now = nodeNow();
  if (!c && d.phase === 'committing' && now < d.commitUntil) {
    const button = el('button', { type: 'button', class: 'button primary', id: 'commit-button',
      text: t('steward.commit') });
    button.addEventListener('click', async () => {
      const secret = newSecret();
      try {
        localStorage.setItem(secretKey(d), secret.text); // kept before it is committed, so a closed tab loses nothing
      } catch (e) {
        feedback.rejected(region, e);
        return;
      }
      const result = await feedback.perform(region, {
        button,
        pendingText: t('tx.signing'),
        run: async () => send(shell.identity, shell.society, 'sortition.commit', { draw: d.id,
          commitment: await commitmentOf(d.id, secret.bytes) }),
        done: () => t('steward.committed'),
      });
      if (result) {
        await refreshDraw(d, region);
      }
    });
    parts.push(el('p', { class: 'hint', text: t('steward.commitText') }),
      el('p', { class: 'warning', text: t('steward.keepWarning') }), el('div', { class: 'actions' }, button));
  } else if (c && !c.secret) {
    const secret = storedSecret(d);
    if (!secret) {
      parts.push(el('p', { class: 'warning', id: 'steward-lost', text: t('steward.lost') }));
    } else if (d.phase === 'revealing' || now >= d.commitUntil) {
      const button = el('button', { type: 'button', class: 'button primary', id: 'reveal-button',
        text: t('steward.reveal') });
      button.addEventListener('click', async () => {
        const result = await feedback.perform(region, {
          button,
          pendingText: t('tx.signing'),
          run: () => send(shell.identity, shell.society, 'sortition.reveal', { draw: d.id, secret }),
          done: () => t('steward.revealed'),
        });
        if (result) {
          try {
            localStorage.removeItem(secretKey(d));
          } catch (e) {
            // nothing to tidy
          }
          await refreshDraw(d, region);
        }
      });
      parts.push(el('p', { class: 'hint', text: t('steward.revealText') }), el('div', { class: 'actions' }, button));
    } else {
      parts.push(el('p', { class: 'hint', id: 'steward-wait' }, t('steward.waitReveal'), ' ',
        timeElement(d.commitUntil, { full: true })));
    }
  } else if (c && c.secret) {
    parts.push(el('p', { class: 'hint', text: t('steward.done') }));
  } else {
    parts.push(el('p', { class: 'hint', text: t('steward.tooLate') }));
  }
  parts.push(region);
  fill(box, el('div', { class: 'action steward-action' }, ...parts));
}

async function refreshDraw(d, region) {
  try {
    const fresh = await api.getJson('draws/' + d.number);
    state.draw = fresh;
    renderDraw(fresh);
    renderChecks(fresh, await checkDraw(fresh));
    // keep the answer in view: the fresh box's empty feedback region gives way to the one that holds it
    const box = $('steward-box');
    const empty = box && box.querySelector('#steward-feedback');
    if (empty) {
      empty.replaceWith(region);
    } else if (box) {
      box.append(region);
    }
  } catch (e) {
    // the feedback above says what happened; the details come with the next visit
  }
}

// ---- was I selected? ------------------------------------------------------------------------------------------------

async function selectedList(ref) {
  const answer = await api.getJson('draws', { selected: ref, limit: 50 });
  return answer.draws || [];
}

function selectedItems(draws) {
  return draws.map((d) => el('li', { class: 'selected-draw', 'data-number': d.number, 'data-purpose': d.purpose },
    el('a', { href: '#draw=' + d.number, text: t('draws.rowTitle', { number: d.number,
      purpose: word('draws.purpose.', d.purpose) }) }), ' · ', subjectLink(d), ' · ',
    timeElement(d.drawnAt || d.requestedAt, { full: true })));
}

async function renderMine() {
  const box = $('selected-mine');
  const mine = me();
  if (!mine) {
    fill(box, el('p', { class: 'hint', text: shell.identity ? t('selected.notRegistered') : t('selected.noKey') }));
    return;
  }
  try {
    const draws = await selectedList(mine.id);
    fill(box, el('p', { id: 'selected-mine-summary', text: draws.length
      ? t('selected.mine', { n: formatNumber(draws.length) }) : t('selected.mineNone') }),
    draws.length ? el('ul', { class: 'plain selected-list', id: 'selected-mine-list' }, ...selectedItems(draws))
      : null);
  } catch (e) {
    fill(box, el('p', { class: 'problem', text: problemText(e) }));
  }
}

async function searchSelected(event) {
  event.preventDefault();
  const input = $('selected-q');
  const q = input.value.trim();
  fieldError(input, null);
  const result = $('selected-result');
  if (!q) {
    fieldError(input, t('selected.empty'));
    input.focus();
    return;
  }
  result.replaceChildren(el('p', { class: 'checking', text: t('loading') }));
  try {
    let person = null;
    const ref = q.replace(/^#/, '');
    if (/^[0-9]{1,10}$/.test(ref) || /^[0-9a-f]{64}$/.test(ref) || ref.startsWith('did:key:')) {
      person = await api.personOrNull(ref);
    } else {
      const found = await api.citizens({ q, limit: 2 });
      const people = found.people || [];
      if (people.length > 1) {
        fill(result, el('p', { class: 'hint', text: t('selected.many') }),
          el('ul', { class: 'plain' }, ...people.map((p) => el('li', {}, el('button', { type: 'button',
            class: 'button small', text: p.name + ' #' + p.number, onclick: () => {
              input.value = '#' + p.number;
              $('selected-form').requestSubmit();
            } })))));
        return;
      }
      person = people[0] || null;
    }
    if (!person) {
      fill(result, el('p', { class: 'hint', id: 'selected-nobody', text: t('selected.nobody', { q }) }));
      return;
    }
    const draws = await selectedList(person.id);
    fill(result, el('p', { id: 'selected-summary' }, draws.length
      ? t('selected.found', { name: person.name, number: person.number, n: formatNumber(draws.length) })
      : t('selected.foundNone', { name: person.name, number: person.number })),
    draws.length ? el('ul', { class: 'plain selected-list', id: 'selected-list' }, ...selectedItems(draws)) : null);
  } catch (e) {
    fill(result, el('p', { class: 'problem', text: problemText(e) }));
  }
}

// ---- start ----------------------------------------------------------------------------------------------------------

function route() {
  const m = /^#draw=([0-9]{1,10}|[0-9a-f]{64})$/.exec(location.hash);
  if (m) {
    showDraw(m[1]);
  }
}

async function start() {
  await startPage('draws.pageTitle');
  $('draws-purpose').replaceChildren(...PURPOSES.map((p) => el('option', { value: p, text: t('draws.filter.' + p) })));
  $('draws-purpose').addEventListener('change', () => {
    state.purpose = $('draws-purpose').value;
    loadDraws();
  });
  $('draws-more').addEventListener('click', () => loadDraws({ more: true }));
  $('selected-form').addEventListener('submit', searchSelected);
  globalThis.addEventListener('hashchange', route);
  // a different key (restored, rotated, forgotten) changes what this browser may do here
  onIdentityChange(() => {
    renderMine();
    if (state.draw) {
      renderStewardBox(state.draw);
    }
  });
  await Promise.all([loadDraws(), renderMine()]);
  route();
}

start();
