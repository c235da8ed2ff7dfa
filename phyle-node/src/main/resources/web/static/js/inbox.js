// What needs a person, from GET inbox/{ref} (computed by the node from the ledger's state) and from the vouch requests
// this browser was sent (links that applicants share: inbox#ask=<number>). No DOM.

import * as api from './api.js';

const ASKS = 'phyle.vouchAsks';

export const inbox = (ref) => api.getJson('inbox/' + encodeURIComponent(ref));

/** The people whose vouch request links were opened in this browser (person numbers). */
export function vouchAsks() {
  try {
    const list = JSON.parse(localStorage.getItem(ASKS) || '[]');
    return Array.isArray(list) ? list.filter((n) => Number.isSafeInteger(n) && n > 0) : [];
  } catch (e) {
    return [];
  }
}

export function rememberAsk(number) {
  const list = vouchAsks().filter((n) => n !== number);
  list.push(number);
  try {
    localStorage.setItem(ASKS, JSON.stringify(list.slice(-50)));
  } catch (e) {
    // not remembered: the request still shows on this visit
  }
}

export function forgetAsk(number) {
  try {
    localStorage.setItem(ASKS, JSON.stringify(vouchAsks().filter((n) => n !== number)));
  } catch (e) {
    // nothing to do
  }
}

/**
 * The vouch requests still open for this citizen: asked for in this browser, still applicants, not yet vouched for by
 * `me`, and not me. Requests that no longer need anything are forgotten.
 */
export async function openAsks(me) {
  const out = [];
  for (const number of vouchAsks()) {
    const p = await api.personOrNull(String(number)).catch(() => null);
    const done = !p || p.status !== 'applicant' || p.id === me.id
      || (p.vouchedBy || []).some((v) => v.number === me.number);
    if (done) {
      forgetAsk(number);
    } else {
      out.push({ kind: 'vouch-ask', about: { id: p.id, number: p.number, name: p.name }, vouches: p.vouchedBy.length });
    }
  }
  return out;
}

/** Everything that needs this person: the node's items, then the vouch requests this browser holds. */
export async function needs(person) {
  const answer = await inbox(person.id);
  const asks = person.status === 'citizen' ? await openAsks(person) : [];
  return { ...answer, items: [...answer.items, ...asks] };
}
