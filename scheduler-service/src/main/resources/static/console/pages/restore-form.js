// "Restore…": a small form (where to, which database, replace with confirmation), then a confirmation step that
// says exactly what will happen, then POST /api/backups/{id}/restore. A bad field is marked on its input.

import { ApiError, api, forbidden, markForbidden } from '../api.js';
import { h } from '../dom.js';
import { FORBIDDEN_TEXT } from './actions.js';

const FIELDS = ['destinationId', 'destinationTarget', 'database', 'confirm'];

/** The "Restore…" button and its form for `backup`; `restored()` is called after a restore was requested. */
export function restoreForm(backup, signal, restored) {
  const status = h('p', { class: 'action-status', role: 'status' });
  const toggle = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'restore-form', 'data-action': 'restore' }, 'Restore…');
  const inputs = {
    destinationId: h('input', { id: 'restore-destinationId', name: 'destinationId', autocomplete: 'off' }),
    destinationTarget: h('input', { id: 'restore-destinationTarget', name: 'destinationTarget', autocomplete: 'off' }),
    database: h('input', { id: 'restore-database', name: 'database', autocomplete: 'off', maxlength: '63' }),
    confirm: h('input', { id: 'restore-confirm', name: 'confirm', autocomplete: 'off' }),
  };
  const errors = Object.fromEntries(FIELDS.map((f) => [f, h('p', { id: 'restore-' + f + '-error', class: 'field-error' })]));
  const replaceBox = h('input', { id: 'restore-replace', type: 'checkbox', name: 'replace' });
  const forceBox = h('input', { id: 'restore-force', type: 'checkbox', name: 'force' });
  const confirmRow = field('confirm', 'Type the database name again to confirm the replacement', inputs, errors);
  confirmRow.hidden = true;
  replaceBox.addEventListener('change', () => {
    confirmRow.hidden = !replaceBox.checked;
  });
  const review = h('div', { class: 'review', hidden: true, role: 'group', 'aria-label': 'Confirm the restore' });
  const submit = h('button', { type: 'submit' }, 'Review the restore');
  const form = h(
    'form',
    { id: 'restore-form', class: 'restore-form', hidden: true, novalidate: true },
    h(
      'fieldset',
      {},
      h('legend', {}, 'Where to'),
      field('destinationId', 'Configured destination (bulwark.restore.destinations.<id>); empty for none', inputs, errors),
      field('destinationTarget', "Or the server of this target; empty with no destination: the backup's own server", inputs, errors),
      field('database', 'Database; empty for a new one named <source db>_restored_<UTC time>', inputs, errors),
      h('div', { class: 'check' }, replaceBox, h('label', { for: 'restore-replace' }, 'Replace an existing, non-empty database')),
      confirmRow,
      backup.state === 'VERIFIED'
        ? null
        : h('div', { class: 'check' }, forceBox, h('label', { for: 'restore-force' }, 'Restore although this backup is not VERIFIED')),
    ),
    submit,
    review,
  );

  const body = () => {
    const b = {};
    for (const f of ['destinationId', 'destinationTarget', 'database']) {
      const v = inputs[f].value.trim();
      if (v) b[f] = v;
    }
    if (replaceBox.checked) {
      b.replace = true;
      b.confirm = inputs.confirm.value.trim();
    }
    if (forceBox.checked) b.force = true;
    return b;
  };

  const clearErrors = () => {
    for (const f of FIELDS) {
      inputs[f].removeAttribute('aria-invalid');
      errors[f].textContent = '';
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors();
    const b = body();
    const where = b.destinationId
      ? 'destination ' + b.destinationId
      : b.destinationTarget
        ? 'the server of target ' + b.destinationTarget
        : "the backup's own server";
    const what = b.database ? (b.replace ? 'replacing database ' : 'into database ') + b.database : 'into a new database';
    const go = h('button', { type: 'button', class: 'danger' }, 'Restore now');
    const cancel = h('button', { type: 'button' }, 'Cancel');
    review.replaceChildren(h('p', {}, 'Restore backup ' + backup.backupId + ' to ' + where + ', ' + what + '?'), go, ' ', cancel);
    review.hidden = false;
    go.focus();
    cancel.addEventListener('click', () => {
      review.hidden = true;
      submit.focus();
    });
    go.addEventListener('click', async () => {
      go.disabled = true;
      status.className = 'action-status';
      status.textContent = 'Requesting the restore…';
      try {
        const view = await api('/api/backups/' + encodeURIComponent(backup.backupId) + '/restore', {
          method: 'POST',
          body: b,
          signal,
        });
        review.hidden = true;
        form.hidden = true;
        toggle.setAttribute('aria-expanded', 'false');
        status.textContent = 'Restore ' + view.restoreId + ' requested; it is listed under Restores.';
        status.classList.add('ok');
        restored();
      } catch (e) {
        review.hidden = true;
        if (e instanceof ApiError && e.status === 403) {
          markForbidden('restore');
          disable();
          return;
        }
        const message = e instanceof ApiError ? e.message : 'The server cannot be reached: ' + e.message;
        const f = e instanceof ApiError ? e.field : null;
        if (f && inputs[f]) {
          inputs[f].setAttribute('aria-invalid', 'true');
          inputs[f].setAttribute('aria-describedby', errors[f].id);
          errors[f].textContent = message;
          inputs[f].focus();
        }
        status.textContent = message;
        status.classList.add('error');
      }
    });
  });

  toggle.addEventListener('click', () => {
    const open = form.hidden;
    form.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) inputs.destinationId.focus();
  });

  const disable = () => {
    toggle.disabled = true;
    form.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    status.textContent = FORBIDDEN_TEXT;
    status.className = 'action-status forbidden';
  };
  if (forbidden('restore')) disable();
  return h('div', { class: 'action' }, toggle, status, form);
}

function field(name, label, inputs, errors) {
  return h('div', { class: 'field' }, h('label', { for: inputs[name].id }, label), inputs[name], errors[name]);
}
