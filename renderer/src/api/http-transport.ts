/**
 * The browser shell's side of the HTTP transport (electron/host/http-server.ts):
 * calls are POSTs carrying the wire format, events arrive over Server-Sent
 * Events. The token cookie set with the first page authenticates both.
 *
 * Calls wait until the event stream is open: the backend counts a window in
 * from then on, so a change made between a call's answer and the stream
 * opening (another window's import finishing) would otherwise never reach
 * this window, which would show the answer without it until reloaded.
 */
import type { ApiMethod, CallResult, LecternEvent } from '@shared/api';
import type { Transport } from '@shared/client';
import { decodeWire, encodeWire } from '@shared/wire';

const UNREACHABLE: CallResult = {
  ok: false,
  error: {
    code: 'transport-failed',
    message: 'Lectern’s backend is not answering. If you closed it, start Lectern again.',
  },
};

const KEEPALIVE_MAX_BYTES = 60_000;
/** A stream that cannot open does not hold calls back longer than this. */
export const STREAM_OPEN_WAIT_MS = 2000;

export function httpTransport(): Transport {
  const listeners = new Set<(event: LecternEvent) => void>();
  let streamOpen: Promise<void> | null = null;

  function connect(): Promise<void> {
    const source = new EventSource('/api/events');
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as LecternEvent;
      for (const listener of listeners) listener(event);
    };
    return new Promise((resolve) => {
      source.addEventListener('open', () => resolve(), { once: true });
      source.addEventListener('error', () => resolve(), { once: true });
      setTimeout(resolve, STREAM_OPEN_WAIT_MS);
    });
  }

  return {
    async call(method: ApiMethod, args: unknown[]): Promise<CallResult> {
      await streamOpen;
      let response: Response;
      const body = encodeWire(args) as Uint8Array<ArrayBuffer>;
      try {
        response = await fetch(`/api/call/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream' },
          body,
          // A small call made as the window closes (a note's last save) still
          // reaches the backend; browsers allow keepalive bodies up to 64 KB.
          keepalive: body.byteLength < KEEPALIVE_MAX_BYTES,
        });
      } catch {
        return UNREACHABLE;
      }
      if (!response.ok) return UNREACHABLE;
      return decodeWire(new Uint8Array(await response.arrayBuffer())) as CallResult;
    },
    assetUrl: (articleId, name) => `/asset/${articleId}/${encodeURIComponent(name)}`,
    onEvent(listener) {
      listeners.add(listener);
      streamOpen ??= connect();
      return () => listeners.delete(listener);
    },
  };
}
