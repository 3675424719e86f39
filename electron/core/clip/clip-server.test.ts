import { readdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClipRequest } from '../../shared/clip-protocol';
import { MAX_CLIP_BYTES } from '../../shared/clip-protocol';
import type { LecternEvent } from '../../shared/api';
import { useBackend } from '../fixtures/backend-folder';
import { pngBytes } from '../import/fixtures/images';
import { startTestSite } from '../import/fixtures/web-server';
import type { Backend } from '../open-backend';
import { startClipEndpoint, type ClipEndpoint } from './clip-endpoint';
import { MAX_PENDING } from './pairings';
import { clipBody, pageClip, send, type SendOptions } from './fixtures/clip-requests';

const folder = useBackend();
let endpoint: ClipEndpoint;
let port: number;

async function start(backend: Backend) {
  endpoint = await startClipEndpoint(backend, { ports: [0] });
  if (endpoint.status.state !== 'listening') throw new Error('the endpoint did not start');
  port = endpoint.status.port;
}

beforeEach(() => start(folder.backend));
afterEach(() => endpoint.close());

const EXTENSION = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION}`;

async function pairAndAllow(origin = EXTENSION_ORIGIN): Promise<string> {
  const started = await send(port, '/pair', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ browser: 'Chrome', extensionId: new URL(origin).host }),
  });
  const { pairingId } = started.body as { pairingId: string };
  await folder.backend.service.allowClipper(pairingId);
  const polled = await send(port, `/pair/${pairingId}`, { headers: { Origin: origin } });
  return (polled.body as { token: string }).token;
}

function postClip(
  clip: ClipRequest,
  token: string,
  images: Record<string, Uint8Array> = { 'image-0': pngBytes(40) },
  extra: SendOptions['headers'] = {},
) {
  const { body, contentType } = clipBody(clip, images);
  return send(port, '/clip', {
    method: 'POST',
    headers: {
      'Content-Type': contentType,
      Authorization: `Bearer ${token}`,
      Origin: EXTENSION_ORIGIN,
      ...extra,
    },
    body,
  });
}

describe('GET /ping', () => {
  it('says that Lectern is there and nothing else', async () => {
    const answer = await send(port, '/ping');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ app: 'lectern', protocol: 1 });
  });
});

describe('caller guards', () => {
  it('refuses a Host that is not 127.0.0.1 or localhost with the port (DNS rebinding)', async () => {
    expect((await send(port, '/ping', { headers: { Host: `attacker.example:${port}` } })).status).toBe(421);
    expect((await send(port, '/ping', { headers: { Host: '127.0.0.1:1' } })).status).toBe(421);
    expect((await send(port, '/ping', { headers: { Host: `localhost:${port}` } })).status).toBe(200);
  });

  it('refuses a web page’s Origin, and answers CORS only for an extension’s', async () => {
    const web = await send(port, '/ping', { headers: { Origin: 'https://evil.example' } });
    expect(web.status).toBe(403);
    expect(web.headers['access-control-allow-origin']).toBeUndefined();
    expect((await send(port, '/ping', { headers: { Origin: 'null' } })).status).toBe(403);
    const extension = await send(port, '/ping', { headers: { Origin: EXTENSION_ORIGIN } });
    expect(extension.status).toBe(200);
    expect(extension.headers['access-control-allow-origin']).toBe(EXTENSION_ORIGIN);
    const firefox = await send(port, '/ping', { headers: { Origin: 'moz-extension://1234-abcd' } });
    expect(firefox.headers['access-control-allow-origin']).toBe('moz-extension://1234-abcd');
    expect((await send(port, '/ping')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses Sec-Fetch-Site: cross-site unless the Origin is an extension’s', async () => {
    expect((await send(port, '/ping', { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
    const extension = await send(port, '/ping', {
      headers: { 'Sec-Fetch-Site': 'cross-site', Origin: EXTENSION_ORIGIN },
    });
    expect(extension.status).toBe(200);
  });

  it('answers a preflight only for an extension’s origin, never with a wildcard', async () => {
    const preflight = (origin: string) =>
      send(port, '/clip', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    expect((await preflight('https://evil.example')).status).toBe(403);
    const allowed = await preflight(EXTENSION_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(EXTENSION_ORIGIN);
    expect(allowed.headers['access-control-allow-headers']).toContain('Authorization');
  });

  it('takes only JSON or multipart bodies, so no simple request gets through', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const answer = await send(port, '/pair', {
        method: 'POST',
        headers: { 'Content-Type': type },
        body: JSON.stringify({ browser: 'Chrome', extensionId: EXTENSION }),
      });
      expect(answer.status).toBe(415);
    }
    const token = await pairAndAllow();
    const asForm = await send(port, '/clip', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${token}` },
      body: JSON.stringify(pageClip()),
    });
    expect(asForm.status).toBe(415);
  });
});

describe('pairing', () => {
  it('shows a code in the window, and hands the token out once when allowed', async () => {
    const events: LecternEvent[] = [];
    folder.backend.events.subscribe((event) => events.push(event));
    const started = await send(port, '/pair', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: EXTENSION_ORIGIN },
      body: JSON.stringify({ browser: 'Chrome', extensionId: EXTENSION }),
    });
    const { pairingId, code } = started.body as { pairingId: string; code: string };
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    expect(events).toContainEqual({ type: 'clipper-changed' });
    const { pending } = await folder.backend.service.listClippers();
    expect(pending).toEqual([
      expect.objectContaining({ pairingId, code, browser: 'Chrome', extensionId: EXTENSION }),
    ]);
    expect((await send(port, `/pair/${pairingId}`)).body).toEqual({ status: 'pending' });

    await folder.backend.service.allowClipper(pairingId);
    const allowed = (await send(port, `/pair/${pairingId}`)).body as { status: string; token: string };
    expect(allowed.status).toBe('allowed');
    expect(allowed.token.length).toBeGreaterThanOrEqual(40);
    expect((await send(port, `/pair/${pairingId}`)).body).toEqual({ status: 'expired' });
    const { paired } = await folder.backend.service.listClippers();
    expect(paired).toEqual([
      expect.objectContaining({ browser: 'Chrome', extensionId: EXTENSION, lastUsedAt: null }),
    ]);
  });

  it('tells a denied extension so', async () => {
    const started = await send(port, '/pair', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ browser: 'Firefox', extensionId: 'clipper@lectern' }),
    });
    const { pairingId } = started.body as { pairingId: string };
    await folder.backend.service.denyClipper(pairingId);
    expect((await send(port, `/pair/${pairingId}`)).body).toEqual({ status: 'denied' });
    expect((await folder.backend.service.listClippers()).paired).toEqual([]);
  });

  it('refuses an extension claiming another’s id, and more than a few waiting requests', async () => {
    const lying = await send(port, '/pair', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: EXTENSION_ORIGIN },
      body: JSON.stringify({ browser: 'Chrome', extensionId: 'someoneelse' }),
    });
    expect(lying.status).toBe(403);
    const ask = () =>
      send(port, '/pair', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ browser: 'Chrome', extensionId: EXTENSION }),
      });
    for (let i = 0; i < MAX_PENDING; i++) expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(429);
  });
});

describe('tokens', () => {
  it('refuses /tags and /clip without a token, and answers tags with one', async () => {
    expect((await send(port, '/tags')).status).toBe(401);
    expect((await postClip(pageClip(), 'not-a-token')).status).toBe(401);
    const token = await pairAndAllow();
    const tags = await send(port, '/tags', { headers: { Authorization: `Bearer ${token}` } });
    expect(tags).toMatchObject({ status: 200, body: { tags: [] } });
  });

  it('refuses a revoked token at once', async () => {
    const token = await pairAndAllow();
    const [browser] = (await folder.backend.service.listClippers()).paired;
    await folder.backend.service.revokeClipper(browser?.id ?? '');
    const refused = await send(port, '/tags', { headers: { Authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(401);
    expect((refused.body as { error: { message: string } }).error.message).toMatch(/pair it again/);
  });

  it('refuses a token sent by another extension than the one it was given to', async () => {
    const token = await pairAndAllow();
    const other = await send(port, '/tags', {
      headers: { Authorization: `Bearer ${token}`, Origin: 'chrome-extension://otherextensionid' },
    });
    expect(other.status).toBe(401);
  });
});

describe('POST /clip', () => {
  let token = '';
  beforeEach(async () => {
    token = await pairAndAllow();
  });

  it('saves a page with its image part in assets/, its tags, state and note, and says so to every window', async () => {
    const events: LecternEvent[] = [];
    folder.backend.events.subscribe((event) => events.push(event));
    const clip = pageClip({ tags: ['nature', 'to read'], state: 'archive', note: 'For the weekend.' });
    const answer = await postClip(clip, token);
    expect(answer.status).toBe(200);
    const { id, status, title, open } = answer.body as {
      id: string;
      status: string;
      title: string;
      open: string;
    };
    expect({ status, title }).toEqual({ status: 'saved', title: 'Watching the tide' });
    // The desktop app's link, unless the shell names its own address (the browser shell does).
    expect(open).toBe(`lectern://open?id=${id}`);
    const article = await folder.backend.service.getArticle(id);
    expect(article.meta).toMatchObject({
      url: clip.url,
      tags: ['nature', 'to read'],
      status: 'archived',
      note: 'For the weekend.',
    });
    const assets = await readdir(join(folder.dir, 'articles', id, 'assets'));
    expect(assets).toHaveLength(1);
    expect(article.html).toContain(`assets/${assets[0]}`);
    expect(events).toContainEqual({
      type: 'clip-saved',
      outcome: expect.objectContaining({ status: 'imported' }),
    });
    const changes = events.filter((event) => event.type === 'library-changed');
    expect(changes).toHaveLength(1);
    expect((await folder.backend.service.listClippers()).paired[0]?.lastUsedAt).not.toBeNull();
  });

  it('names the address that opens the article in the shell that saved it', async () => {
    await endpoint.close();
    endpoint = await startClipEndpoint(
      folder.backend,
      { ports: [0] },
      {
        articleAddress: (id) => `http://127.0.0.1:5000/#/article/${id}`,
      },
    );
    if (endpoint.status.state !== 'listening') throw new Error('the endpoint did not start');
    port = endpoint.status.port;
    const saved = (await postClip(pageClip(), token)).body as { id: string; open: string };
    expect(saved.open).toBe(`http://127.0.0.1:5000/#/article/${saved.id}`);
    const again = (await postClip(pageClip(), token)).body as { status: string; open: string };
    expect(again).toMatchObject({ status: 'duplicate', open: saved.open });
  });

  it('answers a resent request id, even after a restart, and an address already saved, as duplicate', async () => {
    const clip = pageClip();
    const first = (await postClip(clip, token)).body as { id: string };
    expect((await postClip(clip, token)).body).toMatchObject({ status: 'duplicate', id: first.id });
    expect((await postClip(pageClip(), token)).body).toMatchObject({ status: 'duplicate', id: first.id });

    await endpoint.close();
    await folder.backend.close();
    await start(await folder.reopen());
    const moved = { ...clip, url: 'https://news.example/elsewhere' };
    expect((await postClip(moved, token)).body).toMatchObject({ status: 'duplicate', id: first.id });
    expect(folder.backend.library.list()).toHaveLength(1);
  });

  it('stores image parts named by a relative address, data-src or srcset, however many', async () => {
    const base = pageClip();
    const count = 45;
    const figures = Array.from(
      { length: count },
      (_, i) => `<figure><img src="/img/${i}.png" alt="Picture ${i}"></figure>`,
    );
    const lazy =
      '<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="https://cdn.example/lazy.png" alt="Lazy"></figure>';
    const sized =
      '<figure><img srcset="https://cdn.example/small.png 300w, https://cdn.example/large.png 1200w" alt="Sized"></figure>';
    const html = base.html?.replace('</article>', `${figures.join('')}${lazy}${sized}</article>`);
    const images = [
      ...figures.map((_, i) => ({ url: `https://news.example/img/${i}.png`, part: `figure-${i}` })),
      { url: 'https://cdn.example/lazy.png', part: 'lazy' },
      { url: 'https://cdn.example/large.png', part: 'large' },
    ];
    const parts: Record<string, Uint8Array> = Object.fromEntries(
      figures.map((_, i) => [`figure-${i}`, pngBytes(100 + i)]),
    );
    parts.lazy = pngBytes(200);
    parts.large = pngBytes(201);
    parts['image-0'] = pngBytes(40);
    const answer = await postClip({ ...base, html, images: [...base.images, ...images] }, token, parts);
    const { id } = answer.body as { id: string };
    const assets = await readdir(join(folder.dir, 'articles', id, 'assets'));
    expect(assets).toHaveLength(count + 3);
    const { html: stored } = await folder.backend.service.getArticle(id);
    expect(stored).not.toMatch(/cdn\.example|news\.example\/img/);
  });

  it('saves a selection as a selection clip', async () => {
    const clip = pageClip({
      kind: 'selection',
      url: 'https://news.example/selection',
      title: 'A passage',
      html: '<p>Only this passage was selected, with its <em>emphasis</em> kept.</p>',
      images: [],
    });
    const answer = (await postClip(clip, token, {})).body as { id: string; status: string };
    expect(answer.status).toBe('saved');
    const article = await folder.backend.service.getArticle(answer.id);
    expect(article.meta).toMatchObject({ title: 'A passage', url: clip.url, source: { kind: 'clip' } });
    expect(article.html).toContain('<em>emphasis</em>');
  });

  it('saves a link as a dropped link is saved, fetching its page', async () => {
    const site = await startTestSite();
    try {
      const clip = pageClip({
        kind: 'link',
        url: site.url('/good'),
        title: '',
        html: undefined,
        images: [],
        tags: ['ferries'],
      });
      const answer = (await postClip(clip, token, {})).body as { id: string; status: string; title: string };
      expect(answer).toMatchObject({ status: 'saved', title: 'Ferry Letters' });
      const article = await folder.backend.service.getArticle(answer.id);
      expect(article.meta).toMatchObject({
        source: { kind: 'html' },
        tags: ['ferries'],
        url: site.url('/good'),
      });
    } finally {
      await site.close();
    }
  });

  it('refuses an address that is not http(s), and a part the clip names but does not hold', async () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.com/x']) {
      const answer = await postClip(pageClip({ url }), token);
      expect(answer.status).toBe(400);
      expect((answer.body as { error: { message: string } }).error.message).toMatch(/url/);
    }
    expect((await postClip(pageClip(), token, {})).status).toBe(400);
  });

  it('refuses a body over the cap with a clear 413, before reading it', async () => {
    const answer = await send(port, '/clip', {
      method: 'POST',
      headers: {
        'Content-Type': 'multipart/form-data; boundary=x',
        'Content-Length': MAX_CLIP_BYTES + 1,
        Authorization: `Bearer ${token}`,
      },
    }).catch((error: Error) => error);
    if (answer instanceof Error) throw answer;
    expect(answer.status).toBe(413);
    expect((answer.body as { error: { message: string } }).error.message).toMatch(/64 MB/);
  });

  it('answers malformed clips with 400 and goes on serving', async () => {
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'multipart/form-data; boundary=b' };
    const bodies = [
      '',
      'garbage',
      '--b\r\nno header\r\n\r\nx\r\n--b--',
      '--b\r\nContent-Disposition: form-data; name="clip"\r\n\r\n{not json\r\n--b--',
    ];
    for (const body of bodies) {
      expect((await send(port, '/clip', { method: 'POST', headers, body })).status).toBe(400);
    }
    const noBoundary = await send(port, '/clip', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'multipart/form-data' },
      body: 'x',
    });
    expect(noBoundary.status).toBe(400);
    expect((await send(port, '/ping')).status).toBe(200);
  });
});

describe('malformed requests', () => {
  it('answers what Node’s parser refuses with a raw 400, and goes on serving', async () => {
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write('GET /ping HTTP/1.1\r\nno colon here\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(raw).toMatch(/^HTTP\/1.1 400/);
    expect((await send(port, '/ping')).status).toBe(200);
    expect((await send(port, '/nothing-here')).status).toBe(404);
    expect((await send(port, '/clip')).status).toBe(405);
  });
});
