import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LecternEvent } from '@shared/api';
import { encodeWire } from '@shared/wire';
import { httpTransport } from './http-transport';

/** An EventSource that opens, drops or delivers when the test says. */
class FakeEventSource {
  static last: FakeEventSource;
  onmessage: ((message: MessageEvent<string>) => void) | null = null;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
}

function setUp() {
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal(
    'fetch',
    async () => new Response(encodeWire({ ok: true, value: 'answer' }) as Uint8Array<ArrayBuffer>),
  );
  const transport = httpTransport();
  const events: LecternEvent[] = [];
  transport.onEvent((event) => events.push(event));
  return { transport, events, stream: FakeEventSource.last };
}

describe('httpTransport', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('answers calls without waiting for the event stream, and passes its events on', async () => {
    const { transport, events, stream } = setUp();
    await expect(transport.call('listArticles', [])).resolves.toEqual({ ok: true, value: 'answer' });
    stream.onopen?.();
    stream.onmessage?.(
      new MessageEvent('message', { data: JSON.stringify({ type: 'library-settings-changed' }) }),
    );
    expect(events.at(-1)).toEqual({ type: 'library-settings-changed' });
  });

  it('says nothing more when the stream opened before any answer', async () => {
    const { transport, events, stream } = setUp();
    stream.onopen?.();
    await transport.call('listArticles', []);
    expect(events).toEqual([]);
  });

  it('tells the window to fetch again when the stream opens after an answer that may predate it', async () => {
    const { transport, events, stream } = setUp();
    await transport.call('search', []);
    expect(events).toEqual([]);
    stream.onopen?.();
    expect(events).toEqual([{ type: 'events-resumed' }]);
  });

  it('tells the window to fetch again each time the stream comes back', () => {
    const { events, stream } = setUp();
    stream.onopen?.();
    stream.onerror?.();
    stream.onopen?.();
    stream.onerror?.();
    stream.onopen?.();
    expect(events).toEqual([{ type: 'events-resumed' }, { type: 'events-resumed' }]);
  });

  it('passes on a refusal the backend sent in the wire format, and calls anything else unreachable', async () => {
    const { transport } = setUp();
    const tooLarge = { ok: false, error: { code: 'too-large', message: 'That request is too large.' } };
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(encodeWire(tooLarge) as Uint8Array<ArrayBuffer>, {
          status: 413,
          headers: { 'Content-Type': 'application/octet-stream' },
        }),
    );
    await expect(transport.call('importFiles', [])).resolves.toEqual(tooLarge);
    vi.stubGlobal('fetch', async () => new Response('Not found.', { status: 404 }));
    await expect(transport.call('importFiles', [])).resolves.toMatchObject({
      ok: false,
      error: { code: 'transport-failed' },
    });
  });
});
