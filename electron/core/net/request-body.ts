/**
 * Reads a request's body with bounded memory, for the loopback servers (the
 * browser shell's transport and the clip endpoint).
 *
 * Each body is capped (at MAX_REQUEST_BYTES unless the caller gives a limit): a declared Content-Length over it
 * is refused before a byte is read, a streamed body as soon as its count
 * passes it. Bodies that may be large (over LARGE_BODY_BYTES, or of unknown
 * length) also wait for one of LARGE_BODIES_AT_ONCE slots, held until the
 * caller is done with the body (BodyReader puts the steps in this order for
 * both servers), so six 100 MB imports queue instead of holding six
 * buffers (and their decoded copies) at once. The trade-off: a large import
 * waits behind another, and a waiting client's bytes sit in the kernel's
 * socket buffers; everyday calls stay well under the threshold and never wait.
 */
import type { IncomingMessage } from 'node:http';
import { LecternError } from '../../shared/errors';
import { MAX_REQUEST_BYTES } from '../../shared/limits';

export const LARGE_BODY_BYTES = 1024 * 1024;
export const LARGE_BODIES_AT_ONCE = 2;

export function bodyTooLarge(limit = MAX_REQUEST_BYTES): LecternError {
  const mb = Math.round(limit / (1024 * 1024));
  return new LecternError('too-large', `That request is larger than the ${mb} MB Lectern accepts.`);
}

/** The declared length, or null when the body is chunked. Node has already refused a malformed one. */
export function declaredLength(request: IncomingMessage): number | null {
  const header = request.headers['content-length'];
  return header === undefined ? null : Number(header);
}

/** A counting semaphore: take() resolves with the function that gives the slot back. */
export class Slots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(count: number) {
    this.#free = count;
  }

  async take(): Promise<() => void> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free++;
    };
  }
}

/**
 * The whole body, or a rejection: `too-large` past the cap, or the stream's
 * error when the client hangs up early. Listens for 'data' rather than
 * iterating, because leaving an async iterator destroys the request and with
 * it the socket the 413 must go out on.
 */
export function readBody(request: IncomingMessage, limit = MAX_REQUEST_BYTES): Promise<Buffer> {
  // A request can be gone before its reading starts (its client left while it waited for a slot).
  if (request.destroyed)
    return Promise.reject(new Error('The connection closed before the request body was read.'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stop();
        request.pause();
        reject(bodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onClose = () => {
      stop();
      reject(new Error('The connection closed before the request body ended.'));
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}

/**
 * A server's bodies, read through every guard in order: the declared length
 * checked against the cap, a slot taken for a large body, the body read and
 * handed to `use`, and the slot held until `use` is done, because what `use`
 * makes of the body (a decoded copy, an import) is the memory the slots bound.
 * Rejects with `too-large` past the cap, or the stream's error.
 */
export class BodyReader {
  readonly #largeBodies: Slots;

  constructor(largeAtOnce = LARGE_BODIES_AT_ONCE) {
    this.#largeBodies = new Slots(largeAtOnce);
  }

  async read<T>(request: IncomingMessage, limit: number, use: (body: Buffer) => T | Promise<T>): Promise<T> {
    const declared = declaredLength(request);
    if (declared !== null && declared > limit) throw bodyTooLarge(limit);
    const giveBack = declared === null || declared > LARGE_BODY_BYTES ? await this.#largeBodies.take() : null;
    try {
      return await use(await readBody(request, limit));
    } finally {
      giveBack?.();
    }
  }
}
