/**
 * Packs PNG images into the two icon containers electron-builder needs
 * besides plain PNGs: Windows .ico and macOS .icns. Both formats may hold PNG
 * data as is (ICO since Vista, ICNS for every size used here), so packing is
 * a header and a table of contents, with no image re-encoding and no
 * dependency.
 */

export interface SizedPng {
  size: number;
  png: Uint8Array;
}

/** ICO: a 6-byte header, one 16-byte entry per image, then the PNGs. Sizes up to 256. */
export function packIco(images: SizedPng[]): Uint8Array {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    if (size < 1 || size > 256) throw new RangeError(`an .ico image cannot be ${size} pixels wide`);
    const entry = 6 + 16 * index;
    // A width or height of 256 is written as 0.
    header.writeUInt8(size === 256 ? 0 : size, entry);
    header.writeUInt8(size === 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2);
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map(({ png }) => png)]);
}

/** The ICNS element type holding a PNG of each pixel size (Apple's icns types). */
export const ICNS_TYPES: Record<number, string> = {
  16: 'icp4',
  32: 'icp5',
  64: 'icp6',
  128: 'ic07',
  256: 'ic08',
  512: 'ic09',
  1024: 'ic10',
};

/** ICNS: 'icns' and the total length, then per image its type, its length (with the 8-byte head) and the PNG. */
export function packIcns(images: SizedPng[]): Uint8Array {
  const elements = images.map(({ size, png }) => {
    const type = ICNS_TYPES[size];
    if (!type) throw new RangeError(`an .icns file has no slot for ${size}-pixel images`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + elements.reduce((sum, element) => sum + element.length, 0), 4);
  return Buffer.concat([head, ...elements]);
}
