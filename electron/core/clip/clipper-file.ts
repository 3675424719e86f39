/**
 * clipper.json, in the library folder: the browsers paired with this library
 * (each with its token's SHA-256, never the token itself) and the request ids
 * of the last REMEMBERED_REQUESTS clips, with the article each made.
 *
 * Why the library folder: a request id names an article of this library, and
 * a pairing is consent to save into this library, so both travel with it
 * (switching libraries asks the browser to pair again; that is the point).
 * Why not lectern.json: that file is merged with what sync tools wrote and
 * every change to it is announced to every window as a settings change; a
 * clip's bookkeeping changes with every clip and concerns no window. The
 * library's lock (library/lock.ts) makes this process the file's only
 * writer, so memory is the truth and the file its atomic copy (JsonFile).
 * A damaged file costs the pairings (browsers pair again) and the memory of
 * request ids (a resent clip is then caught by its address), nothing more.
 */
import { join } from 'node:path';
import { DamagedFileError, JsonFile } from '../library/json-file';

export const CLIPPER_FILE = 'clipper.json';
/** Clips whose request ids are kept: far more than a browser ever holds back while Lectern is closed. */
export const REMEMBERED_REQUESTS = 2000;

export interface StoredBrowser {
  id: string;
  browser: string;
  extensionId: string;
  /** SHA-256 of the token, hex. */
  tokenHash: string;
  pairedAt: string;
  lastUsedAt: string | null;
}

export interface StoredRequest {
  requestId: string;
  articleId: string;
}

interface ClipperFileData {
  formatVersion: 1;
  browsers: StoredBrowser[];
  requests: StoredRequest[];
}

const isText = (value: unknown): value is string => typeof value === 'string';

function isBrowser(value: unknown): value is StoredBrowser {
  const b = value as StoredBrowser | null;
  return (
    typeof b === 'object' &&
    b !== null &&
    [b.id, b.browser, b.extensionId, b.tokenHash, b.pairedAt].every(isText) &&
    (b.lastUsedAt === null || isText(b.lastUsedAt))
  );
}

function isRequest(value: unknown): value is StoredRequest {
  const r = value as StoredRequest | null;
  return typeof r === 'object' && r !== null && isText(r.requestId) && isText(r.articleId);
}

export class ClipperFile {
  readonly #file: JsonFile<ClipperFileData>;
  #data: ClipperFileData;

  private constructor(file: JsonFile<ClipperFileData>, data: ClipperFileData) {
    this.#file = file;
    this.#data = data;
  }

  static async open(libraryDir: string): Promise<ClipperFile> {
    const file = new JsonFile<ClipperFileData>(join(libraryDir, CLIPPER_FILE));
    let stored: Partial<ClipperFileData> | null = null;
    try {
      stored = await file.read();
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error;
      console.warn(`Lectern: ${CLIPPER_FILE} could not be read; browsers will need to pair again.`);
    }
    const browsers = Array.isArray(stored?.browsers) ? stored.browsers.filter(isBrowser) : [];
    const requests = Array.isArray(stored?.requests) ? stored.requests.filter(isRequest) : [];
    return new ClipperFile(file, { formatVersion: 1, browsers, requests });
  }

  browsers(): readonly Readonly<StoredBrowser>[] {
    return this.#data.browsers;
  }

  async addBrowser(browser: StoredBrowser): Promise<void> {
    this.#data.browsers = [...this.#data.browsers, browser];
    await this.#save();
  }

  /** Forgets a browser; false when there was none by that id. */
  async removeBrowser(id: string): Promise<boolean> {
    const kept = this.#data.browsers.filter((browser) => browser.id !== id);
    if (kept.length === this.#data.browsers.length) return false;
    this.#data.browsers = kept;
    await this.#save();
    return true;
  }

  async touchBrowser(id: string, when: string): Promise<void> {
    this.#data.browsers = this.#data.browsers.map((browser) =>
      browser.id === id ? { ...browser, lastUsedAt: when } : browser,
    );
    await this.#save();
  }

  /** The article a request id made, when it is remembered. */
  articleFor(requestId: string): string | null {
    return this.#data.requests.find((request) => request.requestId === requestId)?.articleId ?? null;
  }

  async rememberRequest(request: StoredRequest): Promise<void> {
    this.#data.requests = [...this.#data.requests, request].slice(-REMEMBERED_REQUESTS);
    await this.#save();
  }

  #save(): Promise<void> {
    return this.#file.write(this.#data);
  }
}
