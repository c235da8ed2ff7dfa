// Crowdfunded territory: the campaigns, and a campaign (#campaign=<number>) with the property, its host country, the
// steward, the target and deadline, a progress bar, the pledges (each a patron attestation on the ledger), pledging
// from the key in this browser while it is open, and its outcome: funded (the money in the treasury's land budget and
// the pending territory record) or not (every pledge refunded, shown). It follows new blocks live.

import * as api from './api.js';
import * as feedback from './feedback.js';
import {
  amountError, countryName, currencyCode, formatUnits, loadCurrency, parseAmount,
} from './funding.js';
import { field, fieldError } from './key-panel.js';
import { formatNumber, formatPercent, formatWhen, fromNow, has, t } from './messages.js';
import * as names from './names.js';
import { send } from './tx.js';
import {
  $, code, el, fact, fill, nodeNow, onIdentityChange, personLink, problemText, shell, shortDid, startPage,
} from './ui.js';

const state = { campaigns: [], number: null, campaign: null, actFor: null };

const word = (prefix, value) => (has(prefix + value) ? t(prefix + value) : String(value));
const when = formatWhen;

function statePill(s) {
  return el('span', { class: 'pill', 'data-status': 'campaign-' + s, text: word('campaign.state.', s) });
}

function who(did) {
  const p = names.lookup(did);
  return p ? personLink(p) : code(shortDid(did), { title: did });
}

/** A progress bar that reads without scripts or styles: a <progress> with the figures in words beside it. */
function progress(c, id) {
  const text = t('campaign.progressText', { pledged: formatUnits(c.pledged), target: formatUnits(c.target),
    percent: formatPercent(Math.min(c.progressBp, 10000) / 10000) });
  return el('div', { class: 'campaign-progress' },
    el('progress', { id, max: '10000', value: String(Math.min(c.progressBp, 10000)),
      'aria-label': t('campaign.progressLabel', { title: c.title }), 'aria-describedby': id + '-text' }),
    el('p', { class: 'progress-text', id: id + '-text', text }));
}

function deadlineText(c) {
  return c.state === 'open' ? t('campaign.deadline.open', { until: when(c.deadline), when: fromNow(c.deadline,
    nodeNow()) }) : t('campaign.deadline.closed', { until: when(c.deadline) });
}

// ---- the list -------------------------------------------------------------------------------------------------------

async function loadCampaigns() {
  const list = $('campaigns-list');
  try {
    const answer = await api.getJson('campaigns');
    state.campaigns = answer.campaigns;
    $('campaigns-summary').textContent = answer.count === 0 ? t('campaigns.none')
      : t(answer.count === 1 ? 'campaigns.countOne' : 'campaigns.count', { n: formatNumber(answer.count) });
    fill(list, ...[...answer.campaigns].reverse().map(campaignRow));
  } catch (e) {
    fill(list, el('li', { class: 'problem', text: problemText(e) }));
  }
}

function campaignRow(c) {
  return el('li', { class: 'funding-row campaign-row', 'data-number': c.number, 'data-state': c.state },
    el('div', { class: 'funding-row-head' },
      el('a', { href: '#campaign=' + c.number, class: 'campaign-link', text: t('campaigns.rowTitle', {
        number: c.number, title: c.title }) }),
      statePill(c.state)),
    el('p', { class: 'hint', text: t('campaigns.rowText', { property: c.property, country: countryName(c.country) }) }),
    progress(c, 'campaign-' + c.number + '-progress'),
    el('p', { class: 'hint', text: deadlineText(c) }));
}

// ---- one campaign -------------------------------------------------------------------------------------------------

async function showCampaign(number, { focus = false } = {}) {
  const section = $('campaign');
  section.hidden = false;
  if (state.number !== number) {
    state.number = number;
    state.campaign = null;
    state.actFor = null;
    fill($('campaign-head'), el('h2', { id: 'campaign-title', text: t('campaign.title') }),
      el('p', { text: t('loading') }));
    fill($('campaign-act'));
    fill($('campaign-patrons'));
    feedback.clear($('campaign-feedback'));
  }
  await refreshCampaign();
  if (focus) {
    section.scrollIntoView({ block: 'start' });
    section.focus();
  }
}

async function refreshCampaign() {
  const number = state.number;
  let c;
  try {
    c = await api.getJson('campaigns/' + number);
  } catch (e) {
    if (number === state.number) {
      fill($('campaign-head'), el('h2', { id: 'campaign-title', text: t('campaign.title') }),
        el('p', { class: 'problem', text: problemText(e) }));
    }
    return;
  }
  if (number !== state.number) {
    return;
  }
  await names.resolve([c.steward, c.creator, ...c.pledgeList.map((p) => p.pledger)], { max: 200 });
  state.campaign = c;
  renderHead(c);
  const actKey = c.number + ' ' + c.state + ' ' + (shell.identity ? shell.identity.did : '-');
  if (state.actFor !== actKey) {
    state.actFor = actKey;
    renderAct(c);
  }
  renderPatrons(c);
}

function outcome(c) {
  if (c.state === 'funded') {
    const land = c.territory;
    return el('div', { class: 'notice outcome', id: 'campaign-outcome', 'data-state': 'funded' },
      el('p', {}, el('strong', { text: t('campaign.funded', { when: when(c.settledAt), amount: formatUnits(c.pledged) })
      })),
      land ? el('dl', { class: 'facts', id: 'campaign-territory' },
        fact(t('territory.status'), word('territory.status.', land.status)),
        fact(t('territory.property'), land.property),
        fact(t('territory.country'), countryName(land.country)),
        fact(t('territory.amount'), formatUnits(land.amount)),
        fact(t('territory.recorded'), when(land.time))) : null,
      el('p', { class: 'hint', text: t('territory.next') }));
  }
  if (c.state === 'refunded') {
    return el('div', { class: 'notice outcome', id: 'campaign-outcome', 'data-state': 'refunded' },
      el('p', {}, el('strong', { text: t('campaign.refunded', { when: when(c.settledAt) }) })),
      el('p', { text: t('campaign.refundedAll', { n: formatNumber(c.pledgeList.length),
        amount: formatUnits(c.pledged) }) }));
  }
  return null;
}

function renderHead(c) {
  fill($('campaign-head'),
    el('p', {}, el('a', { href: 'campaigns', id: 'campaign-back', text: t('campaign.back') })),
    el('p', { class: 'eyebrow', text: t('campaign.eyebrow', { number: c.number }) }),
    el('div', { class: 'funding-title-row' }, el('h2', { id: 'campaign-title', text: c.title }), statePill(c.state)),
    progress(c, 'campaign-progress'),
    el('p', { class: 'campaign-deadline', id: 'campaign-deadline', text: deadlineText(c) }),
    outcome(c),
    el('dl', { class: 'facts', id: 'campaign-facts' },
      fact(t('campaign.property'), c.property, { 'data-fact': 'property' }),
      fact(t('campaign.country'), countryName(c.country) + ' (' + c.country + ')', { 'data-fact': 'country' }),
      fact(t('campaign.steward'), who(c.steward), { 'data-fact': 'steward' }),
      fact(t('campaign.target'), formatUnits(c.target), { 'data-fact': 'target' }),
      fact(t('campaign.pledged'), formatUnits(c.pledged), { 'data-fact': 'pledged' }),
      fact(t('campaign.deadline'), when(c.deadline), { 'data-fact': 'deadline' }),
      fact(t('campaign.openedBy'), el('span', {}, who(c.creator), ' · ', when(c.created))),
      c.state === 'open' ? fact(t('campaign.escrow'), formatUnits(c.escrow), { 'data-fact': 'escrow' }) : null),
    el('p', { class: 'hint', text: t('campaign.rules') }));
}

function renderAct(c) {
  const box = $('campaign-act');
  if (c.state !== 'open') {
    fill(box);
    return;
  }
  if (!shell.identity) {
    fill(box, el('h3', { text: t('pledge.title') }), el('p', { class: 'notice', id: 'campaign-no-key' },
      t('pledge.noKey'), ' ', el('a', { href: 'join', text: t('nav.join') }), ' · ',
      el('a', { href: 'me', text: t('nav.me') })));
    return;
  }
  const amount = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', maxlength: '24',
    spellcheck: 'false' });
  const form = el('form', { class: 'form', id: 'pledge-form', novalidate: true, 'data-campaign': c.number },
    field('pledge-amount', t('pledge.amount', { code: currencyCode() }), amount, t('contribute.amountHint')),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'button primary', id: 'pledge-submit',
      text: t('pledge.submit') })));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const parsed = parseAmount(amount.value);
    fieldError(amount, parsed.error ? amountError(parsed.error) : null);
    if (parsed.error) {
      amount.focus();
      return;
    }
    const campaign = Number(form.dataset.campaign);
    const result = await feedback.perform($('campaign-feedback'), {
      button: $('pledge-submit'),
      pendingText: t('tx.signing'),
      run: () => send(shell.identity, shell.society, 'economy.pledge', { campaign, amount: parsed.minor }),
      done: () => t('pledge.done', { amount: formatUnits(parsed.minor), title: c.title }),
    });
    if (result) {
      amount.value = '';
      await Promise.all([refreshCampaign(), loadCampaigns()]);
    }
  });
  fill(box, el('h3', { id: 'pledge-title', text: t('pledge.title') }),
    el('p', { class: 'intro', text: t('pledge.intro') }), form);
}

function renderPatrons(c) {
  const mine = shell.identity ? c.pledgeList.filter((p) => p.pledger === shell.identity.did) : [];
  const mineTotal = mine.reduce((sum, p) => sum + BigInt(p.amount.minor), 0n);
  const status = c.state === 'funded' ? t('pledge.toLand') : c.state === 'refunded' ? t('pledge.refunded')
    : t('pledge.held');
  fill($('campaign-patrons'),
    el('h3', { id: 'patrons-title', text: t('patrons.title', { n: formatNumber(c.pledgeList.length) }) }),
    el('p', { class: 'hint', text: t('patrons.intro') }),
    mine.length ? el('p', { class: 'notice', id: 'campaign-mine', text: t('patrons.mine', {
      amount: formatUnits(mineTotal) }) }) : null,
    c.pledgeList.length ? el('div', { class: 'table-wrap', tabindex: '0', role: 'region',
      'aria-labelledby': 'patrons-title' },
    el('table', { id: 'campaign-pledges' },
      el('caption', { class: 'visually-hidden', text: t('patrons.table') }),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', text: t('patrons.col.patron') }),
        el('th', { scope: 'col', class: 'num', text: t('patrons.col.amount') }),
        el('th', { scope: 'col', text: t('patrons.col.when') }),
        el('th', { scope: 'col', text: t('patrons.col.now') }))),
      el('tbody', {}, ...[...c.pledgeList].reverse().map((p) => el('tr', { 'data-pledger': p.pledger,
        'data-state': c.state },
      el('th', { scope: 'row' }, who(p.pledger)),
      el('td', { class: 'num', text: formatUnits(p.amount) }),
      el('td', { text: when(p.time) }),
      el('td', { class: 'pledge-state', text: status })))))) : el('p', { class: 'hint', text: t('patrons.none') }));
}

// ---- start ------------------------------------------------------------------------------------------------------------

function route({ focus = true } = {}) {
  const m = /^#campaign=([0-9]{1,9})$/.exec(location.hash);
  if (m) {
    showCampaign(Number(m[1]), { focus });
    return;
  }
  const open = [...state.campaigns].reverse().find((c) => c.state === 'open');
  const pick = open || state.campaigns[state.campaigns.length - 1];
  if (pick) {
    showCampaign(pick.number);
  }
}

/** The address the server's page links to (campaigns?campaign=1) becomes the one this script routes by (campaigns#campaign=1). */
function takeServerLink() {
  const n = new URLSearchParams(location.search).get('campaign');
  if (n && /^[0-9]{1,9}$/.test(n) && !location.hash) {
    history.replaceState(null, '', location.pathname + '#campaign=' + n);
  }
}

async function start() {
  takeServerLink();
  await startPage('campaigns.pageTitle');
  await loadCurrency();
  await loadCampaigns();
  route({ focus: !!location.hash });
  globalThis.addEventListener('hashchange', () => route());
  globalThis.addEventListener('phyle:block', (e) => {
    if (!e.detail.first) {
      loadCampaigns();
      if (state.number !== null) {
        refreshCampaign();
      }
    }
  });
  onIdentityChange(() => {
    state.actFor = null;
    if (state.number !== null) {
      refreshCampaign();
    }
  });
}

start();
