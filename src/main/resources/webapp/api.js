// The app's only way to the ledger: the node's HTTP API with the signed-in bearer token.

const KEY = 'vbc-settle.token';

export function token() {
  return sessionStorage.getItem(KEY);
}

export function signIn(t) {
  sessionStorage.setItem(KEY, t.trim());
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

/** The token's claims (role, party, exp), read for display only: the node checks the signature. */
export function claims(t = token()) {
  if (!t) return null;
  const parts = t.split('.');
  if (parts.length !== 3) return null;
  try {
    const b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(b64 + '='.repeat((4 - b64.length % 4) % 4)),
      ch => '%' + ch.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    return JSON.parse(json);
  } catch (e) {
    return null;
  }
}

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem;
  }
}

async function call(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  const t = token();
  if (t) headers['Authorization'] = 'Bearer ' + t;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch (e) { json = null; }
  }
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

const enc = encodeURIComponent;

export const api = {
  contracts: () => call('GET', '/v1/contracts'),
  contract: id => call('GET', '/v1/contracts/' + enc(id)),
  totals: (id, period) => call('GET', '/v1/contracts/' + enc(id) + '/totals' + (period ? '?period=' + enc(period) : '')),
  statements: id => call('GET', '/v1/contracts/' + enc(id) + '/settlements'),
  payouts: id => call('GET', '/v1/contracts/' + enc(id) + '/payouts'),
  allPayouts: status => call('GET', '/v1/payouts' + (status ? '?status=' + enc(status) : '')),
  movePayout: (id, key, status) => call('POST', '/v1/contracts/' + enc(id) + '/payouts/' + enc(key) + '/status', { status }),
  settle: (id, request) => call('POST', '/v1/contracts/' + enc(id) + '/settlements', request),
};
