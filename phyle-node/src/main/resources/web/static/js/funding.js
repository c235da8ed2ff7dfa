// Money on the funding pages (quadratic funding rounds, territory campaigns), without floating point: amounts are
// integer minor units (one unit is 1,000,000), typed in units with at most six decimals and converted exactly, and
// shown in the reader's notation with the currency's code. No DOM.

import * as api from './api.js';
import { t } from './messages.js';

/** Minor units in one unit of the currency. */
export const UNIT = 1000000n;
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * An amount typed in units ("12", "12.5", "0,25": a point or a comma before at most six decimals, no grouping, no
 * sign, no exponent) as integer minor units: {minor} or {error} naming why not ('empty', 'format', 'decimals',
 * 'zero', 'large'). Computed with BigInt from the digits, never through a floating-point number.
 */
export function parseAmount(text) {
  const s = String(text ?? '').trim();
  if (s === '') {
    return { error: 'empty' };
  }
  if (/^[0-9]+[.,][0-9]{7,}$/.test(s)) {
    return { error: 'decimals' };
  }
  const m = /^([0-9]{1,16})(?:[.,]([0-9]{1,6}))?$/.exec(s);
  if (!m) {
    return { error: 'format' };
  }
  const minor = BigInt(m[1]) * UNIT + BigInt((m[2] || '').padEnd(6, '0'));
  if (minor === 0n) {
    return { error: 'zero' };
  }
  if (minor > MAX) {
    return { error: 'large' };
  }
  return { minor: Number(minor) };
}

/** The words for why an amount was refused before signing. */
export function amountError(error) {
  return t('funding.amount.' + error);
}

let currency = { code: '', name: '' };

/** Reads the currency's name and code once (GET economy); amounts are shown without a code if that fails. */
export async function loadCurrency() {
  try {
    const e = await api.getJson('economy');
    currency = { code: e.currency.code, name: e.currency.name };
  } catch (err) {
    // amounts still read correctly without the code
  }
  return currency;
}

export function currencyCode() {
  return currency.code;
}

/** Integer minor units (a number, or the API's {minor, formatted}) in the reader's notation, trailing zeros cut. */
export function formatUnits(amount, { code = true } = {}) {
  const minor = BigInt(typeof amount === 'object' && amount !== null ? amount.minor : amount);
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const locale = t('locale');
  const whole = new Intl.NumberFormat(locale).format(abs / UNIT);
  const fraction = (abs % UNIT).toString().padStart(6, '0').replace(/0+$/, '');
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal').value;
  const text = (negative ? '-' : '') + whole + (fraction ? decimal + fraction : '');
  return code && currency.code ? text + ' ' + currency.code : text;
}

/** A share in basis points (2500) as a percentage in the reader's notation ("25%"). */
export function formatBp(bp) {
  return new Intl.NumberFormat(t('locale'), { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10000);
}

/** Part of an amount: amount × bp / 10,000, rounded down, in BigInt. */
export function shareOf(minor, bp) {
  return Number((BigInt(minor) * BigInt(bp)) / 10000n);
}

/** A country's name in the reader's language for its ISO 3166 code, or the code. */
export function countryName(code) {
  try {
    return new Intl.DisplayNames([t('locale')], { type: 'region' }).of(code) || code;
  } catch (e) {
    return code;
  }
}

/** The address of this node, for the command that recomputes a round (phyle qf verify N --node URL). */
export function nodeAddress() {
  return new URL('../../', api.API_BASE).toString().replace(/\/$/, '');
}
