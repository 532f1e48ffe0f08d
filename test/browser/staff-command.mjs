// A web-test-runner server command: the browser tests act as staff through the Node side.
// Staff routes never answer CORS (docs/staff-side.md), so a test page on another origin
// cannot call them itself; here the calls go from Node, as the token holder or as a
// signed-in officer or committee member (accounts made once per run by the first admin).
import { randomUUID } from 'node:crypto';

const ACCOUNT_PASSWORD = 'browser tests staff password 2026';

/**
 * @param {{ endpoint: string, token: string, adminEmail: string, adminPassword: string }} options
 */
export function staffCommandPlugin({ endpoint, token, adminEmail, adminPassword }) {
  /** @type {Map<string, Promise<{ cookie: string, csrf: string }>>} */
  const sessions = new Map();

  async function call(auth, method, path, body) {
    const headers = { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) };
    if (auth.token) headers.Authorization = `Bearer ${auth.token}`;
    else {
      headers.Cookie = auth.cookie;
      if (method !== 'GET') headers['X-CSRF-Token'] = auth.csrf;
    }
    const answer = await fetch(`${endpoint}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: answer.status, body: json };
  }

  async function signIn(email, password) {
    const answer = await fetch(`${endpoint}/v1/staff/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body = await answer.json();
    if (answer.status !== 200) throw new Error(`sign-in ${email}: ${answer.status} ${JSON.stringify(body)}`);
    const cookie = /(sila_staff=[^;]*)/.exec(answer.headers.get('set-cookie') ?? '')?.[1];
    return { cookie, csrf: body.csrfToken };
  }

  /** The admin makes the account; its temporary password is changed once, as a person would. */
  async function makeAccount(role) {
    const admin = await session('admin');
    const email = `${role}-${randomUUID().slice(0, 8)}@browser-tests.example`;
    const created = await call(admin, 'POST', '/v1/staff/accounts', { name: `${role} (browser tests)`, email, role });
    if (created.status !== 201) throw new Error(`create ${role}: ${created.status} ${JSON.stringify(created.body)}`);
    const first = await signIn(email, created.body.temporaryPassword);
    const changed = await call(first, 'POST', '/v1/staff/me/password', {
      current: created.body.temporaryPassword,
      next: ACCOUNT_PASSWORD,
    });
    if (changed.status !== 204) throw new Error(`password ${role}: ${changed.status} ${JSON.stringify(changed.body)}`);
    return signIn(email, ACCOUNT_PASSWORD);
  }

  function session(as) {
    if (!sessions.has(as)) sessions.set(as, as === 'admin' ? signIn(adminEmail, adminPassword) : makeAccount(as));
    return sessions.get(as);
  }

  return {
    name: 'sila-staff-command',
    async executeCommand({ command, payload }) {
      if (command !== 'sila-staff') return undefined;
      const { as = 'token', method = 'GET', path, body, withVersion = false } = payload;
      const auth = as === 'token' ? { token } : await session(as);
      let sent = body;
      if (withVersion) {
        // Case actions carry the version the actor saw (409 otherwise): read it first.
        const reference = /\/v1\/staff\/submissions\/([^/]+)\//.exec(path)?.[1];
        const current = await call(auth, 'GET', `/v1/staff/submissions/${reference}`);
        if (current.status !== 200) return current;
        sent = { ...body, version: current.body.version };
      }
      return call(auth, method, path, sent);
    },
  };
}
