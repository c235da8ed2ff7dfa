// Names of people by person id or did:key, fetched once each from GET citizens/{ref} and remembered, so that
// histories read "Vouch for Ana Costa" rather than an id. No DOM.

import * as api from './api.js';

const known = new Map(); // ref -> {number, id, name, did} or null if nobody

/** Remembers people the page already has (from a list or a person's details). */
export function remember(...people) {
  for (const p of people.flat()) {
    if (p && p.id) {
      known.set(p.id, p);
      if (p.did) {
        known.set(p.did, p);
      }
    }
  }
}

/** The person for a ref, if known already (no request). */
export function lookup(ref) {
  return known.get(ref) || null;
}

/** The name for a person id or did:key, if known already. */
export function nameOf(ref) {
  const p = known.get(ref);
  return p ? p.name : null;
}

/** Fetches the people behind refs not known yet (at most `max` at once); failures leave them unknown. */
export async function resolve(refs, { max = 40 } = {}) {
  const missing = [...new Set(refs.filter((r) => typeof r === 'string' && r && !known.has(r)))].slice(0, max);
  await Promise.all(missing.map(async (ref) => {
    try {
      const p = await api.personOrNull(ref);
      known.set(ref, p);
      remember(p);
    } catch (e) {
      // left unknown: shown by its short id
    }
  }));
}
