// The opinion keys of this browser: the ristretto255 key pairs (blsag.js) with which a resident signs anonymous
// opinions on the buildings near their home, kept in IndexedDB next to the citizen's key (keystore.js: the same
// database "phyle" and store "keys", under the slot "opinion:<did>" of the citizen they belong to). No DOM.
//
// Unlike the citizen's Ed25519 key, which WebCrypto keeps non-extractable, an opinion secret is a plain 32-byte
// scalar in IndexedDB: WebCrypto has no ristretto255, so the secret must be readable by this site's scripts to sign.
// Whoever can read this browser's storage can therefore link this resident's opinions (the secret gives their
// linking tags) — but cannot move money, vote or act as the citizen. Several keys are kept: a newly registered key
// comes into force at the next epoch, and the one it replaces still signs until then.
//
// Backup: the opinion key is NOT put in the citizen's key backup. That backup is encrypted once, when the key is made,
// with a passphrase this app does not keep, so it cannot be re-written to add a key made later. Alongside it, the
// building page offers the opinion key as a file in the command line's format (opinions.js keyFileText/readKeyFile:
// {"kind": "phyle-opinion-key", did, public, secret}), unencrypted like the command line's: a copy of the secret is a
// copy of what links one's opinions, and the page says so. A browser that loses its opinion key and has no file
// registers a new one (in force from the next epoch): it loses its voice for the rest of the epoch, nothing more.
// Forgetting the citizen's key in this browser (keystore.forgetIdentity) forgets the opinion keys too.

import { inStore } from './keystore.js';
import * as blsag from './blsag.js';
import * as group from './ristretto255.js';

const slot = (did) => 'opinion:' + did;

/**
 * The opinion key pairs this browser holds for a citizen, oldest first: [{secret: BigInt, publicKey: bytes,
 * createdAt: ms}].
 */
export async function loadOpinionKeys(did) {
  const record = await inStore('readonly', (s) => s.get(slot(did)));
  if (!record || !Array.isArray(record.keys)) {
    return [];
  }
  return record.keys.map((k) => ({ ...blsag.keyPairFromSecret(k.secret), createdAt: k.createdAt }));
}

/** Keeps a new key pair for a citizen, after the ones already kept (at most the last four are kept). */
export async function addOpinionKey(did, keyPair) {
  const keys = await loadOpinionKeys(did);
  keys.push({ ...keyPair, createdAt: Date.now() });
  const kept = keys.slice(-4).map((k) => ({ secret: group.encodeScalar(k.secret), publicKey: k.publicKey,
    createdAt: k.createdAt }));
  await inStore('readwrite', (s) => s.put({ keys: kept }, slot(did)));
}

/** Forgets one key pair (a registration the ledger refused). */
export async function dropOpinionKey(did, publicKey) {
  const keys = (await loadOpinionKeys(did)).filter((k) => !sameBytes(k.publicKey, publicKey));
  await inStore('readwrite', (s) => s.put({ keys: keys.map((k) => ({ secret: group.encodeScalar(k.secret),
    publicKey: k.publicKey, createdAt: k.createdAt })) }, slot(did)));
}

/** The key pair of this citizen's whose public key is one of these (32-byte encodings), or null. */
export async function keyAmong(did, publicKeys) {
  const keys = await loadOpinionKeys(did);
  for (let i = keys.length - 1; i >= 0; i--) {
    if (publicKeys.some((p) => sameBytes(p, keys[i].publicKey))) {
      return keys[i];
    }
  }
  return null;
}

function sameBytes(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
