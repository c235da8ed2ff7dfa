// C2SP signed notes (https://c2sp.org/signed-note) with Ed25519 keys, C2SP verifier keys, and the body of a
// C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint). Signatures are checked with WebCrypto's Ed25519.

import { VerifyError, fromBase64, sha256, subtle, toHex, utf8 } from './bytes.js';

const SIGNATURE_PREFIX = '\u2014 '; // an em dash and a space
const ED25519 = 0x01;

/** The 32-bit key id of a named Ed25519 key: the first 4 bytes of SHA-256(name || "\n" || 0x01 || key). */
export async function keyId(name, publicKey) {
  const h = await sha256(utf8(name), 0x0a, ED25519, publicKey);
  return ((h[0] << 24) | (h[1] << 16) | (h[2] << 8) | h[3]) >>> 0;
}

/** A key id as the 8 lowercase hex digits of a verifier key. */
export function keyIdHex(id) {
  return id.toString(16).padStart(8, '0');
}

/** True if a key name is non-empty, without '+', whitespace or control characters. */
export function isKeyName(name) {
  return typeof name === 'string' && name.length > 0 && !/[+\s\p{Cc}\p{Zs}]/u.test(name);
}

/**
 * Parses a verifier key {@code <name>+<8 hex key id>+<base64(0x01 || 32-byte public key)>} and checks its key id.
 * Returns {name, keyId, publicKey}.
 */
export async function parseVerifierKey(vkey) {
  if (typeof vkey !== 'string') {
    throw new VerifyError('VKEY_FORMAT', 'a verifier key is <name>+<key id>+<key>');
  }
  // the name has no '+' and the id is hex, but the base64 of the key may contain '+'
  const first = vkey.indexOf('+');
  const second = first < 0 ? -1 : vkey.indexOf('+', first + 1);
  if (second < 0) {
    throw new VerifyError('VKEY_FORMAT', 'a verifier key is <name>+<key id>+<key>');
  }
  const name = vkey.slice(0, first);
  const idHex = vkey.slice(first + 1, second);
  if (!isKeyName(name) || !/^[0-9a-f]{8}$/.test(idHex)) {
    throw new VerifyError('VKEY_FORMAT', 'a verifier key is <name>+<key id>+<key>');
  }
  let typed;
  try {
    typed = fromBase64(vkey.slice(second + 1));
  } catch (e) {
    throw new VerifyError('VKEY_FORMAT', 'the verifier key is not base64');
  }
  if (typed.length !== 33 || typed[0] !== ED25519) {
    throw new VerifyError('VKEY_NOT_ED25519', 'the verifier key is not an Ed25519 key');
  }
  const publicKey = typed.slice(1);
  const id = await keyId(name, publicKey);
  if (keyIdHex(id) !== idHex) {
    throw new VerifyError('VKEY_ID_MISMATCH', 'the verifier key id does not match its name and key');
  }
  return { name, keyId: id, publicKey };
}

/** Splits a note into {text, signatures: [{name, keyId, signature}]}; nothing is verified yet. */
export function parseNote(note) {
  if (typeof note !== 'string') {
    throw new VerifyError('NOTE_FORMAT', 'a signed note is text');
  }
  const split = note.lastIndexOf('\n\n');
  if (split < 0) {
    throw new VerifyError('NOTE_FORMAT', 'a signed note has a blank line before its signatures');
  }
  const text = note.slice(0, split + 1);
  checkText(text);
  const block = note.slice(split + 2);
  if (!block.endsWith('\n')) {
    throw new VerifyError('NOTE_FORMAT', 'a signed note ends with a newline');
  }
  const signatures = block.slice(0, -1).split('\n').map((line) => {
    if (!line.startsWith(SIGNATURE_PREFIX)) {
      throw new VerifyError('NOTE_FORMAT', 'a signature line starts with an em dash and a space');
    }
    const parts = line.slice(SIGNATURE_PREFIX.length).split(' ');
    if (parts.length !== 2) {
      throw new VerifyError('NOTE_FORMAT', "a signature line is '\u2014 <name> <signature>'");
    }
    let raw;
    try {
      raw = fromBase64(parts[1]);
    } catch (e) {
      throw new VerifyError('NOTE_FORMAT', 'a signature is not base64');
    }
    if (raw.length < 5) {
      throw new VerifyError('NOTE_FORMAT', 'a signature is too short');
    }
    const id = ((raw[0] << 24) | (raw[1] << 16) | (raw[2] << 8) | raw[3]) >>> 0;
    return { name: parts[0], keyId: id, signature: raw.slice(4) };
  });
  return { text, signatures };
}

/** True if the Ed25519 signature over the message verifies under the 32-byte public key. */
export async function verifyEd25519(publicKey, signature, message) {
  if (publicKey.length !== 32 || signature.length !== 64) {
    return false;
  }
  let key;
  try {
    key = await subtle().importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
  } catch (e) {
    if (e instanceof VerifyError) {
      throw e;
    }
    throw new VerifyError('NO_ED25519', 'this browser cannot verify Ed25519 signatures: ' + e.message);
  }
  return subtle().verify({ name: 'Ed25519' }, key, signature, message);
}

/**
 * Verifies a note against a verifier ({name, keyId, publicKey} from parseVerifierKey). Returns the parsed note
 * with `verified` true if one of its signatures is by that name and key id and verifies over the text.
 */
export async function verifyNote(note, verifier) {
  const parsed = typeof note === 'string' ? parseNote(note) : note;
  const message = utf8(parsed.text);
  let verified = false;
  for (const s of parsed.signatures) {
    if (s.name === verifier.name && s.keyId === verifier.keyId
        && await verifyEd25519(verifier.publicKey, s.signature, message)) {
      verified = true;
      break;
    }
  }
  return { ...parsed, verified };
}

/** Parses a checkpoint body (the text of a signed note) into {origin, size (BigInt), root (32 bytes), extensions}. */
export function parseCheckpoint(text) {
  if (typeof text !== 'string' || !text.endsWith('\n')) {
    throw new VerifyError('CHECKPOINT_FORMAT', 'a checkpoint ends with a newline');
  }
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) {
    throw new VerifyError('CHECKPOINT_FORMAT', 'a checkpoint has origin, size and root lines');
  }
  const [origin, sizeLine, rootLine, ...extensions] = lines;
  if (origin.length === 0) {
    throw new VerifyError('CHECKPOINT_FORMAT', 'a checkpoint origin is not empty');
  }
  if (!/^(0|[1-9][0-9]{0,18})$/.test(sizeLine)) {
    throw new VerifyError('CHECKPOINT_FORMAT', 'the checkpoint tree size is not a decimal number');
  }
  let root;
  try {
    root = fromBase64(rootLine);
  } catch (e) {
    root = null;
  }
  if (!root || root.length !== 32) {
    throw new VerifyError('CHECKPOINT_FORMAT', 'the checkpoint root is not a base64 SHA-256 hash');
  }
  if (extensions.some((e) => e.length === 0)) {
    throw new VerifyError('CHECKPOINT_FORMAT', 'a checkpoint extension line is not empty');
  }
  return { origin, size: BigInt(sizeLine), root, rootHex: toHex(root), extensions };
}

/**
 * Opens a signed checkpoint: parses the note and its body, and reports whether the verifier signed it and whether
 * it is for the expected origin (when one is given). Returns {checkpoint, note, verified, originMatches}.
 */
export async function openCheckpoint(note, verifier, expectedOrigin) {
  const verifiedNote = await verifyNote(note, verifier);
  const checkpoint = parseCheckpoint(verifiedNote.text);
  const originMatches = expectedOrigin == null || checkpoint.origin === expectedOrigin;
  return { checkpoint, note: verifiedNote, verified: verifiedNote.verified, originMatches };
}

function checkText(text) {
  if (!text.endsWith('\n')) {
    throw new VerifyError('NOTE_FORMAT', 'the note text ends with a newline');
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text)) {
    throw new VerifyError('NOTE_FORMAT', 'the note text has control characters');
  }
}
