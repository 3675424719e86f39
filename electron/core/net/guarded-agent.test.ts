import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedAgent, LocalAddressRefused, mayBeLocal } from './guarded-agent';
import { itReturns } from '../../shared/testing/returns';

let server: Server;
let port: number;
let asked = 0;

beforeAll(async () => {
  server = createServer((_request, response) => {
    asked++;
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** What fetching `url` through a guarded agent gives: the body, or the refusal's cause. */
async function attempt(url: string, localHosts: readonly string[]) {
  const connected: string[] = [];
  const dispatcher = guardedAgent({ localHosts, onConnect: (_host, address) => connected.push(address) });
  try {
    return { body: await (await fetch(url, { dispatcher })).text(), connected };
  } catch (error) {
    return { cause: (error as Error).cause, connected };
  } finally {
    await dispatcher.destroy();
  }
}

describe('guardedAgent', () => {
  it('refuses a local IP literal before connecting, and a name that resolves to one', async () => {
    const before = asked;
    for (const url of [`http://127.0.0.1:${port}/`, `http://localhost:${port}/`]) {
      const { cause, connected } = await attempt(url, []);
      expect(cause).toBeInstanceOf(LocalAddressRefused);
      expect(connected).toEqual([]);
    }
    expect(asked).toBe(before);
  });

  it('connects to a host it is told may be local, and says where it connected', async () => {
    expect(await attempt(`http://127.0.0.1:${port}/`, [`127.0.0.1:${port}`])).toEqual({
      body: 'ok',
      connected: ['127.0.0.1'],
    });
    expect((await attempt(`http://127.0.0.1:${port}/`, [`127.0.0.1:${port + 1}`])).cause).toBeInstanceOf(
      LocalAddressRefused,
    );
  });
});

describe('mayBeLocal', () => {
  itReturns(mayBeLocal, '%j allows %s: %s', [
    [['nas.local:8080'], 'nas.local:8080', true],
    [['nas.local:8080'], 'nas.local:8081', false],
    [['nas.local:8080'], 'nas.local', false],
    [['nas.local'], 'nas.local:8081', true],
    [['nas.local'], 'nas.local', true],
    [['nas.local'], 'other.local', false],
    [['[::1]:80'], '[::1]:80', true],
    [[], 'nas.local', false],
  ]);
});
