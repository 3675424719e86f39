import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort } from '../../testing/closed-port';
import type { ClipRequest } from '../../../electron/shared/clip-protocol';
import { bytesToBase64 } from '../base64';
import { LecternClient, type QueuedClip } from './lectern-client';
import { Outbox, type StorageArea } from './outbox';

/** chrome.storage.local's behaviour that matters here: values are stored as JSON copies. */
class MemoryArea implements StorageArea {
  readonly items = new Map<string, string>();

  async get(keys: string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys ?? [...this.items.keys()];
    return Object.fromEntries(
      wanted
        .filter((key) => this.items.has(key))
        .map((key) => [key, JSON.parse(this.items.get(key) as string)]),
    );
  }

  async set(items: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(items)) this.items.set(key, JSON.stringify(value));
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const key of [keys].flat()) this.items.delete(key);
  }
}

interface Received {
  request: ClipRequest;
  imageBytes: Record<string, number[]>;
}

/** A stand-in for Lectern's clip endpoint that remembers request ids, as the real one does. */
async function startLectern(status = 200): Promise<{ port: number; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const seen = new Set<string>();
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const form = await new Request('http://127.0.0.1/clip', {
      method: 'POST',
      headers: { 'content-type': request.headers['content-type'] ?? '' },
      body: Buffer.concat(chunks),
    }).formData();
    const clip = JSON.parse(form.get('clip') as string) as ClipRequest;
    const imageBytes: Record<string, number[]> = {};
    for (const image of clip.images) {
      imageBytes[image.part] = [...new Uint8Array(await (form.get(image.part) as Blob).arrayBuffer())];
    }
    const duplicate = seen.has(clip.requestId);
    if (!duplicate && status === 200) {
      seen.add(clip.requestId);
      received.push({ request: clip, imageBytes });
    }
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify(
        status === 200
          ? { status: duplicate ? 'duplicate' : 'saved', id: `a-${clip.requestId}`, title: clip.title }
          : { error: { code: 'bad-url', message: 'Lectern saves only web pages (http or https).' } },
      ),
    );
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, received, server };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function clip(requestId: string, queuedAt: number, images: QueuedClip['images'] = []): QueuedClip {
  return {
    request: {
      requestId,
      kind: 'page',
      url: `https://news.example/${requestId}`,
      title: `Story ${requestId}`,
      html: '<p>Text</p>',
      images: images.map((image) => ({ url: `https://news.example/${image.part}.png`, part: image.part })),
      tags: [],
      state: 'inbox',
      note: '',
    },
    images,
    queuedAt,
  };
}

describe('Outbox', () => {
  it('keeps clips while Lectern is away and sends each once, oldest first, when it is back', async () => {
    const outbox = new Outbox(new MemoryArea());
    await outbox.add(clip('second', 2));
    await outbox.add(clip('first', 1));

    const away = new LecternClient(await closedPort(), 'token');
    expect(await outbox.flush((c) => away.clip(c))).toMatchObject([{ answer: { kind: 'unreachable' } }]);
    expect(await outbox.count()).toBe(2);

    const lectern = await startLectern();
    const client = new LecternClient(lectern.port, 'token');
    const outcomes = await outbox.flush((c) => client.clip(c));
    expect(outcomes.map((o) => o.answer)).toEqual([
      { kind: 'ok', value: { status: 'saved', id: 'a-first', title: 'Story first' } },
      { kind: 'ok', value: { status: 'saved', id: 'a-second', title: 'Story second' } },
    ]);
    expect(await outbox.count()).toBe(0);
    expect(await outbox.flush((c) => client.clip(c))).toEqual([]);
    expect(lectern.received.map((r) => r.request.requestId)).toEqual(['first', 'second']);
  });

  it('sends a clip only once when two flushes run together', async () => {
    const outbox = new Outbox(new MemoryArea());
    await outbox.add(clip('only', 1));
    const lectern = await startLectern();
    const client = new LecternClient(lectern.port, 'token');
    let sends = 0;
    const sender = (c: QueuedClip) => {
      sends++;
      return client.clip(c);
    };
    await Promise.all([outbox.flush(sender), outbox.flush(sender), outbox.send('only', sender)]);
    expect(sends).toBe(1);
    expect(lectern.received).toHaveLength(1);
  });

  it('carries image bytes as multipart parts named in the request', async () => {
    const outbox = new Outbox(new MemoryArea());
    const bytes = new Uint8Array([137, 80, 78, 71, 0, 255]);
    await outbox.add(
      clip('with-image', 1, [{ part: 'image-0', type: 'image/png', base64: bytesToBase64(bytes) }]),
    );
    const lectern = await startLectern();
    const client = new LecternClient(lectern.port, 'token');
    await outbox.flush((c) => client.clip(c));
    expect(lectern.received[0]?.imageBytes).toEqual({ 'image-0': [...bytes] });
  });

  it('drops a clip Lectern refused, with Lectern’s reason', async () => {
    const outbox = new Outbox(new MemoryArea());
    await outbox.add(clip('refused', 1));
    const lectern = await startLectern(400);
    const client = new LecternClient(lectern.port, 'token');
    expect(await outbox.send('refused', (c) => client.clip(c))).toEqual({
      kind: 'refused',
      message: 'Lectern saves only web pages (http or https).',
    });
    expect(await outbox.count()).toBe(0);
  });

  it('keeps a clip when the token is no longer accepted', async () => {
    const outbox = new Outbox(new MemoryArea());
    await outbox.add(clip('unpaired', 1));
    const lectern = await startLectern(401);
    const client = new LecternClient(lectern.port, 'revoked');
    expect(await outbox.send('unpaired', (c) => client.clip(c))).toMatchObject({ kind: 'unpaired' });
    expect(await outbox.count()).toBe(1);
  });
});
