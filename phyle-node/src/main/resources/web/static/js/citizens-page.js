// The registry: search and page through the people of the society, see one person (#person=<number>), vouch for
// an applicant or challenge someone, and follow the challenges and their juries (#challenge=<id>), voting when this
// browser's key is on a jury. Everything is signed here.

import * as api from './api.js';
import { describe, typeName } from './describe.js';
import * as feedback from './feedback.js';
import { fieldError } from './key-panel.js';
import { formatNumber, has, t } from './messages.js';
import * as names from './names.js';
import { send } from './tx.js';
import {
  $, code, dateElement, el, fact, fill, idDetails, problemText, receiptUrl, shell, shortDid, startPage, statusPill,
  timeElement, onIdentityChange,
} from './ui.js';

const PAGE = 20;
const FILTERS = ['all', 'citizen', 'applicant', 'lapsed', 'e-resident', 'host-resident', 'revoked', 'renounced',
  'ended'];
const CHALLENGEABLE = new Set(['applicant', 'citizen']);

const state = {
  query: { q: '', status: 'all' },
  afters: [], // the `after` of each page shown so far; the last is the current page's
  next: null,
  person: null,
  challenges: [],
};

const me = () => shell.person && shell.identity && shell.person.did === shell.identity.did ? shell.person : null;
const iAmCitizen = () => me() && me().status === 'citizen';

// ---- the registry ---------------------------------------------------------------------------------------------------

async function loadPage(after) {
  const list = $('citizens-list');
  list.setAttribute('aria-busy', 'true');
  try {
    const answer = await api.citizens({ status: state.query.status, q: state.query.q, after: after < 0 ? undefined
      : after, limit: PAGE });
    const people = answer.people || [];
    names.remember(people);
    state.next = answer.next;
    list.replaceChildren(...(people.length === 0 ? [el('li', { class: 'empty', text: t('citizens.none') })]
      : people.map(personRow)));
    const page = state.afters.length;
    const from = (page - 1) * PAGE + 1;
    const total = totalOf(answer.counts);
    $('citizens-summary').textContent = people.length === 0 ? t('citizens.noMatch')
      : total !== null ? t('citizens.showingOf', { from: formatNumber(from), to: formatNumber(from + people.length - 1),
        total: formatNumber(total) })
        : t('citizens.showing', { from: formatNumber(from), to: formatNumber(from + people.length - 1) });
    $('citizens-page').textContent = t('citizens.page', { n: formatNumber(page) });
    $('citizens-prev').disabled = page <= 1;
    $('citizens-next').disabled = answer.next === null || answer.next === undefined;
  } catch (e) {
    list.replaceChildren(el('li', { class: 'problem', text: problemText(e) }));
  } finally {
    list.removeAttribute('aria-busy');
  }
}

/** How many people the current filter matches, when the counts say (not for a name search). */
function totalOf(counts) {
  if (!counts || state.query.q) {
    return null;
  }
  if (state.query.status === 'all') {
    return Object.values(counts).reduce((n, v) => n + v, 0); // 'citizen' counts those in good standing only
  }
  return counts[state.query.status] !== undefined ? counts[state.query.status] : null;
}

function personRow(p) {
  return el('li', { class: 'person-row', 'data-number': p.number, 'data-status': p.status },
    el('a', { class: 'person-link', href: '#person=' + p.number },
      el('span', { class: 'person-name', text: p.name }), ' ',
      el('span', { class: 'hint', text: '#' + p.number })),
    statusPill(p.status));
}

function search(event) {
  event.preventDefault();
  state.query = { q: $('citizens-q').value.trim(), status: $('citizens-status').value };
  state.afters = [-1];
  loadPage(-1);
}

function nextPage() {
  if (state.next === null || state.next === undefined) {
    return;
  }
  state.afters.push(state.next);
  loadPage(state.next).then(() => $('citizens-list').querySelector('a')?.focus());
}

function previousPage() {
  if (state.afters.length <= 1) {
    return;
  }
  state.afters.pop();
  loadPage(state.afters[state.afters.length - 1]).then(() => $('citizens-list').querySelector('a')?.focus());
}

// ---- one person -----------------------------------------------------------------------------------------------------

async function showPerson(ref, { focus = true } = {}) {
  const section = $('person');
  section.hidden = false;
  $('person-detail').replaceChildren(el('p', { class: 'checking', text: t('loading') }));
  $('person-actions').replaceChildren();
  try {
    const p = await api.person(ref);
    state.person = p;
    names.remember(p, p.vouchedBy, p.guardians);
    renderPerson(p);
    renderPersonActions(p);
    loadPersonHistory(p);
    if (focus) {
      section.focus();
    }
  } catch (e) {
    $('person-detail').replaceChildren(el('h2', { id: 'person-name', text: t('citizens.person') }),
      el('p', { class: 'problem', text: problemText(e) }));
  }
}

function renderPerson(p) {
  const required = paramValue('citizenship.vouchesRequired', 3);
  const facts = [
    fact(t('me.number'), '#' + formatNumber(p.number)),
    fact(t('me.since'), dateElement(p.registeredAt || p.since)),
  ];
  if (p.admittedBy) {
    facts.push(fact(t('citizens.admittedBy'), t('citizens.admittedBy.' + p.admittedBy)));
  }
  if (p.status === 'applicant') {
    facts.push(fact(t('me.vouchProgress'), t('me.vouchProgressValue', { n: p.vouchedBy.length, of: required })));
  }
  facts.push(fact(t('me.vouchedBy'), p.vouchedBy.length
    ? el('ul', { class: 'people-inline', id: 'person-vouchers' }, ...p.vouchedBy.map((v) => el('li', {},
      el('a', { href: '#person=' + v.number, text: v.name }))))
    : el('span', { id: 'person-vouchers', text: t('me.nobody') })));
  if (p.region) {
    facts.push(fact(t('citizens.region'), p.region));
  }
  if (p.territory) {
    facts.push(fact(t('citizens.territory'), p.territory));
  }
  facts.push(fact(t('me.guardians'), p.guardians.length ? t('citizens.guardiansCount', { n: p.guardians.length,
    threshold: p.guardianThreshold }) : t('me.nobody')));
  const ids = [fact(t('me.personId'), code(p.id)), fact(t('key.did'), code(p.did))];
  const isMe = me() && me().id === p.id;
  fill($('person-detail'),
    el('div', { class: 'person-head' }, el('h2', { id: 'person-name', text: p.name }),
      el('span', { id: 'person-status' }, statusPill(p.status)),
      isMe ? el('span', { class: 'pill', 'data-status': 'me', text: t('citizens.you') }) : null),
    p.openChallenge ? el('p', { class: 'warning', id: 'person-challenged' }, t('citizens.underChallenge'), ' ',
      el('a', { href: '#challenge=' + p.openChallenge, text: t('me.seeChallenge') })) : null,
    el('dl', { class: 'facts' }, ...facts),
    idDetails(ids, { id: 'person-ids' }),
    el('h3', { class: 'label', text: t('citizens.history') }),
    el('ol', { class: 'history', id: 'person-history' }));
}

async function loadPersonHistory(p) {
  try {
    const answer = await api.history(p.id, { limit: 8 });
    const entries = answer.entries || [];
    await names.resolve(entries.flatMap((e) => [e.signer, e.body && e.body.person]));
    const list = $('person-history');
    if (!list || !state.person || state.person.id !== p.id) {
      return;
    }
    list.replaceChildren(...entries.map((e) => {
      const text = describe(e.type, e.body, names.nameOf);
      const by = names.nameOf(e.signer) || shortDid(e.signer);
      return el('li', { class: 'history-item', 'data-type': e.type },
        el('div', { class: 'history-head' }, el('span', { class: 'tag', text: typeName(e.type) }),
          timeElement(e.time, { full: true })),
        text ? el('p', { class: 'history-text', text }) : null,
        el('p', { class: 'history-foot' }, t('me.history.by', { who: by }), ' · ',
          el('a', { href: receiptUrl(e.txId), text: t('me.history.receipt') })));
    }));
  } catch (e) {
    // the details above are what matters; the history is a courtesy
  }
}

function paramValue(name, fallback) {
  const p = shell.society && (shell.society.parameters || []).find((x) => x.name === name);
  return p ? p.value : fallback;
}

function renderPersonActions(p) {
  const box = $('person-actions');
  const mine = me();
  if (!mine || mine.id === p.id) {
    box.replaceChildren();
    return;
  }
  if (!iAmCitizen()) {
    box.replaceChildren(el('p', { class: 'hint', text: t('citizens.onlyCitizens') }));
    return;
  }
  const parts = [];
  if (p.status === 'applicant' && !p.openChallenge) {
    parts.push(vouchBox(p, mine));
  }
  if (CHALLENGEABLE.has(p.status) && !p.openChallenge) {
    parts.push(challengeBox(p));
  }
  box.replaceChildren(...parts);
}

function vouchBox(p, mine) {
  const already = p.vouchedBy.some((v) => v.id === mine.id);
  const region = el('div', { class: 'feedback', role: 'status', id: 'vouch-feedback', hidden: true });
  const button = el('button', { type: 'button', class: 'button primary', id: 'vouch-button',
    text: t('citizens.vouchFor', { name: p.name }), disabled: already || mine.vouchesLeft < 1 });
  button.addEventListener('click', async () => {
    const result = await feedback.perform(region, {
      button,
      pendingText: t('tx.signing'),
      run: () => send(shell.identity, shell.society, 'citizenship.vouch', { person: p.id }),
      done: () => t('citizens.vouched', { name: p.name }),
    });
    if (result) {
      button.disabled = true;
      await shell.refresh();
      const fresh = await api.person(p.id);
      state.person = fresh;
      renderPerson(fresh);
      loadPersonHistory(fresh);
    }
  });
  return el('div', { class: 'action', id: 'vouch' },
    el('h3', { text: t('citizens.vouchTitle') }),
    el('p', { class: 'hint', text: t('citizens.vouchText', { days: formatNumber(paramValue('citizenship.vouchBanDays',
      365)) }) }),
    el('p', { class: 'hint', text: already ? t('citizens.alreadyVouched') : t('citizens.vouchesLeft',
      { n: mine.vouchesLeft }) }),
    el('div', { class: 'actions' }, button),
    region);
}

function challengeBox(p) {
  const reason = el('textarea', { id: 'challenge-reason', rows: 3, maxlength: 2000,
    'aria-describedby': 'challenge-reason-hint challenge-reason-error' });
  const region = el('div', { class: 'feedback', role: 'status', id: 'challenge-feedback', hidden: true });
  const button = el('button', { type: 'submit', class: 'button danger', id: 'challenge-submit',
    text: t('citizens.challengeSubmit') });
  const radio = (value, checked) => el('label', { class: 'option' },
    el('input', { type: 'radio', name: 'grounds', value, checked }),
    el('span', {}, el('strong', { text: t('grounds.' + value) }), ' ',
      el('span', { class: 'hint', text: t('grounds.' + value + '.hint') })));
  const form = el('form', { class: 'form', id: 'challenge-form', novalidate: true },
    el('fieldset', { class: 'field choice' }, el('legend', { text: t('citizens.grounds') }),
      radio('duplicate', true), radio('fake', false)),
    el('div', { class: 'field' },
      el('label', { for: 'challenge-reason', text: t('citizens.reason') }),
      el('p', { class: 'hint', id: 'challenge-reason-hint', text: t('citizens.reasonHint') }),
      reason,
      el('p', { class: 'field-error', id: 'challenge-reason-error', hidden: true })),
    el('div', { class: 'actions' }, button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = reason.value.trim();
    fieldError(reason, null);
    if (text.length === 0 || text.length > 2000) {
      fieldError(reason, t('citizens.reasonMissing'));
      reason.focus();
      return;
    }
    const grounds = form.querySelector('input[name=grounds]:checked').value;
    const result = await feedback.perform(region, {
      button,
      pendingText: t('tx.signing'),
      run: () => send(shell.identity, shell.society, 'citizenship.challenge', { person: p.id, grounds,
        reason: text }),
      done: () => t('citizens.challenged', { name: p.name }),
    });
    if (result) {
      form.hidden = true;
      $('vouch')?.remove(); // nobody may vouch for a person under challenge
      region.append(el('p', {}, el('a', { href: '#challenge=' + result.txId, id: 'challenge-link',
        text: t('citizens.seeJury') })));
      await loadChallenges();
      const fresh = await api.person(p.id);
      state.person = fresh;
      renderPerson(fresh);
      loadPersonHistory(fresh);
    }
  });
  return el('details', { class: 'action disclosure', id: 'challenge' },
    el('summary', { text: t('citizens.challengeTitle', { name: p.name }) }),
    el('p', { class: 'hint', text: t('citizens.challengeText', { jury: paramValue('citizenship.jurySize', 5),
      days: paramValue('citizenship.juryDays', 7) }) }),
    form, region);
}

// ---- challenges -----------------------------------------------------------------------------------------------------

async function loadChallenges() {
  try {
    const answer = await api.challenges({ limit: 20 });
    state.challenges = answer.challenges || [];
    renderChallenges();
  } catch (e) {
    $('challenges-list').replaceChildren(el('li', { class: 'problem', text: problemText(e) }));
  }
}

function renderChallenges() {
  const mine = me();
  const list = $('challenges-list');
  renderJuryNotice();
  list.replaceChildren(...(state.challenges.length === 0 ? [el('li', { class: 'empty', text: t('challenges.none') })]
    : state.challenges.map((c) => challengeItem(c, mine))));
}

/** Tells a juror how many open challenges wait for their vote. */
function renderJuryNotice() {
  const mine = me();
  const toJudge = state.challenges.filter((c) => c.outcome === 'open' && mine
    && c.jury.some((j) => j.number === mine.number && j.vote === null));
  const notice = $('challenges-mine');
  notice.hidden = toJudge.length === 0;
  notice.textContent = toJudge.length ? t('challenges.toJudge', { n: toJudge.length }) : '';
}

function challengeItem(c, mine) {
  const headingId = 'challenge-' + c.id + '-title';
  const majority = Math.floor(c.jury.length / 2) + 1;
  const myJuror = mine ? c.jury.find((j) => j.number === mine.number) : null;
  const item = el('li', { class: 'challenge', id: 'challenge-' + c.id, 'data-id': c.id, 'data-outcome': c.outcome,
    tabindex: '-1' },
  el('div', { class: 'challenge-head' },
    el('h3', { id: headingId }, t('challenges.heading', { number: c.number }), ' ',
      el('a', { href: '#person=' + c.person.number, text: c.person.name })),
    el('span', { class: 'pill', 'data-status': 'outcome-' + c.outcome, text: has('outcome.' + c.outcome)
      ? t('outcome.' + c.outcome) : c.outcome })),
  el('p', { class: 'challenge-grounds' }, el('strong', { text: t('grounds.' + c.grounds) }), ' — ',
    el('q', { text: c.reason })),
  el('p', { class: 'hint' }, t('challenges.openedBy', { name: c.challenger.name }), ' ', dateElement(c.openedAt),
    ' · ',
    c.outcome === 'open' ? t('challenges.deadline') + ' ' : t('challenges.resolved') + ' ',
    c.outcome === 'open' ? dateElement(c.deadline) : dateElement(c.resolvedAt || c.deadline)),
  el('p', { class: 'tally' }, c.jury.length === 0 ? t('challenges.tallyUndrawn')
    : t('challenges.tally', { revoke: c.revokeVotes, dismiss: c.dismissVotes, majority, size: c.jury.length })),
  c.jury.length === 0 && c.juryDraw != null ? el('p', { class: 'hint jury-drawing' },
    t('challenges.juryDrawing'), ' ', el('a', { href: 'draws#draw=' + c.juryDraw,
      text: t('challenges.juryDraw', { n: c.juryDraw }) })) : null,
  el('ul', { class: 'jury', 'aria-label': t('challenges.jury') }, ...c.jury.map((j) => el('li', {
    class: 'juror' + (myJuror && myJuror.number === j.number ? ' me' : ''), 'data-number': j.number,
    'data-vote': j.vote === null ? 'none' : j.vote },
  el('a', { href: '#person=' + j.number, text: j.name }), ' ',
  el('span', { class: 'vote', text: j.vote === null ? t('vote.none') : has('vote.' + j.vote) ? t('vote.' + j.vote)
    : j.vote })))));
  if (myJuror && myJuror.vote === null && c.outcome === 'open') {
    item.append(juryBox(c, headingId));
  }
  return item;
}

function juryBox(c, headingId) {
  const region = el('div', { class: 'feedback', role: 'status', hidden: true, 'data-for': c.id });
  const vote = (verdict) => {
    const button = el('button', { type: 'button', class: 'button' + (verdict === 'revoke' ? ' danger' : ' primary'),
      'data-verdict': verdict, 'aria-describedby': headingId, text: t('challenges.vote.' + verdict) });
    button.addEventListener('click', async () => {
      for (const b of box.querySelectorAll('button')) {
        b.disabled = true;
      }
      const result = await feedback.perform(region, {
        pendingText: t('tx.signing'),
        run: () => send(shell.identity, shell.society, 'citizenship.juryVote', { challenge: c.id, verdict }),
        done: () => t('challenges.voted', { verdict: t('verdict.' + verdict) }),
      });
      if (result) {
        const fresh = await api.challenge(c.id);
        state.challenges = state.challenges.map((x) => (x.id === c.id ? fresh : x));
        const updated = challengeItem(fresh, me());
        updated.append(region);
        $('challenge-' + c.id).replaceWith(updated);
        renderJuryNotice();
        updated.focus();
      } else {
        for (const b of box.querySelectorAll('button')) {
          b.disabled = false;
        }
      }
    });
    return button;
  };
  const box = el('div', { class: 'juror-box' },
    el('p', {}, el('strong', { text: t('challenges.youAreJuror') }), ' ', t('challenges.jurorText')),
    el('div', { class: 'actions' }, vote('dismiss'), vote('revoke')),
    region);
  return box;
}

async function showChallenge(id) {
  if (!state.challenges.some((c) => c.id === id)) {
    try {
      const c = await api.challenge(id);
      state.challenges = [c, ...state.challenges];
      renderChallenges();
    } catch (e) {
      return;
    }
  }
  const item = $('challenge-' + id);
  if (item) {
    item.scrollIntoView({ block: 'start' });
    item.focus();
  }
}

// ---- start ----------------------------------------------------------------------------------------------------------

function route() {
  const person = /^#person=([0-9]{1,10}|[0-9a-f]{64}|did:key:z[1-9A-HJ-NP-Za-km-z]+)$/.exec(location.hash);
  const challenge = /^#challenge=([0-9a-f]{64})$/.exec(location.hash);
  if (person) {
    showPerson(person[1]);
  } else if (challenge) {
    showChallenge(challenge[1]);
  }
}

async function start() {
  await startPage('citizens.pageTitle');
  $('citizens-status').replaceChildren(...FILTERS.map((f) => el('option', { value: f,
    text: f === 'all' ? t('citizens.filter.all') : t('status.' + f) })));
  $('citizens-search').addEventListener('submit', search);
  $('citizens-next').addEventListener('click', nextPage);
  $('citizens-prev').addEventListener('click', previousPage);
  globalThis.addEventListener('hashchange', route);
  // a different key (restored, rotated, forgotten) changes what this browser may do here
  onIdentityChange(() => {
    renderChallenges();
    if (state.person) {
      renderPerson(state.person);
      renderPersonActions(state.person);
      loadPersonHistory(state.person);
    }
  });
  state.afters = [-1];
  await Promise.all([loadPage(-1), loadChallenges()]);
  route();
}

start();
