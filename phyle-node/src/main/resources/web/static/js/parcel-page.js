// A parcel (parcel?n=<number>): its territory, area and tenure; its holder, stated price or assessed value, deposit,
// the tax accrued and when the deposit runs out; an open bid or a foreclosure auction; a small map; its history,
// assessments, buildings (linking to their pages) and residents. With a key in this browser, what that key may do
// here: claim a vacant parcel, buy one in auction at the price now, bid at the stated price posting collateral, and,
// for the holder, state a price, add to or take from the deposit, give the parcel up, accept or reject a bid (raising
// the price to at least the bid and paying the penalty). Refusals read as sentences. It follows new blocks live.

import * as api from './api.js';
import { confirmAct } from './dialog.js';
import * as feedback from './feedback.js';
import { amountError, countryName, currencyCode, formatBp, formatUnits, loadCurrency, parseAmount, shareOf }
  from './funding.js';
import { field, fieldError } from './key-panel.js';
import { boundsOf, makeMap, parcelState } from './land-map.js';
import { formatNumber, formatWhen, fromNow, t } from './messages.js';
import * as names from './names.js';
import { send } from './tx.js';
import {
  $, code, el, fact, fill, nodeNow, onIdentityChange, personOrKey, problemText, shell, startPage,
} from './ui.js';

const state = { number: null, parcel: null, actFor: null, map: null, fitted: null };

const when = formatWhen;

function who(did) {
  return did ? personOrKey(did) : t('parcel.nobody');
}

function pill(p) {
  const s = parcelState(p);
  return el('span', { class: 'pill parcel-pill', id: 'parcel-state', 'data-parcel-state': s,
    text: t('parcel.state.' + s) });
}

function param(name, fallback) {
  const p = shell.society && (shell.society.parameters || []).find((x) => x.name === name);
  return p ? Number(p.value) : fallback;
}

// ---- what the parcel is ------------------------------------------------------------------------------------------

function renderHead(p) {
  const harberger = p.tenure === 'harberger';
  const facts = [
    fact(t('parcel.territory'), el('a', { href: 'land#territory=' + p.territory, text: t('land.territory.name',
      { name: p.territoryName, country: countryName(p.country) }) }), { 'data-fact': 'territory' }),
    fact(t('parcel.tenure'), t('land.tenure.' + p.tenure, { rate: formatBp(p.rateBp) }), { 'data-fact': 'tenure' }),
    fact(t('parcel.area'), t('land.area', { m2: formatNumber(p.areaM2) }), { 'data-fact': 'area' }),
    fact(t('parcel.holder'), who(p.holder), { 'data-fact': 'holder' }),
    p.reservedFor ? fact(t('parcel.reservedFor'), who(p.reservedFor), { 'data-fact': 'reserved' }) : null,
    harberger && p.price ? fact(t('parcel.price'), formatUnits(p.price), { 'data-fact': 'price' }) : null,
    !harberger ? fact(t('parcel.assessed'), formatUnits(p.assessed), { 'data-fact': 'assessed' }) : null,
    p.deposit ? fact(t('parcel.deposit'), formatUnits(p.deposit), { 'data-fact': 'deposit' }) : null,
    p.taxAccrued ? fact(t('parcel.taxAccrued'), formatUnits(p.taxAccrued), { 'data-fact': 'tax' }) : null,
    p.state === 'held' ? fact(t('parcel.runsOut'), p.depositRunsOutAt ? t('parcel.runsOutAt', {
      when: when(p.depositRunsOutAt), from: fromNow(p.depositRunsOutAt, nodeNow()) }) : t('parcel.never'),
    { 'data-fact': 'runs-out' }) : null,
    fact(t('parcel.taxPaid'), formatUnits(p.taxPaid), { 'data-fact': 'tax-paid' }),
    harberger ? fact(t('parcel.minimum'), formatUnits(p.minimumPrice), { 'data-fact': 'minimum' }) : null,
    fact(t('parcel.residents'), formatNumber(p.residents.length), { 'data-fact': 'residents' }),
  ];
  const notes = [];
  if (p.bid) {
    notes.push(el('div', { class: 'notice', id: 'parcel-bid' },
      el('p', {}, el('strong', { text: t('parcel.bid.open', { price: formatUnits(p.bid.price) }) })),
      el('p', {}, t('parcel.bid.by'), ' ', who(p.bid.bidder), ' · ', t('parcel.bid.until', { when: when(p.bid.until),
        from: fromNow(p.bid.until, nodeNow()) })),
      el('p', { class: 'hint', text: t('parcel.bid.explain', { collateral: formatUnits(BigInt(p.bid.price.minor)
        + BigInt(p.bid.deposit.minor)) }) })));
  }
  if (p.auction) {
    notes.push(el('div', { class: 'notice', id: 'parcel-auction' },
      el('p', {}, el('strong', { text: t('parcel.auction.now', { price: formatUnits(p.auction.priceNow) }) })),
      el('p', { text: t('parcel.auction.explain', { start: formatUnits(p.auction.startPrice), end: when(p.auction.end),
        from: fromNow(p.auction.end, nodeNow()) }) }),
      el('p', {}, t('parcel.auction.former'), ' ', who(p.auction.formerHolder))));
  }
  fill($('parcel-head'),
    el('p', { class: 'eyebrow', text: p.territoryName }),
    el('div', { class: 'funding-title-row' }, el('h1', { id: 'parcel-title', text: t('parcel.number',
      { number: p.number }) }), pill(p)),
    ...notes,
    el('dl', { class: 'facts', id: 'parcel-facts' }, ...facts),
    el('p', { class: 'hint', text: t('parcel.rules.' + p.tenure) }),
    el('p', { class: 'hint' }, el('a', { href: 'glossary#term-' + (p.tenure === 'harberger' ? 'harberger-tax'
      : 'land-value-tax'), text: t('parcel.rules.more') })));
}

async function renderMap(p) {
  try {
    if (!state.map) {
      state.map = await makeMap($('parcel-map'), { label: t('parcel.map.label', { number: p.number }) });
    }
    const fc = await api.getJson('land/territories/' + p.territory + '/geojson');
    state.map.clear();
    state.map.parcels(fc, { here: p.number, onClick: (q) => {
      if (q.number !== state.number) {
        location.href = 'parcel?n=' + q.number;
      }
    } });
    if (state.fitted !== p.number) {
      state.fitted = p.number;
      state.map.fit(boundsOf(fc, p.number), 19);
    }
  } catch (e) {
    // the facts and the lists say everything the map shows
  }
}

function renderMore(p) {
  const events = [...p.history].reverse();
  fill($('parcel-history'), el('div', { class: 'table-wrap', tabindex: '0', role: 'region',
    'aria-labelledby': 'parcel-history-title' },
  el('table', { id: 'parcel-events' },
    el('caption', { class: 'visually-hidden', text: t('parcel.history.title') }),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', text: t('parcel.history.when') }),
      el('th', { scope: 'col', text: t('parcel.history.what') }),
      el('th', { scope: 'col', class: 'num', text: t('parcel.history.amount') }))),
    el('tbody', {}, ...events.map((e) => el('tr', { 'data-event': e.event },
      el('td', { text: when(e.time) }),
      el('td', {}, t('parcel.event.' + e.event), e.text ? ': ' + e.text : '', e.who ? ' · ' : '',
        e.who ? who(e.who) : ''),
      el('td', { class: 'num', text: e.amount ? formatUnits(e.amount) : '' })))))));
  fill($('parcel-assessments'), p.tenure === 'land-value' ? [
    el('h3', { id: 'parcel-assessments-title', text: t('parcel.assessments.title') }),
    p.assessments.length ? el('ol', { class: 'plain', id: 'parcel-assessment-list' }, ...[...p.assessments].reverse()
      .map((a) => el('li', {}, el('strong', { text: formatUnits(a.value) }), ' · ', when(a.time), ' · ',
        el('a', { href: 'proposals#proposal=' + a.by, text: t('parcel.assessments.by') }))))
      : el('p', { class: 'hint', text: t('parcel.assessments.none') })] : []);
  fill($('parcel-buildings'),
    el('h3', { id: 'parcel-buildings-title', text: t('parcel.buildings.title') }),
    p.buildings.length ? el('ul', { class: 'plain', id: 'parcel-building-list' }, ...p.buildings.map((b) => el('li', {},
      el('a', { href: 'building?n=' + b.number, text: t('parcel.building', { number: b.number,
        text: b.description }) }), ' · ', t('parcel.buildingValue', { value: formatUnits(b.value) }))))
      : el('p', { class: 'hint', text: t('parcel.buildings.none') }),
    el('p', { class: 'hint', id: 'parcel-residents', text: t('parcel.residentsText', {
      n: formatNumber(p.residents.length) }) }));
}

// ---- acting ------------------------------------------------------------------------------------------------------

function amountInput(id, value) {
  return el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', maxlength: '24', spellcheck: 'false',
    id, value: value || '' });
}

/** A form of amounts: each [id, label, hint, initial]; `run(minor values)` sends; `done` says what happened. */
function form(id, title, intro, fields, submitText, run, done) {
  const inputs = fields.map(([fid, , , initial]) => amountInput(fid, initial));
  const f = el('form', { class: 'form', id, novalidate: true },
    el('h4', { text: title }), intro ? el('p', { class: 'hint', text: intro }) : null,
    ...fields.map(([fid, label, hint], i) => field(fid, label, inputs[i], hint)),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'button primary', id: id + '-submit',
      text: submitText })));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const values = [];
    let bad = null;
    for (const input of inputs) {
      const parsed = parseAmount(input.value);
      fieldError(input, parsed.error ? amountError(parsed.error) : null);
      if (parsed.error && !bad) {
        bad = input;
      }
      values.push(parsed.minor);
    }
    if (bad) {
      bad.focus();
      return;
    }
    const result = await feedback.perform($('parcel-feedback'), {
      button: $(id + '-submit'),
      pendingText: t('tx.signing'),
      run: () => run(values),
      done: () => done(values),
    });
    if (result) {
      state.actFor = null;
      await refresh();
    }
  });
  return f;
}

function button(id, text, confirmText, run, done) {
  const b = el('button', { type: 'button', class: 'button', id, text });
  b.addEventListener('click', async () => {
    if (confirmText && !await confirmAct({ id: id + '-dialog', title: text, text: confirmText,
      confirm: t('parcel.act.confirm'), cancel: t('parcel.act.cancel') })) {
      return;
    }
    const result = await feedback.perform($('parcel-feedback'), { button: b, pendingText: t('tx.signing'), run, done });
    if (result) {
      state.actFor = null;
      await refresh();
    }
  });
  return b;
}

/** An amount as typed in a field: units with a point, no grouping (what parseAmount reads back exactly). */
function units(money) {
  const minor = BigInt(typeof money === 'object' && money !== null ? money.minor : money);
  const fraction = (minor % 1000000n).toString().padStart(6, '0').replace(/0+$/, '');
  return (minor / 1000000n).toString() + (fraction ? '.' + fraction : '');
}

function renderAct(p) {
  const box = $('parcel-act');
  const tx = (type, body) => send(shell.identity, shell.society, type, body);
  const cur = currencyCode();
  const harberger = p.tenure === 'harberger';
  if (!shell.identity) {
    fill(box, el('p', { class: 'notice', id: 'parcel-no-key' }, t('parcel.act.noKey'), ' ',
      el('a', { href: 'join', text: t('nav.join') }), ' · ', el('a', { href: 'me', text: t('nav.me') })));
    return;
  }
  const me = shell.identity.did;
  const n = p.number;
  const forms = [];
  if (p.state === 'vacant') {
    if (p.reservedFor && p.reservedFor !== me) {
      forms.push(el('p', { class: 'notice', id: 'parcel-reserved-other', text: t('parcel.act.reservedOther') }));
    } else {
      const fields = harberger ? [['claim-price', t('parcel.act.price', { code: cur }), t('parcel.act.priceHint', {
        minimum: formatUnits(p.minimumPrice), rate: formatBp(p.rateBp) }), units(p.minimumPrice)]] : [];
      fields.push(['claim-deposit', t('parcel.act.deposit', { code: cur }), t('parcel.act.depositHint')]);
      forms.push(form('claim-form', t('parcel.act.claim'), t('parcel.act.claimIntro'), fields,
        t('parcel.act.claimSubmit'),
        (v) => tx('land.claim', harberger ? { parcel: n, quote: 0, price: v[0], deposit: v[1] }
          : { parcel: n, quote: 0, deposit: v[0] }),
        () => t('parcel.done.claim', { number: n })));
    }
  } else if (p.state === 'auction') {
    const quote = Number(p.auction.priceNow.minor);
    const fields = harberger ? [['buy-price', t('parcel.act.newPrice', { code: cur }), t('parcel.act.priceHint', {
      minimum: formatUnits(p.minimumPrice), rate: formatBp(p.rateBp) }), units(p.auction.startPrice)]] : [];
    fields.push(['buy-deposit', t('parcel.act.deposit', { code: cur }), t('parcel.act.depositHint')]);
    forms.push(form('buy-form', t('parcel.act.buy'), t('parcel.act.buyIntro', { price: formatUnits(quote) }), fields,
      t('parcel.act.buySubmit', { price: formatUnits(quote) }),
      (v) => tx('land.claim', harberger ? { parcel: n, quote, price: v[0], deposit: v[1] }
        : { parcel: n, quote, deposit: v[0] }),
      () => t('parcel.done.buy', { number: n })));
  } else if (p.holder === me) {
    if (p.bid) {
      const penaltyBp = param('land.rejectPenaltyBp', 1000);
      const penalty = shareOf(p.bid.price.minor, penaltyBp);
      forms.push(el('div', { id: 'answer-bid' },
        el('h4', { text: t('parcel.act.answer') }),
        el('p', { class: 'hint', text: t('parcel.act.acceptIntro', { price: formatUnits(p.bid.price) }) }),
        el('div', { class: 'actions' }, button('accept-bid', t('parcel.act.accept'), t('parcel.act.acceptConfirm', {
          price: formatUnits(p.bid.price) }), () => tx('land.accept', { parcel: n }),
        () => t('parcel.done.accept', { number: n })))));
      forms.push(form('reject-form', t('parcel.act.reject'), t('parcel.act.rejectIntro', {
        bid: formatUnits(p.bid.price), penalty: formatUnits(penalty), rate: formatBp(penaltyBp) }),
      [['reject-price', t('parcel.act.newPrice', { code: cur }), t('parcel.act.rejectHint', {
        bid: formatUnits(p.bid.price) }), units(p.bid.price)]],
      t('parcel.act.rejectSubmit', { penalty: formatUnits(penalty) }),
      (v) => tx('land.reject', { parcel: n, price: v[0] }),
      (v) => t('parcel.done.reject', { price: formatUnits(v[0]), penalty: formatUnits(penalty) })));
    } else if (harberger) {
      forms.push(form('price-form', t('parcel.act.setPrice'), t('parcel.act.setPriceIntro', { rate: formatBp(p.rateBp) }),
        [['set-price', t('parcel.act.newPrice', { code: cur }), t('parcel.act.priceHint', {
          minimum: formatUnits(p.minimumPrice), rate: formatBp(p.rateBp) }), units(p.price)]],
        t('parcel.act.setPriceSubmit'), (v) => tx('land.price', { parcel: n, price: v[0] }),
        (v) => t('parcel.done.price', { price: formatUnits(v[0]) })));
    }
    forms.push(form('deposit-form', t('parcel.act.addDeposit'), t('parcel.act.addDepositIntro'),
      [['add-deposit', t('parcel.act.amount', { code: cur }), null]], t('parcel.act.addDepositSubmit'),
      (v) => tx('land.deposit', { parcel: n, amount: v[0] }),
      (v) => t('parcel.done.deposit', { amount: formatUnits(v[0]) })));
    forms.push(form('withdraw-form', t('parcel.act.withdraw'), t('parcel.act.withdrawIntro'),
      [['withdraw-amount', t('parcel.act.amount', { code: cur }), null]], t('parcel.act.withdrawSubmit'),
      (v) => tx('land.withdraw', { parcel: n, amount: v[0] }),
      (v) => t('parcel.done.withdraw', { amount: formatUnits(v[0]) })));
    if (!p.bid) {
      forms.push(el('div', { id: 'release' }, el('h4', { text: t('parcel.act.release') }),
        el('p', { class: 'hint', text: t('parcel.act.releaseIntro') }),
        el('div', { class: 'actions' }, button('release-parcel', t('parcel.act.releaseSubmit'),
          t('parcel.act.releaseConfirm', { number: n }), () => tx('land.release', { parcel: n }),
          () => t('parcel.done.release', { number: n })))));
    }
  } else if (harberger && p.state === 'held') {
    if (p.bid) {
      forms.push(el('p', { class: 'notice', id: 'parcel-bid-taken', text: p.bid.bidder === me
        ? t('parcel.act.yourBid') : t('parcel.act.bidTaken') }));
    } else {
      const quote = Number(p.price.minor);
      forms.push(form('bid-form', t('parcel.act.bid'), t('parcel.act.bidIntro', { price: formatUnits(p.price),
        days: formatNumber(param('land.bidWindowDays', 7)) }),
      [['bid-deposit', t('parcel.act.deposit', { code: cur }), t('parcel.act.bidDepositHint', {
        price: formatUnits(p.price) })]],
      t('parcel.act.bidSubmit', { price: formatUnits(p.price) }),
      (v) => tx('land.bid', { parcel: n, quote, deposit: v[0] }),
      (v) => t('parcel.done.bid', { price: formatUnits(quote), collateral: formatUnits(quote + v[0]) })));
    }
  } else {
    forms.push(el('p', { class: 'hint', id: 'parcel-nothing', text: t('parcel.act.nothing') }));
  }
  fill(box, el('div', { class: 'land-forms' }, ...forms));
}

// ---- start -------------------------------------------------------------------------------------------------------

async function refresh() {
  const number = state.number;
  let p;
  try {
    p = await api.getJson('land/parcels/' + number);
  } catch (e) {
    fill($('parcel-head'), el('h1', { id: 'parcel-title', text: t('parcel.number', { number }) }),
      el('p', { class: 'problem', id: 'parcel-problem', text: problemText(e) }));
    fill($('parcel-act'));
    return;
  }
  await names.resolve([p.holder, p.reservedFor, p.bid && p.bid.bidder, p.auction && p.auction.formerHolder,
    ...p.history.map((e) => e.who)], { max: 40 });
  state.parcel = p;
  renderHead(p);
  renderMore(p);
  const actKey = [p.state, p.holder, p.bid ? p.bid.bidder + p.bid.at : '-', p.price ? p.price.minor : '-',
    shell.identity ? shell.identity.did : '-'].join(' ');
  if (state.actFor !== actKey) {
    state.actFor = actKey;
    renderAct(p);
  }
  document.title = t('parcel.docTitle', { number: p.number, territory: p.territoryName });
  await renderMap(p);
}

async function start() {
  const n = new URLSearchParams(location.search).get('n');
  await startPage('parcel.pageTitle');
  await loadCurrency();
  if (!n || !/^[0-9]{1,9}$/.test(n)) {
    fill($('parcel-head'), el('h1', { id: 'parcel-title', text: t('parcel.title') }),
      el('p', { class: 'problem', id: 'parcel-problem' }, t('parcel.which'), ' ', el('a', { href: 'land',
        text: t('parcel.back') })));
    fill($('parcel-act'));
    return;
  }
  state.number = Number(n);
  await refresh();
  document.body.dataset.ready = 'true';
  globalThis.addEventListener('phyle:block', (e) => {
    if (!e.detail.first) {
      refresh();
    }
  });
  onIdentityChange(() => {
    state.actFor = null;
    refresh();
  });
}

start();
