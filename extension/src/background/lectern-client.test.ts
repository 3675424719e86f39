import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LecternClient } from './lectern-client';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
});

/** Like a browser's fetch, which throws "Illegal invocation" when called as another object's method. */
function browserLikeFetch(this: unknown, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  if (this !== undefined && this !== globalThis) return Promise.reject(new TypeError('Illegal invocation'));
  return fetch(input, init);
}

describe('LecternClient', () => {
  it('calls fetch unbound, as browsers require, and sends the token', async () => {
    let authorization: string | undefined;
    server = createServer((request, response) => {
      authorization = request.headers.authorization;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ tags: ['harbour', 'tides'] }));
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const client = new LecternClient((server.address() as AddressInfo).port, 'secret', browserLikeFetch);
    expect(await client.tags()).toEqual({ kind: 'ok', value: ['harbour', 'tides'] });
    expect(authorization).toBe('Bearer secret');
  });
});
