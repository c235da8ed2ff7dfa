// Transactions in words, for the ledger's entries and people's histories. A mechanism adds its types here (and
// their messages as 'tx.<type>' in messages.js); an unknown type is shown by its name. `nameOf(personId)` may give
// a person's name for an id it knows; otherwise ids are shortened.

import { has, t } from './messages.js';

const short = (hex) => (typeof hex === 'string' && hex.length > 12 ? hex.slice(0, 8) + '…' : String(hex));

/** A one-line description of a transaction's body, or null if there is nothing more to say than its type. */
export function describe(type, body = {}, nameOf = () => null) {
  const person = (id) => nameOf(id) || '#' + short(id);
  const topic = (x) => (x === '*' ? t('topic.all') : String(x));
  const b = body && typeof body === 'object' ? body : {};
  switch (type) {
    case 'society.genesis':
      return t('tx.society.genesis', { name: String(b.name) });
    case 'notary.record':
      return typeof b.label === 'string' ? b.label : null;
    case 'citizenship.apply':
      return t(b.seeking === 'e-resident' ? 'tx.citizenship.apply.eResident' : 'tx.citizenship.apply',
        { name: String(b.name) });
    case 'citizenship.vouch':
    case 'citizenship.admit':
    case 'citizenship.endHostResidence':
    case 'citizenship.completeRecovery':
      return t('tx.' + type, { person: person(b.person) });
    case 'citizenship.challenge':
      return t('tx.citizenship.challenge', { person: person(b.person),
        grounds: has('grounds.' + b.grounds) ? t('grounds.' + b.grounds) : String(b.grounds) });
    case 'citizenship.juryVote':
      return t('tx.citizenship.juryVote', { verdict: has('verdict.' + b.verdict) ? t('verdict.' + b.verdict)
        : String(b.verdict) });
    case 'citizenship.setGuardians':
      return Array.isArray(b.guardians) && b.guardians.length > 0
        ? t('tx.citizenship.setGuardians', { n: b.guardians.length, threshold: b.threshold })
        : t('tx.citizenship.setGuardians.none');
    case 'citizenship.recover':
      return t('tx.citizenship.recover', { person: person(b.person) });
    case 'citizenship.declareResidence':
      return typeof b.territory === 'string' ? t('tx.citizenship.declareResidence', { territory: b.territory })
        : t('tx.citizenship.declareResidence.end');
    case 'citizenship.registerHostResident':
      return t('tx.citizenship.registerHostResident', { name: String(b.name), region: String(b.region) });
    case 'governance.propose':
      return t('tx.governance.propose', { title: String(b.title) });
    case 'governance.sponsor':
    case 'governance.cancel':
    case 'governance.execute':
    case 'charter.veto':
      return t('tx.' + type, { proposal: short(b.proposal) });
    case 'governance.vote':
      return t('tx.governance.vote', { proposal: short(b.proposal) });
    case 'governance.delegate':
      return t('tx.governance.delegate', { topic: topic(b.topic), person: person(b.to) });
    case 'governance.undelegate':
      return t('tx.governance.undelegate', { topic: topic(b.topic) });
    case 'charter.amend':
      return t(has('tx.charter.amend.' + b.kind) ? 'tx.charter.amend.' + b.kind : 'tx.charter.amend');
    case 'charter.councilAct':
      return t('tx.charter.councilAct', { person: person(b.person) });
    case 'canon.publish':
      return t(b.kind === 'article' ? 'tx.canon.publish.article' : 'tx.canon.publish', { title: String(b.title) });
    case 'canon.endorse':
      return t('tx.canon.endorse', { text: short(b.text) });
    default:
      return has('tx.' + type) ? t('tx.' + type) : null;
  }
}

/** The short name of a transaction type in words ("Vouch", "Key rotation"), or the type itself. */
export function typeName(type) {
  return has('type.' + type) ? t('type.' + type) : type;
}
