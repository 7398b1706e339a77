// The dashboard's router: one page, hash routes, one view at a time. Each view gets the <main> element, its route
// parameters and an AbortSignal that fires when the user leaves it (polls and fetches stop then).

import { logOut, token, whenUnauthorized } from './api.js';
import { focusHeading, replace } from './dom.js';
import * as login from './pages/login.js';
import * as targets from './pages/targets.js';
import * as backups from './pages/backups.js';
import * as backup from './pages/backup.js';
import * as charts from './pages/charts.js';
import * as activity from './pages/activity.js';

const NEXT_KEY = 'bulwark.next';

const ROUTES = [
  [/^#\/login$/, login],
  [/^(#\/?)?$/, targets],
  [/^#\/targets$/, targets],
  [/^#\/targets\/([^/?]+)$/, charts],
  [/^#\/backups$/, backups],
  [/^#\/backups\/([^/?]+)$/, backup],
  [/^#\/activity$/, activity],
];

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const logoutButton = document.getElementById('logout');
let leave = null;

/** A message for the log-in page, set when a session ends. */
let loginMessage = null;

whenUnauthorized((message) => {
  loginMessage = message;
  if (location.hash !== '#/login') {
    sessionStorage.setItem(NEXT_KEY, location.hash);
    location.hash = '#/login';
  }
});

// the skip link moves the focus without touching the route
document.getElementById('skip').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

logoutButton.addEventListener('click', () => {
  logOut();
  loginMessage = 'You are logged out.';
  sessionStorage.removeItem(NEXT_KEY);
  location.hash = '#/login';
});

/** Goes where the user was before the log-in, or to the targets. */
export function afterLogIn() {
  const next = sessionStorage.getItem(NEXT_KEY);
  sessionStorage.removeItem(NEXT_KEY);
  location.hash = next && next !== '#/login' ? next : '#/targets';
}

function route() {
  if (leave) leave.abort();
  leave = new AbortController();
  const [path, query = ''] = location.hash.split('?');
  const loggedIn = Boolean(token());
  nav.hidden = !loggedIn;
  logoutButton.hidden = !loggedIn;
  if (!loggedIn && path !== '#/login') {
    sessionStorage.setItem(NEXT_KEY, location.hash);
    location.hash = '#/login';
    return;
  }
  for (const [pattern, view] of ROUTES) {
    const match = pattern.exec(path);
    if (!match) continue;
    const params = match.slice(1).filter((p) => p !== undefined && !p.startsWith('#')).map(decodeURIComponent);
    markCurrent(path);
    replace(main);
    const context = {
      signal: leave.signal,
      query: new URLSearchParams(query),
      message: view === login ? takeLoginMessage() : null,
      afterLogIn,
    };
    Promise.resolve(view.render(main, params, context)).catch((e) => {
      if (!leave.signal.aborted) console.error(e);
    });
    if (!view.focusSelf) focusHeading(main);
    return;
  }
  replace(main, notFound());
}

function takeLoginMessage() {
  const message = loginMessage;
  loginMessage = null;
  return message;
}

function markCurrent(path) {
  for (const a of nav.querySelectorAll('a')) {
    const target = a.getAttribute('href');
    const current = path === target || (target === '#/targets' && (path === '' || path === '#/'));
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function notFound() {
  const p = document.createElement('p');
  p.textContent = 'There is no such page.';
  return p;
}

window.addEventListener('hashchange', route);
route();
