// The ballot, in the proposal's counting method: yes / no / abstain buttons; one slider per option for a quadratic
// vote, with each option's cost (n votes cost n² credits) and the total against the credits the voter may spend, live;
// approval checkboxes, no more than the proposal allows; a ranking put in order with buttons (no dragging), where
// options may stay unranked. Each form starts from the voter's current ballot, and hands the ballot's JSON
// (governance.vote's `ballot`) to `cast(ballot, button)`, which signs and sends it.

import { fieldError } from './key-panel.js';
import { cost } from './governance.js';
import { formatNumber, t } from './messages.js';
import { el } from './ui.js';

/**
 * The ballot form for a proposal that is voting. `previous` is the voter's ballot or null; `budget` the quadratic
 * credits they may spend ({credits, refund, exact}, from governance.js); `cast` resolves once the node has answered.
 */
export function ballotForm(p, { previous, budget, cast }) {
  switch (p.method) {
    case 'yes-no':
      return yesNo(previous, cast);
    case 'quadratic':
      return quadratic(p, previous, budget, cast);
    case 'approval':
      return approval(p, previous, cast);
    default:
      return ranked(p, previous, cast);
  }
}

/** Runs the cast with every control of the form disabled, then lets the form set them again. */
async function casting(root, cast, ballot, button, update) {
  const controls = [...root.querySelectorAll('button, input')];
  controls.forEach((c) => {
    c.disabled = true;
  });
  try {
    return await cast(ballot, button);
  } finally {
    controls.forEach((c) => {
      c.disabled = false;
    });
    update();
  }
}

function submitButton(previous) {
  return el('button', { type: 'submit', class: 'button primary', id: 'ballot-submit',
    text: previous ? t('ballot.resubmit') : t('ballot.submit') });
}

// ---- yes / no / abstain ---------------------------------------------------------------------------------------------

function yesNo(previous, cast) {
  const root = el('div', { class: 'ballot', 'data-method': 'yes-no' });
  const now = previous && previous.choice;
  const group = el('div', { class: 'actions', role: 'group', 'aria-label': t('ballot.yesNo.group') },
    ...['yes', 'no', 'abstain'].map((choice) => el('button', { type: 'button', class: 'button ballot-choice',
      'data-choice': choice, 'aria-pressed': String(choice === now), text: t('ballot.choose.' + choice),
      onclick: (e) => casting(root, cast, { choice }, e.currentTarget, () => {}) })));
  root.append(el('p', { class: 'hint', text: t('ballot.yesNo.hint') }), group);
  return root;
}

// ---- quadratic: sliders and their cost ------------------------------------------------------------------------------

function quadratic(p, previous, budget, cast) {
  const negative = Boolean(p.rules.allowNegative);
  const most = Math.floor(Math.sqrt(p.rules.voiceCredits));
  const votes = p.options.map((_, i) => (previous && Array.isArray(previous.votes) ? previous.votes[i] || 0 : 0));
  const signed = (v) => (v > 0 ? '+' : v < 0 ? '−' : '') + formatNumber(Math.abs(v));
  const costText = (v) => t('ballot.qv.cost', { votes: signed(v), credits: formatNumber(v * v) });

  const sliders = p.options.map((option, i) => {
    const id = 'qv-' + i;
    const input = el('input', { type: 'range', id, class: 'qv-slider', min: negative ? -most : 0, max: most, step: 1,
      value: votes[i], 'aria-describedby': id + '-cost' });
    const out = el('output', { id: id + '-cost', class: 'qv-cost', for: id });
    const paint = () => {
      // the track is filled from zero to the thumb (not from the left end): at 0 it looks empty, below 0 it fills left
      const at = (v) => ((v - Number(input.min)) / (Number(input.max) - Number(input.min) || 1)) * 100;
      const zero = at(0);
      const here = at(Number(input.value));
      input.style.setProperty('--fill-from', Math.min(zero, here) + '%');
      input.style.setProperty('--fill-to', Math.max(zero, here) + '%');
    };
    input.addEventListener('input', () => {
      votes[i] = Number(input.value);
      paint();
      update();
    });
    paint();
    return { input, out, item: el('li', { class: 'qv-option', 'data-option': i },
      el('label', { for: id, class: 'qv-label', text: option }),
      el('div', { class: 'qv-control' }, input, out)) };
  });
  const total = el('p', { class: 'qv-total', id: 'qv-total', 'aria-live': 'polite' });
  const meter = el('meter', { class: 'qv-meter', min: 0, max: Math.max(1, budget.credits), 'aria-hidden': 'true' });
  const over = el('p', { class: 'field-error', id: 'qv-over', role: 'alert', hidden: true });
  const submit = submitButton(previous);
  submit.setAttribute('aria-describedby', 'qv-total qv-over');

  const root = el('form', { class: 'ballot form', 'data-method': 'quadratic', novalidate: true },
    el('p', { class: 'hint', id: 'qv-budget', text: budget.exact && budget.refund > 0
      // a re-vote: say what is left this epoch (as the delegation box does) and what the replaced ballot gives back
      ? t('ballot.qv.budgetRevote', { left: formatNumber(budget.credits - budget.refund),
        refund: formatNumber(budget.refund), credits: formatNumber(budget.credits), most: formatNumber(most) })
      : budget.exact ? t('ballot.qv.budget', { credits: formatNumber(budget.credits), most: formatNumber(most) })
      : t('ballot.qv.budgetAtMost', { credits: formatNumber(budget.credits), most: formatNumber(most) }) }),
    negative ? el('p', { class: 'hint', text: t('ballot.qv.negative') }) : null,
    el('ul', { class: 'qv-options plain' }, ...sliders.map((s) => s.item)),
    el('div', { class: 'qv-sum' }, total, meter),
    over,
    el('div', { class: 'actions' }, submit));

  function update() {
    const spent = cost(votes);
    sliders.forEach((s, i) => {
      s.out.textContent = costText(votes[i]);
      s.input.setAttribute('aria-valuetext', costText(votes[i]));
    });
    total.textContent = t('ballot.qv.total', { cost: formatNumber(spent), credits: formatNumber(budget.credits) });
    meter.value = Math.min(spent, meter.max);
    const tooMuch = spent > budget.credits;
    root.dataset.over = String(tooMuch);
    over.hidden = !tooMuch;
    over.textContent = tooMuch ? t('ballot.qv.over', { cost: formatNumber(spent),
      credits: formatNumber(budget.credits) }) : '';
    submit.disabled = tooMuch;
  }
  root.addEventListener('submit', (event) => {
    event.preventDefault();
    if (cost(votes) <= budget.credits) {
      casting(root, cast, { votes: [...votes] }, submit, update);
    }
  });
  update();
  return root;
}

// ---- approval: checkboxes, up to the maximum -------------------------------------------------------------------------

function approval(p, previous, cast) {
  const max = p.rules.maxApprovals || p.options.length;
  const chosen = new Set(previous && Array.isArray(previous.approve) ? previous.approve : []);
  const boxes = p.options.map((option, i) => el('input', { type: 'checkbox', value: i, checked: chosen.has(i),
    'aria-describedby': 'approval-count' }));
  const count = el('p', { class: 'hint', id: 'approval-count', 'aria-live': 'polite' });
  const group = el('fieldset', { class: 'field choice', id: 'approval-options' },
    el('legend', { text: t('ballot.approval.legend', { max: formatNumber(max) }) }),
    ...p.options.map((option, i) => el('label', { class: 'option' }, boxes[i], el('span', { text: option }))),
    count,
    el('p', { class: 'field-error', id: 'approval-options-error', hidden: true }));
  const submit = submitButton(previous);
  const root = el('form', { class: 'ballot form', 'data-method': 'approval', novalidate: true }, group,
    el('div', { class: 'actions' }, submit));

  function update() {
    const n = boxes.filter((b) => b.checked).length;
    boxes.forEach((b) => {
      b.disabled = !b.checked && n >= max;
    });
    count.textContent = n >= max && max < p.options.length ? t('ballot.approval.full', { n: formatNumber(n) })
      : t('ballot.approval.count', { n: formatNumber(n), max: formatNumber(max) });
  }
  group.addEventListener('change', () => {
    fieldError(group, null);
    update();
  });
  root.addEventListener('submit', (event) => {
    event.preventDefault();
    const approve = boxes.filter((b) => b.checked).map((b) => Number(b.value));
    if (approve.length === 0) {
      fieldError(group, t('ballot.approval.none'));
      boxes[0].focus();
      return;
    }
    casting(root, cast, { approve }, submit, update);
  });
  update();
  return root;
}

// ---- ranked: an order made with buttons --------------------------------------------------------------------------------

function ranked(p, previous, cast) {
  let ranking = previous && Array.isArray(previous.ranking) ? [...previous.ranking] : [];
  const name = (i) => p.options[i];
  const rankedList = el('ol', { class: 'ranking', id: 'ranking', 'aria-labelledby': 'ranking-title' });
  const rest = el('ul', { class: 'ranking unranked', id: 'unranked', 'aria-labelledby': 'unranked-title' });
  const live = el('p', { class: 'visually-hidden', id: 'ranking-live', 'aria-live': 'polite' });
  const error = el('p', { class: 'field-error', id: 'ranking-error', hidden: true });
  const submit = submitButton(previous);
  const root = el('form', { class: 'ballot form', 'data-method': 'ranked', novalidate: true },
    el('p', { class: 'hint', text: t('ballot.ranked.hint') }),
    el('div', { class: 'ranking-columns' },
      el('div', {}, el('h3', { class: 'label', id: 'ranking-title', text: t('ballot.ranked.yours') }), rankedList),
      el('div', {}, el('h3', { class: 'label', id: 'unranked-title', text: t('ballot.ranked.rest') }), rest)),
    live, error,
    el('div', { class: 'actions' }, submit));

  const button = (option, act, label, text, disabled) => el('button', { type: 'button', class: 'button small',
    'data-option': option, 'data-act': act, 'aria-label': t(label, { option: name(option) }), title: t(label,
      { option: name(option) }), text, disabled });

  function change(option, act) {
    const k = ranking.indexOf(option);
    let focus;
    if (act === 'add') {
      ranking.push(option);
      const next = p.options.findIndex((_, i) => !ranking.includes(i) && i > option);
      const first = p.options.findIndex((_, i) => !ranking.includes(i));
      focus = next >= 0 ? [next, 'add'] : first >= 0 ? [first, 'add'] : [option, 'remove'];
    } else if (act === 'remove') {
      ranking.splice(k, 1);
      focus = ranking.length ? [ranking[Math.min(k, ranking.length - 1)], 'remove'] : [option, 'add'];
    } else {
      const to = act === 'up' ? k - 1 : k + 1;
      [ranking[k], ranking[to]] = [ranking[to], ranking[k]];
      const edge = (act === 'up' && to === 0) || (act === 'down' && to === ranking.length - 1);
      focus = [option, edge ? (act === 'up' ? 'down' : 'up') : act];
    }
    error.hidden = true;
    render();
    const k2 = ranking.indexOf(option);
    live.textContent = k2 >= 0 ? t('ballot.ranked.at', { option: name(option), rank: formatNumber(k2 + 1),
      of: formatNumber(ranking.length) }) : t('ballot.ranked.removed', { option: name(option) });
    const target = root.querySelector('[data-option="' + focus[0] + '"][data-act="' + focus[1] + '"]:not(:disabled)');
    (target || submit).focus();
  }

  function render() {
    rankedList.replaceChildren(...(ranking.length === 0
      ? [el('li', { class: 'empty', text: t('ballot.ranked.none') })]
      : ranking.map((o, k) => el('li', { class: 'rank-item', 'data-option': o },
        el('span', { class: 'rank-number', 'aria-hidden': 'true', text: formatNumber(k + 1) }),
        el('span', { class: 'rank-name', text: name(o) }),
        el('span', { class: 'rank-buttons' },
          button(o, 'up', 'ballot.ranked.up', '↑', k === 0),
          button(o, 'down', 'ballot.ranked.down', '↓', k === ranking.length - 1),
          button(o, 'remove', 'ballot.ranked.remove', '×', false))))));
    const left = p.options.map((_, i) => i).filter((i) => !ranking.includes(i));
    rest.replaceChildren(...(left.length === 0
      ? [el('li', { class: 'empty', text: t('ballot.ranked.all') })]
      : left.map((o) => el('li', { class: 'rank-item', 'data-option': o },
        el('span', { class: 'rank-name', text: name(o) }),
        el('span', { class: 'rank-buttons' }, button(o, 'add', 'ballot.ranked.add', t('ballot.ranked.addShort'),
          false))))));
  }
  root.addEventListener('click', (event) => {
    const b = event.target.closest('button[data-act]');
    if (b) {
      change(Number(b.dataset.option), b.dataset.act);
    }
  });
  root.addEventListener('submit', (event) => {
    event.preventDefault();
    if (ranking.length === 0) {
      error.hidden = false;
      error.textContent = t('ballot.ranked.empty');
      root.querySelector('[data-act="add"]')?.focus();
      return;
    }
    casting(root, cast, { ranking: [...ranking] }, submit, render);
  });
  render();
  return root;
}
