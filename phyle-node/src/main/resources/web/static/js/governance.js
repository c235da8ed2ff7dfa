// Proposals in words and numbers, shared by the governance pages: states, methods, kinds and thresholds in words,
// what a proposal waits for, a voter's ballot (ballots are public), and the quadratic credits a voter may spend on a
// proposal. No DOM.

import * as api from './api.js';
import { formatNumber, formatPercent, fromNow, has, t } from './messages.js';

export const METHODS = ['yes-no', 'quadratic', 'approval', 'ranked'];
export const THRESHOLDS = ['majority', 'three-fifths', 'two-thirds', 'three-quarters', 'unanimity'];
/** Kinds whose passing changes something, after a timelock; they are decided by a yes/no vote. */
export const BINDING_KINDS = new Set(['parameter', 'text', 'stewards', 'council']);
/** The kinds a citizen may propose here (a council election comes with the Commonwealth stage). */
export const KINDS = ['signal', 'parameter', 'text', 'stewards'];

const word = (prefix, value) => (has(prefix + value) ? t(prefix + value) : String(value));
export const methodName = (method) => word('method.', method);
export const kindName = (kind) => word('kind.', kind);
export const stateName = (state) => word('state.', state);
export const topicName = (topic) => (topic === '*' ? t('topic.all') : topic);

/** A yes/no threshold in words: "more than half", "at least two thirds", "at least 66.67%" (for "6667bp"). */
export function thresholdText(name) {
  const bp = /^([0-9]{4,5})bp$/.exec(name || '');
  if (bp) {
    return t('threshold.bp', { percent: formatPercent(Number(bp[1]) / 10000, 2) });
  }
  return word('threshold.', name);
}

/** The fraction of yes among yes and no that a threshold needs, for drawing it. */
export function thresholdFraction(name) {
  const bp = /^([0-9]{4,5})bp$/.exec(name || '');
  if (bp) {
    return Number(bp[1]) / 10000;
  }
  return { majority: 1 / 2, 'three-fifths': 3 / 5, 'two-thirds': 2 / 3, 'three-quarters': 3 / 4, unanimity: 1 }[name]
    ?? 1 / 2;
}

/** Basis points in words: 2500 → "25%". */
export const bpText = (bp) => formatPercent(bp / 10000, 2);

/** What a proposal is waiting for, or how it ended, in one line (for lists and the proposal's head). */
export function statusLine(p, now) {
  switch (p.state) {
    case 'draft':
      return p.sponsorsRequired - p.sponsors === 1 ? t('proposal.status.draftOne')
        : t('proposal.status.draft', { n: formatNumber(Math.max(0, p.sponsorsRequired - p.sponsors)) });
    case 'sponsored':
      return p.opensAt ? t('proposal.status.sponsored', { when: fromNow(p.opensAt, now) }) : stateName(p.state);
    case 'voting':
      return t('proposal.status.voting', { when: fromNow(p.closesAt, now), n: formatNumber(p.ballots) });
    case 'passed':
    case 'failed':
    case 'executed':
    case 'not executed':
      return t(p.passed ? 'proposal.status.passed' : 'proposal.status.failed', { n: formatNumber(p.ballots) });
    default:
      return stateName(p.state);
  }
}

/** The credits a quadratic ballot costs: the sum of the squares of its votes. */
export function cost(votes) {
  return votes.reduce((sum, v) => sum + v * v, 0);
}

/**
 * The ballot a person cast on a proposal (the last one counts), or null; `panel` for a panellist's ballot in the
 * outside panel. Ballots are in voter-number order.
 */
export async function ballotOf(proposalId, personNumber, { panel = false } = {}) {
  const answer = panel
    ? await api.getJson('proposals/' + encodeURIComponent(proposalId) + '/ballots', { after: personNumber - 1, limit: 1,
      panel: 'true' })
    : await api.ballots(proposalId, { after: personNumber - 1, limit: 1 });
  const first = (answer.ballots || [])[0];
  return first && first.voter.number === personNumber ? first.ballot : null;
}

/** The quadratic-voting epoch a time falls in, counted from the society's genesis. */
export function epochOf(time, society) {
  const p = (society.parameters || []).find((x) => x.name === 'governance.epochDays');
  const days = p && Number.isSafeInteger(p.value) ? p.value : 30;
  return Math.floor((time - society.genesisTime) / (days * 86400000));
}

/**
 * The credits a voter may spend on this quadratic proposal: what is left in the epoch its voting opened in, plus
 * the cost of their earlier ballot on it (refunded when it is replaced). GET delegations counts the current epoch
 * only; for a vote opened in another epoch the proposal's own credits are the most there can be (`exact` false).
 */
export function budget(proposal, credits, previous, society) {
  const refund = previous && Array.isArray(previous.votes) ? cost(previous.votes) : 0;
  const opened = proposal.timeline && proposal.timeline.opened;
  if (credits && opened && epochOf(opened, society) === credits.epoch) {
    return { credits: credits.left + refund, refund, exact: true };
  }
  return { credits: proposal.rules.voiceCredits, refund, exact: false };
}

/** A ballot in words: "yes", "Porto, then Alentejo", "+3 Solar panels, −1 Booking app". */
export function ballotText(ballot, options) {
  const name = (i) => options[i] ?? '#' + i;
  if (ballot.choice) {
    return word('choice.', ballot.choice);
  }
  if (Array.isArray(ballot.votes)) {
    const parts = ballot.votes.map((v, i) => [v, i]).filter(([v]) => v !== 0)
      .map(([v, i]) => t('ballot.votesOn', { votes: (v > 0 ? '+' : '−') + formatNumber(Math.abs(v)),
        option: name(i) }));
    return parts.length ? parts.join(', ') : t('ballot.noVotes');
  }
  if (Array.isArray(ballot.approve)) {
    return ballot.approve.length ? ballot.approve.map(name).join(', ') : t('ballot.noApprovals');
  }
  if (Array.isArray(ballot.ranking)) {
    return ballot.ranking.map((i, k) => formatNumber(k + 1) + '. ' + name(i)).join(' ');
  }
  return JSON.stringify(ballot);
}
