// ristretto255 (RFC 9496) for the browser: the prime-order group of the anonymous opinions' ring signatures
// (blsag.js). Written from RFC 9496 section 4 and checked against its appendix A and against the Java implementation
// (phyle-crypto, org.phyle.crypto.ring.RistrettoElement and Scalar) byte for byte. No DOM.
//
// NOT CONSTANT-TIME. The arithmetic is JavaScript BigInt, whose operations take time that depends on the values, and
// the scalar multiplication uses windows indexed by the scalar's digits. What that means here: someone who can time
// this browser's signing very precisely (another tab's script measuring shared caches, malware on the device) might
// learn something of the opinion secret, and with it link this resident's opinions, which is all that secret can do:
// it signs anonymous opinions, it holds no money and no identity. A remote observer sees only the finished signature,
// whose timing does not reach the network. The citizen's own Ed25519 key is never handled here (WebCrypto holds it).
//
// An element is an object {x, y, z, t} of extended twisted Edwards coordinates (BigInt, modulo p); a scalar is a
// BigInt in [0, ℓ). Encodings are 32-byte Uint8Arrays, little-endian.

import { VerifyError } from './bytes.js';

/** The field prime p = 2^255 - 19. */
export const P = (1n << 255n) - 19n;
/** The group order ℓ = 2^252 + 27742317777372353535851937790883648493. */
export const L = (1n << 252n) + 27742317777372353535851937790883648493n;

// the constants of RFC 9496 section 4.1
const D = 37095705934669439343138083508754565189542113879843219016388785533085940283555n;
const SQRT_M1 = 19681161376707505956807079304988542015446066515923890162744021073123829784752n;
const SQRT_AD_MINUS_ONE = 25063068953384623474111414158702152701244531502492656460079210482610430750235n;
const INVSQRT_A_MINUS_D = 54469307008909316920995813868745141605393597292927456921205312896311721017578n;
const ONE_MINUS_D_SQ = 1159843021668779879193775521855586647937357759715417654439879720876111806838n;
const D_MINUS_ONE_SQ = 40440834346308536858101042469323190826248399146238708352240133220865137265952n;
const D2 = (2n * D) % P;
const MASK255 = (1n << 255n) - 1n;

// ---- the field ----------------------------------------------------------------------------------------------------

/** x mod p for 0 <= x < 2^510 (a product of two reduced elements), using 2^255 = 19 mod p. */
function red(x) {
  x = (x & MASK255) + 19n * (x >> 255n);
  x = (x & MASK255) + 19n * (x >> 255n);
  return x >= P ? x - P : x;
}

const mul = (a, b) => red(a * b);
const sq = (a) => red(a * a);
const add = (a, b) => {
  const s = a + b;
  return s >= P ? s - P : s;
};
const sub = (a, b) => {
  const s = a - b;
  return s < 0n ? s + P : s;
};
const neg = (a) => (a === 0n ? 0n : P - a);
const isNegative = (a) => (a & 1n) === 1n;
const abs = (a) => (isNegative(a) ? neg(a) : a);

/** a^e mod p by square-and-multiply. */
function pow(a, e) {
  let r = 1n;
  let b = a;
  while (e > 0n) {
    if (e & 1n) {
      r = mul(r, b);
    }
    b = sq(b);
    e >>= 1n;
  }
  return r;
}

const P58 = (P - 5n) / 8n;

/** SQRT_RATIO_M1(u, v) of RFC 9496 section 4.2: [was_square, the non-negative root of u/v or of SQRT_M1 * u/v]. */
function sqrtRatioM1(u, v) {
  const v3 = mul(sq(v), v);
  const v7 = mul(sq(v3), v);
  let r = mul(mul(u, v3), pow(mul(u, v7), P58));
  const check = mul(v, sq(r));
  const correctSign = check === u;
  const flippedSign = check === neg(u);
  const flippedSignI = check === mul(neg(u), SQRT_M1);
  if (flippedSign || flippedSignI) {
    r = mul(SQRT_M1, r);
  }
  return [correctSign || flippedSign, abs(r)];
}

function fieldFromBytes(bytes) {
  let x = 0n;
  for (let i = 31; i >= 0; i--) {
    x = (x << 8n) | BigInt(bytes[i]);
  }
  return x;
}

function fieldToBytes(x) {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

// ---- elements -----------------------------------------------------------------------------------------------------

/** The identity element. */
export const IDENTITY = Object.freeze({ x: 0n, y: 1n, z: 1n, t: 0n });

/** The sum of two elements (extended coordinates, a = -1: "add-2008-hwcd-3"). */
export function addElements(p, q) {
  const a = mul(sub(p.y, p.x), sub(q.y, q.x));
  const b = mul(add(p.y, p.x), add(q.y, q.x));
  const c = mul(mul(p.t, D2), q.t);
  const d = mul(add(p.z, p.z), q.z);
  const e = sub(b, a);
  const f = sub(d, c);
  const g = add(d, c);
  const h = add(b, a);
  return { x: mul(e, f), y: mul(g, h), z: mul(f, g), t: mul(e, h) };
}

/** Twice an element ("dbl-2008-hwcd" with a = -1). */
function double(p) {
  const a = sq(p.x);
  const b = sq(p.y);
  const c = add(sq(p.z), sq(p.z));
  const d = neg(a);
  const e = sub(sub(sq(add(p.x, p.y)), a), b);
  const g = add(d, b);
  const f = sub(g, c);
  const h = sub(d, b);
  return { x: mul(e, f), y: mul(g, h), z: mul(f, g), t: mul(e, h) };
}

export function negate(p) {
  return { x: neg(p.x), y: p.y, z: p.z, t: neg(p.t) };
}

/** Equality of elements (RFC 9496 section 4.3.3), whatever representatives they are given by. */
export function equals(p, q) {
  return mul(p.x, q.y) === mul(p.y, q.x) || mul(p.y, q.y) === mul(p.x, q.x);
}

export function isIdentity(p) {
  return equals(p, IDENTITY);
}

/**
 * The element these 32 bytes encode (RFC 9496 section 4.3.1); throws VerifyError('NOT_RISTRETTO') for anything but a
 * canonical encoding. The identity (32 zero bytes) is accepted; callers that must not see it check isIdentity.
 */
export function decode(bytes) {
  if (!(bytes instanceof Uint8Array) || bytes.length !== 32) {
    throw new VerifyError('NOT_RISTRETTO', 'a ristretto255 element has 32 bytes');
  }
  const s = fieldFromBytes(bytes);
  if (s >= P || isNegative(s)) {
    throw new VerifyError('NOT_RISTRETTO', 'not the canonical encoding of a ristretto255 element');
  }
  const ss = sq(s);
  const u1 = sub(1n, ss);
  const u2 = add(1n, ss);
  const u2sq = sq(u2);
  const v = sub(neg(mul(D, sq(u1))), u2sq);
  const [wasSquare, invsqrt] = sqrtRatioM1(1n, mul(v, u2sq));
  const denX = mul(invsqrt, u2);
  const denY = mul(mul(invsqrt, denX), v);
  const x = abs(mul(add(s, s), denX));
  const y = mul(u1, denY);
  const t = mul(x, y);
  if (!wasSquare || isNegative(t) || y === 0n) {
    throw new VerifyError('NOT_RISTRETTO', 'not the canonical encoding of a ristretto255 element');
  }
  return { x, y, z: 1n, t };
}

/** The canonical 32-byte encoding of an element (RFC 9496 section 4.3.2). */
export function encode(p) {
  const u1 = mul(add(p.z, p.y), sub(p.z, p.y));
  const u2 = mul(p.x, p.y);
  const [, invsqrt] = sqrtRatioM1(1n, mul(u1, sq(u2)));
  const den1 = mul(invsqrt, u1);
  const den2 = mul(invsqrt, u2);
  const zInv = mul(mul(den1, den2), p.t);
  const rotate = isNegative(mul(p.t, zInv));
  let x = p.x;
  let y = p.y;
  let denInv = den2;
  if (rotate) {
    x = mul(p.y, SQRT_M1);
    y = mul(p.x, SQRT_M1);
    denInv = mul(den1, INVSQRT_A_MINUS_D);
  }
  if (isNegative(mul(x, zInv))) {
    y = neg(y);
  }
  return fieldToBytes(abs(mul(denInv, sub(p.z, y))));
}

/** MAP of RFC 9496 section 4.3.4. */
function map(t) {
  const r = mul(SQRT_M1, sq(t));
  const u = mul(add(r, 1n), ONE_MINUS_D_SQ);
  const v = mul(sub(neg(1n), mul(r, D)), add(r, D));
  let [wasSquare, s] = sqrtRatioM1(u, v);
  const sPrime = neg(abs(mul(s, t)));
  let c = neg(1n);
  if (!wasSquare) {
    s = sPrime;
    c = r;
  }
  const n = sub(mul(mul(c, sub(r, 1n)), D_MINUS_ONE_SQ), v);
  const w0 = mul(add(s, s), v);
  const w1 = mul(n, SQRT_AD_MINUS_ONE);
  const w2 = sub(1n, sq(s));
  const w3 = add(1n, sq(s));
  return { x: mul(w0, w3), y: mul(w2, w1), z: mul(w1, w3), t: mul(w0, w2) };
}

/** The element derived from 64 uniform bytes (RFC 9496 section 4.3.4; for hashing to the group, a SHA-512 digest). */
export function fromUniformBytes(bytes) {
  if (!(bytes instanceof Uint8Array) || bytes.length !== 64) {
    throw new Error('fromUniformBytes takes 64 bytes');
  }
  const t1 = fieldFromBytes(bytes.subarray(0, 32)) & MASK255;
  const t2 = fieldFromBytes(bytes.subarray(32, 64)) & MASK255;
  return addElements(map(t1 % P), map(t2 % P));
}

/** The generator of RFC 9496 (edwards25519's base point), from its encoding. */
export const GENERATOR = Object.freeze(decode(Uint8Array.from(
  'e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76'.match(/../g), (h) => parseInt(h, 16))));

// ---- multiplication by scalars (4-bit windows) ---------------------------------------------------------------------

/** [0·p, 1·p, …, 15·p]. */
function table(p) {
  const out = [IDENTITY, p];
  for (let i = 2; i < 16; i++) {
    out.push(addElements(out[i - 1], p));
  }
  return out;
}

let generatorTable = null;

function tableOf(p) {
  if (p === GENERATOR) {
    generatorTable = generatorTable || table(GENERATOR);
    return generatorTable;
  }
  return table(p);
}

/** Σ k_i · p_i (Straus's method, one shared chain of doublings). Scalars are BigInts in [0, ℓ). */
export function sum(scalars, elements) {
  const tables = elements.map(tableOf);
  let acc = IDENTITY;
  for (let w = 63; w >= 0; w--) {
    if (w !== 63) {
      acc = double(double(double(double(acc))));
    }
    const shift = BigInt(4 * w);
    for (let i = 0; i < scalars.length; i++) {
      const digit = Number((scalars[i] >> shift) & 15n);
      if (digit !== 0) {
        acc = addElements(acc, tables[i][digit]);
      }
    }
  }
  return acc;
}

/** k · p. */
export function multiply(p, k) {
  return sum([k], [p]);
}

/** k · G. */
export function multiplyGenerator(k) {
  return sum([k], [GENERATOR]);
}

// ---- scalars ------------------------------------------------------------------------------------------------------

/** The 32 or 64 bytes, little-endian, as a BigInt. */
export function littleEndian(bytes) {
  let x = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) {
    x = (x << 8n) | BigInt(bytes[i]);
  }
  return x;
}

/** The scalar of 64 bytes read little-endian, modulo ℓ (Scalar.fromWideBytes). */
export function scalarFromWide(bytes) {
  if (!(bytes instanceof Uint8Array) || bytes.length !== 64) {
    throw new Error('scalarFromWide takes 64 bytes');
  }
  return littleEndian(bytes) % L;
}

/** The scalar whose canonical encoding these 32 bytes are; VerifyError('SCALAR_NOT_CANONICAL') if ≥ ℓ. */
export function decodeScalar(bytes) {
  if (!(bytes instanceof Uint8Array) || bytes.length !== 32) {
    throw new VerifyError('SCALAR_NOT_CANONICAL', 'a scalar has 32 bytes');
  }
  const s = littleEndian(bytes);
  if (s >= L) {
    throw new VerifyError('SCALAR_NOT_CANONICAL', 'a scalar of the signature is not below the group order');
  }
  return s;
}

/** The canonical 32-byte little-endian encoding of a scalar in [0, ℓ). */
export function encodeScalar(s) {
  return fieldToBytes(s);
}

export const modL = (x) => ((x % L) + L) % L;
