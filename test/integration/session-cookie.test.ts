import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHarness, DEMO_PASSWORD, type Harness } from '../support/harness';
import { publishedDirectory, readyProposal, signIn } from '../support/fixtures';

/**
 * The web console's session (README, session handling): the login mutation sets the token in an
 * httpOnly, SameSite=Strict cookie; requests without an Authorization header are authenticated by
 * it; logout revokes the token and clears the cookie; a cross-site-style request is refused.
 */
describe('session cookie', () => {
  let h: Harness;
  const webDir = mkdtempSync(path.join(tmpdir(), 'yunhu-web-'));
  beforeAll(async () => {
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>console</title><div id="root"></div>');
    h = await startHarness({ env: { WEB_DIR: webDir } });
  });
  afterAll(() => h.close());

  const gql = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
  const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { expiresAt user { username } } }';

  async function cookieLogin(username = 'drafter') {
    const res = await gql(LOGIN, { u: username, p: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie();
    expect(setCookie).toHaveLength(1);
    const body = (await res.json()) as { data: { login: { expiresAt: string } } };
    return { setCookie: setCookie[0]!, cookie: setCookie[0]!.split(';')[0]!, expiresAt: body.data.login.expiresAt };
  }

  /** Ready proposals to hang materials on: one directory, one item each. */
  let owners: Promise<{ t: Record<string, string>; proposals: string[] }> | undefined;
  async function materialOwner(n: number) {
    owners ??= (async () => {
      const { tokens: t, dept } = await signIn(h, ['drafter', 'director']);
      const { items } = await publishedDirectory(h, t.director!, dept.JJFZ!, ['会话材料事项', '下载安全事项']);
      const proposals = [await readyProposal(h, t.drafter!, t.director!, items[0]!, '会话材料决策'), await readyProposal(h, t.drafter!, t.director!, items[1]!, '下载安全决策')];
      return { t, proposals };
    })();
    const { t, proposals } = await owners;
    return { t, proposalId: proposals[n]! };
  }

  it('login sets an httpOnly, SameSite=Strict cookie that lives as long as the token', async () => {
    const { setCookie, expiresAt } = await cookieLogin();
    expect(setCookie).toMatch(/^yunhu_session=[^;]+;/);
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Strict/i);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toMatch(/; Secure/i); // plain HTTP here; SESSION_COOKIE_SECURE=auto follows the request
    const maxAge = Number(/Max-Age=(\d+)/i.exec(setCookie)![1]);
    expect(maxAge).toBe(h.config.jwt.ttlSeconds);
    expect(new Date(/Expires=([^;]+)/i.exec(setCookie)![1]!).getTime()).toBe(Math.floor(new Date(expiresAt).getTime() / 1000) * 1000);
  });

  it('a wrong password sets no cookie', async () => {
    const res = await gql(LOGIN, { u: 'drafter', p: 'wrong-password' });
    expect(res.headers.getSetCookie()).toEqual([]);
    const body = (await res.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toContain('用户名或密码错误');
  });

  it('authenticates requests with the cookie; the Authorization header, when present, wins', async () => {
    const { cookie } = await cookieLogin('drafter');
    const me = await (await gql('{ me { username } }', {}, { cookie })).json();
    expect(me).toEqual({ data: { me: { username: 'drafter' } } });
    const advisor = await h.login('advisor');
    const both = await (await gql('{ me { username } }', {}, { cookie, authorization: `Bearer ${advisor}` })).json();
    expect(both).toEqual({ data: { me: { username: 'advisor' } } });
  });

  it('logout revokes the token and clears the cookie', async () => {
    const { cookie } = await cookieLogin('drafter');
    const res = await gql('mutation { logout { loggedOutAt } }', {}, { cookie });
    expect(res.status).toBe(200);
    const cleared = res.headers.getSetCookie();
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatch(/^yunhu_session=;/);
    expect(cleared[0]).toMatch(/Max-Age=0/i);
    // The old cookie (kept by an attacker, say) no longer works.
    const after = (await (await gql('{ me { username } }', {}, { cookie })).json()) as { errors: { extensions: { code: string } }[] };
    expect(after.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('logout by bearer token clears the session cookie too', async () => {
    const { cookie } = await cookieLogin('drafter2');
    const bearer = await h.login('drafter2');
    const res = await gql('mutation { logout { loggedOutAt } }', {}, { cookie, authorization: `Bearer ${bearer}` });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    const cleared = res.headers.getSetCookie();
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatch(/^yunhu_session=;/);
    expect(cleared[0]).toMatch(/Max-Age=0/i);
    // a plain API client's logout (no cookie sent) still tells a browser to drop any cookie
    const other = await h.login('drafter2');
    const plain = await gql('mutation { logout { loggedOutAt } }', {}, { authorization: `Bearer ${other}` });
    expect(plain.headers.getSetCookie()[0]).toMatch(/^yunhu_session=;.*Max-Age=0/i);
  });

  it('changeMyPassword renews the session cookie with the new token; the old cookie is refused', async () => {
    const { cookie } = await cookieLogin('filing');
    const CHANGE = 'mutation($input: ChangePasswordInput!) { changeMyPassword(input: $input) { token expiresAt } }';
    const res = await gql(CHANGE, { input: { currentPassword: DEMO_PASSWORD, newPassword: 'Renewed-Passw0rd-2026' } }, { cookie });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { changeMyPassword: { token: string; expiresAt: string } } };
    const renewed = res.headers.getSetCookie();
    expect(renewed).toHaveLength(1);
    expect(renewed[0]).toMatch(/; HttpOnly/i);
    expect(renewed[0]).toMatch(/; SameSite=Strict/i);
    const newCookie = renewed[0]!.split(';')[0]!;
    expect(newCookie).toBe(`yunhu_session=${body.data.changeMyPassword.token}`);
    expect(newCookie).not.toBe(cookie);
    expect(await (await gql('{ me { username } }', {}, { cookie: newCookie })).json()).toEqual({ data: { me: { username: 'filing' } } });
    const old = (await (await gql('{ me { username } }', {}, { cookie })).json()) as { errors: { extensions: { code: string } }[] };
    expect(old.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('logoutEverywhere clears the session cookie and every session of the user ends', async () => {
    const first = await cookieLogin('director');
    const second = await cookieLogin('director');
    const res = await gql('mutation { logoutEverywhere { loggedOutAt } }', {}, { cookie: first.cookie });
    expect(res.status).toBe(200);
    const cleared = res.headers.getSetCookie();
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatch(/^yunhu_session=;/);
    expect(cleared[0]).toMatch(/Max-Age=0/i);
    for (const cookie of [first.cookie, second.cookie]) {
      const after = (await (await gql('{ me { username } }', {}, { cookie })).json()) as { errors: { extensions: { code: string } }[] };
      expect(after.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a cross-site-style request: a simple text/plain POST without preflight headers', async () => {
    const { cookie } = await cookieLogin('drafter');
    const res = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie },
      body: JSON.stringify({ query: 'mutation { logout { loggedOutAt } }' }),
    });
    expect(res.status).toBe(400);
    // Nothing happened: the session still works.
    const me = await (await gql('{ me { username } }', {}, { cookie })).json();
    expect(me).toEqual({ data: { me: { username: 'drafter' } } });
    // A GET with the cookie cannot run a mutation either.
    const get = await fetch(`${h.url}?query=${encodeURIComponent('mutation { logout { loggedOutAt } }')}`, { headers: { cookie } });
    expect(get.status).toBe(400);
  });

  it('materials: downloads work with the cookie; a cookie upload needs the preflight header', async () => {
    const { proposalId } = await materialOwner(0);
    const { cookie } = await cookieLogin('drafter');
    const q = new URLSearchParams({ proposalId, kind: 'OTHER', title: '附件', fileName: '附件.pdf' }).toString();
    const body = Buffer.from('%PDF-1.7 session test');
    const refused = await fetch(`${h.baseUrl}/materials?${q}`, { method: 'POST', headers: { 'content-type': 'application/pdf', cookie }, body });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { extensions: { reason: string } }[] }).errors[0]!.extensions.reason).toBe('CSRF');
    const created = await fetch(`${h.baseUrl}/materials?${q}`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', cookie, 'apollo-require-preflight': 'true' },
      body,
    });
    expect(created.status).toBe(201);
    const { material } = (await created.json()) as { material: { downloadUrl: string } };
    const download = await fetch(new URL(material.downloadUrl, h.baseUrl), { headers: { cookie } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(body)).toBe(true);
    const anonymous = await fetch(new URL(material.downloadUrl, h.baseUrl));
    expect(anonymous.status).toBe(401);
  });

  it('materials: an uploaded HTML file downloads as an inert attachment, never as a page of this site', async () => {
    const { proposalId, t } = await materialOwner(1);
    const upload = async (fileName: string, type: string, content: string) => {
      const q = new URLSearchParams({ proposalId, kind: 'OTHER', title: fileName, fileName }).toString();
      const res = await fetch(`${h.baseUrl}/materials?${q}`, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${t.drafter}` }, body: content });
      expect(res.status).toBe(201);
      return ((await res.json()) as { material: { downloadUrl: string; mimeType: string } }).material;
    };
    const download = (m: { downloadUrl: string }) => fetch(new URL(m.downloadUrl, h.baseUrl), { headers: { authorization: `Bearer ${t.drafter}` } });
    const hostile = [
      ['page.html', 'text/html', '<!doctype html><script>fetch("/graphql")</script>'],
      ['image.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
      ['data.xml', 'application/xml', '<?xml version="1.0"?><a/>'],
      ['page.xhtml', 'application/xhtml+xml', '<html xmlns="http://www.w3.org/1999/xhtml"/>'],
      ['code.js', 'text/javascript', 'alert(1)'],
      ['code2.js', 'application/javascript', 'alert(1)'],
    ] as const;
    for (const [fileName, type, content] of hostile) {
      const m = await upload(fileName, type, content);
      expect(m.mimeType).toBe(type); // recorded as uploaded
      const res = await download(m);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(res.headers.get('content-security-policy')).toMatch(/\bsandbox\b/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toBe(content);
    }
    // a harmless type keeps its own, with the same guards
    const pdf = await download(await upload('a.pdf', 'application/pdf', '%PDF-1.7'));
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(pdf.headers.get('content-security-policy')).toMatch(/\bsandbox\b/);
    expect(pdf.headers.get('x-content-type-options')).toBe('nosniff');
    // a text material (no file) too
    const text = (await h.sql<{ id: string }>(`select id from material where owner_id = ? and file_name is null limit 1`, [proposalId]))[0]!;
    const plain = await download({ downloadUrl: `/materials/${text.id}` });
    expect(plain.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(plain.headers.get('content-security-policy')).toMatch(/\bsandbox\b/);
    expect(plain.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the console with history fallback and security headers; API paths keep their answers', async () => {
    const page = await fetch(`${h.baseUrl}/drafter/proposals/123`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    for (const accept of ['application/json', '*/*']) {
      const json = await fetch(`${h.baseUrl}/nothing-here`, { headers: { accept } });
      expect(json.status).toBe(404);
      expect(await json.json()).toEqual({ message: '未找到该地址，GraphQL 接口位于 /graphql' });
    }
    const browser = await fetch(`${h.baseUrl}/drafter`, { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(browser.status).toBe(200);
    expect((await fetch(`${h.baseUrl}/healthz`, { headers: { accept: 'text/html' } })).headers.get('content-type')).toMatch(/json/);
    const materials = await fetch(`${h.baseUrl}/materials/00000000-0000-4000-8000-000000000000`, { headers: { accept: 'text/html' } });
    expect(materials.headers.get('content-type')).toMatch(/json/);
  });

  it('says in Chinese how to build the console when it is not built', async () => {
    const bare = await startHarness({ env: { WEB_DIR: path.join(webDir, 'missing') } });
    try {
      const res = await fetch(`${bare.baseUrl}/`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('npm run build');
    } finally {
      await bare.close();
    }
  });
});
