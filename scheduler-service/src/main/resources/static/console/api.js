// The dashboard's only way to the API: every call carries the token pasted at log-in (kept in sessionStorage, so it
// is gone when the tab closes). A 401 ends the session: the token is forgotten and the log-in page says why.

const TOKEN_KEY = 'bulwark.token';
const FORBIDDEN_KEY = 'bulwark.forbidden';

/** An answer other than 2xx: `status` (HTTP), `problem` (the RFC 9457 body, or null) and a readable message. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem;
  }

  /** The request field the server named as bad (problem `field`, or the first of `errors`), or null. */
  get field() {
    const p = this.problem;
    if (!p) return null;
    if (p.field) return p.field;
    if (Array.isArray(p.errors) && p.errors.length > 0) return p.errors[0].field ?? p.errors[0].name ?? null;
    return null;
  }
}

function describe(status, problem) {
  if (status === 403) return 'Your token may not do this (it needs a higher role).';
  if (status === 404 && !problem?.detail) return 'Not available on this server.';
  if (problem?.detail) return problem.detail;
  if (problem?.title) return problem.title;
  return 'The server answered ' + status + '.';
}

/** The token of this tab's session, or null. */
export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Starts a session with `value` (trimmed); a new session forgets which actions were refused. */
export function logIn(value) {
  sessionStorage.setItem(TOKEN_KEY, value.trim());
  sessionStorage.removeItem(FORBIDDEN_KEY);
}

/** Ends the session. */
export function logOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(FORBIDDEN_KEY);
}

/** Called with a message when the server refused the token (401); set by the app. */
let onUnauthorized = () => {};

/** Sets what happens when the token is refused. */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

/** True when the API answered 403 to `action` (e.g. "request-backup") earlier in this session. */
export function forbidden(action) {
  return JSON.parse(sessionStorage.getItem(FORBIDDEN_KEY) ?? '[]').includes(action);
}

/** Remembers, for this session, that `action` is refused to this token. */
export function markForbidden(action) {
  const list = JSON.parse(sessionStorage.getItem(FORBIDDEN_KEY) ?? '[]');
  if (!list.includes(action)) list.push(action);
  sessionStorage.setItem(FORBIDDEN_KEY, JSON.stringify(list));
}

/**
 * Calls the API. path: from the server's root ("/api/backups?limit=5"), resolved next to the page's folder. options: method, body (sent as JSON),
 * accept ("json" or "text"), signal. Resolves with the parsed body (null for 204); rejects with ApiError for any
 * other status (after ending the session on 401) and with the fetch error when the server cannot be reached.
 */
export async function api(path, { method = 'GET', body, accept = 'json', signal } = {}) {
  const headers = { Accept: accept === 'json' ? 'application/json' : 'text/html' };
  const current = token();
  if (current) headers.Authorization = 'Bearer ' + current;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  // relative to the page (/console/), so that the dashboard works behind a path prefix too
  const response = await fetch(new URL('..' + path, document.baseURI), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
    cache: 'no-store',
    credentials: 'omit',
  });
  if (response.status === 401) {
    logOut();
    onUnauthorized('The token is missing or expired.');
    throw new ApiError(401, null);
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      problem = null;
    }
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return null;
  return accept === 'json' ? response.json() : response.text();
}

/** Like api(), but resolves with null when the endpoint answers 404 (not on this server, or nothing there). */
export async function optional(path, options) {
  try {
    return await api(path, options);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}
