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
    expect(await outbox.waiting()).toHaveLength(2);

    const lectern = await startLectern();
    const client = new LecternClient(lectern.port, 'token');
    const outcomes = await outbox.flush((c) => client.clip(c));
    expect(outcomes.map((o) => o.answer)).toEqual([
      { kind: 'ok', value: { status: 'saved', id: 'a-first', title: 'Story first' } },
      { kind: 'ok', value: { status: 'saved', id: 'a-second', title: 'Story second' } },
    ]);
    expect(await outbox.entries()).toEqual([]);
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

  it('holds a clip Lectern refused with Lectern’s reason, and never resends it by itself', async () => {
    const outbox = new Outbox(new MemoryArea(), () => 1_000);
    await outbox.add(clip('refused', 1));
    const lectern = await startLectern(400);
    const client = new LecternClient(lectern.port, 'token');
    expect(await outbox.send('refused', (c) => client.clip(c))).toEqual({
      kind: 'refused',
      message: 'Lectern saves only web pages (http or https).',
    });
    expect(await outbox.refused()).toMatchObject([
      {
        request: { requestId: 'refused', title: 'Story refused' },
        refused: { reason: 'Lectern saves only web pages (http or https).', at: 1_000 },
      },
    ]);
    expect(await outbox.waiting()).toEqual([]);

    let sends = 0;
    const counting = (c: QueuedClip) => {
      sends++;
      return client.clip(c);
    };
    expect(await outbox.flush(counting)).toEqual([]);
    expect(await outbox.send('refused', counting)).toBeNull();
    expect(sends).toBe(0);
  });

  it('holds a clip refused as too large, and goes on with the clips behind it', async () => {
    const outbox = new Outbox(new MemoryArea());
    await outbox.add(clip('huge', 1));
    await outbox.add(clip('small', 2));
    const received: string[] = [];
    const outcomes = await outbox.flush(async (c) => {
      received.push(c.request.requestId);
      return c.request.requestId === 'huge'
        ? { kind: 'refused', message: 'This clip is larger than Lectern accepts in one request.' }
        : { kind: 'ok', value: { status: 'saved', id: 'a-small', title: 'Story small', open: '' } };
    });
    expect(outcomes.map((o) => o.answer.kind)).toEqual(['refused', 'ok']);
    expect(received).toEqual(['huge', 'small']);
    expect((await outbox.entries()).map((e) => [e.request.requestId, e.refused?.reason])).toEqual([
      ['huge', 'This clip is larger than Lectern accepts in one request.'],
    ]);
  });

  it('sends a refused clip again once released, keeping its images, and forgets it once saved', async () => {
    const area = new MemoryArea();
    const outbox = new Outbox(area);
    const bytes = new Uint8Array([1, 2, 3]);
    await outbox.add(
      clip('again', 1, [{ part: 'image-0', type: 'image/png', base64: bytesToBase64(bytes) }]),
    );
    const refusing = await startLectern(422);
    await outbox.flush((c) => new LecternClient(refusing.port, 'token').clip(c));
    expect(await outbox.refused()).toHaveLength(1);

    await outbox.release('again');
    expect(await outbox.refused()).toEqual([]);
    const lectern = await startLectern();
    const outcomes = await outbox.flush((c) => new LecternClient(lectern.port, 'token').clip(c));
    expect(outcomes.map((o) => o.answer.kind)).toEqual(['ok']);
    expect(lectern.received[0]?.imageBytes).toEqual({ 'image-0': [...bytes] });
    expect(area.items.size).toBe(0);
  });

  it('a released clip Lectern refuses again is held again, with the new reason', async () => {
    const outbox = new Outbox(new MemoryArea());
    await outbox.add(clip('twice', 1));
    const reasons = ['First reason.', 'Second reason.'];
    const sender = async () => ({ kind: 'refused' as const, message: reasons.shift() as string });
    await outbox.flush(sender);
    await outbox.release('twice');
    await outbox.flush(sender);
    expect((await outbox.refused())[0]?.refused?.reason).toBe('Second reason.');
  });

  it('discards a clip for good, refused or waiting', async () => {
    const area = new MemoryArea();
    const outbox = new Outbox(area);
    await outbox.add(clip('refused', 1));
    await outbox.add(clip('waiting', 2));
    await outbox.send('refused', async () => ({ kind: 'refused', message: 'No.' }));
    await outbox.discard('refused');
    await outbox.discard('waiting');
    expect(area.items.size).toBe(0);
  });

  it('keeps a clip when the token is no longer accepted', async () => {
    const outbox = new Outbox(new MemoryArea());
    await outbox.add(clip('unpaired', 1));
    const lectern = await startLectern(401);
    const client = new LecternClient(lectern.port, 'revoked');
    expect(await outbox.send('unpaired', (c) => client.clip(c))).toMatchObject({ kind: 'unpaired' });
    expect(await outbox.waiting()).toHaveLength(1);
    expect(await outbox.refused()).toEqual([]);
  });
});
