// The glossary: the words of the society in plain language, in the reader's language and its alphabetical order,
// each with its own address (glossary#term-<slug>) that other pages link to.

import { currentLanguage, t } from './messages.js';
import { $, el, startPage } from './ui.js';

/**
 * The glossary, from static/glossary.json (the node renders the same file for browsers without scripts): its slugs in
 * 'terms', and each language's words as {slug: {term, text}}; a language without the file's words falls back to
 * English.
 */
async function loadGlossary() {
  const response = await fetch('static/glossary.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error('static/glossary.json: ' + response.status);
  }
  return response.json();
}

function render(glossary) {
  const words = glossary[currentLanguage()] || glossary.en;
  const collator = new Intl.Collator(t('locale'));
  const terms = glossary.terms.map((slug) => ({ slug, ...(words[slug] || glossary.en[slug]) }))
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
  render(await loadGlossary());
  globalThis.addEventListener('hashchange', showTerm);
}

start();
