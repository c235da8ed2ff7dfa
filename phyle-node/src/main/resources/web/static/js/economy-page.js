// The society's money: its currency and supply, the room left under this year's cap on new money, the treasury and
// its two budgets, how money leaves it (only by a passed treasury-spend proposal), the dividends paid to citizens, and
// the treasury's statement of account by period (its balance over time and each period's income and spending in
// charts, every figure in a table). Amounts are the node's integers, written exactly (currency.js). Live: a new block
// reloads it.

import * as api from './api.js';
import { optionBars } from './bars.js';
import { lineChart } from './chart.js';
import { formatMoney, unitsForDrawing } from './currency.js';
import { formatNumber, formatPercent, has, t } from './messages.js';
import { flowBars } from './money-chart.js';
import { $, dateElement, el, fact, fill, nodeNow, problemText, show, startPage, timeElement } from './ui.js';

let code = '';

const stat = (id, label, value) => el('div', { class: 'stat', id }, el('dt', { text: label }), el('dd', {}, value));

/** A date as the chart's axis says it: day and month, with the year when periods are long. */
function shortDate(ms, long = false) {
  return new Intl.DateTimeFormat(t('locale'), long ? { month: 'short', year: 'numeric' }
    : { day: 'numeric', month: 'short' }).format(new Date(ms));
}

/** A category of the treasury's statement in words ('stipends' from a proposal stays as it was written). */
export function categoryName(category) {
  return has('category.' + category) ? t('category.' + category) : category;
}

function renderSummary(e) {
  code = e.currency.code;
  const summary = $('economy-summary');
  summary.removeAttribute('aria-busy');
  fill($('economy-currency'),
    stat('economy-currency-name', t('economy.currency'), el('span', {}, e.currency.name, ' ',
      el('abbr', { class: 'currency-code', text: '(' + e.currency.code + ')' }))),
    stat('economy-supply', t('economy.supply'), formatMoney(e.supply, code)),
    stat('economy-treasury', t('economy.treasury'), formatMoney(e.treasury.total, code)));
  fill($('economy-facts'),
    fact(t('economy.decimals'), t('economy.decimalsText', { n: formatNumber(e.currency.decimals),
      smallest: formatMoney(1, code) }), { id: 'economy-decimals' }),
    fact(t('economy.genesis'), formatMoney(e.genesisAllocation, code)),
    fact(t('economy.issued'), formatMoney(e.issued, code)),
    fact(t('economy.cap'), t('economy.capText', { percent: formatPercent(e.issuance.capBp / 10_000, 2),
      room: formatMoney(e.issuance.room, code), issued: formatMoney(e.issuance.issuedThisYear, code) }),
    { id: 'economy-cap' }),
    fact(t('economy.accounts'), formatNumber(e.accounts)));
  fill($('treasury-stats'),
    stat('treasury-general', t('treasury.general'), formatMoney(e.treasury.general, code)),
    stat('treasury-land', t('treasury.land'), formatMoney(e.treasury.land, code)),
    stat('treasury-total', t('treasury.total'), formatMoney(e.treasury.total, code)));
}

function renderDividends(answer) {
  const s = answer.settings;
  const intro = $('dividends-intro');
  fill(intro, t('dividends.intro', { share: formatPercent(s.shareBp / 10_000, 2), days: formatNumber(s.periodDays) }),
    ' ', t('dividends.next'), ' ', timeElement(s.nextAt, { full: true }), ' ',
    t('dividends.soFar', { revenue: formatMoney(s.revenueInPeriod, code) }));
  const list = answer.dividends;
  fill($('dividends-body'), ...list.map((d) => el('tr', {},
    el('th', { scope: 'row' }, dateElement(d.time)),
    el('td', { class: 'num', text: formatMoney(d.revenue, code) }),
    el('td', { class: 'num', text: formatMoney(d.pot, code) }),
    el('td', { class: 'num', text: formatNumber(d.citizens) }),
    el('td', { class: 'num', text: formatMoney(d.each, code) }),
    el('td', { class: 'num', text: formatMoney(d.remainder, code) }))));
  if (list.length === 0) {
    $('dividends-chart').replaceChildren(el('p', { class: 'notice', id: 'dividends-none', text: t('dividends.none') }));
    $('dividends-caption').textContent = '';
    return;
  }
  const last = list[list.length - 1];
  const description = t(list.length === 1 ? 'dividends.summaryOne' : 'dividends.summary', {
    n: formatNumber(list.length), each: formatMoney(last.each, code), citizens: formatNumber(last.citizens) });
  optionBars($('dividends-chart'), list.map((d) => ({ label: shortDate(d.time, true),
    value: d.each.minor, valueText: formatMoney(d.each, code), mark: null })),
  { title: t('dividends.chart'), description, id: 'dividends-svg' });
  $('dividends-caption').textContent = description;
}

const sum = (obj) => Object.values(obj).reduce((a, m) => a + BigInt(m.minor), 0n);

/** A period's income less the founding allocation, which would flatten every other bar. */
const income = (p) => Object.entries(p.income).filter(([k]) => k !== 'genesis')
  .reduce((a, [, m]) => a + BigInt(m.minor), 0n);

/** A period's income or spending, by category, as a list (or a dash). */
function byCategory(obj) {
  const entries = Object.entries(obj);
  if (entries.length === 0) {
    return el('span', { class: 'hint', text: '–' });
  }
  return el('ul', { class: 'plain categories' }, ...entries.map(([k, m]) => el('li', { 'data-category': k },
    categoryName(k) + ': ', el('span', { class: 'amount', text: formatMoney(m, code) }))));
}

function renderStatement(answer) {
  const periods = answer.periods;
  if (periods.length === 0) {
    return;
  }
  const longPeriods = answer.periodDays >= 28;
  const now = nodeNow();
  // the line starts just after the founding: the allocation is in the treasury from the first block
  const founded = BigInt(periods[0].opening.minor) + BigInt(periods[0].income.genesis ? periods[0].income.genesis.minor
    : 0);
  const balance = [{ x: periods[0].from, y: unitsForDrawing(founded) },
    ...periods.map((p) => ({ x: Math.min(p.until, Math.max(now, p.from + 1)), y: unitsForDrawing(p.closing) }))];
  const first = periods[0];
  const last = periods[periods.length - 1];
  const earned = periods.reduce((a, p) => a + income(p), 0n);
  const spending = periods.reduce((a, p) => a + sum(p.spending), 0n);
  const description = t('statement.summary', { from: formatMoney(first.opening, code),
    to: formatMoney(last.closing, code), start: shortDate(first.from, true), income: formatMoney(earned, code),
    spending: formatMoney(spending, code) });
  const formatY = (y) => new Intl.NumberFormat(t('locale'), { notation: 'compact' }).format(y);
  lineChart($('statement-balance-chart'), balance, { title: t('statement.balanceChart'), description,
    formatX: (x) => shortDate(x, longPeriods), formatY, id: 'statement-balance-svg' });
  flowBars($('statement-flow-chart'), periods.map((p) => ({ label: shortDate(p.from, longPeriods),
    income: unitsForDrawing(income(p)),
    spending: unitsForDrawing(sum(p.spending)) })), { title: t('statement.flowChart'),
    description: t('statement.flowSummary'), id: 'statement-flow-svg', formatY,
    legend: { income: t('statement.income'), spending: t('statement.spending') } });
  $('statement-caption').textContent = description + ' ' + t('statement.flowSummary');
  fill($('statement-body'), ...periods.map((p) => el('tr', { 'data-from': p.from },
    el('th', { scope: 'row' }, dateElement(p.from), ' – ', dateElement(Math.min(p.until, Math.max(now, p.from)))),
    el('td', { class: 'num', text: formatMoney(p.opening, code) }),
    el('td', { class: 'income' }, byCategory(p.income)),
    el('td', { class: 'spending' }, byCategory(p.spending)),
    el('td', { class: 'num', text: formatMoney(p.closing, code) }))));
}

async function loadStatement() {
  try {
    renderStatement(await api.getJson('economy/treasury', { period: $('statement-period').value }));
    show($('statement-error'), '');
  } catch (e) {
    show($('statement-error'), t('statement.failed', { problem: problemText(e) }));
  }
}

async function load() {
  try {
    renderSummary(await api.getJson('economy'));
    renderDividends(await api.getJson('dividends'));
    show($('economy-error'), '');
  } catch (e) {
    show($('economy-error'), problemText(e));
    return;
  }
  await loadStatement();
}

async function start() {
  await startPage('economy.pageTitle');
  $('statement-period').addEventListener('change', loadStatement);
  await load();
  globalThis.addEventListener('phyle:block', (e) => {
    if (!e.detail.first) {
      load();
    }
  });
  // the charts are drawn at the width of their box
  let width = globalThis.innerWidth;
  globalThis.addEventListener('resize', () => {
    if (Math.abs(globalThis.innerWidth - width) > 40) {
      width = globalThis.innerWidth;
      load();
    }
  });
}

start();
