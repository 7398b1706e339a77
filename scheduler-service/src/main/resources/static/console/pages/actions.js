// Buttons that change something (request a backup, verify again, restore): each POSTs, says what happened in a
// status line next to it, and, once the API answered 403 to that kind of action, is disabled with the reason for
// the rest of the session.

import { ApiError, api, forbidden, markForbidden } from '../api.js';
import { h } from '../dom.js';

/** Why a disabled action button is disabled. */
export const FORBIDDEN_TEXT = 'Your token may not do this: it needs the operator role.';

/**
 * An action button with its status line. options: label, action (the session key of the 403 memory), run (async,
 * returns the nodes or text to show on success), describedBy (extra help id).
 */
export function actionButton({ label, action, run }) {
  const status = h('p', { class: 'action-status', role: 'status' });
  const button = h('button', { type: 'button', 'data-action': action }, label);
  if (forbidden(action)) disable(button, status);
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.className = 'action-status';
    status.textContent = 'Working…';
    try {
      const result = await run();
      status.replaceChildren(...[result].flat().map((r) => (r instanceof Node ? r : document.createTextNode(r))));
      status.classList.add('ok');
      button.disabled = false;
    } catch (e) {
      if (e instanceof ApiError && e.status === 403) {
        markForbidden(action);
        disable(button, status);
        return;
      }
      status.textContent = e instanceof ApiError ? e.message : 'The server cannot be reached: ' + e.message;
      status.classList.add('error');
      button.disabled = false;
    }
  });
  return h('div', { class: 'action' }, button, status);
}

function disable(button, status) {
  button.disabled = true;
  button.setAttribute('aria-disabled', 'true');
  status.textContent = FORBIDDEN_TEXT;
  status.className = 'action-status forbidden';
}

/** "Request a backup" of `targetId`; on success, a link to the new backup's page. */
export function requestBackupButton(targetId) {
  return actionButton({
    label: 'Request a backup',
    action: 'request-backup',
    run: async () => {
      const view = await api('/api/backups', { method: 'POST', body: { targetId } });
      return [
        'Backup requested: ',
        h('a', { href: '#/backups/' + encodeURIComponent(view.backupId), class: 'requested' }, view.backupId),
      ];
    },
  });
}
