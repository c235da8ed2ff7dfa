// Verifies a receipt from GET /api/v1/txs/{id}/receipt without trusting the node that served it:
//   txId       the transaction id is SHA-256(JCS(entry.payload)), and is the one asked for
//   leafHash   the leaf hash is SHA-256(0x00 || JCS(entry))
//   inclusion  the RFC 9162 inclusion proof leads from that leaf to the root of the receipt's checkpoint
//   checkpoint the checkpoint note is signed by the society's sequencer key, for the society's log
// No DOM: the page renders the result, and other pages can reuse it.

import { VerifyError, equalBytes, fromHex, sha256, toHex, utf8 } from './bytes.js';
import { canonicalBytes } from './jcs.js';
import { leafHash as merkleLeafHash, rootFromInclusion } from './merkle.js';
import { parseCheckpoint, parseNote, verifyEd25519 } from './note.js';

/** The checks, in the order they are made and reported. */
export const CHECKS = ['txId', 'leafHash', 'inclusion', 'checkpoint'];

/** Errors that mean "this browser cannot verify", not "the receipt is wrong": they are thrown, not reported. */
const ENVIRONMENT_ERRORS = new Set(['NO_WEBCRYPTO', 'NO_ED25519']);

/**
 * Verifies a parsed receipt. `verifier` is the sequencer's key ({name, keyId, publicKey} from parseVerifierKey),
 * `origin` the society's log origin, `txId` (optional) the id that was looked up.
 * Returns {verified, firstFailure, checks: [{id, ok, reason, ...values}]}; a check's `reason` is a stable code.
 */
export async function verifyReceipt(receipt, { verifier, origin, txId } = {}) {
  const checks = [];
  const r = receipt && typeof receipt === 'object' ? receipt : {};

  await run(checks, 'txId', async () => {
    const payload = r.entry && r.entry.payload;
    if (!payload || typeof payload !== 'object') {
      return { ok: false, reason: 'MALFORMED' };
    }
    const computed = toHex(await sha256(canonicalBytes(payload)));
    if (computed !== r.txId) {
      return { ok: false, reason: 'TXID_MISMATCH', computed, claimed: r.txId };
    }
    if (txId && computed !== txId.toLowerCase()) {
      return { ok: false, reason: 'NOT_ASKED_FOR', computed, claimed: txId };
    }
    return { ok: true, computed };
  });

  const computedLeaf = r.entry && typeof r.entry === 'object' ? await leafOf(r.entry) : null;

  await run(checks, 'leafHash', async () => {
    if (!computedLeaf) {
      return { ok: false, reason: 'MALFORMED' };
    }
    const computed = toHex(computedLeaf);
    return computed === r.leafHash
      ? { ok: true, computed }
      : { ok: false, reason: 'LEAF_MISMATCH', computed, claimed: r.leafHash };
  });

  let note = null;
  let noteError = null;
  try {
    note = parseNote(r.checkpoint);
  } catch (e) {
    if (!(e instanceof VerifyError)) {
      throw e;
    }
    noteError = e.code;
  }

  await run(checks, 'inclusion', async () => {
    if (!note) {
      return { ok: false, reason: noteError };
    }
    const checkpoint = parseCheckpoint(note.text);
    if (!computedLeaf || !Array.isArray(r.inclusionProof) || !Number.isSafeInteger(r.leafIndex)
        || !Number.isSafeInteger(r.treeSize)) {
      return { ok: false, reason: 'MALFORMED' };
    }
    if (checkpoint.size !== BigInt(r.treeSize)) {
      return { ok: false, reason: 'SIZE_MISMATCH', treeSize: r.treeSize, checkpointSize: checkpoint.size };
    }
    const proof = r.inclusionProof.map((h) => hash(h));
    const root = await rootFromInclusion(computedLeaf, r.leafIndex, r.treeSize, proof);
    if (root === null) {
      return { ok: false, reason: 'PROOF_SHAPE', proofLength: proof.length };
    }
    return equalBytes(root, checkpoint.root)
      ? { ok: true, root: toHex(root), proofLength: proof.length, treeSize: r.treeSize, leafIndex: r.leafIndex }
      : { ok: false, reason: 'ROOT_MISMATCH', computed: toHex(root), claimed: checkpoint.rootHex };
  });

  await run(checks, 'checkpoint', async () => {
    if (!note) {
      return { ok: false, reason: noteError };
    }
    if (!verifier) {
      return { ok: false, reason: 'NO_VERIFIER' };
    }
    const checkpoint = parseCheckpoint(note.text);
    if (origin != null && checkpoint.origin !== origin) {
      return { ok: false, reason: 'WRONG_ORIGIN', claimed: checkpoint.origin };
    }
    const byKey = note.signatures.filter((s) => s.name === verifier.name && s.keyId === verifier.keyId);
    if (byKey.length === 0) {
      return { ok: false, reason: 'NOT_SIGNED_BY_KEY' };
    }
    for (const s of byKey) {
      if (await verifyEd25519(verifier.publicKey, s.signature, utf8(note.text))) {
        return { ok: true, keyName: verifier.name };
      }
    }
    return { ok: false, reason: 'BAD_SIGNATURE' };
  });

  const failed = checks.find((c) => !c.ok);
  return { verified: !failed, firstFailure: failed ? failed.id : null, checks };
}

async function leafOf(entry) {
  try {
    return await merkleLeafHash(canonicalBytes(entry));
  } catch (e) {
    if (e instanceof VerifyError && !ENVIRONMENT_ERRORS.has(e.code)) {
      return null;
    }
    throw e;
  }
}

async function run(checks, id, body) {
  let result;
  try {
    result = await body();
  } catch (e) {
    if (!(e instanceof VerifyError) || ENVIRONMENT_ERRORS.has(e.code)) {
      throw e;
    }
    result = { ok: false, reason: e.code };
  }
  checks.push({ id, ...result });
}

function hash(hex) {
  if (typeof hex !== 'string' || !/^[0-9a-f]{64}$/.test(hex)) {
    throw new VerifyError('BAD_HASH', 'a hash is 64 lowercase hex digits');
  }
  return fromHex(hex);
}
