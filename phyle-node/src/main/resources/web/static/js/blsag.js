// bLSAG linkable ring signatures over ristretto255, in the browser: the same construction, hashes and encodings as
// the Java implementation (phyle-crypto, org.phyle.crypto.ring.Blsag, BlsagSignature, Ring, RingKeyPair; described
// in docs/ring-signatures.md), so that a signature made here verifies on every node and the other way round. No DOM.
//
// NOT CONSTANT-TIME: the group arithmetic is ristretto255.js, JavaScript BigInt (read its header for what that means
// for an opinion key in a browser). Hashes are SHA-512 from WebCrypto, so signing and verifying are asynchronous.
//
// Keys and signatures are bytes (Uint8Array); in transactions they are base64url without padding.
//   key pair:  {secret: BigInt in [1, ℓ), publicKey: 32 bytes}
//   ring:      the members' 32-byte encodings, once each, ascending by their unsigned bytes (the one canonical order)
//   signature: I (32) ‖ c_0 (32) ‖ s_0 … s_{n-1} (32 each), 64 + 32 n bytes

import { VerifyError, ascii, concat, randomBytes, subtle } from './bytes.js';
import * as group from './ristretto255.js';

/** The longest linking context, in bytes (Blsag.MAX_CONTEXT). */
export const MAX_CONTEXT = 1024;
/** The largest ring (Ring.MAX_SIZE). */
export const MAX_RING = 10000;

const DOMAIN_TAG_BASE = ascii('phyle/ring/bLSAG-ristretto255/v1/tag-base');
const DOMAIN_TRANSCRIPT = ascii('phyle/ring/bLSAG-ristretto255/v1/transcript');
const DOMAIN_CHALLENGE = ascii('phyle/ring/bLSAG-ristretto255/v1/challenge');

/** A refusal with a stable code (the names of RingSignatureException.Reason). */
export class RingError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'RingError';
    this.code = code;
  }
}

const sha512 = async (...parts) => new Uint8Array(await subtle().digest('SHA-512', concat(...parts)));

function intBytes(v) {
  return Uint8Array.of((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
}

const lengthPrefixed = (bytes) => concat(intBytes(bytes.length), bytes);

function compareBytes(a, b) {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return a[i] - b[i];
    }
  }
  return 0;
}

// ---- keys ---------------------------------------------------------------------------------------------------------

/** The key pair of a secret scalar (BigInt, or its 32-byte encoding); refuses 0 (SECRET_ZERO). */
export function keyPairFromSecret(secret) {
  const x = secret instanceof Uint8Array ? group.decodeScalar(secret) : secret;
  if (typeof x !== 'bigint' || x <= 0n || x >= group.L) {
    throw new RingError('SECRET_ZERO', 'a secret key is a non-zero scalar below the group order');
  }
  return { secret: x, publicKey: group.encode(group.multiplyGenerator(x)) };
}

/** A fresh key pair: 64 random bytes reduced modulo ℓ (as RingKeyPair.generate). */
export function generateKeyPair(random = randomBytes) {
  let x = 0n;
  while (x === 0n) {
    x = group.scalarFromWide(random(64));
  }
  return keyPairFromSecret(x);
}

// ---- rings --------------------------------------------------------------------------------------------------------

/**
 * The ring of exactly these members (32-byte encodings) in exactly this order, as Ring.of: refuses an empty or
 * oversized list (RING_EMPTY, RING_TOO_LARGE), a bad encoding (RING_MEMBER_INVALID), the identity
 * (RING_MEMBER_IDENTITY), a duplicate (RING_DUPLICATE_MEMBER) and any order but ascending (RING_NOT_CANONICAL).
 * Returns {members: [bytes], elements: [element]}.
 */
export function ringOf(members) {
  if (!members || members.length === 0) {
    throw new RingError('RING_EMPTY', 'a ring needs at least one member');
  }
  if (members.length > MAX_RING) {
    throw new RingError('RING_TOO_LARGE', 'a ring has at most ' + MAX_RING + ' members');
  }
  const elements = [];
  let previous = null;
  for (const m of members) {
    let e;
    try {
      e = group.decode(m);
    } catch (err) {
      throw new RingError('RING_MEMBER_INVALID', 'a ring member is not the canonical encoding of a ristretto255 '
        + 'element');
    }
    if (group.isIdentity(e)) {
      throw new RingError('RING_MEMBER_IDENTITY', 'the identity element cannot be a ring member');
    }
    if (previous) {
      const c = compareBytes(previous, m);
      if (c === 0) {
        throw new RingError('RING_DUPLICATE_MEMBER', 'a key appears twice in the ring');
      }
      if (c > 0) {
        throw new RingError('RING_NOT_CANONICAL', "a ring's members must be in ascending order of their encodings");
      }
    }
    previous = m;
    elements.push(e);
  }
  return { members: members.map((m) => Uint8Array.from(m)), elements };
}

/** The ring of these members put in canonical order (Ring.sorted). */
export function sortedRing(members) {
  return ringOf([...members].sort(compareBytes));
}

// ---- signatures ---------------------------------------------------------------------------------------------------

function checkContext(context) {
  if (!(context instanceof Uint8Array) || context.length === 0 || context.length > MAX_CONTEXT) {
    throw new RingError('CONTEXT_INVALID', 'the linking context must have between 1 and ' + MAX_CONTEXT + ' bytes');
  }
}

/** H_p(context, K): SHA-512(lp(domain) ‖ lp(context) ‖ K) mapped to the group. */
async function tagBase(context, key) {
  return group.fromUniformBytes(await sha512(lengthPrefixed(DOMAIN_TAG_BASE), lengthPrefixed(context), key));
}

const tagBases = (ring, context) => Promise.all(ring.members.map((k) => tagBase(context, k)));

/** T = SHA-512(lp(domain) ‖ lp(context) ‖ n ‖ K_0 … K_{n-1} ‖ I ‖ lp(message)). */
function transcript(message, ring, context, keyImage) {
  return sha512(lengthPrefixed(DOMAIN_TRANSCRIPT), lengthPrefixed(context), intBytes(ring.members.length),
    ...ring.members, keyImage, lengthPrefixed(message));
}

/** H_n(T, L, R) = SHA-512(lp(domain) ‖ T ‖ L ‖ R) mod ℓ. */
async function challenge(t, l, r) {
  return group.scalarFromWide(await sha512(lengthPrefixed(DOMAIN_CHALLENGE), t, group.encode(l), group.encode(r)));
}

/** The linking tag (32 bytes) of this key pair under this context: x · H_p(context, K). */
export async function linkingTag(keyPair, context) {
  checkContext(context);
  return group.encode(group.multiply(await tagBase(context, keyPair.publicKey), keyPair.secret));
}

/**
 * Signs the message as one member of the ring, with a linking tag bound to the context (Blsag.sign). `random(n)`
 * gives n random bytes (WebCrypto by default; tests pass a fixed stream): 64 for α, then 64 for each other member in
 * ring order from the signer's successor, as the Java implementation draws them. Returns the encoded signature.
 */
export async function sign(message, ring, keyPair, context, random = randomBytes) {
  checkContext(context);
  const n = ring.members.length;
  let pi = -1;
  ring.members.forEach((m, i) => {
    if (compareBytes(m, keyPair.publicKey) === 0) {
      pi = i;
    }
  });
  if (pi < 0) {
    throw new RingError('SIGNER_NOT_IN_RING', "the signer's key is not a member of the ring");
  }
  const bases = await tagBases(ring, context);
  const keyImage = group.encode(group.multiply(bases[pi], keyPair.secret));
  const t = await transcript(message, ring, context, keyImage);
  const c = new Array(n);
  const s = new Array(n);
  const alpha = group.scalarFromWide(random(64));
  c[(pi + 1) % n] = await challenge(t, group.multiplyGenerator(alpha), group.multiply(bases[pi], alpha));
  const image = group.decode(keyImage);
  for (let k = 1; k < n; k++) {
    const i = (pi + k) % n;
    s[i] = group.scalarFromWide(random(64));
    c[(i + 1) % n] = await challenge(t, group.sum([s[i], c[i]], [group.GENERATOR, ring.elements[i]]),
      group.sum([s[i], c[i]], [bases[i], image]));
  }
  s[pi] = group.modL(alpha - c[pi] * keyPair.secret);
  return concat(keyImage, group.encodeScalar(c[0]), ...s.map(group.encodeScalar));
}

/**
 * The parts of an encoded signature, strictly as BlsagSignature.decode: {keyImage (element), keyImageBytes, c0,
 * responses}; throws RingError SIGNATURE_LENGTH, KEY_IMAGE_INVALID, KEY_IMAGE_IDENTITY, SIGNATURE_SCALAR_NOT_CANONICAL.
 */
export function decodeSignature(bytes) {
  if (!(bytes instanceof Uint8Array) || bytes.length < 96 || (bytes.length - 64) % 32 !== 0
    || (bytes.length - 64) / 32 > MAX_RING) {
    throw new RingError('SIGNATURE_LENGTH', 'a signature has 64 + 32 bytes per ring member');
  }
  let keyImage;
  try {
    keyImage = group.decode(bytes.subarray(0, 32));
  } catch (e) {
    throw new RingError('KEY_IMAGE_INVALID', "the signature's linking tag is not a canonical encoding");
  }
  if (group.isIdentity(keyImage)) {
    throw new RingError('KEY_IMAGE_IDENTITY', "the signature's linking tag is the identity element");
  }
  const scalar = (at) => {
    try {
      return group.decodeScalar(bytes.subarray(at, at + 32));
    } catch (e) {
      throw new RingError('SIGNATURE_SCALAR_NOT_CANONICAL', 'a scalar of the signature is not below the group order');
    }
  };
  const responses = [];
  for (let at = 64; at < bytes.length; at += 32) {
    responses.push(scalar(at));
  }
  return { keyImage, keyImageBytes: bytes.slice(0, 32), c0: scalar(32), responses };
}

/** The linking tag (first 32 bytes) of an encoded signature. */
export function tagOf(signature) {
  return signature.slice(0, 32);
}

/**
 * Whether the encoded signature is a valid signature of the message by some member of the ring under the context
 * (Blsag.verify). False, never an exception, for anything wrong.
 */
export async function verify(message, ring, context, signature) {
  let sig;
  try {
    checkContext(context);
    if (!(message instanceof Uint8Array) || !ring || !ring.members) {
      return false;
    }
    sig = decodeSignature(signature);
  } catch (e) {
    if (e instanceof RingError || e instanceof VerifyError) {
      return false;
    }
    throw e;
  }
  const n = ring.members.length;
  if (sig.responses.length !== n) {
    return false;
  }
  const t = await transcript(message, ring, context, sig.keyImageBytes);
  const bases = await tagBases(ring, context);
  let c = sig.c0;
  for (let i = 0; i < n; i++) {
    const si = sig.responses[i];
    c = await challenge(t, group.sum([si, c], [group.GENERATOR, ring.elements[i]]),
      group.sum([si, c], [bases[i], sig.keyImage]));
  }
  return c === sig.c0;
}
