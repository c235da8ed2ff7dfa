// A draw by lot, recomputed in the browser from what GET draws/{ref} says (WebCrypto SHA-256): each revealed secret
// matches its commitment, the randomness is SHA-256 of its prefix, the node's VRF output (beta) and the revealed
// secrets in steward order, each member's score is SHA-256(randomness || person id), and the scores come in
// ascending order (within each region when there are quotas). The VRF proof itself and the pool's membership are
// not checked here: `phyle sortition verify` does that. No DOM.

import { ascii, fromBase64Url, fromHex, randomBytes, sha256, toBase64Url, toHex } from './bytes.js';

const COMMIT = 'phyle-draw-commit:v1:';
const RANDOMNESS = 'phyle-draw-randomness:v1:';

/** A steward's commitment to a secret for a draw: SHA-256("phyle-draw-commit:v1:" || draw id || secret), hex. */
export async function commitmentOf(drawIdHex, secret) {
  return toHex(await sha256(ascii(COMMIT), fromHex(drawIdHex), secret));
}

/** A fresh secret: 32 random bytes, and its base64url (what the reveal carries and what is kept until then). */
export function newSecret() {
  const bytes = randomBytes(32);
  return { bytes, text: toBase64Url(bytes) };
}

function decodeSecret(text) {
  const bytes = fromBase64Url(text);
  if (bytes.length !== 32) {
    throw new Error('a secret is 32 bytes, not ' + bytes.length);
  }
  return bytes;
}

function compareHex(a, b) {
  return a < b ? -1 : a > b ? 1 : 0; // lowercase hex of equal length orders like the bytes
}

/**
 * The checks of a draw: an array of {id, ok, params} (params for the words: expected and computed values), where
 * id is 'commitment' (one per revealed secret, with the steward), 'randomness', 'score' (one per member) and
 * 'order'. A draw not made yet has only its commitment checks.
 */
export async function checkDraw(d) {
  const checks = [];
  const commitments = [...(d.commitments || [])].sort((a, b) => a.steward.number - b.steward.number);
  const secrets = [];
  for (const c of commitments) {
    if (c.secret === null || c.secret === undefined) {
      continue;
    }
    let computed = null;
    try {
      const bytes = decodeSecret(c.secret);
      secrets.push(bytes);
      computed = await commitmentOf(d.id, bytes);
    } catch (e) {
      computed = null;
    }
    checks.push({ id: 'commitment', ok: computed === c.commitment, steward: c.steward,
      params: { name: c.steward.name, expected: c.commitment, computed: computed || '—' } });
  }
  if (!d.beta || !d.randomness) {
    return checks;
  }
  let randomness = null;
  try {
    randomness = toHex(await sha256(ascii(RANDOMNESS), fromHex(d.beta), ...secrets));
  } catch (e) {
    randomness = null;
  }
  checks.push({ id: 'randomness', ok: randomness === d.randomness,
    params: { n: secrets.length, expected: d.randomness, computed: randomness || '—' } });
  const members = d.members || [];
  for (const m of members) {
    let score = null;
    try {
      score = toHex(await sha256(fromHex(d.randomness), fromHex(m.id)));
    } catch (e) {
      score = null;
    }
    checks.push({ id: 'score', ok: score === m.score, member: m,
      params: { name: m.name, number: m.number, expected: m.score, computed: score || '—' } });
  }
  // ascending scores: over everyone, or within each region when the draw has quotas
  const groups = new Map();
  for (const m of members) {
    const key = d.quotas ? m.region : '';
    if (!groups.has(key)) {
      groups.set(key, []);
    }
    groups.get(key).push(m.score);
  }
  let ordered = true;
  let quotasMet = true;
  for (const [region, scores] of groups) {
    for (let i = 1; i < scores.length; i++) {
      if (compareHex(scores[i - 1], scores[i]) > 0) {
        ordered = false;
      }
    }
    if (d.quotas && (d.quotas[region] || 0) !== scores.length) {
      quotasMet = false;
    }
  }
  if (d.quotas) {
    for (const [region, seats] of Object.entries(d.quotas)) {
      if (seats > 0 && !groups.has(region)) {
        quotasMet = false;
      }
    }
  }
  checks.push({ id: d.quotas ? 'orderRegions' : 'order', ok: ordered && quotasMet && members.length === d.size,
    params: { n: members.length, size: d.size } });
  return checks;
}

/** The node's VRF proof in words for the command line: the command that checks what the browser cannot. */
export function verifyCommand(d, nodeUrl) {
  return './phyle sortition verify ' + d.number + ' --node ' + nodeUrl;
}

