import { describe, expect, it } from 'vitest';
import { packIcns, packIco } from './icon-containers';

const png = (size: number, fill: number) => ({ size, png: new Uint8Array(10 + (size % 7)).fill(fill) });

describe('packIco', () => {
  it('writes a header, one directory entry per image, then the PNGs in order', () => {
    const images = [png(16, 1), png(256, 2)];
    const ico = Buffer.from(packIco(images));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(2);
    const first = { width: ico.readUInt8(6), length: ico.readUInt32LE(14), offset: ico.readUInt32LE(18) };
    const second = { width: ico.readUInt8(22), length: ico.readUInt32LE(30), offset: ico.readUInt32LE(34) };
    expect(first).toEqual({ width: 16, length: images[0]!.png.length, offset: 6 + 32 });
    // 256 pixels is written as 0.
    expect(second).toEqual({ width: 0, length: images[1]!.png.length, offset: 38 + images[0]!.png.length });
    expect(ico.subarray(second.offset, second.offset + second.length)).toEqual(Buffer.from(images[1]!.png));
    expect(ico.length).toBe(38 + images[0]!.png.length + images[1]!.png.length);
  });

  it('refuses sizes an .ico cannot hold', () => {
    expect(() => packIco([png(512, 0)])).toThrow(/512/);
  });
});

describe('packIcns', () => {
  it('writes the magic, the total length and one typed element per image', () => {
    const images = [png(128, 3), png(1024, 4)];
    const icns = Buffer.from(packIcns(images));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.toString('latin1', 8, 12)).toBe('ic07');
    const firstLength = icns.readUInt32BE(12);
    expect(firstLength).toBe(8 + images[0]!.png.length);
    const second = 8 + firstLength;
    expect(icns.toString('latin1', second, second + 4)).toBe('ic10');
    expect(icns.subarray(second + 8)).toEqual(Buffer.from(images[1]!.png));
  });

  it('refuses sizes an .icns has no slot for', () => {
    expect(() => packIcns([png(48, 0)])).toThrow(/48/);
  });
});
