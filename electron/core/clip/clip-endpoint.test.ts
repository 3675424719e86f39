import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIP_PORT, CLIP_PORT_FALLBACKS } from '../../shared/clip-protocol';
import { useBackend } from '../fixtures/backend-folder';
import { clipPortSetting, startClipEndpoint, type ClipEndpoint } from './clip-endpoint';
import { send } from './fixtures/clip-requests';

const folder = useBackend();
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0)) await item.close();
});

async function occupied(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
  return (server.address() as AddressInfo).port;
}

async function started(setting: Parameters<typeof startClipEndpoint>[1]): Promise<ClipEndpoint> {
  const endpoint = await startClipEndpoint(folder.backend, setting);
  open.push(endpoint);
  return endpoint;
}

describe('clipPortSetting', () => {
  it.each([
    [undefined, { ports: [CLIP_PORT, ...CLIP_PORT_FALLBACKS] }],
    ['', { ports: [CLIP_PORT, ...CLIP_PORT_FALLBACKS] }],
    ['off', { off: true }],
    ['OFF', { off: true }],
    ['0', { ports: [0] }],
    ['48000', { ports: [48_000] }],
  ])('reads LECTERN_CLIP_PORT=%s', (value, setting) => expect(clipPortSetting(value)).toEqual(setting));

  it.each(['70000', '-1', 'yes', '12.5'])('says why %s is no setting', (value) => {
    expect(clipPortSetting(value)).toEqual({ invalid: expect.stringContaining(value) });
  });
});

describe('startClipEndpoint', () => {
  it('takes the next port when one is taken, and says where it listens', async () => {
    const taken = await occupied();
    const free = await occupied();
    await open.pop()?.close();
    const endpoint = await started({ ports: [taken, free] });
    expect(endpoint.status).toEqual({ state: 'listening', port: free });
    expect((await folder.backend.service.listClippers()).endpoint).toEqual(endpoint.status);
    expect((await send(free, '/ping')).status).toBe(200);
  });

  it('is unavailable, without stopping Lectern, when every port is taken', async () => {
    const taken = await occupied();
    const endpoint = await started({ ports: [taken] });
    expect(endpoint.status).toEqual({ state: 'unavailable', reason: expect.stringContaining(String(taken)) });
    expect((await folder.backend.service.listClippers()).endpoint.state).toBe('unavailable');
    expect((await folder.backend.service.listArticles()).length).toBe(0);
  });

  it('is off when told so', async () => {
    expect((await started({ off: true })).status).toEqual({ state: 'off' });
    expect((await folder.backend.service.listClippers()).endpoint).toEqual({ state: 'off' });
  });
});
