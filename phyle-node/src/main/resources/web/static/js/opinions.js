// The floating building tax's transactions, made in the browser (see docs/land.md, the floating building tax):
//   land.opinionKey  a citizen registers an opinion key, signed by their own key (tx.js), with a proof that they hold
//                    its secret: a bLSAG by the opinion key over the ring of itself alone;
//   land.ring        anyone records a building's ring of neighbours for the current epoch (here: the citizen);
//   land.opinion     an anonymous opinion: a bLSAG over the building's ring, in an envelope signed by a FRESH one-time
//                    Ed25519 key made here and thrown away, never the citizen's key.
// The bytes signed are those of org.phyle.core.land.BuildingTax (context, message, keyProofContext,
// keyProofMessage), byte for byte. No DOM.

import * as api from './api.js';
import { ApiError } from './api.js';
import * as blsag from './blsag.js';
import * as group from './ristretto255.js';
import { ascii, concat, fromBase64Url, fromHex, subtle, toBase64Url, utf8 } from './bytes.js';
import { didOf } from './did.js';
import { addOpinionKey, dropOpinionKey, keyAmong } from './opinion-keys.js';
import * as tx from './tx.js';

const CONTEXT = ascii('phyle/land/building/v1');
const MESSAGE = ascii('phyle/land/opinion/v1');
const KEY_PROOF = ascii('phyle/land/opinion-key/v1');

/** The opinions one may say. */
export const OPINIONS = ['approve', 'disapprove', 'withdraw'];

function int32(v) {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setInt32(0, v);
  return out;
}

function int64(v) {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, BigInt(v));
  return out;
}

const societyBytes = (society) => fromHex(typeof society === 'string' ? society : society.id);

/** BuildingTax.context: the label, the society's id and the building's number. */
export function context(society, building) {
  return concat(CONTEXT, societyBytes(society), int32(building));
}

/** BuildingTax.message: the label, the society, the building, the epoch, the sequence and the opinion. */
export function message(society, building, epoch, seq, opinion) {
  if (!OPINIONS.includes(opinion)) {
    throw new Error('an opinion is approve, disapprove or withdraw');
  }
  return concat(MESSAGE, societyBytes(society), int32(building), int64(epoch), int64(seq), ascii(opinion));
}

/** BuildingTax.keyProofContext: the label and the society. */
export function keyProofContext(society) {
  return concat(KEY_PROOF, societyBytes(society));
}

/** BuildingTax.keyProofMessage: the label, the society and the did of the registering key. */
export function keyProofMessage(society, did) {
  return concat(KEY_PROOF, societyBytes(society), utf8(did));
}

/** A key's 32 bytes as the API writes them: base64url without padding. */
export const keyText = (bytes) => toBase64Url(bytes);

/** The body of land.opinionKey for a key pair and the citizen's did: {key, proof}, base64url. */
export async function opinionKeyBody(society, did, keyPair) {
  const proof = await blsag.sign(keyProofMessage(society, did), blsag.ringOf([keyPair.publicKey]), keyPair,
    keyProofContext(society));
  return { key: toBase64Url(keyPair.publicKey), proof: toBase64Url(proof) };
}

/**
 * Makes an opinion key, keeps it in this browser and registers it, signed by the citizen's identity (keystore.js).
 * The key is kept before it is sent, so that a registration that commits is never without its secret; a refused one
 * is forgotten. Resolves with tx.send's answer and the key (base64url).
 */
export async function registerOpinionKey(identity, society) {
  const keyPair = blsag.generateKeyPair();
  const body = await opinionKeyBody(society, identity.did, keyPair);
  await addOpinionKey(identity.did, keyPair);
  try {
    const done = await tx.send(identity, society, 'land.opinionKey', body);
    return { ...done, key: body.key };
  } catch (e) {
    if (e instanceof ApiError && e.status >= 400 && e.status < 500) {
      await dropOpinionKey(identity.did, keyPair.publicKey);
    }
    throw e;
  }
}

// ---- the opinion key as a file ----------------------------------------------------------------------------------

const KEY_FILE_KIND = 'phyle-opinion-key';

/**
 * An opinion key file, in the format `phyle land opinion-key` writes beside a key file: {"kind": "phyle-opinion-key",
 * "did": the registering key's did, "public": the ristretto255 key, "secret": the scalar}, base64url. Unencrypted, as
 * the command line's: whoever holds it can link its owner's opinions.
 */
export function keyFileText(did, keyPair) {
  return JSON.stringify({ kind: KEY_FILE_KIND, did, public: toBase64Url(keyPair.publicKey),
    secret: toBase64Url(group.encodeScalar(keyPair.secret)) }, null, 2) + '\n';
}

/**
 * The key pair in an opinion key file's text, for the citizen `did`; throws RingError NOT_AN_OPINION_KEY (not such
 * a file, or its secret is no scalar), OPINION_KEY_OTHER_DID (registered by another key), OPINION_KEY_MISMATCH (its
 * public key is not its secret's).
 */
export function readKeyFile(text, did) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new blsag.RingError('NOT_AN_OPINION_KEY', 'the file is not JSON');
  }
  if (!json || json.kind !== KEY_FILE_KIND || typeof json.secret !== 'string') {
    throw new blsag.RingError('NOT_AN_OPINION_KEY', 'the file is not a ' + KEY_FILE_KIND);
  }
  if (typeof json.did === 'string' && json.did !== did) {
    throw new blsag.RingError('OPINION_KEY_OTHER_DID', 'the opinion key was registered by ' + json.did);
  }
  let keyPair;
  try {
    keyPair = blsag.keyPairFromSecret(fromBase64Url(json.secret));
  } catch (e) {
    throw new blsag.RingError('NOT_AN_OPINION_KEY', 'the secret is not a scalar');
  }
  if (typeof json.public === 'string' && json.public !== toBase64Url(keyPair.publicKey)) {
    throw new blsag.RingError('OPINION_KEY_MISMATCH', 'the public key does not match the secret');
  }
  return keyPair;
}

/** GET land/buildings. */
export const buildings = () => api.getJson('land/buildings');
/** GET land/buildings/{n}. */
export const building = (n) => api.getJson('land/buildings/' + encodeURIComponent(String(n)));
/** GET land/buildings/{n}/ring. */
export const buildingRing = (n) => api.getJson('land/buildings/' + encodeURIComponent(String(n)) + '/ring');
/** GET land/opinion-keys/{did}. */
export const opinionKeysOf = (did) => api.getJson('land/opinion-keys/' + encodeURIComponent(did).replace(/%3A/gi, ':'));

/**
 * Records the building's ring for the current epoch (land.ring, signed by the citizen), as the node computes it.
 * Resolves with tx.send's answer, or null if the ring is recorded already.
 */
export async function recordRing(identity, society, n) {
  const ring = await buildingRing(n);
  if (ring.recorded) {
    return null;
  }
  if (!ring.members || ring.members.length === 0) {
    throw new ApiError({ code: 'RING_EMPTY', detail: 'nobody near building ' + n + ' has an opinion key in force' });
  }
  return tx.send(identity, society, 'land.ring', { building: n, epoch: ring.epoch, members: ring.members });
}

/**
 * This citizen's place in a building's recorded ring (detail = GET land/buildings/{n}): {keyPair, tag (base64url),
 * said (their opinion this epoch, or null)}; null when this browser holds no key of the ring.
 */
export async function mine(did, society, detail) {
  if (!detail.ring || !detail.ring.members) {
    return null;
  }
  const keyPair = await keyAmong(did, detail.ring.members.map(fromBase64Url));
  if (!keyPair) {
    return null;
  }
  const tag = toBase64Url(await blsag.linkingTag(keyPair, context(society, detail.number)));
  const said = (detail.opinions || []).find((o) => o.tag === tag) || null;
  return { keyPair, tag, said };
}

/** A one-time Ed25519 key made with WebCrypto (its private half never leaves WebCrypto), used for one envelope. */
async function oneTimeSigner() {
  const pair = await subtle().generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']);
  const publicKey = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  return {
    did: didOf(publicKey),
    sign: async (bytes) => new Uint8Array(await subtle().sign({ name: 'Ed25519' }, pair.privateKey, bytes)),
  };
}

/**
 * Says an opinion on a building anonymously: a bLSAG by this browser's opinion key over the building's ring for
 * the epoch, seq = the last sequence under its own tag + 1 (or 1), in an envelope signed by a one-time key. `detail`
 * is GET land/buildings/{n}, read just before. Resolves with {txId, height, tag, seq, signer (the one-time did)};
 * rejects with ApiError NOT_IN_RING when this browser holds no key of the ring, NO_RING when none is recorded for
 * the epoch now, or the node's refusal.
 */
export async function sayOpinion(did, society, detail, opinion) {
  if (!detail.ring || detail.ring.epoch !== detail.epoch) {
    throw new ApiError({ code: 'NO_RING', detail: 'building ' + detail.number + ' has no ring for this epoch' });
  }
  const me = await mine(did, society, detail);
  if (!me) {
    throw new ApiError({ code: 'NOT_IN_RING', detail: 'this browser holds no opinion key of the building\'s ring' });
  }
  const seq = (me.said ? me.said.seq : 0) + 1;
  const ring = blsag.ringOf(detail.ring.members.map(fromBase64Url));
  const signature = await blsag.sign(message(society, detail.number, detail.epoch, seq, opinion), ring, me.keyPair,
    context(society, detail.number));
  const signer = await oneTimeSigner();
  const done = await tx.send(signer, society, 'land.opinion', { building: detail.number, epoch: detail.epoch, seq,
    opinion, signature: toBase64Url(signature) });
  return { ...done, tag: me.tag, seq, signer: signer.did };
}
