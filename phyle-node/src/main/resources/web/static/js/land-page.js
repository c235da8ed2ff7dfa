// The land: a map of the society's archipelago drawn from its parcels' geometry (land-map.js: Leaflet from this node,
// the world's land as a plain vector layer, no tiles), each parcel coloured by its state and opening its page; the
// territories with their tenure, rate and parcels as lists and tables (everything the map shows, reachable without
// it); and the holdings, deposits and open bids of the key in this browser. It follows new blocks live.

import * as api from './api.js';
import { countryName, formatBp, formatUnits, loadCurrency } from './funding.js';
import { parcelState, STATES, makeMap } from './land-map.js';
import { formatNumber, formatWhen, t } from './messages.js';
import * as names from './names.js';
import { $, el, fill, onIdentityChange, personOrKey, problemText, shell, startPage } from './ui.js';

const state = { territories: [], collections: new Map(), map: null, bounds: new Map() };

const when = formatWhen;

function who(did) {
  return did ? personOrKey(did) : t('parcel.nobody');
}

function statePill(p) {
  const s = parcelState(p);
  return el('span', { class: 'pill parcel-pill', 'data-parcel-state': s, text: t('parcel.state.' + s) });
}

/** "Harberger tax, 7% a year" or "Land value tax, 2% a year". */
function tenureText(territory) {
  return t('land.tenure.' + territory.tenure, { rate: formatBp(territory.rateBp) });
}

function area(m2) {
  return t('land.area', { m2: formatNumber(m2) });
}

// ---- the territories -------------------------------------------------------------------------------------------

async function load() {
  let answer;
  try {
    answer = await api.getJson('land/territories');
  } catch (e) {
    $('land-error').hidden = false;
    $('land-error').textContent = problemText(e);
    return false;
  }
  const details = await Promise.all(answer.territories.map((tr) => api.getJson('land/territories/' + tr.number
    + '/geojson')));
  state.territories = answer.territories;
  details.forEach((fc, i) => state.collections.set(answer.territories[i].number, fc));
  const dids = details.flatMap((fc) => fc.features.flatMap((f) => [f.properties.holder,
    f.properties.bid && f.properties.bid.bidder])).filter(Boolean);
  await names.resolve(dids, { max: 200 });
  $('land-counts').textContent = t('land.counts', { territories: formatNumber(answer.count),
    parcels: formatNumber(answer.parcels) });
  return true;
}

function counts(fc) {
  const by = Object.fromEntries(STATES.map((s) => [s, 0]));
  for (const f of fc.features) {
    by[parcelState(f.properties)] += 1;
  }
  return STATES.filter((s) => by[s] > 0).map((s) => t('land.count.' + s, { n: formatNumber(by[s]) })).join(' · ');
}

function showOnMap(number) {
  const b = state.bounds.get(number);
  if (state.map && b) {
    state.map.fit(b);
    $('land-map').scrollIntoView({ block: 'center' });
  }
}

function renderTerritories() {
  fill($('territory-list'), ...state.territories.map((tr) => {
    const fc = state.collections.get(tr.number);
    const parcels = fc.features.map((f) => f.properties);
    return el('li', { class: 'territory-row', id: 'territory-' + tr.number, 'data-number': tr.number },
      el('h3', { text: t('land.territory.name', { name: tr.name, country: countryName(tr.country) }) }),
      el('p', { class: 'territory-tenure', text: tenureText(tr) }),
      el('p', { class: 'hint', text: t('land.territory.facts', { n: formatNumber(tr.parcels), area: area(tr.areaM2),
        origin: t('land.origin.' + tr.origin) }) }),
      el('p', { class: 'hint territory-counts', text: counts(fc) }),
      el('div', { class: 'actions' }, el('button', { type: 'button', class: 'button', 'data-show': tr.number,
        text: t('land.showOnMap', { name: tr.name }), onclick: () => showOnMap(tr.number) })),
      el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('land.parcels.table',
        { name: tr.name }) },
      el('table', { class: 'parcel-table' },
        el('caption', { class: 'visually-hidden', text: t('land.parcels.table', { name: tr.name }) }),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col', text: t('land.col.parcel') }),
          el('th', { scope: 'col', text: t('land.col.state') }),
          el('th', { scope: 'col', text: t('land.col.holder') }),
          el('th', { scope: 'col', class: 'num', text: tr.tenure === 'harberger' ? t('land.col.price')
            : t('land.col.assessed') }),
          el('th', { scope: 'col', class: 'num', text: t('land.col.area') }))),
        el('tbody', {}, ...parcels.map((p) => el('tr', { 'data-parcel': p.number },
          el('th', { scope: 'row' }, el('a', { href: 'parcel?n=' + p.number, text: t('parcel.number',
            { number: p.number }) })),
          el('td', {}, statePill(p)),
          el('td', {}, who(p.holder)),
          el('td', { class: 'num', text: priceOf(p) }),
          el('td', { class: 'num', text: formatNumber(p.areaM2) })))))));
  }));
}

/** What a parcel costs now: the stated price, the auction's price now, or the assessed value. */
function priceOf(p) {
  if (p.auction) {
    return formatUnits(p.auction.priceNow);
  }
  if (p.price) {
    return formatUnits(p.price);
  }
  return p.tenure === 'land-value' ? formatUnits(p.assessed) : '—';
}

// ---- the map ---------------------------------------------------------------------------------------------------

async function renderMap() {
  fill($('land-legend'), ...STATES.map((s) => el('li', { 'data-parcel-state': s },
    el('span', { class: 'swatch', 'aria-hidden': 'true' }), t('parcel.state.' + s))));
  if (!state.map) {
    state.map = await makeMap($('land-map'), { label: t('land.map.label') });
  } else {
    state.map.clear();
  }
  const m = state.map;
  const open = (p) => {
    location.href = 'parcel?n=' + p.number;
  };
  const places = [el('button', { type: 'button', class: 'button', id: 'map-world', text: t('land.map.world'),
    onclick: () => m.world() })];
  for (const tr of state.territories) {
    const b = m.parcels(state.collections.get(tr.number), { onClick: open });
    if (b.isValid()) {
      const fresh = !state.bounds.has(tr.number);
      state.bounds.set(tr.number, b);
      if (fresh) {
        m.mark(b, tr.name, () => m.fit(b));
      }
      places.push(el('button', { type: 'button', class: 'button', 'data-place': tr.number, text: tr.name,
        onclick: () => m.fit(b) }));
    }
  }
  fill($('land-map-places'), ...places);
}

// ---- mine --------------------------------------------------------------------------------------------------------

async function renderMine() {
  const box = $('land-mine-body');
  if (!shell.identity) {
    fill(box, el('p', { class: 'notice', id: 'land-mine-no-key' }, t('land.mine.noKey'), ' ',
      el('a', { href: 'join', text: t('nav.join') }), ' · ', el('a', { href: 'me', text: t('nav.me') })));
    return;
  }
  let h;
  try {
    h = await api.getJson('land/holdings/' + encodeURIComponent(shell.identity.did));
  } catch (e) {
    fill(box, el('p', { class: 'problem', text: problemText(e) }));
    return;
  }
  const parts = [el('p', { class: 'intro', id: 'land-mine-summary', text: t('land.mine.summary', {
    n: formatNumber(h.parcels.length), deposits: formatUnits(h.deposits), bids: formatNumber(h.bids.length),
    collateral: formatUnits(h.collateral) }) })];
  if (h.parcels.length) {
    parts.push(el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('land.mine.held') },
      el('table', { id: 'mine-parcels' },
        el('caption', { text: t('land.mine.held') }),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col', text: t('land.col.parcel') }),
          el('th', { scope: 'col', class: 'num', text: t('land.col.price') }),
          el('th', { scope: 'col', class: 'num', text: t('land.col.deposit') }),
          el('th', { scope: 'col', class: 'num', text: t('land.col.owed') }),
          el('th', { scope: 'col', text: t('land.col.runsOut') }))),
        el('tbody', {}, ...h.parcels.map((p) => el('tr', { 'data-parcel': p.number },
          el('th', { scope: 'row' }, el('a', { href: 'parcel?n=' + p.number, text: t('parcel.number',
            { number: p.number }) }), ' ', statePill(p)),
          el('td', { class: 'num', text: priceOf(p) }),
          el('td', { class: 'num', text: p.deposit ? formatUnits(p.deposit) : '—' }),
          el('td', { class: 'num', text: p.taxAccrued ? formatUnits(p.taxAccrued) : '—' }),
          el('td', { text: p.depositRunsOutAt ? when(p.depositRunsOutAt) : t('parcel.never') })))))));
  }
  if (h.bids.length) {
    parts.push(el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('land.mine.bids') },
      el('table', { id: 'mine-bids' },
        el('caption', { text: t('land.mine.bids') }),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col', text: t('land.col.parcel') }),
          el('th', { scope: 'col', class: 'num', text: t('land.col.bid') }),
          el('th', { scope: 'col', class: 'num', text: t('land.col.collateral') }),
          el('th', { scope: 'col', text: t('land.col.until') }))),
        el('tbody', {}, ...h.bids.map((b) => el('tr', { 'data-parcel': b.parcel },
          el('th', { scope: 'row' }, el('a', { href: 'parcel?n=' + b.parcel, text: t('parcel.number',
            { number: b.parcel }) })),
          el('td', { class: 'num', text: formatUnits(b.price) }),
          el('td', { class: 'num', text: formatUnits(BigInt(b.price.minor) + BigInt(b.deposit.minor)) }),
          el('td', { text: when(b.until) })))))));
  }
  if (!h.parcels.length && !h.bids.length) {
    parts.push(el('p', { class: 'hint', id: 'land-mine-none', text: t('land.mine.none') }));
  }
  fill(box, ...parts);
}

// ---- start -----------------------------------------------------------------------------------------------------

async function refresh() {
  if (await load()) {
    renderTerritories();
    await renderMap();
  }
  await renderMine();
}

async function start() {
  await startPage('land.pageTitle');
  await loadCurrency();
  if (await load()) {
    renderTerritories();
    await renderMap();
    const m = /^#territory=([0-9]{1,9})$/.exec(location.hash);
    if (m) {
      showOnMap(Number(m[1]));
    }
  }
  await renderMine();
  document.body.dataset.ready = 'true';
  globalThis.addEventListener('phyle:block', (e) => {
    if (!e.detail.first) {
      refresh();
    }
  });
  onIdentityChange(() => renderMine());
}

start();
