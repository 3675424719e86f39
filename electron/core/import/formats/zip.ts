/**
 * A small zip reader for EPUB: the central directory is read, and each entry
 * is inflated only when asked for, with a hard cap on its size. A zip bomb's
 * entries claim (or really inflate to) gigabytes; the cap is enforced by
 * zlib's maxOutputLength, so the lie in the header does not matter and memory
 * never holds more than the cap. Encrypted entries, ZIP64 and methods other
 * than stored and deflate are refused: EPUBs do not use them.
 */
import { inflateRawSync } from 'node:zlib';
import { LecternError } from '../../../shared/errors';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
  encrypted: boolean;
}

export interface ZipLimits {
  /** Largest single entry, uncompressed. */
  maxEntryBytes: number;
  /** Most bytes read out of the archive in total. */
  maxTotalBytes: number;
  maxEntries: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntries: 10_000,
};

export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  #read = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly name: string,
    private readonly limits: ZipLimits = ZIP_LIMITS,
  ) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = this.#findEnd(view);
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    if (count > limits.maxEntries) throw this.#damaged(`it holds more than ${limits.maxEntries} files`);
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw this.#damaged();
      const nameLength = view.getUint16(at + 28, true);
      const extra = view.getUint16(at + 30, true);
      const comment = view.getUint16(at + 32, true);
      const entry: ZipEntry = {
        name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
        method: view.getUint16(at + 10, true),
        compressedSize: view.getUint32(at + 20, true),
        size: view.getUint32(at + 24, true),
        offset: view.getUint32(at + 42, true),
        encrypted: (view.getUint16(at + 8, true) & 1) === 1,
      };
      this.entries.set(entry.name, entry);
      at += 46 + nameLength + extra + comment;
    }
  }

  #damaged(why = 'its table of contents is damaged'): LecternError {
    return new LecternError('extraction-failed', `${this.name} cannot be opened as an archive: ${why}.`);
  }

  #findEnd(view: DataView): number {
    const min = Math.max(0, view.byteLength - 22 - 0xffff);
    for (let at = view.byteLength - 22; at >= min; at--) {
      if (view.getUint32(at, true) === 0x06054b50) return at;
    }
    throw this.#damaged();
  }

  /** The entry's bytes, or null when there is no such entry. Refuses entries over the caps. */
  read(path: string): Uint8Array | null {
    const entry = this.entries.get(path);
    if (!entry) return null;
    const tooBig = () =>
      new LecternError(
        'too-large',
        `${this.name} holds a file (${entry.name}) that unpacks to more than Lectern reads from a book. Nothing was saved.`,
      );
    if (entry.encrypted) throw this.#damaged(`${entry.name} is encrypted`);
    if (entry.size > this.limits.maxEntryBytes) throw tooBig();
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    if (entry.offset + 30 > this.bytes.length || view.getUint32(entry.offset, true) !== 0x04034b50) {
      throw this.#damaged();
    }
    const start =
      entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    const remaining = this.limits.maxTotalBytes - this.#read;
    const cap = Math.min(this.limits.maxEntryBytes, remaining);
    let out: Uint8Array;
    if (entry.method === 0) {
      out = data;
    } else if (entry.method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: cap + 1 });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig();
        throw this.#damaged(`${entry.name} is damaged`);
      }
    } else {
      throw this.#damaged(`${entry.name} uses a compression Lectern does not read`);
    }
    if (out.length > cap) throw tooBig();
    this.#read += out.length;
    return out;
  }

  readText(path: string): string | null {
    const bytes = this.read(path);
    return bytes ? new TextDecoder().decode(bytes) : null;
  }
}
