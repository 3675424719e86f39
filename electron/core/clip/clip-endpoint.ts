/**
 * Starts the clip endpoint for a backend: the one function both shells call
 * (Electron's main process and the browser shell), so they serve the same
 * endpoint. Where it listens comes from LECTERN_CLIP_PORT (clipPortSetting):
 * unset, CLIP_PORT and then the fallbacks in order; a number, that port
 * only (0: any free port, for tests); `off`, not at all. A port that is
 * taken never stops Lectern: the endpoint is then unavailable, the log says
 * why, and Settings shows it.
 */
import type { AddressInfo } from 'node:net';
import { CLIP_PORT, CLIP_PORT_FALLBACKS } from '../../shared/clip-protocol';
import type { ClipEndpointStatus } from '../../shared/api';
import { lecternLink } from '../export/lectern-link';
import type { Backend } from '../open-backend';
import { createClipServer } from './clip-server';
import { ClipImporter } from './import-clip';

/** How long a stop waits for clips in flight. */
const STOP_GRACE_MS = 10_000;

export type ClipPortSetting = { ports: readonly number[] } | { off: true } | { invalid: string };

export function clipPortSetting(value: string | undefined): ClipPortSetting {
  const text = value?.trim() ?? '';
  if (text === '') return { ports: [CLIP_PORT, ...CLIP_PORT_FALLBACKS] };
  if (text.toLowerCase() === 'off') return { off: true };
  const port = Number(text);
  if (/^\d+$/.test(text) && port <= 65_535) return { ports: [port] };
  return { invalid: `LECTERN_CLIP_PORT is “${text}”, which is neither a port number nor “off”` };
}

export interface ClipEndpoint {
  status: ClipEndpointStatus;
  close(): Promise<void>;
}

export interface ClipEndpointOptions {
  /**
   * The address that opens an article in this shell's window, told to the
   * extension with each clip; the desktop app's lectern://open link when left out.
   */
  articleAddress?: (id: string) => string;
  /** For the end-to-end tests only: see ImportServiceOptions.localImageHostsForTests. */
  localImageHostsForTests?: readonly string[];
}

function listen(server: ReturnType<typeof createClipServer>['server'], port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => {
      server.off('listening', listening);
      reject(error);
    };
    const listening = () => {
      server.off('error', failed);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', failed);
    server.once('listening', listening);
    server.listen(port, '127.0.0.1');
  });
}

/** Lets clips being saved finish, so a stop never tears a write; a client that stalls is cut off after a while. */
function stop(server: ReturnType<typeof createClipServer>['server']): Promise<void> {
  return new Promise<void>((resolve) => {
    const cutOff = setTimeout(() => server.closeAllConnections(), STOP_GRACE_MS);
    server.close(() => {
      clearTimeout(cutOff);
      resolve();
    });
    server.closeIdleConnections();
  });
}

export async function startClipEndpoint(
  backend: Pick<Backend, 'library' | 'service' | 'clipper' | 'events'>,
  setting: ClipPortSetting,
  options: ClipEndpointOptions = {},
): Promise<ClipEndpoint> {
  const { library, service, clipper, events } = backend;
  const closed: ClipEndpoint = { status: { state: 'off' }, close: async () => undefined };
  if ('off' in setting) {
    clipper.setEndpoint(closed.status);
    return closed;
  }
  if ('invalid' in setting) {
    const status: ClipEndpointStatus = { state: 'unavailable', reason: setting.invalid };
    console.warn(`Lectern: the web clipper is unavailable: ${setting.invalid}.`);
    clipper.setEndpoint(status);
    return { ...closed, status };
  }
  const importer = new ClipImporter(library, service, clipper, events, {
    articleAddress: options.articleAddress ?? ((id) => lecternLink(id)),
    fetchWebImages: () => library.file.libraryOptions().fetchImages,
    localImageHostsForTests: options.localImageHostsForTests,
  });
  const { server, setPort } = createClipServer({ clipper, importer, service });
  const taken: string[] = [];
  for (const port of setting.ports) {
    try {
      const listening = await listen(server, port);
      setPort(listening);
      const status: ClipEndpointStatus = { state: 'listening', port: listening };
      clipper.setEndpoint(status);
      return {
        status,
        close: () => stop(server),
      };
    } catch (error) {
      taken.push(`${port} (${(error as NodeJS.ErrnoException).code ?? 'refused'})`);
    }
  }
  const reason = `it could not listen on ${taken.length > 1 ? 'ports' : 'port'} ${taken.join(', ')}: another program is using ${taken.length > 1 ? 'them' : 'it'}`;
  console.warn(`Lectern: the web clipper is unavailable: ${reason}.`);
  const status: ClipEndpointStatus = { state: 'unavailable', reason };
  clipper.setEndpoint(status);
  return { ...closed, status };
}
