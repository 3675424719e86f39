import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodyReader, readBody, Slots } from './request-body';

const LIMIT = 64 * 1024;
let server: Server;
let port: number;

beforeAll(async () => {
  // Answers with what readBody made of the body: its length, or 413 the moment it passed LIMIT.
  server = createServer((req, res) => {
    readBody(req, LIMIT).then(
      (body) => res.end(String(body.length)),
      () => {
        res.shouldKeepAlive = false;
        res.writeHead(413).end('too large');
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Streams `chunks` chunks of 16 KB without a Content-Length, as long as the server reads. */
function stream(chunks: number): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const call = request({ port, host: '127.0.0.1', method: 'POST', path: '/' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, sent }));
    });
    call.on('error', reject);
    const chunk = Buffer.alloc(16 * 1024, 97);
    const next = () => {
      while (sent < chunks) {
        sent++;
        if (!call.write(chunk)) return void call.once('drain', next);
      }
      call.end();
    };
    next();
  });
}

describe('readBody', () => {
  it('reads a body under the cap', async () => {
    expect(await stream(3)).toMatchObject({ status: 200, body: String(3 * 16 * 1024) });
  });

  it('answers 413 while a streamed body passes the cap, without reading the rest', async () => {
    const answer = await stream(10_000);
    expect(answer.status).toBe(413);
    expect(answer.sent).toBeLessThan(10_000);
  });
});

describe('Slots', () => {
  it('lets `count` holders in at once and the next in when one gives back', async () => {
    const slots = new Slots(2);
    const first = await slots.take();
    await slots.take();
    let thirdIn = false;
    const third = slots.take().then((giveBack) => {
      thirdIn = true;
      return giveBack;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(thirdIn).toBe(false);
    first();
    first();
    (await third)();
    expect(thirdIn).toBe(true);
    // Giving back twice freed one slot, not two: one more take succeeds, the next waits.
    await slots.take();
    let fourthIn = false;
    void slots.take().then(() => (fourthIn = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fourthIn).toBe(false);
  });
});

describe('BodyReader', () => {
  /** Posts `bytes` bytes to a server that reads each body with `reader` and answers what `use` made of it. */
  async function withServer(
    reader: BodyReader,
    use: (body: Buffer) => Promise<string>,
    calls: (post: (bytes: number, declared?: number | 'chunked') => Promise<string>) => Promise<void>,
  ) {
    const bodyServer = createServer((req, res) => {
      reader.read(req, LIMIT, use).then(
        (answer) => res.end(answer),
        (error: Error) => {
          res.shouldKeepAlive = false;
          res.writeHead(413).end(error.message);
        },
      );
    });
    await new Promise<void>((resolve) => bodyServer.listen(0, '127.0.0.1', resolve));
    const bodyPort = (bodyServer.address() as AddressInfo).port;
    const post = (bytes: number, declared: number | 'chunked' = bytes) =>
      new Promise<string>((resolve, reject) => {
        const headers =
          declared === 'chunked' ? { 'transfer-encoding': 'chunked' } : { 'content-length': declared };
        const call = request({ port: bodyPort, host: '127.0.0.1', method: 'POST', headers }, (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => resolve(`${response.statusCode} ${body}`));
        });
        call.on('error', reject);
        call.end(Buffer.alloc(bytes, 97));
      });
    try {
      await calls(post);
    } finally {
      await new Promise<void>((resolve) => bodyServer.close(() => resolve()));
    }
  }

  it('refuses a declared length over the cap before reading a byte', async () => {
    let used = false;
    const use = async (body: Buffer) => {
      used = true;
      return String(body.length);
    };
    await withServer(new BodyReader(), use, async (post) => {
      expect(await post(0, LIMIT + 1)).toBe('413 That request is larger than the 0 MB Lectern accepts.');
      expect(used).toBe(false);
      expect(await post(10)).toBe('200 10');
    });
  });

  it('holds a large body’s slot until its use is done', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const use = async (body: Buffer) => {
      order.push(`start ${body.length}`);
      if (order.length === 1) await held;
      order.push(`end ${body.length}`);
      return 'ok';
    };
    await withServer(new BodyReader(1), use, async (post) => {
      // A body of unknown length may be large, so it waits for the one slot.
      const first = post(5, 'chunked');
      await new Promise((resolve) => setTimeout(resolve, 50));
      const second = post(6, 'chunked');
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await Promise.all([first, second]);
    });
    expect(order).toEqual(['start 5', 'end 5', 'start 6', 'end 6']);
  });
});
