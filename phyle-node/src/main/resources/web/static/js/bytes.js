// Byte helpers shared by the verification modules: hex, base64, UTF-8 and SHA-256 (WebCrypto).
// No DOM, no page state: importable on its own.

/** Thrown by the verification modules; `code` is stable (the page maps it to a message), `message` is English. */
export class VerifyError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'VerifyError';
    this.code = code;
  }
}

const encoder = new TextEncoder();

/** The UTF-8 bytes of a string. */
export function utf8(text) {
  return encoder.encode(text);
}

/** Lowercase hex of bytes. */
export function toHex(bytes) {
  let out = '';
  for (const b of bytes) {
    out += b.toString(16).padStart(2, '0');
  }
  return out;
}

/** Bytes of a hex string (either case, even length); throws VerifyError('BAD_HEX') otherwise. */
export function fromHex(hex) {
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new VerifyError('BAD_HEX', 'not a hex string');
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = parseInt(hex.substr(i * 2, 2), 16);
  }
  return out;
}

/** Bytes of standard, padded base64; throws VerifyError('BAD_BASE64') on anything else. */
export function fromBase64(text) {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    throw new VerifyError('BAD_BASE64', 'not padded standard base64');
  }
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    out[i] = binary.charCodeAt(i);
  }
  return out;
}

/** Standard, padded base64 of bytes. */
export function toBase64(bytes) {
  let binary = '';
  for (const b of bytes) {
    binary += String.fromCharCode(b);
  }
  return btoa(binary);
}

/** Bytes of base64url without padding (signatures in transaction envelopes). */
export function fromBase64Url(text) {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw new VerifyError('BAD_BASE64', 'not unpadded base64url');
  }
  const std = text.replace(/-/g, '+').replace(/_/g, '/');
  return fromBase64(std + '='.repeat((4 - (std.length % 4)) % 4));
}

/** Unpadded base64url of bytes (signatures and nonces in transaction envelopes). */
export function toBase64Url(bytes) {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of an ASCII string (one byte per character; refuses anything else). */
export function ascii(text) {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) {
      throw new VerifyError('NOT_ASCII', 'not an ASCII string');
    }
    out[i] = c;
  }
  return out;
}

/** n cryptographically random bytes. */
export function randomBytes(n) {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** The concatenation of byte arrays (numbers are single bytes). */
export function concat(...parts) {
  const arrays = parts.map((p) => (typeof p === 'number' ? Uint8Array.of(p) : p));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

/** True if two byte arrays hold the same bytes. */
export function equalBytes(a, b) {
  if (!a || !b || a.length !== b.length) {
    return false;
  }
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    diff |= a[i] ^ b[i];
  }
  return diff === 0;
}

/** WebCrypto, which browsers only offer on secure pages (https, or http on localhost). */
export function subtle() {
  const s = globalThis.crypto && globalThis.crypto.subtle;
  if (!s) {
    throw new VerifyError('NO_WEBCRYPTO', 'this page is not a secure context, so the browser offers no WebCrypto');
  }
  return s;
}

/** SHA-256 of the concatenation of the parts, as a Uint8Array of 32 bytes. */
export async function sha256(...parts) {
  const data = parts.length === 1 && parts[0] instanceof Uint8Array ? parts[0] : concat(...parts);
  return new Uint8Array(await subtle().digest('SHA-256', data));
}
