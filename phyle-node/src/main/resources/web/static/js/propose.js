// The form that makes a proposal: title, text, topic, kind (a signal, a parameter change, an amendment of the purpose
// or an article) and counting method (binding kinds are decided yes/no), with the method's options. The stage of the
// society decides which kinds citizens may propose; the node says so if a kind is not allowed yet, and the page
// shows its words. The proposal's id is its transaction id: the page links to it once it is on the ledger.

import * as feedback from './feedback.js';
import { BINDING_KINDS, METHODS, THRESHOLDS, kindName, methodName, thresholdText } from './governance.js';
import { fieldError } from './key-panel.js';
import { formatNumber, t } from './messages.js';
import { send } from './tx.js';
import { $, el, shell } from './ui.js';

const KINDS = ['signal', 'parameter', 'text'];
const TOPIC = /^[a-z0-9-]{1,50}$/;
const ARTICLE = /^[a-z0-9-]{1,50}$/;

const param = (name) => (shell.society.parameters || []).find((p) => p.name === name);

/** Sets the form up for a citizen; `onMade(txId)` is called once a proposal is on the ledger. */
export function setUpProposeForm(onMade) {
  const kind = $('propose-kind');
  const method = $('propose-method');
  kind.replaceChildren(...KINDS.map((k) => el('option', { value: k, text: kindName(k) })));
  method.replaceChildren(...METHODS.map((m) => el('option', { value: m, text: methodName(m) })));
  $('propose-threshold').replaceChildren(...THRESHOLDS.map((x) => el('option', { value: x, text: thresholdText(x) })));
  const integers = (shell.society.parameters || []).filter((p) => typeof p.value === 'number');
  $('propose-param').replaceChildren(...integers.map((p) => el('option', { value: p.name, text: p.name })));
  const votingHours = param('governance.votingHours');
  const minHours = param('governance.minVotingHours');
  $('propose-hours').placeholder = votingHours ? String(votingHours.value) : '';
  $('propose-hours-hint').textContent = t('propose.field.hoursHint', {
    default: formatNumber(votingHours ? votingHours.value : 168), min: formatNumber(minHours ? minHours.value : 24) });
  const stage = shell.society.stage;
  $('propose-kind-hint').textContent = stage && stage.id === 'founding' ? t('propose.kindHintFounding')
    : t('propose.kindHint');

  function update() {
    const binding = BINDING_KINDS.has(kind.value);
    if (binding) {
      method.value = 'yes-no';
    }
    [...method.options].forEach((o) => {
      o.disabled = binding && o.value !== 'yes-no';
    });
    $('propose-method-hint').textContent = binding ? t('propose.methodBinding') : t('method.hint.' + method.value);
    $('propose-parameter').hidden = kind.value !== 'parameter';
    $('propose-amendment').hidden = kind.value !== 'text';
    $('propose-yes-no').hidden = method.value !== 'yes-no';
    $('propose-choices').hidden = method.value === 'yes-no';
    $('propose-winners-field').hidden = method.value === 'ranked';
    $('propose-max-field').hidden = method.value !== 'approval';
    $('propose-negative-field').hidden = method.value !== 'quadratic';
    const p = param($('propose-param').value);
    $('propose-param-hint').textContent = p ? t('propose.parameter.now', { value: formatNumber(p.value),
      unit: p.unit || '', meaning: p.meaning || '' }) : '';
  }
  kind.addEventListener('change', update);
  method.addEventListener('change', update);
  $('propose-param').addEventListener('change', update);
  update();

  $('propose-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = read();
    if (!body) {
      return;
    }
    const region = $('propose-feedback');
    const result = await feedback.perform(region, {
      button: $('propose-submit'),
      pendingText: t('tx.signing'),
      run: () => send(shell.identity, shell.society, 'governance.propose', body),
      done: () => t('propose.done', { title: body.title }),
    });
    if (result) {
      region.append(el('p', { class: 'feedback-more' }, el('a', { href: '#proposal=' + result.txId,
        id: 'propose-open', text: t('propose.open') })));
      $('propose-form').reset();
      update();
      onMade(result.txId);
    }
  });
}

/** The propose transaction's body from the form, or null (with the first bad field focused). */
function read() {
  const bad = [];
  const check = (input, ok, message) => {
    fieldError(input, ok ? null : message);
    if (!ok) {
      bad.push(input);
    }
  };
  const title = $('propose-title').value.trim();
  check($('propose-title'), title.length >= 1 && title.length <= 200 && !/[\r\n]/.test(title),
    t('propose.error.title'));
  const topic = $('propose-topic').value.trim() || 'general';
  check($('propose-topic'), TOPIC.test(topic), t('propose.error.topic'));
  const kind = $('propose-kind').value;
  const method = $('propose-method').value;
  const body = { title, text: $('propose-text').value, topic, kind, method };
  if (kind === 'parameter') {
    const value = $('propose-param-value').value.trim();
    check($('propose-param-value'), value.length > 0, t('propose.error.value'));
    body.action = { changes: { [$('propose-param').value]: value } };
  } else if (kind === 'text') {
    const article = $('propose-article').value.trim();
    check($('propose-article'), article === 'purpose' || ARTICLE.test(article), t('propose.error.article'));
    body.action = { target: article === 'purpose' ? 'purpose' : 'article:' + article,
      text: $('propose-new-text').value };
  }
  if (method === 'yes-no') {
    body.threshold = $('propose-threshold').value;
  } else {
    const options = $('propose-options').value.split('\n').map((o) => o.trim()).filter((o) => o.length > 0);
    const least = method === 'quadratic' ? 1 : 2;
    check($('propose-options'), options.length >= least && options.length <= 20
      && new Set(options).size === options.length && options.every((o) => o.length <= 200),
    t('propose.error.options', { min: formatNumber(least) }));
    body.options = options;
    if (method !== 'ranked') {
      body.winners = Math.min(Math.max(1, Number($('propose-winners').value) || 1), Math.max(1, options.length));
    }
    if (method === 'approval' && $('propose-max').value) {
      body.maxApprovals = Math.min(Math.max(1, Number($('propose-max').value)), Math.max(1, options.length));
    }
    if (method === 'quadratic') {
      body.allowNegative = $('propose-negative').checked;
    }
  }
  const hours = $('propose-hours').value.trim();
  if (hours) {
    body.votingHours = Number(hours);
  }
  if (bad.length) {
    bad[0].focus();
    return null;
  }
  return body;
}
