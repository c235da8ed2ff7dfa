// Proposals: the list with state filters and pages; one proposal (#proposal=<id>) with its text, kind, method,
// frozen rules, timeline, sponsors, ballots and results in charts; sponsoring, cancelling, executing and the founder's
// veto; the ballot in the proposal's method (a citizen's, or a seated outside panellist's); delegation by topic; and
// the form that makes a proposal. Everything is signed in this browser (tx.js) and answered through feedback.js.

import * as api from './api.js';
import { ballotForm } from './ballot.js';
import { renderDelegation, setUpDelegation } from './delegation.js';
import { confirmAct } from './dialog.js';
import { mountDiscussion } from './discussion.js';
import * as feedback from './feedback.js';
import {
  BINDING_KINDS, ballotOf, ballotText, bpText, budget, kindName, methodName, stateName, statusLine, thresholdText,
  topicName,
} from './governance.js';
import { formatNumber, has, t } from './messages.js';
import { paramName, paramValue } from './params.js';
import { setUpProposeForm } from './propose.js';
import { renderResults } from './results.js';
import { send } from './tx.js';
import {
  $, code, el, fact, fill, idDetails, nodeNow, peopleLinks, personLink, problemText, shell, startPage, timeElement,
} from './ui.js';

const PAGE = 20;
const FILTERS = ['all', 'open', 'voting', 'draft', 'closed', 'executed', 'cancelled'];

const state = { filter: 'open', next: null, shown: 0, proposal: null };

// Feedback regions kept across re-renders of a proposal, so that an answer stays where the person acted.
const actionFeedback = el('div', { id: 'action-feedback', class: 'feedback', role: 'status', hidden: true });
const ballotFeedback = el('div', { id: 'ballot-feedback', class: 'feedback', role: 'status', hidden: true });
const panelFeedback = el('div', { id: 'panel-ballot-feedback', class: 'feedback', role: 'status', hidden: true });
// The proposal's discussion, kept across re-renders of the same proposal (a comment being written stays).
const discussionBox = el('div', { class: 'subcard discussion-box', id: 'proposal-discussion' });
let discussionOf = null;
let discussion = null;

const me = () => (shell.person && shell.identity && shell.person.did === shell.identity.did ? shell.person : null);
const isFounder = () => Boolean(shell.identity && shell.society && shell.identity.did === shell.society.founder);

// ---- the list -------------------------------------------------------------------------------------------------------

function renderFilters() {
  $('proposals-filters').replaceChildren(...FILTERS.map((f) => el('li', {}, el('button', { type: 'button',
    class: 'button small filter', 'data-filter': f, 'aria-pressed': String(f === state.filter),
    text: t('proposals.filter.' + f), onclick: () => {
      state.filter = f;
      renderFilters();
      loadList(false);
    } }))));
}

async function loadList(more) {
  const list = $('proposals-list');
  list.setAttribute('aria-busy', 'true');
  try {
    const answer = await api.proposals({ state: state.filter, before: more ? state.next : undefined, limit: PAGE });
    const items = answer.proposals || [];
    if (!more) {
      list.replaceChildren();
      state.shown = 0;
    }
    list.append(...items.map(row));
    state.shown += items.length;
    state.next = answer.next;
    $('proposals-more').hidden = answer.next === null || answer.next === undefined;
    $('proposals-summary').textContent = state.shown === 0 ? t('proposals.none')
      : t('proposals.shown', { n: formatNumber(state.shown), filter: t('proposals.filter.' + state.filter) });
    if (more && items.length) {
      list.children[state.shown - items.length].querySelector('a').focus();
    }
  } catch (e) {
    list.replaceChildren(el('li', { class: 'problem', text: problemText(e) }));
  } finally {
    list.removeAttribute('aria-busy');
  }
}

function row(p) {
  const now = nodeNow();
  return el('li', { class: 'proposal-row', 'data-state': p.state, 'data-method': p.method, 'data-id': p.id },
    el('div', { class: 'proposal-row-head' },
      el('a', { class: 'proposal-link', href: '#proposal=' + p.id, text: p.title }),
      el('span', { class: 'pill', 'data-status': 'proposal-' + p.state, text: stateName(p.state) })),
    el('p', { class: 'proposal-meta' }, '#' + formatNumber(p.number) + ' · ' + kindName(p.kind) + ' · '
      + methodName(p.method) + ' · ' + t('proposal.topicIs', { topic: topicName(p.topic) })),
    el('p', { class: 'proposal-status', text: statusLine(p, now) }));
}

// ---- one proposal ---------------------------------------------------------------------------------------------------

function route() {
  const m = /^#proposal=([0-9a-f]{64})$/.exec(location.hash);
  const detail = Boolean(m);
  $('proposal').hidden = !detail;
  $('proposals').hidden = detail;
  $('propose').hidden = detail;
  if (m) {
    if (!state.proposal || state.proposal.id !== m[1]) {
      feedback.clear(actionFeedback);
      feedback.clear(ballotFeedback);
      feedback.clear(panelFeedback);
    }
    showProposal(m[1], { focus: true });
  } else {
    state.proposal = null;
    loadList(false);
  }
}

// Each showing gets a number; an answer that arrives after a later showing began (the reader moved on to another
// proposal while a ballot's refresh was still loading) is dropped, so the page never shows what was left.
let showing = 0;

async function showProposal(id, { focus = false } = {}) {
  const ticket = ++showing;
  const stale = () => ticket !== showing;
  const box = $('proposal-detail');
  if (!state.proposal || state.proposal.id !== id) {
    box.replaceChildren(el('h1', { id: 'proposal-title', text: t('loading') }));
  }
  try {
    const p = await api.proposal(id);
    if (stale()) {
      return;
    }
    const mine = me();
    const previous = mine && p.state === 'voting' ? await ballotOf(p.id, mine.number).catch(() => null) : null;
    const seat = panelSeat(p, mine);
    const panelPrevious = seat && p.state === 'voting' ? await ballotOf(p.id, mine.number, { panel: true })
      .catch(() => null) : null;
    const credits = mine && p.method === 'quadratic' && p.state === 'voting'
      ? (await api.delegations(mine.id).catch(() => null))?.credits : null;
    if (stale()) {
      return;
    }
    state.proposal = p;
    document.title = t('proposal.pageTitle', { title: p.title, name: shell.society.name });
    render(p, { previous, seat, panelPrevious, credits });
    if (focus) {
      $('proposal').focus();
    }
  } catch (e) {
    if (stale()) {
      return;
    }
    fill(box, el('h1', { id: 'proposal-title', text: t('proposal.title') }),
      el('p', { class: 'problem', text: problemText(e) }));
  }
}

function panelSeat(p, mine) {
  return Boolean(mine && p.panel && (p.panel.members || []).some((m) => m.id === mine.id));
}

function render(p, { previous, seat, panelPrevious, credits }) {
  const now = nodeNow();
  const box = $('proposal-detail');
  const results = p.tally ? el('section', { class: 'results', id: 'results', 'aria-labelledby': 'results-title' })
    : null;
  fill(box,
    el('p', { class: 'eyebrow', text: '#' + formatNumber(p.number) + ' · ' + kindName(p.kind) + ' · '
      + methodName(p.method) }),
    el('div', { class: 'person-head' }, el('h1', { id: 'proposal-title', text: p.title }),
      el('span', { class: 'pill', id: 'proposal-state', 'data-status': 'proposal-' + p.state, text: stateName(p.state) })),
    el('p', { class: 'proposal-status', id: 'proposal-status', text: statusLine(p, now) }),
    p.terms.text ? el('div', { class: 'proposal-text', id: 'proposal-text' }, ...p.terms.text.split(/\n{2,}/)
      .map((para) => el('p', { text: para }))) : null,
    el('dl', { class: 'facts', id: 'proposal-facts' },
      fact(t('proposal.author'), personLink(p.author)),
      fact(t('proposal.topic'), topicName(p.topic)),
      fact(t('proposal.kind'), kindName(p.kind)),
      fact(t('proposal.method'), methodName(p.method)),
      p.options.length && p.method !== 'yes-no' ? fact(t('proposal.options'), el('ol', { class: 'options-list' },
        ...p.options.map((o) => el('li', { text: o })))) : null,
      p.terms.action ? fact(t('proposal.action'), actionView(p)) : null,
      fact(t('proposal.sponsors'), el('div', {}, el('p', { text: t('proposal.sponsorsCount', {
        n: formatNumber(p.sponsors), of: formatNumber(p.sponsorsRequired) }) }),
      peopleLinks(p.sponsoredBy, t('proposal.noSponsors'), { id: 'proposal-sponsors' }))),
      p.electorate ? fact(t('proposal.electorate'), formatNumber(p.electorate)) : null,
      p.execution ? fact(t('proposal.execution'), p.execution) : null),
    idDetails([fact(t('proposal.id'), code(p.id))], { id: 'proposal-ids' }),
    rulesView(p),
    timelineView(p),
    actionsView(p, now),
    ballotView(p, previous, credits, false),
    p.panel ? panelView(p, seat, panelPrevious) : null,
    results,
    ballotsView(p),
    discussionBox);
  if (results) {
    renderResults(results, p);
  }
  if (discussionOf !== p.id) {
    discussionOf = p.id;
    discussion?.stop();
    discussion = mountDiscussion(discussionBox, { on: 'proposal', place: p.id, headingLevel: 'h2' });
  }
}

function actionView(p) {
  const a = p.terms.action;
  if (a.changes) {
    // a parameter named for people and its new value in units, the technical name small
    const specs = new Map(((shell.society && shell.society.parameters) || []).map((x) => [x.name, x]));
    return el('ul', { class: 'plain' }, ...Object.entries(a.changes).map(([name, value]) => el('li', {},
      paramName(name), ' → ', el('strong', { text: paramValue({ ...(specs.get(name) || {}), name, value }) }), ' ',
      el('span', { class: 'parameter-id' }, '(', code(name), ')'))));
  }
  if (a.target) {
    return el('div', {}, el('p', { text: a.text ? t('proposal.amendTarget', { target: a.target })
      : t('proposal.repealTarget', { target: a.target }) }), a.text ? el('blockquote', { class: 'amendment',
      text: a.text }) : null, a.entrenched !== undefined ? el('p', { class: 'hint', text: t(a.entrenched
      ? 'proposal.entrenches' : 'proposal.releases') }) : null);
  }
  if (a.appoint || a.dismiss) {
    return el('p', { text: t('proposal.stewardsAction', { appoint: formatNumber((a.appoint || []).length),
      dismiss: formatNumber((a.dismiss || []).length) }) });
  }
  return code(JSON.stringify(a));
}

function rulesView(p) {
  const r = p.rules;
  const items = [
    p.method === 'yes-no' ? fact(t('rules.threshold'), thresholdText(r.threshold)) : null,
    fact(t('rules.quorum'), bpText(r.quorumBp)),
    fact(t('rules.voting'), t('rules.hours', { n: formatNumber(r.votingHours) })),
    BINDING_KINDS.has(p.kind) ? fact(t('rules.timelock'), t('rules.hours', { n: formatNumber(r.timelockHours) }))
      : null,
    fact(t('rules.sponsors'), formatNumber(r.sponsorsRequired)),
    fact(t('rules.maxDelegated'), bpText(r.maxDelegatedBp)),
    r.voiceCredits !== undefined ? fact(t('rules.voiceCredits'), formatNumber(r.voiceCredits)) : null,
    r.allowNegative !== undefined ? fact(t('rules.negative'), t(r.allowNegative ? 'rules.yes' : 'rules.no')) : null,
    r.maxApprovals !== undefined ? fact(t('rules.maxApprovals'), formatNumber(r.maxApprovals)) : null,
    p.method !== 'yes-no' ? fact(t('rules.winners'), formatNumber(r.winners)) : null,
  ];
  return el('section', { class: 'subcard', id: 'proposal-rules', 'aria-labelledby': 'rules-title' },
    el('h3', { id: 'rules-title', text: t('rules.title') }),
    el('p', { class: 'hint', text: t('rules.frozen') }),
    el('dl', { class: 'facts' }, ...items));
}

function timelineView(p) {
  const tl = p.timeline || {};
  const events = [['created', tl.created], ['sponsored', tl.sponsored], ['opened', tl.opened || p.opensAt],
    ['closed', tl.closed || p.closesAt], ['vetoed', tl.vetoed], ['executable', tl.executable],
    ['executed', tl.executed]].filter(([, time]) => time);
  const now = nodeNow();
  return el('section', { class: 'subcard', id: 'proposal-timeline', 'aria-labelledby': 'timeline-title' },
    el('h3', { id: 'timeline-title', text: t('timeline.title') }),
    el('ol', { class: 'timeline' }, ...events.map(([name, time]) => el('li', { 'data-event': name,
      'data-future': String(time > now) },
    el('span', { class: 'timeline-name', text: t('timeline.' + name + (time > now ? '.future' : '')) }), ' ',
    timeElement(time, { full: true })))));
}

// ---- acts on a proposal ------------------------------------------------------------------------------------------

function actionsView(p, now) {
  const mine = me();
  const buttons = [];
  const act = (id, label, type, done, { confirm, danger } = {}) => el('button', { type: 'button', id,
    class: 'button' + (danger ? ' danger' : ' primary'), text: label, onclick: async (e) => {
      const button = e.currentTarget;
      if (confirm && !(await confirmAct(confirm))) {
        return;
      }
      const result = await feedback.perform(actionFeedback, { button, pendingText: t('tx.signing'),
        run: () => send(shell.identity, shell.society, type, { proposal: p.id }), done: () => done });
      if (result) {
        await showProposal(p.id);
        actionFeedback.setAttribute('tabindex', '-1');
        actionFeedback.focus();
      }
    } });
  if (mine && p.state === 'draft' && mine.number !== p.author.number
      && !p.sponsoredBy.some((s) => s.number === mine.number)) {
    buttons.push(act('sponsor-button', t('proposal.sponsor'), 'governance.sponsor', t('proposal.sponsored')));
  }
  if (mine && mine.number === p.author.number && (p.state === 'draft' || p.state === 'sponsored')) {
    buttons.push(act('cancel-button', t('proposal.cancel'), 'governance.cancel', t('proposal.cancelled'), {
      danger: true, confirm: { id: 'cancel-dialog', title: t('proposal.cancelTitle'), text: t('proposal.cancelText'),
        confirm: t('proposal.cancelConfirm'), cancel: t('proposal.keep') } }));
  }
  const tl = p.timeline || {};
  if (shell.identity && p.state === 'passed' && tl.executable && tl.executable <= now && !tl.executed) {
    buttons.push(act('execute-button', t('proposal.execute'), 'governance.execute', t('proposal.executed')));
  }
  if (isFounder() && p.state === 'passed' && BINDING_KINDS.has(p.kind) && !tl.vetoed && tl.executable > now) {
    buttons.push(act('veto-button', t('proposal.veto'), 'charter.veto', t('proposal.vetoed'), {
      danger: true, confirm: { id: 'veto-dialog', title: t('proposal.vetoTitle'), text: t('proposal.vetoText'),
        confirm: t('proposal.vetoConfirm'), cancel: t('proposal.keep') } }));
  }
  if (buttons.length === 0 && actionFeedback.hidden) {
    return null;
  }
  return el('div', { class: 'proposal-actions', id: 'proposal-actions' },
    buttons.length ? el('div', { class: 'actions' }, ...buttons) : null, actionFeedback);
}

// ---- ballots ------------------------------------------------------------------------------------------------------

/** The ballot form for this browser's key: a citizen's, or (panel) a seated panellist's. */
/** How this ballot is counted, in words, beside the ballot itself: the method and this proposal's own rules. */
function countingExplained(p, suffix = '') {
  const r = p.rules || {};
  return el('div', { class: 'method-explained', id: 'ballot-method' + suffix },
    el('p', {}, el('strong', { text: t('count.title', { method: methodName(p.method) }) }), ' ',
      t('count.' + p.method, { threshold: thresholdText(r.threshold), quorum: bpText(r.quorumBp),
        credits: formatNumber(r.voiceCredits || 0), winners: formatNumber(r.winners || 1),
        most: formatNumber(r.maxApprovals || p.options.length) })),
    el('p', { class: 'hint' }, t('count.quorum', { quorum: bpText(r.quorumBp) }), ' ',
      el('a', { href: 'glossary#term-' + (p.method === 'ranked' ? 'instant-runoff' : p.method), text: t('count.more') })));
}

function ballotView(p, previous, credits, panel) {
  if (p.state !== 'voting' || (!panel && panelSeat(p, me()))) {
    return panel ? null : ballotFeedback.hidden ? null : ballotFeedback;
  }
  const suffix = panel ? '-panel' : '';
  const mine = me();
  const region = panel ? panelFeedback : ballotFeedback;
  const section = el('section', { class: 'subcard ballot-box', id: 'ballot' + suffix,
    'aria-labelledby': 'ballot-title' + suffix },
  el('h3', { id: 'ballot-title' + suffix, text: t(panel ? 'ballot.panelTitle' : 'ballot.title') }),
  countingExplained(p, suffix));
  if (!shell.identity) {
    section.append(el('p', { class: 'hint' }, t('ballot.noKey'), ' ', el('a', { href: 'join', text: t('nav.join') })));
    return section;
  }
  if (!panel && (!mine || mine.status !== 'citizen')) {
    section.append(el('p', { class: 'notice', id: 'ballot-not-citizen', text: t('ballot.notCitizen') }));
  }
  if (previous) {
    section.append(el('p', { class: 'your-ballot', id: 'your-ballot' + suffix }, el('strong', {
      text: t('ballot.yours') }), ' ', ballotText(previous, p.options)));
  }
  section.append(el('p', { class: 'hint', text: t('ballot.replace') }));
  const type = panel ? 'governance.panelVote' : 'governance.vote';
  section.append(ballotForm(p, {
    previous,
    budget: budget(p, credits, previous, shell.society),
    cast: async (ballot, button) => {
      const result = await feedback.perform(region, { button, pendingText: t('tx.signing'),
        run: () => send(shell.identity, shell.society, type, { proposal: p.id, ballot }),
        done: () => t('ballot.cast', { ballot: ballotText(ballot, p.options) }) });
      if (result) {
        await showProposal(p.id);
        const yours = document.getElementById('your-ballot' + suffix);
        yours?.setAttribute('tabindex', '-1');
        yours?.focus();
      }
    },
  }), region);
  return section;
}

function panelView(p, seat, previous) {
  const x = p.panel;
  return el('section', { class: 'subcard panel', id: 'panel', 'aria-labelledby': 'panel-title' },
    el('h3', { id: 'panel-title', text: t('panel.title') }),
    el('p', { text: t('panel.share', { share: bpText(x.shareBp), size: formatNumber(x.size) }) }),
    x.note ? el('p', { class: 'notice', text: x.note }) : null,
    el('dl', { class: 'facts' },
      fact(t('panel.draw'), x.drawNumber !== null && x.drawNumber !== undefined
        ? el('a', { href: 'draws#draw=' + x.drawNumber, id: 'panel-draw', text: t('panel.drawLink', {
          n: formatNumber(x.drawNumber) }) }) : t('panel.noDraw')),
      x.phase ? fact(t('panel.phase'), has('panel.phase.' + x.phase) ? t('panel.phase.' + x.phase) : x.phase) : null,
      fact(t('panel.ballots'), formatNumber(x.ballots || 0)),
      fact(t('panel.members'), (x.members || []).length ? el('details', { class: 'disclosure' },
        el('summary', { text: t('panel.membersCount', { n: formatNumber(x.members.length) }) }),
        el('ul', { class: 'people-inline', id: 'panel-members' }, ...x.members.map((m) => el('li', {}, personLink(m),
          m.region ? ' (' + m.region + ')' : ''))))
        : el('span', { text: t('panel.noMembers') }))),
    seat ? ballotView(p, previous, null, true) : null,
    el('details', { class: 'disclosure' }, el('summary', { text: t('panel.ballotsTitle') }),
      ballotsList(p, true)));
}

function ballotsView(p) {
  if (!p.ballots) {
    return null;
  }
  return el('section', { class: 'subcard', id: 'proposal-ballots', 'aria-labelledby': 'ballots-title' },
    el('h3', { id: 'ballots-title', text: t('ballots.title', { n: formatNumber(p.ballots) }) }),
    el('p', { class: 'hint', text: t('ballots.public') }),
    ballotsList(p, false));
}

/** A list of ballots, 20 at a time, with a button for more. */
function ballotsList(p, panel) {
  const list = el('ol', { class: 'ballots plain', id: panel ? 'panel-ballots-list' : 'ballots-list' });
  const more = el('button', { type: 'button', class: 'button small', hidden: true, text: t('ballots.more') });
  let after;
  async function load() {
    try {
      const params = { after, limit: PAGE };
      const answer = panel ? await api.getJson('proposals/' + p.id + '/ballots', { ...params, panel: 'true' })
        : await api.ballots(p.id, params);
      list.append(...answer.ballots.map((b) => el('li', { class: 'ballot-row' }, personLink(b.voter), ': ',
        ballotText(b.ballot, p.options))));
      after = answer.next;
      more.hidden = after === null || after === undefined;
    } catch (e) {
      list.append(el('li', { class: 'problem', text: problemText(e) }));
    }
  }
  more.addEventListener('click', load);
  load();
  return el('div', {}, list, more);
}

// ---- the page -----------------------------------------------------------------------------------------------------

async function renderMe() {
  const mine = me();
  const who = $('propose-who');
  $('propose-form').hidden = !(mine && mine.status === 'citizen');
  who.hidden = Boolean(mine && mine.status === 'citizen');
  who.textContent = shell.identity ? t('propose.notCitizen') : t('propose.noKey');
  await renderDelegation(mine);
}

async function topics() {
  try {
    const answer = await api.proposals({ limit: 200 });
    const all = new Set(['general', '*', ...(answer.proposals || []).map((p) => p.topic)]);
    $('topics').replaceChildren(...[...all].map((x) => el('option', { value: x })));
  } catch (e) {
    // topics are a convenience
  }
}

await startPage('proposals.pageTitle');
renderFilters();
setUpDelegation();
if (shell.society) {
  setUpProposeForm(() => topics());
}
$('proposals-more').addEventListener('click', () => loadList(true));
globalThis.addEventListener('hashchange', route);
globalThis.addEventListener('phyle:me', () => {
  renderMe();
  if (state.proposal) {
    showProposal(state.proposal.id);
  }
});
renderMe();
topics();
route();
