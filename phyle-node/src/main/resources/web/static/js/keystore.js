// The citizen's key, kept in this browser. No DOM.
//
// A key is generated with WebCrypto as extractable only long enough to write its encrypted backup; what is kept in
// IndexedDB is a NON-extractable CryptoKey that can sign but never be read back, its public key and did:key, and the
// encrypted backup, so that "download my backup" hands out the same encrypted file without exposing the key.
//
// The backup file (JSON):
//   {"kind": "phyle-key-backup", "version": 1, "did": "did:key:z…",
//    "kdf": {"name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": base64(16 random bytes)},
//    "cipher": {"name": "AES-GCM", "iv": base64(12 random bytes)},
//    "data": base64(AES-256-GCM(PKCS#8 of the Ed25519 key) with its 16-byte tag appended)}
// The AES key is PBKDF2-SHA-256(passphrase as UTF-8, salt, iterations). Base64 is standard and padded.

import {
  VerifyError, concat, fromBase64, fromBase64Url, fromHex, randomBytes, subtle, toBase64, utf8,
} from './bytes.js';
import { didOf } from './did.js';

export const BACKUP_KIND = 'phyle-key-backup';
export const BACKUP_VERSION = 1;
export const ITERATIONS = 600000;
export const MIN_PASSPHRASE = 8;

const DB_NAME = 'phyle';
const DB_VERSION = 1;
const STORE = 'keys';
const CURRENT = 'current';
const NEXT = 'next'; // a key made for a rotation that the ledger has not confirmed yet
const ED25519 = { name: 'Ed25519' };

/** Why a key operation failed: `code` is stable and the page words it. */
export class KeyError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'KeyError';
    this.code = code;
  }
}

/** A key held by this browser. `sign` is the only way to use the private key. */
export class Identity {
  constructor(record) {
    this.did = record.did;
    this.publicKey = record.publicKey;
    this.privateKey = record.privateKey;
    this.backup = record.backup;
    this.backedUp = Boolean(record.backedUp);
    this.createdAt = record.createdAt;
  }

  /** The Ed25519 signature of the bytes (64 bytes). */
  async sign(bytes) {
    return new Uint8Array(await subtle().sign(ED25519, this.privateKey, bytes));
  }

  /** True if the private key cannot be read out of the browser (it can only sign). */
  get sealed() {
    return this.privateKey && this.privateKey.extractable === false;
  }

  backupFileName() {
    return 'phyle-key-' + this.did.slice(-8) + '.json';
  }

  backupText() {
    return JSON.stringify(this.backup, null, 2) + '\n';
  }
}

// ---- IndexedDB ----------------------------------------------------------------------------------------------------

let opened = null;

function db() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      if (!globalThis.indexedDB) {
        reject(new KeyError('NO_STORAGE', 'this browser offers no IndexedDB'));
        return;
      }
      const request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new KeyError('NO_STORAGE', String(request.error)));
      request.onblocked = () => reject(new KeyError('NO_STORAGE', 'the key store is blocked by another tab'));
    });
    opened.catch(() => {
      opened = null;
    });
  }
  return opened;
}

/**
 * Runs body(store) in one transaction on the browser's key store; resolves with body's result once the transaction is
 * durable. The opinion keys (opinion-keys.js) live in the same store under their own slots.
 */
export async function inStore(mode, body) {
  const database = await db();
  return new Promise((resolve, reject) => {
    const tx = database.transaction(STORE, mode);
    let result;
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(new KeyError('NO_STORAGE', String(tx.error)));
    tx.onabort = () => reject(new KeyError('NO_STORAGE', String(tx.error)));
    const store = tx.objectStore(STORE);
    const value = body(store);
    if (value instanceof IDBRequest) {
      value.onsuccess = () => {
        result = value.result;
      };
    }
  });
}

const read = (slot) => inStore('readonly', (s) => s.get(slot));

function changed() {
  globalThis.dispatchEvent(new CustomEvent('phyle:identity'));
}

/** The key this browser holds, or null. */
export async function loadIdentity() {
  const record = await read(CURRENT);
  return record ? new Identity(record) : null;
}

/** The key made for a rotation not yet confirmed by the ledger, or null. */
export async function loadPendingRotation() {
  const record = await read(NEXT);
  return record ? new Identity(record) : null;
}

function recordOf(identity) {
  return { did: identity.did, publicKey: identity.publicKey, privateKey: identity.privateKey,
    backup: identity.backup, backedUp: identity.backedUp, createdAt: identity.createdAt };
}

/** Keeps a key as this browser's key, replacing any other. */
export async function saveIdentity(identity) {
  await inStore('readwrite', (s) => {
    s.put(recordOf(identity), CURRENT);
    s.delete(NEXT);
  });
  changed();
  return identity;
}

/** Remembers that the person downloaded the backup (the reminder goes away). */
export async function markBackedUp() {
  const identity = await loadIdentity();
  if (identity && !identity.backedUp) {
    identity.backedUp = true;
    await inStore('readwrite', (s) => s.put(recordOf(identity), CURRENT));
    changed();
  }
  return identity;
}

/** Removes the key from this browser, and the opinion keys kept beside it (opinion-keys.js). */
export async function forgetIdentity() {
  await inStore('readwrite', (s) => {
    s.delete(CURRENT);
    s.delete(NEXT);
    s.delete(IDBKeyRange.bound('opinion:', 'opinion:\uffff'));
  });
  changed();
}

// ---- making, backing up and restoring keys ------------------------------------------------------------------------

/** Refuses passphrases too short to protect a backup file that may be copied anywhere. */
export function checkPassphrase(passphrase, confirmation) {
  if (typeof passphrase !== 'string' || [...passphrase].length < MIN_PASSPHRASE) {
    throw new KeyError('WEAK_PASSPHRASE', 'a passphrase has at least ' + MIN_PASSPHRASE + ' characters');
  }
  if (confirmation !== undefined && confirmation !== passphrase) {
    throw new KeyError('PASSPHRASE_MISMATCH', 'the passphrases differ');
  }
}

/** A new key with its encrypted backup (not stored yet: see saveIdentity). */
export async function createIdentity(passphrase) {
  checkPassphrase(passphrase);
  let pair;
  try {
    pair = await subtle().generateKey(ED25519, true, ['sign', 'verify']);
  } catch (e) {
    if (e instanceof VerifyError) {
      throw new KeyError(e.code, e.message);
    }
    throw new KeyError('NO_ED25519', 'this browser cannot make Ed25519 keys: ' + e.message);
  }
  const publicKey = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  const pkcs8 = new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey));
  try {
    const did = didOf(publicKey);
    const backup = await encrypt(pkcs8, did, passphrase);
    const privateKey = await subtle().importKey('pkcs8', pkcs8, ED25519, false, ['sign']);
    return new Identity({ did, publicKey, privateKey, backup, backedUp: false, createdAt: Date.now() });
  } finally {
    pkcs8.fill(0);
  }
}

/** Opens a backup file's text with its passphrase; the key comes back non-extractable (not stored yet). */
export async function restoreIdentity(text, passphrase) {
  const backup = parseBackup(text);
  const pkcs8 = await decrypt(backup, passphrase);
  try {
    let publicKey;
    try {
      // the public key is not in a PKCS#8 v1 file: import once as extractable to read it from the JWK, then drop it
      const open = await subtle().importKey('pkcs8', pkcs8, ED25519, true, ['sign']);
      const jwk = await subtle().exportKey('jwk', open);
      publicKey = fromBase64Url(jwk.x);
      jwk.d = '';
    } catch (e) {
      throw new KeyError('DAMAGED_BACKUP', 'the backup does not hold an Ed25519 key');
    }
    const did = didOf(publicKey);
    if (did !== backup.did) {
      throw new KeyError('DAMAGED_BACKUP', 'the key in the backup is not ' + backup.did);
    }
    const privateKey = await subtle().importKey('pkcs8', pkcs8, ED25519, false, ['sign']);
    return new Identity({ did, publicKey, privateKey, backup, backedUp: true, createdAt: Date.now() });
  } finally {
    pkcs8.fill(0);
  }
}

// ---- bringing a key in ---------------------------------------------------------------------------------------------

const KEY_FILE_KIND = 'phyle-ed25519-key';
const PKCS8_ED25519_PREFIX = fromHex('302e020100300506032b657004220420');

/**
 * The 32-byte Ed25519 seed in what a person pasted or chose: a key file of `phyle keygen`
 * ({"kind": "phyle-ed25519-key", "did": ..., "seed": base64url}), an entry of a demo's people.json ({name, did, seed}),
 * or the bare seed in hex (64 digits), base64 or base64url. Returns {seed, did} (did when the text names one, to be
 * checked against the seed). A backup file of this app is refused with BACKUP_NOT_SEED: it is restored, not brought in.
 */
export function parseKeyText(text) {
  const trimmed = String(text || '').trim();
  if (!trimmed) {
    throw new KeyError('NO_KEY_TEXT', 'nothing to bring in');
  }
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json;
    try {
      json = JSON.parse(trimmed);
    } catch (e) {
      throw new KeyError('NOT_A_KEY', 'the text is not JSON');
    }
    if (json && json.kind === BACKUP_KIND) {
      throw new KeyError('BACKUP_NOT_SEED', 'this is an encrypted backup: restore it with its passphrase');
    }
    if (!json || Array.isArray(json) || typeof json.seed !== 'string'
      || (json.kind !== undefined && json.kind !== KEY_FILE_KIND)) {
      throw new KeyError('NOT_A_KEY', 'the file holds no Ed25519 seed');
    }
    return { seed: seedBytes(json.seed), did: typeof json.did === 'string' ? json.did : null };
  }
  return { seed: seedBytes(trimmed), did: null };
}

function seedBytes(text) {
  let bytes = null;
  try {
    if (/^[0-9a-fA-F]{64}$/.test(text)) {
      bytes = fromHex(text);
    } else if (/^[A-Za-z0-9_-]{43}$/.test(text)) {
      bytes = fromBase64Url(text);
    } else if (/^[A-Za-z0-9+/]{43}=$/.test(text)) {
      bytes = fromBase64(text);
    }
  } catch (e) {
    bytes = null;
  }
  if (!bytes || bytes.length !== 32) {
    throw new KeyError('NOT_A_KEY', 'a seed is 32 bytes: 64 hex digits, or 43 characters of base64');
  }
  return bytes;
}

/**
 * A key brought in from its seed (see parseKeyText): checked against the did the text names, encrypted with the
 * passphrase as the app's own backup, and kept non-extractable like a key made here (not stored yet: see
 * saveIdentity). Its backup has not been downloaded yet, so the reminder asks for it.
 */
export async function importSeed(text, passphrase) {
  checkPassphrase(passphrase);
  const { seed, did: named } = parseKeyText(text);
  const pkcs8 = concat(PKCS8_ED25519_PREFIX, seed);
  try {
    let publicKey;
    try {
      const open = await subtle().importKey('pkcs8', pkcs8, ED25519, true, ['sign']);
      const jwk = await subtle().exportKey('jwk', open);
      publicKey = fromBase64Url(jwk.x);
      jwk.d = '';
    } catch (e) {
      throw new KeyError('NO_ED25519', 'this browser cannot use Ed25519 keys: ' + e.message);
    }
    const did = didOf(publicKey);
    if (named && named !== did) {
      throw new KeyError('KEY_DID_MISMATCH', 'the seed is the key of ' + did + ', not of ' + named);
    }
    const backup = await encrypt(pkcs8, did, passphrase);
    const privateKey = await subtle().importKey('pkcs8', pkcs8, ED25519, false, ['sign']);
    return new Identity({ did, publicKey, privateKey, backup, backedUp: false, createdAt: Date.now() });
  } finally {
    pkcs8.fill(0);
    seed.fill(0);
  }
}

/** Makes the key for a rotation and keeps it aside until the ledger confirms the rotation. */
export async function prepareRotation(passphrase) {
  const next = await createIdentity(passphrase);
  await inStore('readwrite', (s) => s.put(recordOf(next), NEXT));
  return next;
}

/** The ledger confirmed the rotation: the new key becomes this browser's key (its backup not yet downloaded). */
export async function finishRotation() {
  const next = await loadPendingRotation();
  if (!next) {
    return loadIdentity();
  }
  next.backedUp = false;
  return saveIdentity(next);
}

/** The rotation was refused: the new key is thrown away. */
export async function dropRotation() {
  await inStore('readwrite', (s) => s.delete(NEXT));
}

function parseBackup(text) {
  let json;
  try {
    json = typeof text === 'string' ? JSON.parse(text) : text;
  } catch (e) {
    throw new KeyError('NOT_A_BACKUP', 'the file is not JSON');
  }
  const ok = json && json.kind === BACKUP_KIND && json.version === BACKUP_VERSION && typeof json.did === 'string'
    && json.kdf && json.kdf.name === 'PBKDF2' && json.kdf.hash === 'SHA-256'
    && Number.isSafeInteger(json.kdf.iterations) && json.kdf.iterations >= 100000 && json.kdf.iterations <= 10000000
    && typeof json.kdf.salt === 'string' && json.cipher && json.cipher.name === 'AES-GCM'
    && typeof json.cipher.iv === 'string' && typeof json.data === 'string';
  if (!ok) {
    throw new KeyError('NOT_A_BACKUP', 'the file is not a Phyle key backup');
  }
  return json;
}

async function aesKey(passphrase, salt, iterations) {
  const base = await subtle().importKey('raw', utf8(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base,
    { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

async function encrypt(pkcs8, did, passphrase) {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await aesKey(passphrase, salt, ITERATIONS);
  const data = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv }, key, pkcs8));
  return { kind: BACKUP_KIND, version: BACKUP_VERSION, did,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: ITERATIONS, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) }, data: toBase64(data) };
}

async function decrypt(backup, passphrase) {
  let salt;
  let iv;
  let data;
  try {
    salt = fromBase64(backup.kdf.salt);
    iv = fromBase64(backup.cipher.iv);
    data = fromBase64(backup.data);
  } catch (e) {
    throw new KeyError('NOT_A_BACKUP', 'the backup is not base64');
  }
  const key = await aesKey(passphrase, salt, backup.kdf.iterations);
  try {
    return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv }, key, data));
  } catch (e) {
    // AES-GCM authenticates: a wrong passphrase and a damaged file look the same, and the first is far likelier
    throw new KeyError('WRONG_PASSPHRASE', 'the passphrase does not open this backup');
  }
}
