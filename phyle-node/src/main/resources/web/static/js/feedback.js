// What happens to an action, shown where the person acted: pending while the browser signs and the node decides,
// committed with the block and a link to the receipt (verified on the ledger page), or rejected with the node's
// message in plain words and its code shown small. The region is a live region (role=status) in the page's HTML;
// its data-state is pending | committed | rejected, for styles and tests.

import { ApiError } from './api.js';
import { formatNumber, has, t } from './messages.js';
import { el, problemText, receiptUrl } from './ui.js';

/** Shows that an action is under way. */
export function pending(region, text) {
  region.hidden = false;
  region.dataset.state = 'pending';
  region.replaceChildren(el('p', { class: 'feedback-line' },
    el('span', { class: 'spinner', 'aria-hidden': 'true' }), ' ', text || t('tx.pending')));
}

/** Shows a committed transaction: what it did, the block, and its receipt. */
export function committed(region, text, result) {
  region.hidden = false;
  region.dataset.state = 'committed';
  region.replaceChildren(
    el('p', { class: 'feedback-line' }, el('span', { class: 'mark', 'aria-hidden': 'true', text: '✓' }), ' ',
      el('strong', { text })),
    el('p', { class: 'feedback-more' }, t('tx.committedIn', { height: formatNumber(result.height) }), ' ',
      el('a', { href: receiptUrl(result.txId), class: 'receipt-link', 'data-txid': result.txId,
        text: t('tx.receiptLink') })));
}

/** Shows a refusal (from the node) or a failure (in the browser) in plain words. */
export function rejected(region, error, headline) {
  region.hidden = false;
  region.dataset.state = 'rejected';
  const fromNode = error instanceof ApiError && error.code !== 'NETWORK';
  const meaning = fromNode && has('refusal.' + error.code) ? t('refusal.' + error.code) : null;
  const lines = [el('p', { class: 'feedback-line' }, el('span', { class: 'mark', 'aria-hidden': 'true', text: '✗' }),
    ' ', el('strong', { text: headline || (fromNode ? t('tx.refused') : t('tx.failed')) }))];
  if (fromNode) {
    if (meaning) {
      lines.push(el('p', { class: 'feedback-more', text: meaning }));
    }
    if (error.detail) {
      lines.push(el('p', { class: 'feedback-more', text: t('tx.nodeSays', { detail: error.detail }) }));
    }
    lines.push(el('p', { class: 'feedback-code' }, el('code', { text: error.code })));
  } else {
    lines.push(el('p', { class: 'feedback-more', text: problemText(error) }));
  }
  region.replaceChildren(...lines);
}

export function clear(region) {
  region.hidden = true;
  delete region.dataset.state;
  region.replaceChildren();
}

/**
 * Runs an action with its feedback: the button is disabled while it runs. `run` returns the transaction result
 * ({txId, height}) or throws; `done(result)` gives the words for success. Resolves with the result, or null.
 */
export async function perform(region, { button, pendingText, run, done }) {
  if (button) {
    button.disabled = true;
  }
  pending(region, pendingText);
  try {
    const result = await run();
    committed(region, done(result), result);
    return result;
  } catch (e) {
    rejected(region, e);
    return null;
  } finally {
    if (button) {
      button.disabled = false;
    }
  }
}
