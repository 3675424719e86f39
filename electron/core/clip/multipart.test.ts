import { describe, expect, it } from 'vitest';
import { LecternError } from '../../shared/errors';
import { boundaryOf, MAX_PART_HEADER_BYTES, MAX_PARTS, parseMultipart } from './multipart';

const TYPE = 'multipart/form-data; boundary=XyZ';
const part = (name: string, data: string | Buffer, extra = '') =>
  Buffer.concat([
    Buffer.from(`--XyZ\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n\r\n`),
    Buffer.from(data),
    Buffer.from('\r\n'),
  ]);
const body = (...parts: Buffer[]) => Buffer.concat([...parts, Buffer.from('--XyZ--\r\n')]);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof LecternError && error.code === 'invalid-argument') return error.message;
    throw error;
  }
  throw new Error('not refused');
}

describe('boundaryOf', () => {
  it.each([
    ['multipart/form-data; boundary=abc', 'abc'],
    ['multipart/form-data; boundary="a b c"', 'a b c'],
    [
      'multipart/form-data;boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW; charset=utf-8',
      '----WebKitFormBoundary7MA4YWxkTrZu0gW',
    ],
  ])('reads %s', (type, boundary) => expect(boundaryOf(type)).toBe(boundary));

  it.each([
    'multipart/form-data',
    'multipart/form-data; boundary=',
    `multipart/form-data; boundary=${'a'.repeat(71)}`,
  ])('refuses %s', (type) => expect(refusal(() => boundaryOf(type))).toMatch(/boundary/));
});

describe('parseMultipart', () => {
  it('gives each part its name, file name, type and bytes, binary bytes and CRLFs untouched', () => {
    const image = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x2d, 0x2d, 0x00, 0xff]);
    const parts = parseMultipart(
      body(
        part('clip', '{"a":1}'),
        part('image-0', image, '; filename="photo.png"\r\nContent-Type: image/png'),
      ),
      TYPE,
    );
    expect(parts.map(({ name, filename, contentType }) => ({ name, filename, contentType }))).toEqual([
      { name: 'clip', filename: null, contentType: null },
      { name: 'image-0', filename: 'photo.png', contentType: 'image/png' },
    ]);
    expect(parts[0]?.data.toString()).toBe('{"a":1}');
    expect(Buffer.compare(parts[1]?.data ?? Buffer.alloc(0), image)).toBe(0);
  });

  it('skips a preamble before the first boundary', () => {
    const parts = parseMultipart(Buffer.concat([Buffer.from('preamble\r\n'), body(part('clip', 'x'))]), TYPE);
    expect(parts.map((p) => p.name)).toEqual(['clip']);
  });

  it.each([
    ['no part at all', Buffer.from('nothing here'), /no part/],
    ['a body cut before its end', part('clip', 'x'), /ends before/],
    [
      'a part without a name',
      body(Buffer.from('--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n')),
      /no name/,
    ],
    [
      'a part that is not form data',
      body(Buffer.from('--XyZ\r\nContent-Disposition: attachment; name="a"\r\n\r\nx\r\n')),
      /not form data/,
    ],
    ['a header line without a colon', body(Buffer.from('--XyZ\r\nnonsense\r\n\r\nx\r\n')), /header line/],
    ['two parts with one name', body(part('clip', 'a'), part('clip', 'b')), /two parts/],
    [
      'headers that never end',
      body(part('clip', 'x', `; x="${'h'.repeat(MAX_PART_HEADER_BYTES)}"`)),
      /headers/,
    ],
    ['garbage after a boundary', Buffer.from('--XyZgarbage'), /followed/],
  ])('refuses %s with words', (_, bytes, message) => {
    expect(refusal(() => parseMultipart(bytes, TYPE))).toMatch(message);
  });

  it(`refuses more than ${MAX_PARTS} parts`, () => {
    const many = body(...Array.from({ length: MAX_PARTS + 1 }, (_, i) => part(`p${i}`, '')));
    expect(refusal(() => parseMultipart(many, TYPE))).toMatch(/more than/);
  });
});
