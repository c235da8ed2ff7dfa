// The glossary: the words of the society in plain language, in the reader's language and its alphabetical order,
// each with its own address (glossary#term-<slug>) that other pages link to.

import { t } from './messages.js';
import { $, el, startPage } from './ui.js';

/** Every term, by its stable slug; the words themselves are 'glossary.term.<slug>' and 'glossary.text.<slug>'. */
export const TERMS = ['citizen', 'applicant', 'e-resident', 'host-resident', 'vouch', 'challenge', 'jury', 'renewal', 'guardian', 'recovery', 'proposal', 'sponsor', 'quorum', 'threshold', 'yes-no', 'quadratic', 'voice-credits', 'approval', 'instant-runoff', 'delegation', 'timelock', 'charter', 'entrenched', 'stage', 'canon', 'draw', 'steward', 'outside-panel', 'ledger', 'checkpoint', 'receipt', 'key', 'hash'];

function render() {
  const collator = new Intl.Collator(t('locale'));
  const terms = TERMS.map((slug) => ({ slug, term: t('glossary.term.' + slug), text: t('glossary.text.' + slug) }))
    .sort((a, b) => collator.compare(a.term, b.term));
  $('glossary-list').replaceChildren(...terms.map(({ slug, term, text }) => el('div', { class: 'glossary-entry',
    id: 'term-' + slug, tabindex: '-1' }, el('dt', {}, el('a', { href: '#term-' + slug, class: 'term-link',
    text: term })), el('dd', { text }))));
  showTerm();
}

/** The term the address names, brought into view and marked. */
function showTerm() {
  for (const marked of document.querySelectorAll('.glossary-entry[data-current]')) {
    delete marked.dataset.current;
  }
  const target = location.hash.startsWith('#term-') ? document.getElementById(location.hash.slice(1)) : null;
  if (target) {
    target.dataset.current = 'true';
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }
}

async function start() {
  await startPage('glossary.pageTitle');
  render();
  globalThis.addEventListener('hashchange', showTerm);
}

start();
