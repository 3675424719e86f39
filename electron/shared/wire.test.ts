import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from './wire';

/** Builds a frame by hand: a JSON header and whatever body bytes follow it. */
function frame(json: string, ...body: number[]): Uint8Array {
  const head = new TextEncoder().encode(json);
  const out = new Uint8Array(4 + head.byteLength + body.length);
  new DataView(out.buffer).setUint32(0, head.byteLength);
  out.set(head, 4);
  out.set(body, 4 + head.byteLength);
  return out;
}

describe('encodeWire / decodeWire', () => {
  it.each([
    ['null', null],
    ['a number', 42.5],
    ['a string with non-ASCII text', 'Grüße, 日本語 “quoted” 🙂'],
    ['a boolean', false],
    ['an empty array', []],
    ['an empty object', {}],
    ['nested plain values', { a: [1, 'two', { three: [null, true] }], b: { c: { d: 'deep' } } }],
  ])('round-trips %s unchanged', (_label, value) => {
    expect(decodeWire(encodeWire(value))).toEqual(value);
  });

  it('round-trips several nested Uint8Arrays, including empty ones, in place', () => {
    interface Nested {
      name: string;
      bytes: Uint8Array;
      more: { list: Uint8Array[] };
    }
    const nested: Nested = {
      name: 'a.html',
      bytes: Uint8Array.from([1, 2, 3]),
      more: { list: [new Uint8Array(0), Uint8Array.from([255, 0, 127])] },
    };
    const value = [nested, new Uint8Array(0), { name: 'b.txt', bytes: new TextEncoder().encode('hello') }];
    const decoded = decodeWire(encodeWire(value)) as unknown[];

    expect(decoded).toEqual(value);
    const first = decoded[0] as Nested;
    expect(first.bytes).toBeInstanceOf(Uint8Array);
    expect([...first.bytes]).toEqual([1, 2, 3]);
    expect(first.more.list.map((blob) => [...blob])).toEqual([[], [255, 0, 127]]);
    expect(decoded[1]).toBeInstanceOf(Uint8Array);
    expect((decoded[1] as Uint8Array).byteLength).toBe(0);
    expect(new TextDecoder().decode((decoded[2] as { bytes: Uint8Array }).bytes)).toBe('hello');
  });

  it('carries blob bytes after the JSON instead of inside it', () => {
    const bytes = new Uint8Array(1000).fill(7);
    const encoded = encodeWire({ bytes });
    const headLength = new DataView(encoded.buffer).getUint32(0);

    expect(headLength).toBeLessThan(100);
    expect(encoded.byteLength).toBe(4 + headLength + 1000);
    expect(new TextDecoder().decode(encoded.subarray(4, 4 + headLength))).toBe(
      '{"bytes":{"$blob":[0,1000]}}',
    );
  });

  it('decodes a frame that is a view into a larger buffer', () => {
    const encoded = encodeWire({ bytes: Uint8Array.from([9, 8, 7]) });
    const padded = new Uint8Array(encoded.byteLength + 10);
    padded.set(encoded, 5);
    const view = padded.subarray(5, 5 + encoded.byteLength);

    expect(decodeWire(view)).toEqual({ bytes: Uint8Array.from([9, 8, 7]) });
  });

  it('keeps a "__proto__" key as a plain own key without polluting prototypes', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}') as Record<string, unknown>;
    const decoded = decodeWire(encodeWire(value)) as Record<string, unknown>;

    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.hasOwn(decoded, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value).toEqual({ polluted: true });
    expect(decoded.ok).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((decoded as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('keeps a "__proto__" key that arrives in a hand-made frame a plain key', () => {
    const decoded = decodeWire(frame('{"__proto__":{"isAdmin":true},"name":"x"}')) as Record<string, unknown>;

    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.keys(decoded)).toEqual(['__proto__', 'name']);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it.each([
    ['an empty frame', new Uint8Array(0)],
    ['a frame shorter than its length prefix', Uint8Array.from([0, 0, 1])],
    ['a header length past the end of the frame', Uint8Array.from([0, 0, 0, 10, 0x7b, 0x7d])],
    ['a huge header length', Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x7b, 0x7d])],
    ['a blob longer than the body', frame('{"b":{"$blob":[0,5]}}', 1, 2, 3)],
    ['a blob shorter than the body', frame('{"b":{"$blob":[0,1]}}', 1, 2, 3)],
    ['body bytes with no blob that claims them', frame('{"a":1}', 1)],
    ['a negative blob length', frame('{"b":{"$blob":[0,-1]}}')],
    ['a fractional blob length', frame('{"b":{"$blob":[0,1.5]}}', 1, 2)],
    ['a gap in the blob table', frame('{"b":{"$blob":[1,1]}}', 1)],
    ['a blob index that is not a number', frame('{"b":{"$blob":["x",0]}}')],
    ['a negative blob index', frame('{"b":{"$blob":[-1,0]}}')],
    ['a blob index beyond any array index', frame('{"b":{"$blob":[4294967295,0]}}')],
    ['one blob index given two lengths', frame('{"a":{"$blob":[0,1]},"b":{"$blob":[0,2]}}', 1, 2)],
    ['a header that is not UTF-8', Uint8Array.from([0, 0, 0, 2, 0xff, 0xfe])],
  ])('throws a TypeError for %s', (_label, bytes) => {
    expect(() => decodeWire(bytes)).toThrow(TypeError);
  });

  it('throws when the header is not JSON', () => {
    expect(() => decodeWire(frame('{not json'))).toThrow(SyntaxError);
  });
});
