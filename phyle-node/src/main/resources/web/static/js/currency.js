// Money in the browser, exactly: an amount is an integer of minor units (the currency has six decimals), read from
// what a person types with BigInt arithmetic on its digits (never through a floating-point number) and written back
// from the API's integers. Numbers of floating point appear only where pixels are computed for a chart. No DOM.

import { t } from './messages.js';

/** The decimals of every Phyle currency (GET economy says so too). */
export const DECIMALS = 6;

/** Why a typed amount is refused before anything is signed; `code` names its message ('amount.<code>'). */
export class AmountError extends Error {
  constructor(code) {
    super(code);
    this.name = 'AmountError';
    this.code = code;
  }
}

/**
 * The minor units of an amount typed by a person: digits with at most one decimal point or comma ("12", "12.5",
 * "0,25"), spaces allowed between digit groups, at most `decimals` decimals, more than zero, and no more than the
 * largest integer the ledger's JSON carries exactly. Returns a Number (a safe integer); throws AmountError.
 */
export function parseAmount(text, decimals = DECIMALS) {
  const s = String(text ?? '').trim().replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') {
    throw new AmountError('empty');
  }
  if (/^[-−]/.test(s)) {
    throw new AmountError('negative');
  }
  const m = /^([0-9]*)(?:[.,]([0-9]*))?$/.exec(s);
  if (!m || (m[1] === '' && !m[2])) {
    throw new AmountError('notANumber');
  }
  const fraction = m[2] || '';
  if (fraction.length > decimals) {
    throw new AmountError('tooPrecise');
  }
  const scale = 10n ** BigInt(decimals);
  const minor = BigInt(m[1] || '0') * scale + BigInt((fraction + '0'.repeat(decimals)).slice(0, decimals) || '0');
  if (minor === 0n) {
    throw new AmountError('zero');
  }
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new AmountError('tooLarge');
  }
  return Number(minor);
}

/** The minor units of an API amount ({minor, formatted}) or of a number of minor units, as a BigInt. */
export function minorOf(amount) {
  if (amount && typeof amount === 'object' && 'minor' in amount) {
    return BigInt(amount.minor);
  }
  return BigInt(amount);
}

/**
 * An amount in the reader's notation: its whole part grouped as the language groups digits, its decimals after the
 * language's separator, trailing zeros dropped down to two ("1,234.50", in Portuguese "1234,50"); with the currency's
 * code after it when one is given. Exact for any integer of minor units.
 */
export function formatMoney(amount, code = '', decimals = DECIMALS) {
  let minor = minorOf(amount);
  const negative = minor < 0n;
  if (negative) {
    minor = -minor;
  }
  const scale = 10n ** BigInt(decimals);
  const whole = minor / scale;
  let fraction = (minor % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  if (fraction.length < 2) {
    fraction = fraction.padEnd(2, '0');
  }
  const locale = t('locale');
  const separator = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal').value;
  const text = (negative ? '−' : '') + new Intl.NumberFormat(locale).format(whole) + separator + fraction;
  return code ? text + '\u00a0' + code : text;
}

/** An amount as a Number of whole units, for drawing only (a chart's pixels), never for arithmetic on money. */
export function unitsForDrawing(amount, decimals = DECIMALS) {
  return Number(minorOf(amount)) / 10 ** decimals;
}

/** The words for a refused amount. */
export function amountErrorText(error) {
  return t('amount.' + error.code);
}
