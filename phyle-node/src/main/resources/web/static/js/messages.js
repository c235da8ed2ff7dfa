// Every string the page shows, by language. Add a language by adding a table with the same keys; `t` falls back
// to English for a missing key. Placeholders are {name}.

export const messages = {
  en: {
    'locale': 'en',
    'page.title': '{name} · Phyle ledger',
    'page.titleLoading': 'Phyle ledger',
    'skip': 'Skip to the content',
    'brand': 'Phyle',
    'brand.tagline': 'Ledger of record',
    'nav.label': 'Sections',
    'nav.society': 'Society',
    'nav.checkpoint': 'Checkpoint',
    'nav.blocks': 'Blocks',
    'nav.entries': 'Entries',
    'nav.receipt': 'Check a receipt',
    'loading': 'Loading…',

    'society.eyebrow': 'Society',
    'society.founder': 'Founder',
    'society.sequencer': 'Sequencer',
    'society.sequencerKey': 'Sequencer key',
    'society.origin': 'Log',
    'society.founded': 'Founded',
    'society.records': 'Notary records',
    'society.parameters': 'Parameters',
    'society.parameter.value': '{value} {unit}',
    'society.failed': 'Could not load the society: {problem}',

    'checkpoint.title': 'Live checkpoint',
    'checkpoint.intro': 'The sequencer signs the size and root hash of the log after every block. Your browser checks the signature itself.',
    'checkpoint.treeSize': 'Tree size',
    'checkpoint.updated': 'Updated',
    'checkpoint.checked': 'Checked',
    'checkpoint.signatureChecking': 'Checking signature…',
    'checkpoint.signatureValid': 'Signature valid',
    'checkpoint.signatureInvalid': 'Signature NOT valid',
    'checkpoint.signatureInvalidWhy': 'Signature NOT valid: {reason}',
    'checkpoint.wrongOrigin': 'NOT this society’s log',
    'checkpoint.consistent': 'Extends the checkpoint of size {size}',
    'checkpoint.inconsistent': 'Does NOT extend the checkpoint of size {size}',
    'checkpoint.consistencyNone': 'Checked when the log grows',
    'checkpoint.text': 'Signed checkpoint note',
    'checkpoint.unreachable': 'Cannot reach the node: {problem}. Trying again.',
    'checkpoint.cannotVerify': 'Cannot verify here: {reason}',

    'blocks.title': 'Latest blocks',
    'blocks.caption': 'The ten most recent blocks, newest first',
    'blocks.height': 'Height',
    'blocks.time': 'Time',
    'blocks.txCount': 'Txs',
    'blocks.txCountLong': 'Transactions',
    'blocks.treeSize': 'Tree size',
    'blocks.hash': 'Hash',
    'blocks.empty': 'No blocks yet.',
    'blocks.failed': 'Could not load the blocks: {problem}',

    'entries.title': 'Latest entries',
    'entries.intro': 'The last entries of the log. Pick a transaction id to check its receipt.',
    'entries.leaf': 'Leaf {leaf}',
    'entries.signer': 'Signed by',
    'entries.verify': 'Check receipt',
    'entries.genesis': 'Founding of {name}',
    'entries.empty': 'The log is empty.',
    'entries.failed': 'Could not load the entries: {problem}',

    'receipt.title': 'Check a receipt',
    'receipt.intro': 'A receipt proves that a transaction is in the log. Your browser recomputes every hash and checks the signature; it does not take the node’s word for it.',
    'receipt.label': 'Transaction id',
    'receipt.hint': '64 hexadecimal characters. Pick one from the latest entries, or paste one.',
    'receipt.submit': 'Verify',
    'receipt.invalidId': 'A transaction id is 64 hexadecimal characters (0–9, a–f).',
    'receipt.checking': 'Fetching the receipt and checking it…',
    'receipt.noReceipt': 'No receipt',
    'receipt.nodeSays': 'The node says: {detail} ({code})',
    'receipt.verified': 'Verified in your browser',
    'receipt.notVerified': 'NOT verified: {failure}',
    'receipt.cannotVerifyTitle': 'Cannot verify in this browser',
    'receipt.passed': 'passed',
    'receipt.failed': 'failed',
    'receipt.details': 'What the receipt says',
    'receipt.height': 'Block',
    'receipt.blockTime': 'Block time',
    'receipt.leafIndex': 'Leaf index',
    'receipt.treeSize': 'Tree size',
    'receipt.proofLength': 'Proof hashes',
    'receipt.txId': 'Transaction id',
    'receipt.checkpoint': 'Checkpoint it is proven against',
    'receipt.entry': 'The entry',

    'check.txId': 'Transaction id is the SHA-256 of the canonical payload',
    'check.txId.failure': 'the transaction id does not match its payload',
    'check.leafHash': 'Leaf hash is the SHA-256 of 0x00 and the canonical entry',
    'check.leafHash.failure': 'the leaf hash does not match the entry',
    'check.inclusion': 'Inclusion proof leads from the leaf to the checkpoint’s root',
    'check.inclusion.failure': 'the inclusion proof does not lead to the checkpoint’s root',
    'check.checkpoint': 'Checkpoint is signed by the society’s sequencer',
    'check.checkpoint.failure': 'the checkpoint is not signed by the society’s sequencer',

    'check.ok.txId': 'Computed {computed}',
    'check.ok.leafHash': 'Computed {computed}',
    'check.ok.inclusion': '{proofLength} hashes from leaf {leafIndex} lead to root {root} of the tree of size {treeSize}',
    'check.ok.checkpoint': 'Ed25519 signature by {keyName}',

    'reason.MALFORMED': 'the receipt is missing fields',
    'reason.NOT_JSON': 'the entry is not plain JSON',
    'reason.TXID_MISMATCH': 'computed {computed}, the receipt says {claimed}',
    'reason.NOT_ASKED_FOR': 'this is transaction {computed}, not {claimed}',
    'reason.LEAF_MISMATCH': 'computed {computed}, the receipt says {claimed}',
    'reason.SIZE_MISMATCH': 'the receipt is for a tree of size {treeSize}, the checkpoint for size {checkpointSize}',
    'reason.PROOF_SHAPE': 'the proof has the wrong number of hashes for this leaf and tree size',
    'reason.ROOT_MISMATCH': 'the proof leads to {computed}, the checkpoint’s root is {claimed}',
    'reason.BAD_HASH': 'a hash in the receipt is not 64 hex digits',
    'reason.BAD_SIZE': 'a leaf index or tree size is not a whole number',
    'reason.NOTE_FORMAT': 'the checkpoint is not a signed note',
    'reason.CHECKPOINT_FORMAT': 'the checkpoint text is not a checkpoint',
    'reason.NO_VERIFIER': 'the sequencer’s key is not known yet',
    'reason.WRONG_ORIGIN': 'the checkpoint is for another log ({claimed})',
    'reason.NOT_SIGNED_BY_KEY': 'no signature by the sequencer’s key',
    'reason.BAD_SIGNATURE': 'the sequencer’s signature does not verify',
    'reason.NO_WEBCRYPTO': 'the browser only offers cryptography on secure pages (https, or http on localhost)',
    'reason.NO_ED25519': 'this browser cannot verify Ed25519 signatures',
    'reason.VKEY_FORMAT': 'the society’s sequencer key is malformed',
    'reason.VKEY_NOT_ED25519': 'the society’s sequencer key is not an Ed25519 key',
    'reason.VKEY_ID_MISMATCH': 'the society’s sequencer key has the wrong key id',
    'reason.unknown': 'unexpected error ({code})',

    'problem.with': '{meaning} — {detail}',
    'problem.NOT_FOUND': 'not found',
    'problem.BAD_REQUEST': 'the node did not understand the request',
    'problem.NETWORK': 'the node did not answer',
    'problem.INTERNAL': 'the node failed',
    'problem.BAD_RESPONSE': 'the node’s answer was garbled',
    'problem.other': 'refused ({code})',

    'time.justNow': 'just now',
    'time.seconds': '{n} s ago',
    'time.minutes': '{n} min ago',
    'time.hours': '{n} h ago',
    'time.days': '{n} d ago',

    'footer.about': 'Phyle: an open-source operating system for network states. This node keeps its society’s ledger of record as an RFC 9162 Merkle log.',
    'footer.api': 'API description (OpenAPI)',
    'footer.checkpoint': 'Raw checkpoint',
  },
};

let language = 'en';

/** Chooses the language of later `t` calls (falls back to English for an unknown one). */
export function setLanguage(lang) {
  language = messages[lang] ? lang : 'en';
}

export function currentLanguage() {
  return language;
}

/** The message for a key in the current language with {placeholders} filled in; the key itself if unknown. */
export function t(key, params = {}) {
  const table = messages[language] || messages.en;
  const template = table[key] !== undefined ? table[key] : messages.en[key];
  if (template === undefined) {
    return key;
  }
  return template.replace(/\{(\w+)\}/g, (match, name) => (params[name] !== undefined ? String(params[name]) : match));
}

/** True if the catalogue has a message for the key. */
export function has(key) {
  return (messages[language] && messages[language][key] !== undefined) || messages.en[key] !== undefined;
}

/** How long ago a time (ms since the epoch) was, in words. */
export function ago(timeMs, nowMs = Date.now()) {
  const s = Math.max(0, Math.floor((nowMs - timeMs) / 1000));
  if (s < 1) {
    return t('time.justNow');
  }
  if (s < 60) {
    return t('time.seconds', { n: s });
  }
  if (s < 3600) {
    return t('time.minutes', { n: Math.floor(s / 60) });
  }
  if (s < 86400) {
    return t('time.hours', { n: Math.floor(s / 3600) });
  }
  return t('time.days', { n: Math.floor(s / 86400) });
}

/** A number in the current language's notation. */
export function formatNumber(n) {
  return new Intl.NumberFormat(t('locale')).format(n);
}

/** A time (ms since the epoch): the time of day if it is today, the date and time otherwise. */
export function formatTime(timeMs, { full = false } = {}) {
  const d = new Date(timeMs);
  const today = new Date().toDateString() === d.toDateString();
  const options = full || !today ? { dateStyle: 'medium', timeStyle: 'medium' } : { timeStyle: 'medium' };
  return new Intl.DateTimeFormat(t('locale'), options).format(d);
}
