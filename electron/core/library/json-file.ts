/**
 * A lowdb adapter that reads JSON and writes it atomically (see
 * files/atomic-write.ts), one write at a time per file: each write waits for
 * the previous one, and serializes its data when called, so a later change
 * can never be overtaken by an earlier one.
 */
import type { Adapter } from 'lowdb';
import { SerialQueue } from '../../shared/async';
import { writeFileAtomic } from '../files/atomic-write';
import { isNotOwnFile, readOwnFile } from './own-file';

/** Thrown by read() when the file exists but is not valid JSON, or is a link (own-file.ts). */
export class DamagedFileError extends Error {
  constructor(readonly path: string) {
    super(`${path} is not valid JSON`);
  }
}

export class JsonFile<T> implements Adapter<T> {
  readonly #writes = new SerialQueue();

  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readOwnFile(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      if (isNotOwnFile(error)) throw new DamagedFileError(this.path);
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new DamagedFileError(this.path);
    }
  }

  write(data: T): Promise<void> {
    const text = `${JSON.stringify(data, null, 2)}\n`;
    return this.#writes.run(() => writeFileAtomic(this.path, text));
  }
}
