// Liquid delegation on the proposals page: the delegations of the person this key belongs to, by topic, each with
// a revoke button; how many delegate to them; their quadratic voice credits this epoch; and a form to delegate a
// topic (or every topic, "*") to a citizen found by number or name. Everything is signed in the browser.

import * as api from './api.js';
import * as feedback from './feedback.js';
import { topicName } from './governance.js';
import { fieldError } from './key-panel.js';
import { formatNumber, t } from './messages.js';
import { send } from './tx.js';
import { $, el, fill, personLink, problemText, shell } from './ui.js';

const TOPIC = /^([a-z0-9-]{1,50}|\*)$/;

let me = null;

/** Shows the delegations of `person` (GET citizens/{ref} of this browser's key, or null). */
export async function renderDelegation(person) {
  me = person;
  const body = $('delegation-body');
  const form = $('delegate-form');
  if (!person || person.status !== 'citizen') {
    form.hidden = true;
    fill(body, el('p', { class: 'hint', text: shell.identity ? t('delegation.notPerson') : t('delegation.noKey') }));
    return;
  }
  form.hidden = false;
  try {
    const d = await api.delegations(person.id);
    const delegators = Object.entries(d.delegators || {});
    fill(body,
      el('p', { class: 'hint', id: 'delegation-credits', text: t('delegation.credits', {
        left: formatNumber(d.credits.left), per: formatNumber(d.credits.perEpoch) }) }),
      el('h3', { class: 'label', text: t('delegation.yours') }),
      d.delegations.length === 0 ? el('p', { id: 'delegation-none', text: t('delegation.none') })
        : el('ul', { class: 'plain delegations', id: 'delegation-list' }, ...d.delegations.map((x) => el('li', {
          class: 'delegation', 'data-topic': x.topic },
        el('span', {}, t('delegation.onTopic', { topic: topicName(x.topic) }), ' ', personLink(x.to)),
        el('button', { type: 'button', class: 'button small', 'aria-label': t('delegation.revokeLabel', {
          topic: topicName(x.topic) }), text: t('delegation.revoke'),
        onclick: (e) => revoke(x.topic, e.currentTarget) })))),
      delegators.length ? el('p', { class: 'hint', id: 'delegation-delegators', text: t('delegation.delegators', {
        list: delegators.map(([topic, n]) => topicName(topic) + ': ' + formatNumber(n)).join(', ') }) }) : null);
  } catch (e) {
    fill(body, el('p', { class: 'problem', text: problemText(e) }));
  }
}

async function revoke(topic, button) {
  const result = await feedback.perform($('delegation-feedback'), {
    button,
    pendingText: t('tx.signing'),
    run: () => send(shell.identity, shell.society, 'governance.undelegate', { topic }),
    done: () => t('delegation.revoked', { topic: topicName(topic) }),
  });
  if (result) {
    await renderDelegation(me);
  }
}

/** Finds a citizen by number or by a part of their name; returns the person or shows why not. */
async function findPerson(input) {
  const q = input.value.trim();
  if (!q) {
    fieldError(input, t('delegation.toMissing'));
    return null;
  }
  try {
    if (/^#?[0-9]+$/.test(q)) {
      const p = await api.personOrNull(q.replace('#', ''));
      if (p) {
        return p;
      }
    } else {
      const found = (await api.citizens({ status: 'citizen', q, limit: 6 })).people || [];
      if (found.length === 1) {
        return found[0];
      }
      if (found.length > 1) {
        fieldError(input, t('delegation.toMany', { names: found.slice(0, 5).map((p) => p.name + ' #' + p.number)
          .join(', ') }));
        return null;
      }
    }
    fieldError(input, t('delegation.toNobody', { q }));
  } catch (e) {
    fieldError(input, problemText(e));
  }
  return null;
}

export function setUpDelegation() {
  const form = $('delegate-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const topicInput = $('delegate-topic');
    const toInput = $('delegate-to');
    fieldError(topicInput, null);
    fieldError(toInput, null);
    const topic = topicInput.value.trim();
    if (!TOPIC.test(topic)) {
      fieldError(topicInput, t('propose.error.topic'));
      topicInput.focus();
      return;
    }
    const to = await findPerson(toInput);
    if (!to) {
      toInput.focus();
      return;
    }
    const result = await feedback.perform($('delegation-feedback'), {
      button: $('delegate-submit'),
      pendingText: t('tx.signing'),
      run: () => send(shell.identity, shell.society, 'governance.delegate', { topic, to: to.id }),
      done: () => t('delegation.done', { topic: topicName(topic), name: to.name }),
    });
    if (result) {
      toInput.value = '';
      await renderDelegation(me);
    }
  });
}
