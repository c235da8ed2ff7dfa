// The handover in numbers, from GET charter's `handover`: where each stage stands (done, current, future), how far
// the citizens in good standing are from the next threshold, and what the next stage changes, by the powers' codes
// (so that the page words them in the reader's language). No DOM.

/** The state of each stage: 'done' (began before the current one), 'current', or 'future'. */
export function stageStates(handover) {
  const current = handover.stage.ordinal;
  return handover.stages.map((s) => ({
    ...s,
    communityPowers: inOrder(s.communityPowers),
    state: s.ordinal < current ? 'done' : s.ordinal === current ? 'current' : 'future',
  }));
}

const COMMUNITY_ORDER = ['propose_signals', 'propose_binding', 'elect_council', 'amend_anything'];

/** The citizens' powers from the least to the most (the node's order is not fixed); unknown ones last. */
function inOrder(powers) {
  const rank = (p) => (COMMUNITY_ORDER.includes(p.power) ? COMMUNITY_ORDER.indexOf(p.power) : COMMUNITY_ORDER.length);
  return [...powers].sort((a, b) => rank(a) - rank(b));
}

/**
 * Progress toward the next stage: {now, threshold, needed, fraction} (fraction 0..1 of the threshold), or null in
 * the last stage.
 */
export function progressToNext(handover) {
  const next = handover.next;
  if (!next) {
    return null;
  }
  const now = Math.max(0, handover.citizensNow);
  const threshold = Math.max(1, next.threshold);
  return { now, threshold: next.threshold, needed: Math.max(0, next.threshold - now),
    fraction: Math.min(1, now / threshold) };
}

/**
 * What the next stage changes, as power codes: {founderLoses: [power], communityGains: [power]}, comparing the
 * founder's powers now (none once retired) and the current stage's community powers with the next stage's.
 */
export function nextChanges(handover) {
  const next = handover.next && handover.stages.find((s) => s.id === handover.next.id);
  if (!next) {
    return { founderLoses: [], communityGains: [] };
  }
  const current = handover.stages.find((s) => s.id === handover.stage.id);
  const nextFounder = new Set(next.founderPowers.map((p) => p.power));
  const nowCommunity = new Set((current ? current.communityPowers : []).map((p) => p.power));
  return {
    founderLoses: handover.founder.powers.filter((p) => !nextFounder.has(p.power)),
    communityGains: inOrder(next.communityPowers).filter((p) => !nowCommunity.has(p.power)),
  };
}
