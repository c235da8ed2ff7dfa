// did:key for Ed25519 public keys: "did:key:z" + base58btc(0xed 0x01 || 32-byte public key), as the node writes
// them (multicodec ed25519-pub, multibase base58btc). No DOM.

import { VerifyError, concat } from './bytes.js';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const PREFIX = 'did:key:z';

/** Base58 (Bitcoin alphabet) of bytes; each leading zero byte is a '1'. */
export function base58(bytes) {
  const digits = [];
  for (const b of bytes) {
    let carry = b;
    for (let i = 0; i < digits.length; i++) {
      carry += digits[i] << 8;
      digits[i] = carry % 58;
      carry = (carry / 58) | 0;
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = (carry / 58) | 0;
    }
  }
  let out = '';
  for (let i = 0; i < bytes.length && bytes[i] === 0; i++) {
    out += '1';
  }
  for (let i = digits.length - 1; i >= 0; i--) {
    out += ALPHABET[digits[i]];
  }
  return out;
}

/** The bytes of a base58 string; throws VerifyError('BAD_BASE58') on a character outside the alphabet. */
export function fromBase58(text) {
  const bytes = [];
  for (const ch of text) {
    let carry = ALPHABET.indexOf(ch);
    if (carry < 0) {
      throw new VerifyError('BAD_BASE58', 'not base58');
    }
    for (let i = 0; i < bytes.length; i++) {
      carry += bytes[i] * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') {
    zeros++;
  }
  return Uint8Array.from([...new Array(zeros).fill(0), ...bytes.reverse()]);
}

/** The did:key of a 32-byte Ed25519 public key. */
export function didOf(publicKey) {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32) {
    throw new VerifyError('BAD_KEY', 'an Ed25519 public key has 32 bytes');
  }
  return PREFIX + base58(concat(0xed, 0x01, publicKey));
}

/** The 32-byte Ed25519 public key of a did:key; throws VerifyError('BAD_DID') for anything else. */
export function publicKeyOf(did) {
  if (typeof did !== 'string' || !did.startsWith(PREFIX)) {
    throw new VerifyError('BAD_DID', 'not a did:key');
  }
  let bytes;
  try {
    bytes = fromBase58(did.slice(PREFIX.length));
  } catch (e) {
    throw new VerifyError('BAD_DID', 'not a did:key');
  }
  if (bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) {
    throw new VerifyError('BAD_DID', 'not an Ed25519 did:key');
  }
  return bytes.slice(2);
}
