// The dashboard's only way to the server: the public /v1 API with the user's bearer token.

const TOKEN = 'paas.token';
const EMAIL = 'paas.email';

/** An API failure as the error envelope describes it (or as close as a network failure allows). */
export class ApiError extends Error {
  constructor(status, code, message, requestId, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.details = details || [];
  }
}

// The token lives in sessionStorage: it survives a reload but not the closing of the tab.
export const session = {
  token: () => sessionStorage.getItem(TOKEN),
  email: () => sessionStorage.getItem(EMAIL),
  save(token, email) {
    sessionStorage.setItem(TOKEN, token);
    sessionStorage.setItem(EMAIL, email);
  },
  clear() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(EMAIL);
  },
};

/** Called when the server answers 401 to a signed-in request (expired or revoked token). */
let onUnauthorized = () => {};
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

/** Sends one request; resolves with the parsed JSON body (or null), rejects with an ApiError. */
export async function api(method, path, body, { signal } = {}) {
  const response = await send(method, path, body, { signal });
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** Like api(), but hands back the open Response so the caller can read a stream. */
export async function send(method, path, body, { signal, accept } = {}) {
  const headers = { Accept: accept || 'application/json' };
  const token = session.token();
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    throw new ApiError(0, 'network', `The server could not be reached (${e.message}).`, null);
  }
  if (!response.ok) {
    const error = await toError(response);
    if (response.status === 401 && token) {
      onUnauthorized(error);
    }
    throw error;
  }
  return response;
}

async function toError(response) {
  const requestId = response.headers.get('X-Request-Id');
  let envelope = null;
  try {
    envelope = (await response.json()).error;
  } catch {
    // not the JSON envelope (a proxy in between, say): fall back to the status line
  }
  if (envelope) {
    return new ApiError(response.status, envelope.code, envelope.message, envelope.request_id || requestId,
      envelope.details);
  }
  return new ApiError(response.status, 'http_' + response.status, `HTTP ${response.status} ${response.statusText}`,
    requestId);
}

/** Path segment escaping for ids and names taken from the page. */
export const seg = (value) => encodeURIComponent(value);
