// The signing module. Every transaction the web app sends is built, canonicalized (RFC 8785) and signed here, in
// the browser, with the key from keystore.js; the node only ever receives the signed envelope
// {"payload": {type, society, signer, nonce, expires, body}, "signature": base64url(Ed25519(JCS(payload)))}.
// No DOM: feedback.js shows what happens to a transaction.

import * as api from './api.js';
import { ApiError } from './api.js';
import { ascii, randomBytes, sha256, toBase64Url, toHex } from './bytes.js';
import { canonicalBytes } from './jcs.js';

/** How long a transaction stays valid: ten minutes, or less if the society allows less. */
export const LIFETIME_MS = 10 * 60 * 1000;
const POLL_MS = 500;
const WAIT_MS = 60 * 1000;

/** A fresh nonce: 16 random bytes in base64url (22 characters of A-Z a-z 0-9 _ -). */
export function nonce() {
  return toBase64Url(randomBytes(16));
}

/** The society's limit on how far ahead a transaction may expire, in ms (from GET society's parameters). */
function maxLifetimeMs(society) {
  const p = (society.parameters || []).find((x) => x.name === 'tx.maxLifetimeSeconds');
  return p && Number.isSafeInteger(p.value) ? p.value * 1000 : LIFETIME_MS;
}

/**
 * The payload of a transaction of this society, signed by `signer` (a did:key). Its expiry counts from the later of
 * this device's clock and the node's (GET society's `now`), so that a device whose clock is behind is not refused.
 */
export function payload(society, signer, type, body, { now = Math.max(Date.now(), society.now || 0) } = {}) {
  const lifetime = Math.min(LIFETIME_MS, Math.max(30 * 1000, maxLifetimeMs(society) - 60 * 1000));
  return { type, society: society.id, signer, nonce: nonce(), expires: now + lifetime, body };
}

/** The transaction id of a payload: SHA-256 of its canonical bytes, in hex. */
export async function txIdOf(p) {
  return toHex(await sha256(canonicalBytes(p)));
}

/** Signs a payload with an identity (keystore.js); returns {envelope, txId}. */
export async function sign(identity, p) {
  if (p.signer !== identity.did) {
    throw new Error('the payload names ' + p.signer + ' as its signer, not this key');
  }
  const bytes = canonicalBytes(p);
  const signature = toBase64Url(await identity.sign(bytes));
  return { envelope: { payload: p, signature }, txId: toHex(await sha256(bytes)) };
}

/**
 * Signs and submits a transaction, and waits for the node's verdict. Resolves with {txId, height, leafIndex} once it
 * is in a block; rejects with the node's ApiError (code, detail) if it is refused.
 */
export async function send(identity, society, type, body) {
  const { envelope, txId } = await sign(identity, payload(society, identity.did, type, body));
  const answer = await api.submit(envelope);
  if (answer.status === 'committed') {
    return { txId, height: answer.height, leafIndex: answer.leafIndex };
  }
  return waitFor(txId);
}

/** Follows a transaction the node has accepted but not yet put in a block. */
export async function waitFor(txId, { timeoutMs = WAIT_MS } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const s = await api.txStatus(txId);
    if (s.status === 'committed') {
      return { txId, height: s.height, leafIndex: s.leafIndex };
    }
    if (s.status === 'rejected') {
      throw new ApiError({ status: 422, code: s.code, detail: s.detail });
    }
  }
  throw new ApiError({ code: 'STILL_PENDING', detail: 'transaction ' + txId + ' is still waiting for a block' });
}

/**
 * The proof that a new key is held, for a key rotation or a recovery: the new key's signature of the ASCII bytes
 * "phyle-key-possession:v1:<society id>:<person id>", in base64url.
 */
export async function keyProof(newIdentity, societyId, personId) {
  return toBase64Url(await newIdentity.sign(ascii('phyle-key-possession:v1:' + societyId + ':' + personId)));
}
