// A confirmation before an act that cannot be undone (retiring, a veto, cancelling a proposal): a modal <dialog>
// whose focus starts on the safe choice; Escape cancels; focus returns to what opened it. Resolves true only if the
// person confirms.

import { el } from './ui.js';

export function confirmAct({ id, title, text, confirm, cancel }) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const cancelButton = el('button', { type: 'submit', value: 'cancel', class: 'button', id: id + '-cancel',
      text: cancel });
    const dialog = el('dialog', { class: 'dialog', id, 'aria-labelledby': id + '-title',
      'aria-describedby': id + '-text' },
    el('form', { method: 'dialog', class: 'form' },
      el('h2', { id: id + '-title', text: title }),
      el('p', { id: id + '-text', text }),
      el('div', { class: 'actions' }, cancelButton,
        el('button', { type: 'submit', value: 'confirm', class: 'button danger solid', id: id + '-confirm',
          text: confirm }))));
    dialog.addEventListener('close', () => {
      const confirmed = dialog.returnValue === 'confirm';
      dialog.remove();
      if (opener && typeof opener.focus === 'function') {
        opener.focus();
      }
      resolve(confirmed);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancelButton.focus();
  });
}
