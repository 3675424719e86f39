import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeWire } from '@shared/wire';
import { httpTransport, STREAM_OPEN_WAIT_MS } from './http-transport';

/** An EventSource that opens, fails or stays silent when the test says. */
class FakeEventSource extends EventTarget {
  static last: FakeEventSource | null = null;
  onmessage: ((message: MessageEvent<string>) => void) | null = null;
  constructor(readonly url: string) {
    super();
    FakeEventSource.last = this;
  }
}

function stubNetwork() {
  const fetched: string[] = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    return new Response(encodeWire({ ok: true, value: 'answer' }) as Uint8Array<ArrayBuffer>);
  });
  return fetched;
}

describe('httpTransport', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('holds calls until the event stream is open, so no change falls between an answer and the stream', async () => {
    const fetched = stubNetwork();
    const transport = httpTransport();
    const events: unknown[] = [];
    transport.onEvent((event) => events.push(event));
    const call = transport.call('listArticles', []);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fetched).toEqual([]);

    FakeEventSource.last?.dispatchEvent(new Event('open'));
    await expect(call).resolves.toEqual({ ok: true, value: 'answer' });
    expect(fetched).toEqual(['/api/call/listArticles']);

    FakeEventSource.last?.onmessage?.(
      new MessageEvent('message', { data: JSON.stringify({ type: 'library-settings-changed' }) }),
    );
    expect(events).toEqual([{ type: 'library-settings-changed' }]);
  });

  it('lets calls go when the stream fails, or has not opened after a while', async () => {
    const fetched = stubNetwork();
    const failing = httpTransport();
    failing.onEvent(() => undefined);
    const first = failing.call('listArticles', []);
    FakeEventSource.last?.dispatchEvent(new Event('error'));
    await expect(first).resolves.toEqual({ ok: true, value: 'answer' });

    vi.useFakeTimers();
    const silent = httpTransport();
    silent.onEvent(() => undefined);
    const second = silent.call('listTrash', []);
    await vi.advanceTimersByTimeAsync(STREAM_OPEN_WAIT_MS - 1);
    expect(fetched).toEqual(['/api/call/listArticles']);
    await vi.advanceTimersByTimeAsync(1);
    await expect(second).resolves.toEqual({ ok: true, value: 'answer' });
    expect(fetched).toEqual(['/api/call/listArticles', '/api/call/listTrash']);
  });
});
