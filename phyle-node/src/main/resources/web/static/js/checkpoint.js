// Following the society's signed checkpoint: each new one must be signed by the sequencer for this society's log,
// and must extend the last one verified (an RFC 9162 consistency proof). No DOM.

import * as api from './api.js';
import { VerifyError, fromHex } from './bytes.js';
import { verifyConsistency } from './merkle.js';
import { openCheckpoint, parseVerifierKey } from './note.js';

/** Verifies checkpoints of one society, remembering the last one that verified. */
export class CheckpointWatcher {
  constructor(society) {
    this.society = society;
    this.verifier = null;
    this.trusted = null; // {size, root} of the last checkpoint that verified
    this.text = null;
  }

  /**
   * Fetches the latest checkpoint and checks it. Returns {changed, size, signed, consistent, reason}: `consistent`
   * is null until there is an earlier checkpoint to compare with. Throws ApiError if the node cannot be reached.
   */
  async poll() {
    const text = await api.checkpoint();
    if (text === this.text && this.last) {
      return { ...this.last, changed: false };
    }
    this.text = text;
    this.last = await this.check(text);
    return { ...this.last, changed: true };
  }

  async check(text) {
    try {
      if (!this.verifier) {
        this.verifier = await parseVerifierKey(this.society.sequencer && this.society.sequencer.vkey);
      }
      const opened = await openCheckpoint(text, this.verifier, this.society.origin);
      const size = opened.checkpoint.size;
      if (!opened.verified || !opened.originMatches) {
        return { size, signed: false, consistent: null, reason: opened.verified ? 'WRONG_ORIGIN' : 'BAD_SIGNATURE' };
      }
      const current = { size, root: opened.checkpoint.root };
      let consistent = null;
      const previous = this.trusted;
      if (previous && previous.size !== size) {
        if (size > previous.size) {
          const proof = await api.consistency(previous.size, size);
          consistent = await verifyConsistency(previous.size, size, previous.root, current.root,
            (proof.proof || []).map((h) => fromHex(h)));
        } else {
          consistent = false;
        }
      }
      if (consistent !== false) {
        this.trusted = current;
      }
      return { size, signed: true, consistent, previousSize: previous ? previous.size : null, reason: null };
    } catch (e) {
      if (e instanceof VerifyError) {
        return { size: null, signed: false, consistent: null, reason: e.code };
      }
      throw e;
    }
  }
}
