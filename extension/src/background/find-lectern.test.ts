import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort } from '../../testing/closed-port';
import { findLectern } from './find-lectern';

const servers: Server[] = [];

async function serve(body: string, status = 200): Promise<number> {
  const server = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const LECTERN = JSON.stringify({ app: 'lectern', protocol: 1 });

describe('findLectern', () => {
  it('passes over a closed port and a program that is not Lectern', async () => {
    const closed = await closedPort();
    const stranger = await serve(JSON.stringify({ app: 'something-else' }));
    const broken = await serve('not json');
    const lectern = await serve(LECTERN);
    expect(await findLectern([closed, stranger, broken, lectern], fetch)).toBe(lectern);
  });

  it('tries the ports in the protocol order', async () => {
    const first = await serve(LECTERN);
    const second = await serve(LECTERN);
    expect(await findLectern([first, second], fetch)).toBe(first);
  });

  it('tries the port that answered last time first', async () => {
    const first = await serve(LECTERN);
    const second = await serve(LECTERN);
    expect(await findLectern([first, second], fetch, second)).toBe(second);
  });

  it('answers null when Lectern is not running', async () => {
    expect(await findLectern([await closedPort(), await serve('{}', 500)], fetch)).toBeNull();
  });
});
