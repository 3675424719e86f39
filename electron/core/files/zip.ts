/**
 * Zip archives, the one reader and writer of the codebase: backups, EPUB
 * export and import, and the Pocket and Omnivore exports, through one
 * maintained pair of libraries: yazl writes and yauzl reads, both
 * streaming, so a library of any size passes through a few buffers at a
 * time, never whole in memory (an archive already in memory, such as a
 * dropped EPUB, is read from its bytes the same way).
 *
 * Reading trusts nothing in the archive: the entry count, each entry's size
 * and the total are capped before a byte is inflated (yauzl also checks, as
 * it inflates, that an entry holds exactly the size its header claims, so a
 * lying header cannot get past the caps); names that are absolute or climb
 * out with ".." are refused (yauzl's own check, plus ours on "\"); encrypted
 * entries are refused. Every failure becomes a LecternError naming the file:
 * too-large for a breach of the caps, invalid-argument for anything else.
 *
 * Writing stamps every entry with one fixed time unless told otherwise, so
 * the same input gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { LecternError } from '../../shared/errors';
import { megabytes } from '../../shared/limits';

/** One entry to write: a file on disk, bytes, or bytes made only when the writer reaches it. */
export type ZipSource = {
  name: string;
  /** Stored uncompressed (an EPUB's mimetype must be). */
  store?: boolean;
  mtime?: Date;
} & (
  | { file: string }
  | { bytes: Uint8Array | string }
  /** Called with every entry written before this one (a manifest lists them). */
  | { later: (written: readonly WrittenEntry[]) => Uint8Array | string }
);

/** What was written for each entry, as it passed through. */
export interface WrittenEntry {
  name: string;
  size: number;
  sha256: string;
}

const FIXED_TIME = new Date(Date.UTC(2000, 0, 1));

function hashing(name: string, done: (entry: WrittenEntry) => void): Transform {
  const hash = createHash('sha256');
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      done({ name, size, sha256: hash.digest('hex') });
      callback();
    },
  });
}

/**
 * Writes `sources` in order into a zip at `target` and returns each entry's
 * size and SHA-256. Files are opened one at a time, as the writer reaches
 * them; an aborted `signal` stops the writing at the next entry, failing
 * with the signal's reason (the caller's cancelled error). `level`
 * is zlib's deflate level: 1 costs about half the time of the default 6 for
 * a few percent more bytes on text, which suits a whole-library backup.
 */
export async function writeZip(
  target: string,
  sources: Iterable<ZipSource>,
  signal?: AbortSignal,
  level = 6,
): Promise<WrittenEntry[]> {
  const zip = new yazl.ZipFile();
  const written: WrittenEntry[] = [];
  const output = zip.outputStream as Readable;
  zip.on('error', (error: Error) => output.destroy(error));
  for (const source of sources) {
    const options = {
      compress: source.store !== true,
      compressionLevel: source.store === true ? 0 : level,
      mtime: source.mtime ?? FIXED_TIME,
      forceDosTimestamp: true,
    };
    if ('bytes' in source) {
      const bytes = Buffer.from(source.bytes);
      zip.addBuffer(bytes, source.name, options);
      written.push({
        name: source.name,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
      continue;
    }
    zip.addReadStreamLazy(source.name, options, (callback) => {
      if (signal?.aborted) return callback(signal.reason as Error, null as unknown as Readable);
      const input =
        'file' in source
          ? createReadStream(source.file)
          : Readable.from([Buffer.from(source.later(written))]);
      input.on('error', (error: Error) => zip.emit('error', error));
      callback(null, input.pipe(hashing(source.name, (entry) => written.push(entry))));
    });
  }
  zip.end();
  await pipeline(output, createWriteStream(target));
  return written;
}

export interface ZipLimits {
  maxEntries: number;
  /** Largest single entry, uncompressed. */
  maxEntryBytes: number;
  /** All entries together, uncompressed. */
  maxTotalBytes: number;
}

export interface ZipItem {
  name: string;
  size: number;
}

export interface ZipReader {
  /** Every file entry (folders left out), in the archive's order. */
  items: ZipItem[];
  /** The entry's bytes as a stream, checked against its declared size as they inflate. */
  stream(item: ZipItem): Promise<Readable>;
  bytes(item: ZipItem): Promise<Buffer>;
  close(): void;
}

function unreadable(label: string, reason: string): LecternError {
  return new LecternError('invalid-argument', `${label} cannot be read: ${reason}.`);
}

/** `beyond` finishes "unpacks to more than …": a cap, or the size a lying header declared. */
function tooLarge(label: string, name: string, beyond: string): LecternError {
  return new LecternError(
    'too-large',
    `${label} holds a file (${name}) that unpacks to more than ${beyond}. Nothing was saved.`,
  );
}

const overCap = (limit: number) => `${megabytes(limit)}, more than Lectern reads from one archive`;

/** Opens the zip at `path` and lists its entries, refusing it whole when any entry breaks the limits. */
export async function openZip(path: string, limits: ZipLimits, label: string): Promise<ZipReader> {
  return readZip(() => yauzl.openPromise(path, OPEN_OPTIONS), limits, label);
}

/** The same over an archive already in memory. */
export async function openZipBytes(bytes: Uint8Array, limits: ZipLimits, label: string): Promise<ZipReader> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return readZip(() => yauzl.fromBufferPromise(buffer, OPEN_OPTIONS), limits, label);
}

const OPEN_OPTIONS = { lazyEntries: true, autoClose: false, strictFileNames: true };

async function readZip(
  open: () => Promise<yauzl.ZipFile>,
  limits: ZipLimits,
  label: string,
): Promise<ZipReader> {
  let zip: yauzl.ZipFile;
  try {
    zip = await open();
  } catch (error) {
    throw unreadable(label, `it is not a complete zip archive (${(error as Error).message})`);
  }
  const entries = new Map<ZipItem, yauzl.Entry>();
  try {
    if (zip.entryCount > limits.maxEntries)
      throw unreadable(
        label,
        `it holds ${zip.entryCount} entries, more than the ${limits.maxEntries} allowed`,
      );
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (error: Error) =>
        reject(error instanceof LecternError ? error : unreadable(label, error.message)),
      );
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        if (name.includes('\\') || name.split('/').includes('..'))
          return reject(unreadable(label, `the entry “${name}” points outside the archive`));
        if (entry.isEncrypted()) return reject(unreadable(label, `the entry “${name}” is encrypted`));
        if (entry.uncompressedSize > limits.maxEntryBytes)
          return reject(tooLarge(label, name, overCap(limits.maxEntryBytes)));
        total += entry.uncompressedSize;
        if (total > limits.maxTotalBytes) return reject(tooLarge(label, name, overCap(limits.maxTotalBytes)));
        if (!name.endsWith('/')) entries.set({ name, size: entry.uncompressedSize }, entry);
        zip.readEntry();
      });
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }
  const stream = async (item: ZipItem): Promise<Readable> => {
    const entry = entries.get(item);
    if (!entry) throw new Error(`not an entry of this zip: ${item.name}`);
    try {
      return await zip.openReadStreamPromise(entry);
    } catch (error) {
      throw unreadable(label, `the entry “${item.name}” is damaged (${(error as Error).message})`);
    }
  };
  return {
    items: [...entries.keys()],
    stream,
    async bytes(item) {
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of await stream(item)) chunks.push(chunk as Buffer);
      } catch (error) {
        if (error instanceof LecternError) throw error;
        // yauzl stops an entry that inflates past the size its header declared.
        if (/too many bytes in the stream/.test((error as Error).message))
          throw tooLarge(label, item.name, `the ${item.size} bytes its header declares`);
        throw unreadable(label, `the entry “${item.name}” is damaged`);
      }
      return Buffer.concat(chunks);
    },
    close: () => zip.close(),
  };
}
