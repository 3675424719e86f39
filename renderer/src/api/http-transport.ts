/**
 * The browser shell's side of the HTTP transport (electron/host/http-server.ts):
 * calls are POSTs carrying the wire format, events arrive over Server-Sent
 * Events. The token cookie set with the first page authenticates both.
 *
 * The backend counts a window in from the moment its event stream opens, so
 * a change made while the stream is not open (before it first opens, or
 * while it reconnects after the backend restarted) never reaches the window
 * as an event. When the stream opens after answers that may predate it, or
 * opens again, the window is told (`events-resumed`) and fetches what it
 * shows again. Calls do not wait for the stream: that delayed a 10,000-article
 * window's first rows by about 60 ms.
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

export function httpTransport(): Transport {
  const listeners = new Set<(event: LecternEvent) => void>();
  let source: EventSource | null = null;
  let open = false;
  let openedBefore = false;
  let answeredWhileClosed = false;

  function dispatch(event: LecternEvent) {
    for (const listener of listeners) listener(event);
  }

  function connect() {
    source = new EventSource('/api/events');
    source.onmessage = (message: MessageEvent<string>) => dispatch(JSON.parse(message.data) as LecternEvent);
    source.onopen = () => {
      open = true;
      if (openedBefore || answeredWhileClosed) dispatch({ type: 'events-resumed' });
      openedBefore = true;
      answeredWhileClosed = false;
    };
    source.onerror = () => {
      open = false;
    };
  }

  return {
    async call(method: ApiMethod, args: unknown[]): Promise<CallResult> {
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
      // A refused call (413 for a body over the cap) still answers in the wire format.
      const inWire = response.headers.get('Content-Type') === 'application/octet-stream';
      if (!response.ok && !inWire) return UNREACHABLE;
      const result = decodeWire(new Uint8Array(await response.arrayBuffer())) as CallResult;
      if (!open) answeredWhileClosed = true;
      return result;
    },
    assetUrl: (articleId, name) => `/asset/${articleId}/${encodeURIComponent(name)}`,
    onEvent(listener) {
      listeners.add(listener);
      if (!source) connect();
      return () => listeners.delete(listener);
    },
  };
}
