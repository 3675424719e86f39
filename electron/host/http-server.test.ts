import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../core/open-backend';
import type { CallResult, ImportOutcome, LecternEvent } from '../shared/api';
import type { ArticleSummary } from '../shared/article';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import { MAX_REQUEST_BYTES } from '../shared/limits';
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
const ICO_BYTES = Buffer.from([0, 0, 1, 0, 1, 0, 16, 16]);

let backend: Backend | undefined;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'lectern-http-'));
  const rendererDir = join(base, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(join(rendererDir, 'a.js'), A_JS);
  await writeFile(join(base, 'secret.txt'), 'outside the renderer');
  await writeFile(join(base, 'icon.ico'), ICO_BYTES);
  backend = await openBackend(join(base, 'library'));
  shell = await startShellServer({
    dispatch: backend.dispatch,
    events: backend.events,
    libraryDir: () => join(base, 'library'),
    rendererDir,
    iconFile: join(base, 'icon.ico'),
    token: TOKEN,
  });
  origin = new URL(shell.url).origin;
  cookie = `lectern_token=${TOKEN}`;
});

afterAll(async () => {
  await shell?.close();
  await backend?.close();
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
      if (event.type !== 'library-changed') throw new Error(`unexpected event ${event.type}`);
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
  const LINK_NAME = 'abcdefabcdefabcd.png';
  let id = '';

  beforeAll(async () => {
    const imported = await callApi('importText', [{ text: 'Pictures\n\nA clip with an image.' }]);
    if (!imported.ok) throw new Error('import failed');
    id = (imported.value as { article: { id: string } }).article.id;
    await writeFile(join(base, 'library', 'articles', id, 'assets', NAME), PNG_BYTES);
    // An asset-named symlink inside assets/ that points out of the article folder.
    await symlink(join(base, 'secret.txt'), join(base, 'library', 'articles', id, 'assets', LINK_NAME));
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
    ['a parent segment', `/asset/${'ID'}/../article.json`],
    ['a parent segment for the article', `/asset/../${NAME}`],
    ['encoded dots', `/asset/${'ID'}/%2e%2e%2f%2e%2e%2flectern.json`],
    ['double-encoded traversal', `/asset/${'ID'}/%252e%252e%252farticle.json`],
    ['an encoded backslash', `/asset/${'ID'}/..%5carticle.json`],
    ['an absolute path', `/asset/${'ID'}//etc/passwd`],
    ['an encoded absolute path', `/asset/${'ID'}/%2Fetc%2Fpasswd`],
    ['a symlink in assets/ that leaves the article folder', `/asset/${'ID'}/${LINK_NAME}`],
  ])('refuses %s', async (_case, path) => {
    const answer = await request(path.replace('ID', id), { headers: { Cookie: cookie } });
    expect(answer.status).toBe(404);
    expect(answer.body.toString()).not.toContain('outside the renderer');
  });
});

/**
 * Bytes written straight to the socket, as a hostile page or program could: whatever
 * the server answers before it closes the connection (or within a few seconds).
 */
function raw(bytes: string | Buffer, options: { end?: boolean } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(origin).port), '127.0.0.1');
    let received = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(received);
    };
    const timer = setTimeout(done, 3000);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', done);
    socket.on('close', done);
    socket.write(bytes, () => {
      if (options.end) socket.end();
    });
  });
}

function statusOf(answer: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
}

/** The body of a raw answer, de-chunked when it came in chunks. */
function payloadOf(answer: string): Uint8Array {
  const split = answer.indexOf('\r\n\r\n');
  let body = answer.slice(split + 4);
  if (/\r\ntransfer-encoding: chunked\r\n/i.test(answer.slice(0, split + 2))) {
    let joined = '';
    for (;;) {
      const lineEnd = body.indexOf('\r\n');
      const size = parseInt(body.slice(0, lineEnd), 16);
      if (!size) break;
      joined += body.slice(lineEnd + 2, lineEnd + 2 + size);
      body = body.slice(lineEnd + 2 + size + 2);
    }
    body = joined;
  }
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

/** A frame in the wire format around arbitrary JSON bytes. */
function wireFrame(json: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([length, json]);
}

describe('malformed requests', () => {
  const host = () => new URL(origin).host;
  const call = (extra: string) =>
    `POST /api/call/listArticles HTTP/1.1\r\nHost: ${host()}\r\nCookie: ${cookie}\r\nOrigin: ${origin}\r\n${extra}`;
  const withBody = (body: Buffer) =>
    Buffer.concat([Buffer.from(call(`Content-Length: ${body.length}\r\nConnection: close\r\n\r\n`)), body]);

  it.each<[string, () => string | Buffer, (status: number, answer: string) => void]>([
    [
      'a target that is not a URL',
      () => `GET //[ HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n\r\n`,
      (s) => expect(s).toBe(403),
    ],
    [
      'a target with a lone percent',
      () => `GET //% HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n\r\n`,
      (s) => expect(s).toBe(403),
    ],
    [
      'an absolute target without a host',
      () => `GET http:// HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n\r\n`,
      (s) => expect(s).toBe(400),
    ],
    [
      'an absolute target with a bad port',
      () => `GET http://a:99999/ HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n\r\n`,
      (s) => expect(s).toBe(400),
    ],
    [
      'a broken percent escape in a call, with the token',
      () => call('Content-Length: 0\r\nConnection: close\r\n\r\n').replace('listArticles', '%E0%A4%A'),
      (s) => expect(s).toBe(400),
    ],
    [
      'a header line without a colon',
      () => `GET / HTTP/1.1\r\nHost: ${host()}\r\nNo colon here\r\n\r\n`,
      (s) => expect(s).toBe(400),
    ],
    [
      'a header over 16 KB',
      () => `GET / HTTP/1.1\r\nHost: ${host()}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      (s) => expect(s).toBe(431),
    ],
    [
      'a Content-Length that is not a number',
      () => call('Content-Length: twelve\r\n\r\n'),
      (s) => expect(s).toBe(400),
    ],
    [
      'two different Content-Lengths',
      () => call('Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!'),
      (s) => expect(s).toBe(400),
    ],
    [
      'a chunk size that is not hex',
      () => call('Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n'),
      (s) => expect([0, 400]).toContain(s),
    ],
    [
      'an unknown method',
      () => `FROBNICATE / HTTP/1.1\r\nHost: ${host()}\r\n\r\n`,
      (s) => expect(s).toBe(400),
    ],
    ['an HTTP/0.9 request line', () => 'GET /\r\n\r\n', (s) => expect(s).toBe(421)],
    [
      'an HTTP/1.1 request without Host',
      () => 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n',
      (s) => expect(s).toBe(400),
    ],
    ['an HTTP/1.0 request without Host', () => 'GET / HTTP/1.0\r\n\r\n', (s) => expect(s).toBe(421)],
    ['binary noise', () => Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10]), (s) => expect(s).toBe(400)],
  ])('answers %s and keeps serving', async (_label, bytes, check) => {
    const answer = await raw(bytes());
    check(statusOf(answer), answer);
    expect((await callApi('listArticles', [])).ok).toBe(true);
  });

  it('survives a body shorter than its Content-Length when the client hangs up', async () => {
    const answer = await raw(call('Content-Length: 1000\r\n\r\nshort'), { end: true });
    expect([0, 400]).toContain(statusOf(answer));
    expect((await callApi('listArticles', [])).ok).toBe(true);
  });

  it.each<[string, Buffer]>([
    ['a body of invalid JSON', wireFrame(Buffer.from('{"not": json'))],
    ['a body that is not UTF-8', wireFrame(Buffer.from([0xff, 0xfe, 0xc3, 0x28]))],
    ['a frame longer than its body', Buffer.from([0xff, 0xff, 0xff, 0xff, 0x7b])],
  ])('answers %s with invalid-argument', async (_label, body) => {
    const answer = await raw(withBody(body));
    expect(statusOf(answer)).toBe(200);
    expect(decodeWire(payloadOf(answer))).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect((await callApi('listArticles', [])).ok).toBe(true);
  });

  it('answers arguments of the wrong shape with invalid-argument', async () => {
    expect(await callApi('listArticles', { not: 'a list' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await callApi('importText', [{ text: 42 }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });
});

describe('request bodies', () => {
  const host = () => new URL(origin).host;
  const head = (extra: string) =>
    `POST /api/call/listArticles HTTP/1.1\r\nHost: ${host()}\r\nCookie: ${cookie}\r\nOrigin: ${origin}\r\n${extra}\r\n`;

  it('refuses a declared length over the cap with 413 before reading it, in the wire format', async () => {
    const answer = await raw(`${head(`Content-Length: ${MAX_REQUEST_BYTES + 1}\r\n`)}just a little`);
    expect(statusOf(answer)).toBe(413);
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    expect(decodeWire(payloadOf(answer))).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect((await callApi('listArticles', [])).ok).toBe(true);
  });

  it('gives back its slot for every broken large body, so large calls still go through', async () => {
    for (let i = 0; i < 4; i++) {
      await raw(`${head('Transfer-Encoding: chunked\r\n')}zz\r\nhello\r\n`);
      await raw(`${head(`Content-Length: ${2 * 1024 * 1024}\r\n`)}cut short`, { end: true });
    }
    const big = encodeWire([{ text: `Big clip\n\n${'words '.repeat(400_000)}` }]);
    expect(big.byteLength).toBeGreaterThan(2 * 1024 * 1024);
    const answer = await request('/api/call/importText', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: origin },
      body: big,
    });
    expect(answer.status).toBe(200);
    expect(decodeWire(new Uint8Array(answer.body))).toMatchObject({ ok: true });
  });
  it('gives back the slots of large bodies whose clients left while they waited', async () => {
    // Two slow uploads hold both slots; two more large calls wait, then break and go.
    const holders = [0, 1].map(() => {
      const socket = connect(Number(new URL(origin).port), '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write(`${head(`Content-Length: ${2 * 1024 * 1024}\r\n`)}the first part`);
      return socket;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await Promise.all([0, 1].map(() => raw(`${head('Transfer-Encoding: chunked\r\n')}zz\r\n`)));
    for (const socket of holders) socket.destroy();

    const big = encodeWire([{ text: `Another big clip\n\n${'words '.repeat(400_000)}` }]);
    const answer = await request('/api/call/importText', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: origin },
      body: big,
    });
    expect(answer.status).toBe(200);
  });
});

describe('the browser started by Lectern', () => {
  it('gets a one-use launch address that carries no token and sets the cookie once', async () => {
    const launch = new URL(shell.launchUrl());
    expect(launch.href).not.toContain(TOKEN);
    const path = `${launch.pathname}${launch.search}`;

    const first = await request(path);
    expect(first.status).toBe(200);
    expect(first.headers['set-cookie']).toEqual([
      `lectern_token=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`,
    ]);

    const again = await request(path);
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect((await request('/?launch=made-up')).status).toBe(403);
  });

  it('serves the app icon as the favicon, with the token like every route', async () => {
    const icon = await request('/favicon.ico', { headers: { Cookie: cookie } });
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toBe('image/x-icon');
    expect(icon.body.equals(ICO_BYTES)).toBe(true);
    expect((await request('/favicon.ico')).status).toBe(403);
  });
});
