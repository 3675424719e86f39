/**
 * Finds Lectern's clip endpoint: `GET /ping` on CLIP_PORT, then on each
 * fallback port, in the order the protocol fixes, first trying the port that
 * answered last time. A port counts only when it answers as Lectern: another
 * program on the port is passed over, never sent a clip. Loopback refuses a
 * closed port at once, so trying them one by one costs milliseconds.
 */
import { CLIP_PATHS, type PingAnswer } from '../../../electron/shared/clip-protocol';

const PING_TIMEOUT_MS = 1_500;

export function endpointUrl(port: number, path: string): string {
  return `http://127.0.0.1:${port}${path}`;
}

function isLecternPing(value: unknown): value is PingAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const { app, protocol } = value as Record<string, unknown>;
  return app === 'lectern' && protocol === 1;
}

async function answersAsLectern(port: number, fetchFn: typeof fetch): Promise<boolean> {
  try {
    const response = await fetchFn(endpointUrl(port, CLIP_PATHS.ping), {
      signal: AbortSignal.timeout(PING_TIMEOUT_MS),
      credentials: 'omit',
    });
    return response.ok && isLecternPing(await response.json());
  } catch {
    return false;
  }
}

/** The port Lectern answers on, or null when it is not running. */
export async function findLectern(
  ports: readonly number[],
  fetchFn: typeof fetch,
  lastPort?: number,
): Promise<number | null> {
  const order =
    lastPort !== undefined && ports.includes(lastPort)
      ? [lastPort, ...ports.filter((p) => p !== lastPort)]
      : ports;
  for (const port of order) {
    if (await answersAsLectern(port, fetchFn)) return port;
  }
  return null;
}
