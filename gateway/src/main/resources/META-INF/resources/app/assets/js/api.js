// The services' APIs through the gateway's backend-for-frontend: the session cookie (HttpOnly, never
// readable here) authenticates; changes echo the XSRF-TOKEN cookie in X-XSRF-TOKEN. The page never
// sees an access token.

const RETURN_KEY = 'prevention.return';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

function csrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.slice('XSRF-TOKEN='.length)) : '';
}

/** Sends the browser to the login page, coming back to the same view afterwards. */
export function signIn() {
  sessionStorage.setItem(RETURN_KEY, location.hash);
  location.assign(`/bff/login?redirect=${encodeURIComponent('/app/')}`);
}

/** Where to go back to after signing in, once. */
export function takeReturnHash() {
  const hash = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  return hash;
}

async function send(method, url, body, headers = {}) {
  const options = { method, credentials: 'same-origin', headers: { Accept: 'application/json, application/problem+json', ...headers } };
  if (method !== 'GET') {
    options.headers['X-XSRF-TOKEN'] = csrfToken();
  }
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, options);
  } catch (e) {
    throw new ApiError(0, null);
  }
  const type = response.headers.get('Content-Type') || '';
  const json = type.includes('json') ? await response.json().catch(() => null) : null;
  if (response.status === 401) {
    signIn();
    throw new ApiError(401, json);
  }
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

/** The signed-in user (username, name, roles, agency, region); sets a fresh CSRF cookie. */
export function session() {
  return send('GET', '/bff/session');
}

/** GET /api/<service>/v1/<path> through the session. */
export function get(service, path) {
  return send('GET', `/bff/api/${service}/v1/${path}`);
}

export function post(service, path, body, headers) {
  return send('POST', `/bff/api/${service}/v1/${path}`, body === undefined ? {} : body, headers);
}

export function put(service, path, body) {
  return send('PUT', `/bff/api/${service}/v1/${path}`, body);
}

/** A link the browser may open directly (the session cookie goes with it). */
export function href(service, path) {
  return `/bff/api/${service}/v1/${path}`;
}
