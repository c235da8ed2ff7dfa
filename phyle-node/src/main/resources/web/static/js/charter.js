// The charter in force, checked in the browser before anyone consents to it: GET charter gives the document and
// its hash; the hash must be the SHA-256 of the document's RFC 8785 form, and the one the society names. No DOM.

import * as api from './api.js';
import { sha256, toHex } from './bytes.js';
import { canonicalBytes, canonicalize } from './jcs.js';

/**
 * Fetches and checks the charter. Returns {hash, version, document, parameters, canonical, computed, matches,
 * inForce, verified}: `matches` if the document hashes to `hash`, `inForce` if that is the society's charter.
 */
export async function verifiedCharter(society) {
  const c = await api.charter();
  const computed = toHex(await sha256(canonicalBytes(c.document)));
  const matches = computed === c.hash;
  const inForce = !society || society.charter === c.hash;
  return { ...c, canonical: canonicalize(c.document), computed, matches, inForce, verified: matches && inForce };
}
