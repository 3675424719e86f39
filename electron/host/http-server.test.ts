import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../core/open-backend';
import type { CallResult, ImportOutcome, LecternEvent } from '../shared/api';
import type { ArticleSummary } from '../shared/article';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import { decodeWire, encodeWire } from '../shared/wire';
import { startShellServer, type ShellServer } from './http-server';

const TOKEN = 'a'.repeat(20) + 'right-token-0123456789';
const INDEX_HTML = '<!doctype html><title>Lectern</title><script src="/a.js"></script>';
const A_JS = 'console.log("renderer");';

let base: string;
let shell: ShellServer;
let origin: string;
let cookie: string;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request with Node's client, which (unlike fetch) lets a test set Host and Origin. */
function request(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: Uint8Array } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(
      `${origin}${path}`,
      { method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    call.on('error', reject);
    call.end(options.body);
  });
}

/** Calls an API method as the renderer does: same origin, token cookie, wire-encoded arguments. */
async function callApi(method: string, args: unknown, headers: Record<string, string> = {}) {
  const answer = await request(`/api/call/${method}`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/octet-stream', ...headers },
    body: encodeWire(args),
  });
  expect(answer.status).toBe(200);
  return decodeWire(new Uint8Array(answer.body)) as CallResult;
}

const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'lectern-http-'));
  const rendererDir = join(base, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(join(rendererDir, 'a.js'), A_JS);
  await writeFile(join(base, 'secret.txt'), 'outside the renderer');
  const backend = await openBackend(join(base, 'library'));
  shell = await startShellServer({
    dispatch: backend.dispatch,
    events: backend.events,
    libraryDir: join(base, 'library'),
    rendererDir,
    token: TOKEN,
  });
  origin = new URL(shell.url).origin;
  cookie = `lectern_token=${TOKEN}`;
});

afterAll(async () => {
  await shell?.close();
  await rm(base, { recursive: true, force: true });
});

describe('the browser shell server', () => {
  it('listens on loopback and prints an address carrying the token', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(new URL(shell.url).searchParams.get('token')).toBe(TOKEN);
  });

  it.each<[string, string, Record<string, string>]>([
    ['no token', '/', {}],
    ['a wrong token', '/?token=wrong', {}],
    ['a token that is one character short', `/?token=${TOKEN.slice(0, -1)}`, {}],
    ['a wrong cookie', '/', { Cookie: 'lectern_token=wrong' }],
    ['a cookie under another name', '/', { Cookie: `other=${TOKEN}` }],
    ['no token for a script', '/a.js', {}],
    ['no token for the API', '/api/events', {}],
  ])('refuses %s with 403', async (_label, path, headers) => {
    const answer = await request(path, { headers });
    expect(answer.status).toBe(403);
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect(answer.body.toString()).not.toContain('<!doctype html>');
  });

  it('serves the page for the right token, setting a strict HttpOnly cookie and the CSP', async () => {
    const answer = await request(`/?token=${TOKEN}`);

    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe(INDEX_HTML);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['set-cookie']).toEqual([
      `lectern_token=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`,
    ]);
    expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('serves files with the cookie alone, and the page for app routes', async () => {
    const script = await request('/a.js', { headers: { Cookie: cookie } });
    expect(script.status).toBe(200);
    expect(script.body.toString()).toBe(A_JS);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['set-cookie']).toBeUndefined();

    const route = await request('/article/0000000001-abcdefgh', { headers: { Cookie: cookie } });
    expect(route.status).toBe(200);
    expect(route.body.toString()).toBe(INDEX_HTML);

    const missing = await request('/missing.js', { headers: { Cookie: cookie } });
    expect(missing.status).toBe(404);
  });

  it.each([
    ['another host name', 'evil.example'],
    ['another host with the right port', 'evil.example:PORT'],
    ['localhost instead of 127.0.0.1', 'localhost:PORT'],
    ['the right address on another port', '127.0.0.1:1'],
  ])('refuses %s in the Host header with 421, even with the token', async (_label, badHost) => {
    const answer = await request(`/?token=${TOKEN}`, {
      headers: { Host: badHost.replace('PORT', new URL(origin).port), Cookie: cookie },
    });
    expect(answer.status).toBe(421);
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it.each<[string, Record<string, string>]>([
    ['a foreign Origin', { Origin: 'https://evil.example' }],
    ['a look-alike Origin', { Origin: 'http://127.0.0.1.evil.example' }],
    ['the null Origin', { Origin: 'null' }],
    ['no Origin', {}],
  ])('refuses an API call with %s with 403', async (_label, headers) => {
    const answer = await request('/api/call/listArticles', {
      method: 'POST',
      headers: { Cookie: cookie, ...headers },
      body: encodeWire([]),
    });
    expect(answer.status).toBe(403);
  });

  it('answers a same-origin API call in the wire format', async () => {
    expect(await callApi('listArticles', [])).toEqual({ ok: true, value: [] });
  });

  it('answers unknown methods and unreadable bodies with invalid-argument', async () => {
    const unknown = await callApi('dropDatabase', []);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });

    const garbled = await request('/api/call/listArticles', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: origin },
      body: Uint8Array.from([0, 0, 0, 99, 1]),
    });
    expect(garbled.status).toBe(200);
    expect(decodeWire(new Uint8Array(garbled.body))).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'Lectern received a request it could not read.' },
    });
  });

  it('refuses other methods and unknown API paths', async () => {
    const put = await request('/a.js', { method: 'PUT', headers: { Cookie: cookie } });
    expect(put.status).toBe(405);
    const getCall = await request('/api/call/listArticles', { headers: { Cookie: cookie, Origin: origin } });
    expect(getCall.status).toBe(404);
  });

  it('imports through the API and lists what it imported, files included', async () => {
    const clip = await callApi('importText', [{ text: 'Shell clip\n\nSaved through HTTP.' }]);
    expect(clip.ok).toBe(true);
    const clipOutcome = (clip as { value: ImportOutcome }).value;
    expect(clipOutcome).toMatchObject({ status: 'imported', article: { title: 'Shell clip' } });

    const bytes = new TextEncoder().encode('Shell file\n\nSent as bytes over the wire.');
    const files = await callApi('importFiles', [[{ name: 'note.txt', type: 'text/plain', bytes }]]);
    expect(files).toMatchObject({
      ok: true,
      value: [{ status: 'imported', input: 'note.txt', article: { title: 'Shell file' } }],
    });

    const listed = await callApi('listArticles', []);
    expect(listed.ok).toBe(true);
    const titles = (listed as { value: ArticleSummary[] }).value.map((article) => article.title);
    expect(titles).toContain('Shell clip');
    expect(titles).toContain('Shell file');
  });

  it('streams library-changed events to a same-origin listener', async () => {
    const events = await new Promise<IncomingMessage>((resolve, reject) => {
      const call = httpRequest(`${origin}/api/events`, { headers: { Cookie: cookie } }, resolve);
      call.on('error', reject);
      call.end();
    });
    try {
      expect(events.statusCode).toBe(200);
      expect(events.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      events.setEncoding('utf8');
      let received = '';
      const firstEvent = new Promise<LecternEvent>((resolve, reject) => {
        events.on('data', (chunk: string) => {
          received += chunk;
          const line = received.split('\n').find((item) => item.startsWith('data: '));
          if (line) resolve(JSON.parse(line.slice('data: '.length)) as LecternEvent);
        });
        events.on('error', reject);
      });
      // Wait for the stream to be registered before causing an event.
      await new Promise<void>((resolve) => {
        const check = () => (received.includes(': connected') ? resolve() : setTimeout(check, 5));
        check();
      });

      const outcome = await callApi('importText', [{ text: 'Evented clip\n\nBody.' }]);
      expect(outcome.ok).toBe(true);

      const event = await firstEvent;
      if (event.type !== 'library-changed') throw new Error(`unexpected ${event.type} event`);
      expect(event.changed.map((article) => article.title)).toEqual(['Evented clip']);
      expect(event.removed).toEqual([]);
    } finally {
      events.destroy();
    }
  });

  it('refuses a cross-site event stream', async () => {
    const answer = await request('/api/events', {
      headers: { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(answer.status).toBe(403);
  });

  it.each([
    '/..%2f..%2fetc%2fpasswd',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/a.js%00.html',
    '/../secret.txt',
  ])('does not serve files outside the renderer folder for %s', async (path) => {
    const answer = await request(path, { headers: { Cookie: cookie } });
    expect(answer.status).toBe(404);
    expect(answer.body.toString()).not.toContain('outside the renderer');
    expect(answer.body.toString()).not.toContain('root:');
  });
});

describe('article assets', () => {
  const NAME = '0123456789abcdef.png';
  let id = '';

  beforeAll(async () => {
    const imported = await callApi('importText', [{ text: 'Pictures\n\nA clip with an image.' }]);
    if (!imported.ok) throw new Error('import failed');
    id = (imported.value as { article: { id: string } }).article.id;
    await writeFile(join(base, 'library', 'articles', id, 'assets', NAME), PNG_BYTES);
  });

  it('serves a stored asset with an image type and a script-free policy', async () => {
    const answer = await request(`/asset/${id}/${NAME}`, { headers: { Cookie: cookie } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('image/png');
    expect(String(answer.headers['content-security-policy'])).toContain('sandbox');
    expect(Buffer.from(answer.body).equals(PNG_BYTES)).toBe(true);
  });

  it('needs the token like every other route', async () => {
    expect((await request(`/asset/${id}/${NAME}`)).status).toBe(403);
  });

  it.each([
    ['a name that is not an asset name', `/asset/${'ID'}/article.json`],
    ['encoded traversal', `/asset/${'ID'}/..%2Farticle.json`],
    ['a bad article id', `/asset/..%2F..%2Ftrash/${NAME}`],
    ['a missing asset', `/asset/${'ID'}/fedcba9876543210.png`],
  ])('refuses %s', async (_case, path) => {
    const answer = await request(path.replace('ID', id), { headers: { Cookie: cookie } });
    expect(answer.status).toBe(404);
  });
});
