// The society's parameters in words for people: each one's name, its value with a unit a person reads ("2 years",
// "20%", "yes"), and the group it belongs to. No DOM.

import { formatNumber, has, t } from './messages.js';

const SINGULAR = { vouches: 'vouch', citizens: 'citizen', days: 'day', hours: 'hour', years: 'year', keys: 'key' };

/** The human name of a parameter, or its technical name if the catalogue has none. */
export function paramName(name) {
  return has('paramName.' + name) ? t('paramName.' + name) : name;
}

/** What a parameter means: the catalogue's sentence, else the node's. */
export function paramMeaning(p) {
  return has('param.' + p.name) ? t('param.' + p.name) : p.meaning;
}

function counted(n, unit) {
  const word = n === 1 && SINGULAR[unit] && has('unit.' + SINGULAR[unit]) ? t('unit.' + SINGULAR[unit])
    : has('unit.' + unit) ? t('unit.' + unit) : unit;
  return (formatNumber(n) + ' ' + (word || '')).trim();
}

/** A parameter's value as a person reads it: {name, value, unit} from the node's parameters. */
export function paramValue(p) {
  const v = p.value;
  if (Array.isArray(v)) {
    return v.length ? counted(v.length, 'keys') : t('value.none');
  }
  if (typeof v !== 'number') {
    return String(v); // a name or a list of names: shown as it is
  }
  switch (p.unit) {
    case 'basis points':
      return t('value.percent', { n: formatNumber(v / 100) });
    case '0 or 1':
      return v ? t('value.yes') : t('value.no');
    case 'seconds':
      return v > 0 && v % 3600 === 0 ? counted(v / 3600, 'hours') : v > 0 && v % 60 === 0
        ? counted(v / 60, 'minutes') : counted(v, 'seconds');
    case 'hours':
      return v >= 24 && v % 24 === 0 ? counted(v / 24, 'days') : counted(v, 'hours');
    case 'days':
      return v >= 365 && v % 365 === 0 ? counted(v / 365, 'years') : counted(v, 'days');
    case 'minor units':
      return v % 1000000 === 0 ? formatNumber(v / 1000000) + ' ' + t('unit.units') : formatNumber(v) + ' ' + t('unit.minorUnits');
    case 'bytes':
      return v >= 1024 && v % 1024 === 0 ? formatNumber(v / 1024) + ' ' + t('unit.kilobytes') : counted(v, 'bytes');
    default:
      return p.unit ? counted(v, p.unit) : formatNumber(v);
  }
}

const GROUPS = ['joining', 'challenges', 'deciding', 'handover', 'lots', 'money', 'discussing', 'technical', 'other'];

/** The group a parameter belongs to, by what it is about. */
export function paramGroup(name) {
  if (name === 'citizenship.jurySize' || name === 'citizenship.juryDays' || name === 'citizenship.vouchBanDays') {
    return 'challenges';
  }
  const prefix = name.split('.')[0];
  return { citizenship: 'joining', governance: 'deciding', charter: 'handover', sortition: 'lots', economy: 'money',
    canon: 'discussing', discussion: 'discussing', tx: 'technical', quota: 'technical' }[prefix] || 'other';
}

/** Parameters in their groups, in a fixed order of groups and the node's order within each: [{group, params}]. */
export function groupParameters(params) {
  return GROUPS.map((group) => ({ group, params: params.filter((p) => paramGroup(p.name) === group) }))
    .filter((g) => g.params.length > 0);
}
