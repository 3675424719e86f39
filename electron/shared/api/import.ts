/** Bringing new articles into the library. */
import type { ArticleSummary } from '../article';
import type { SerializedError } from '../errors';

/** A file handed to the backend: a dropped or chosen file, read whole. */
export interface FileInput {
  name: string;
  /** MIME type as the platform reported it; may be empty. */
  type: string;
  bytes: Uint8Array;
}

/** Text pasted or dropped as a clip. */
export interface TextInput {
  text: string;
  title?: string;
  url?: string;
}

export type ImportOutcome =
  | { status: 'imported'; input: string; article: ArticleSummary }
  | { status: 'failed'; input: string; error: SerializedError };

export interface ImportApi {
  /** Imports files one by one; a bad file fails alone, in its outcome. Errors: invalid-argument. */
  importFiles(files: FileInput[]): Promise<ImportOutcome[]>;
  /** Saves a text clip as an article; failures come back in the outcome. Errors: invalid-argument. */
  importText(input: TextInput): Promise<ImportOutcome>;
}

export const IMPORT_METHODS: Record<keyof ImportApi, true> = {
  importFiles: true,
  importText: true,
};
