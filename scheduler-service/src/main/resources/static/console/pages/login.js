// Log-in: the user pastes an API token; it is checked with one read of the API before the session starts.

import { ApiError, api, logIn, logOut } from '../api.js';
import { h } from '../dom.js';

/** The page moves focus to the token field itself. */
export const focusSelf = true;

/** Renders the log-in form; `context.message` says why the user is here (expired token, logged out). */
export function render(main, _params, context) {
  const status = h('p', { id: 'login-status', class: 'notice notice-warn', role: 'alert' });
  if (context.message) status.textContent = context.message;
  else status.hidden = true;
  const input = h('input', {
    id: 'token',
    name: 'token',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    'aria-describedby': 'token-help login-status',
  });
  const button = h('button', { type: 'submit' }, 'Log in');
  const form = h(
    'form',
    { class: 'login', novalidate: true },
    h('label', { for: 'token' }, 'API token'),
    input,
    h(
      'p',
      { id: 'token-help', class: 'help' },
      'Paste a bearer token of this Bulwark (bulwark.security.tokens, or the admin token file of ./bulwark up). ' +
        'It is kept in this tab only and sent with every call to the API.',
    ),
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) {
      show(status, 'Paste a token first.');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    button.disabled = true;
    logIn(value);
    try {
      await api('/api/backups?limit=1');
      context.afterLogIn();
    } catch (e) {
      logOut();
      input.setAttribute('aria-invalid', 'true');
      show(status, e instanceof ApiError && e.status === 401 ? 'The token is missing or expired.' : String(e.message));
      input.focus();
    } finally {
      button.disabled = false;
    }
  });
  main.append(h('h1', {}, 'Log in'), status, form);
  document.title = 'Log in · Bulwark';
  input.focus();
}

function show(status, text) {
  status.textContent = text;
  status.hidden = false;
}
