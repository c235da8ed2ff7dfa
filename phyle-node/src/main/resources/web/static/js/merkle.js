// RFC 9162 Merkle tree hashing and proof verification (sections 2.1.3.2 and 2.1.4.2).
// Leaves hash as SHA-256(0x00 || entry), interior nodes as SHA-256(0x01 || left || right).
// Indexes and sizes may be Numbers or BigInts; they are handled as BigInts, since JavaScript's bit operators on
// Numbers work on 32 bits only.

import { VerifyError, equalBytes, sha256 } from './bytes.js';

/** The root of the empty tree: SHA-256 of nothing. */
export async function emptyRoot() {
  return sha256(new Uint8Array(0));
}

/** SHA-256(0x00 || entry) for the entry's bytes. */
export async function leafHash(entry) {
  return sha256(0x00, entry);
}

/** SHA-256(0x01 || left || right). */
export async function nodeHash(left, right) {
  return sha256(0x01, checkHash(left), checkHash(right));
}

/**
 * The root an inclusion proof leads to from a leaf hash at index in a tree of size, or null if the proof has the
 * wrong shape for that index and size (RFC 9162 section 2.1.3.2).
 */
export async function rootFromInclusion(leaf, index, size, proof) {
  let fn = big(index);
  let sn = big(size) - 1n;
  if (fn < 0n || fn > sn) {
    return null;
  }
  let r = checkHash(leaf);
  for (const p of proof) {
    if (sn === 0n) {
      return null;
    }
    if ((fn & 1n) === 1n || fn === sn) {
      r = await nodeHash(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n ? r : null;
}

/** True if the proof shows the leaf hash at index in the tree of size with this root. */
export async function verifyInclusion(leaf, index, size, proof, root) {
  const computed = await rootFromInclusion(leaf, index, size, proof);
  return computed !== null && equalBytes(computed, checkHash(root));
}

/** True if the proof shows the tree of size m with rootM is a prefix of the tree of size n with rootN. */
export async function verifyConsistency(m, n, rootM, rootN, proof) {
  m = big(m);
  n = big(n);
  checkHash(rootM);
  checkHash(rootN);
  if (m < 0n || m > n) {
    return false;
  }
  if (m === n) {
    return proof.length === 0 && equalBytes(rootM, rootN);
  }
  if (m === 0n) {
    return proof.length === 0 && equalBytes(rootM, await emptyRoot());
  }
  if (proof.length === 0) {
    return false;
  }
  const path = (m & (m - 1n)) === 0n ? [rootM, ...proof] : [...proof];
  let fn = m - 1n;
  let sn = n - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = checkHash(path[0]);
  let sr = path[0];
  for (let i = 1; i < path.length; i++) {
    const c = path[i];
    if (sn === 0n) {
      return false;
    }
    if ((fn & 1n) === 1n || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = await nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && equalBytes(fr, rootM) && equalBytes(sr, rootN);
}

function big(x) {
  if (typeof x === 'bigint') {
    return x;
  }
  if (!Number.isSafeInteger(x)) {
    throw new VerifyError('BAD_SIZE', 'an index or size is not a whole number: ' + x);
  }
  return BigInt(x);
}

function checkHash(h) {
  if (!(h instanceof Uint8Array) || h.length !== 32) {
    throw new VerifyError('BAD_HASH', 'a hash is 32 bytes');
  }
  return h;
}
