/**
 * A local site of real pictures, for specs where a picture's size matters
 * (layout that shifts as pictures arrive, thumbnails): `/picture-<name>-<height>.png`
 * is a grey PNG 640 pixels wide and <height> tall, on 127.0.0.1 only.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import { test } from './lectern';

const WIDTH = 640;

/** A grey PNG of the given size: real pixels, so a page lays it out at that size. */
function greyPng(width: number, height: number, shade: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width, shade)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Call at the top of a spec file; `picture(name, height)` is the address of one picture. */
export function usePictureSite(): { picture: (name: string, height: number) => string } {
  let site: Server | undefined;
  let origin = '';
  test.beforeAll(async () => {
    site = createServer((request, response) => {
      const match = /^\/picture-[\w-]+?-(\d+)\.png$/.exec(request.url ?? '');
      if (!match) return void response.writeHead(404).end();
      const height = Number(match[1]);
      response
        .writeHead(200, { 'content-type': 'image/png' })
        .end(greyPng(WIDTH, height, 0x60 + (height % 0x80)));
    });
    await new Promise<void>((resolve) => site?.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  test.afterAll(async () => {
    await new Promise((resolve) => site?.close(resolve));
  });
  return { picture: (name, height) => `${origin}/picture-${name}-${height}.png` };
}
