/**
 * The browser shell's side of the HTTP transport (electron/host/http-server.ts):
 * calls are POSTs carrying the wire format, events arrive over Server-Sent
 * Events. The token cookie set with the first page authenticates both.
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

  function connect() {
    source = new EventSource('/api/events');
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as LecternEvent;
      for (const listener of listeners) listener(event);
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
      if (!response.ok) return UNREACHABLE;
      return decodeWire(new Uint8Array(await response.arrayBuffer())) as CallResult;
    },
    assetUrl: (articleId, name) => `/asset/${articleId}/${encodeURIComponent(name)}`,
    onEvent(listener) {
      listeners.add(listener);
      if (!source) connect();
      return () => listeners.delete(listener);
    },
  };
}
