// The key panel, shared by the join and "my identity" pages: make a key (with the passphrase of its backup) or
// restore one from a backup file; once there is a key, its did:key, whether its backup was downloaded, and the
// download. The key itself is handled by keystore.js and never touches the DOM.

import * as feedback from './feedback.js';
import {
  KeyError, checkPassphrase, createIdentity, importSeed, markBackedUp, restoreIdentity, saveIdentity,
} from './keystore.js';
import { t } from './messages.js';
import { code, download, el, problemText, shell, show } from './ui.js';

let uid = 0;

/** A labelled field: the label, an optional hint, the control, and an error line, wired with aria-describedby. */
export function field(id, labelText, control, hintText) {
  const hintId = id + '-hint';
  const errorId = id + '-error';
  control.id = id;
  control.setAttribute('aria-describedby', (hintText ? hintId + ' ' : '') + errorId);
  return el('div', { class: 'field' },
    el('label', { for: id, text: labelText }),
    hintText ? el('p', { class: 'hint', id: hintId, text: hintText }) : null,
    control,
    el('p', { class: 'field-error', id: errorId, hidden: true }));
}

/** Shows a field's error (or clears it with null) and marks the control invalid. */
export function fieldError(control, text) {
  const error = document.getElementById(control.id + '-error');
  if (text) {
    control.setAttribute('aria-invalid', 'true');
  } else {
    control.removeAttribute('aria-invalid');
  }
  if (error) {
    show(error, text);
  }
}

/** The key this browser holds, and the download of its encrypted backup. */
function keySummary(identity, compact = false) {
  const button = el('button', { type: 'button', class: 'button' + (identity.backedUp ? '' : ' primary'),
    id: 'download-backup', text: t('key.download') });
  button.addEventListener('click', async () => {
    download(identity.backupFileName(), identity.backupText());
    await markBackedUp();
  });
  const did = el('div', { class: 'fact' }, el('dt', { text: t('key.did') }), el('dd', {}, code(identity.did,
    { id: 'my-did' })));
  const backup = el('div', { class: 'fact' }, el('dt', { text: t('key.backup') }), el('dd', { id: 'backup-state',
    'data-backed-up': String(identity.backedUp), text: identity.backedUp ? t('key.backedUp')
      : t('key.notBackedUp') }));
  // compact (on the join page, once the key is made): the did:key, a long identifier, waits behind "details"
  return el('div', { class: 'key-summary' + (compact ? ' compact' : ''), 'data-did': identity.did },
    el('p', { class: 'verdict', 'data-verified': 'true' }, el('span', { class: 'mark', 'aria-hidden': 'true',
      text: '✓' }), ' ', t('key.held')),
    compact ? null : el('dl', { class: 'facts' }, did, backup),
    compact && identity.backedUp ? null
      : el('p', { class: 'hint', text: identity.backedUp ? t('key.backupAgain') : t('key.backupNow') }),
    compact ? el('div', { class: 'actions backup-row' }, el('dl', { class: 'facts' }, backup), button)
      : el('div', { class: 'actions' }, button),
    compact ? el('details', { class: 'disclosure key-details' }, el('summary', { text: t('details') }),
      el('dl', { class: 'facts' }, did)) : null);
}

/** The form that makes a new key. */
function createForm(onDone) {
  const n = ++uid;
  const pass = el('input', { type: 'password', autocomplete: 'new-password', required: true });
  const again = el('input', { type: 'password', autocomplete: 'new-password', required: true });
  const region = el('div', { class: 'feedback', role: 'status', id: 'create-key-feedback', hidden: true });
  const button = el('button', { type: 'submit', class: 'button primary', text: t('key.create') });
  const form = el('form', { class: 'form', id: 'create-key-form', novalidate: true },
    field('create-passphrase-' + n, t('key.passphrase'), pass, t('key.passphraseHint')),
    field('create-passphrase-again-' + n, t('key.passphraseAgain'), again),
    el('div', { class: 'actions' }, button),
    region);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fieldError(pass, null);
    fieldError(again, null);
    try {
      checkPassphrase(pass.value, again.value);
    } catch (e) {
      const target = e.code === 'PASSPHRASE_MISMATCH' ? again : pass;
      fieldError(target, problemText(e));
      target.focus();
      return;
    }
    button.disabled = true;
    feedback.pending(region, t('key.creating'));
    try {
      const identity = await saveIdentity(await createIdentity(pass.value));
      pass.value = '';
      again.value = '';
      feedback.clear(region);
      onDone(identity);
    } catch (e) {
      feedback.rejected(region, e, t('key.createFailed'));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** The form that restores a key from a backup file (replacing the key this browser holds, if any). */
export function restoreForm(onDone, { replacing = null } = {}) {
  const n = ++uid;
  const file = el('input', { type: 'file', accept: '.json,application/json', required: true });
  const pass = el('input', { type: 'password', autocomplete: 'current-password', required: true });
  // "my identity" may show both this form (no key yet) and the one that replaces a key: ids stay unique
  const prefix = replacing ? 'replace' : 'restore';
  const region = el('div', { class: 'feedback', role: 'status', id: prefix + '-key-feedback', hidden: true });
  const button = el('button', { type: 'submit', class: 'button' + (replacing ? '' : ' primary'),
    text: t('key.restore') });
  const form = el('form', { class: 'form', id: prefix + '-key-form', novalidate: true },
    replacing ? el('p', { class: 'warning', text: t('key.replaceWarning') }) : null,
    field('restore-file-' + n, t('key.file'), file, t('key.fileHint')),
    field('restore-passphrase-' + n, t('key.passphrase'), pass),
    el('div', { class: 'actions' }, button),
    region);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fieldError(file, null);
    fieldError(pass, null);
    feedback.clear(region);
    if (!file.files || file.files.length === 0) {
      fieldError(file, t('key.error.NO_FILE'));
      file.focus();
      return;
    }
    button.disabled = true;
    feedback.pending(region, t('key.restoring'));
    try {
      const text = await file.files[0].text();
      const identity = await restoreIdentity(text, pass.value);
      await saveIdentity(identity);
      pass.value = '';
      feedback.clear(region);
      onDone(identity);
    } catch (e) {
      feedback.clear(region);
      if (e instanceof KeyError && e.code === 'WRONG_PASSPHRASE') {
        fieldError(pass, problemText(e));
        pass.focus();
      } else if (e instanceof KeyError) {
        fieldError(file, problemText(e));
        file.focus();
      } else {
        feedback.rejected(region, e, t('key.restoreFailed'));
      }
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/**
 * The form that brings in a key a person already has outside the browser: a key file of `phyle keygen`, an entry of a
 * demo's people.json, or a bare seed (hex or base64), pasted or opened from a file. The key is encrypted with a new
 * passphrase as this app's backup and kept non-extractable (replacing the key this browser holds, if any).
 */
export function importForm(onDone, { replacing = null } = {}) {
  const n = ++uid;
  const prefix = replacing ? 'replace-import' : 'import';
  const text = el('textarea', { rows: 3, autocomplete: 'off', spellcheck: 'false', class: 'mono-input' });
  const file = el('input', { type: 'file', accept: '.key,.json,.txt,application/json,text/plain' });
  const pass = el('input', { type: 'password', autocomplete: 'new-password', required: true });
  const again = el('input', { type: 'password', autocomplete: 'new-password', required: true });
  const region = el('div', { class: 'feedback', role: 'status', id: prefix + '-key-feedback', hidden: true });
  const button = el('button', { type: 'submit', class: 'button', text: t('key.import') });
  file.addEventListener('change', async () => {
    if (file.files && file.files.length) {
      text.value = (await file.files[0].text()).slice(0, 10000);
      fieldError(text, null);
    }
  });
  const form = el('form', { class: 'form', id: prefix + '-key-form', novalidate: true },
    replacing ? el('p', { class: 'warning', text: t('key.replaceWarning') }) : null,
    field(prefix + '-text-' + n, t('key.importText'), text, t('key.importTextHint')),
    field(prefix + '-file-' + n, t('key.importFile'), file),
    field(prefix + '-passphrase-' + n, t('key.passphrase'), pass, t('key.importPassphraseHint')),
    field(prefix + '-passphrase-again-' + n, t('key.passphraseAgain'), again),
    el('div', { class: 'actions' }, button),
    region);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const c of [text, pass, again]) {
      fieldError(c, null);
    }
    feedback.clear(region);
    try {
      checkPassphrase(pass.value, again.value);
    } catch (e) {
      const target = e.code === 'PASSPHRASE_MISMATCH' ? again : pass;
      fieldError(target, problemText(e));
      target.focus();
      return;
    }
    button.disabled = true;
    feedback.pending(region, t('key.importing'));
    try {
      const identity = await saveIdentity(await importSeed(text.value, pass.value));
      text.value = '';
      pass.value = '';
      again.value = '';
      feedback.clear(region);
      onDone(identity);
    } catch (e) {
      feedback.clear(region);
      if (e instanceof KeyError && ['NO_KEY_TEXT', 'NOT_A_KEY', 'BACKUP_NOT_SEED', 'KEY_DID_MISMATCH']
        .includes(e.code)) {
        fieldError(text, problemText(e));
        text.focus();
      } else {
        feedback.rejected(region, e, t('key.importFailed'));
      }
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/**
 * Renders the key panel into a container: the key held, or the choice between making and restoring one.
 * `onChange(identity)` runs after a key was made or restored.
 */
export function renderKeyPanel(container, { onChange = () => {}, fold = false } = {}) {
  const render = () => {
    const identity = shell.identity;
    if (identity) {
      container.replaceChildren(keySummary(identity, fold));
      return;
    }
    const done = (created) => {
      shell.identity = created;
      render();
      onChange(created);
      const focus = container.querySelector('#download-backup') || container;
      focus.focus();
    };
    const create = el('section', { class: fold ? 'key-create' : 'subcard', 'aria-labelledby': 'create-key-title' },
      el('h3', { id: 'create-key-title', text: t('key.createTitle') }),
      fold ? null : el('p', { class: 'intro', text: t('key.createIntro') }),
      createForm(done));
    const others = [
      el('section', { class: 'subcard', 'aria-labelledby': 'restore-key-title' },
        el('h3', { id: 'restore-key-title', text: t('key.restoreTitle') }),
        el('p', { class: 'intro', text: t('key.restoreIntro') }),
        restoreForm(done)),
      el('section', { class: 'subcard', 'aria-labelledby': 'import-key-title' },
        el('h3', { id: 'import-key-title', text: t('key.importTitle') }),
        el('p', { class: 'intro', text: t('key.importIntro') }),
        importForm(done))];
    // folded (on the join page, where most people make a new key): the other two ways wait behind one line
    container.replaceChildren(fold
      ? el('div', { class: 'key-choices folded' }, create,
        el('details', { class: 'disclosure', id: 'key-have-one' }, el('summary', { text: t('key.haveOne') }),
          el('div', { class: 'key-choices' }, ...others)))
      : el('div', { class: 'key-choices' }, create, ...others));
  };
  render();
  globalThis.addEventListener('phyle:me', () => {
    // re-render only when the key changed, so that a form being filled in is not thrown away
    const shown = container.querySelector('.key-summary');
    const did = shown ? shown.dataset.did : null;
    const now = shell.identity ? shell.identity.did : null;
    const backedUp = container.querySelector('#backup-state');
    if (did !== now || (backedUp && backedUp.dataset.backedUp !== String(shell.identity.backedUp))) {
      render();
    }
  });
}
