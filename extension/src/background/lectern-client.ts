/**
 * Requests to a found Lectern endpoint, each answer turned into a value the
 * clipper acts on: never a thrown network error, never a raw status. A
 * refusal carries Lectern's own sentence (ClipRefusal), which the popup shows
 * as it is. Only JSON and multipart bodies go out, as the endpoint demands.
 */
import {
  CLIP_PATHS,
  type ClipAnswer,
  type ClipRefusal,
  type ClipRequest,
  type PairRequest,
  type PairStarted,
  type PairStatus,
  type TagsAnswer,
} from '../../../electron/shared/clip-protocol';
import { base64ToBytes } from '../base64';
import { endpointUrl } from './find-lectern';

const REQUEST_TIMEOUT_MS = 10_000;
/** A clip may carry tens of megabytes, and Lectern extracts it before answering. */
const CLIP_TIMEOUT_MS = 120_000;

export interface QueuedImage {
  part: string;
  type: string;
  base64: string;
}

/** A clip as the outbox keeps it: the request, and its images' bytes as text. */
export interface QueuedClip {
  request: ClipRequest;
  images: QueuedImage[];
  queuedAt: number;
}

export type Answer<T> =
  | { kind: 'ok'; value: T }
  /** Lectern did not answer: not running, or gone mid-request. */
  | { kind: 'unreachable' }
  /** The token is missing, wrong or revoked: pair again. */
  | { kind: 'unpaired'; message: string }
  /** Lectern is busy or failed inside; the same request may go through later. */
  | { kind: 'retry'; message: string }
  | { kind: 'refused'; message: string };

const UNREADABLE = 'Lectern sent an answer the clipper could not read.';

async function refusalMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as Partial<ClipRefusal>;
    if (typeof body.error?.message === 'string' && body.error.message !== '') return body.error.message;
  } catch {
    // The sentence below stands in for a body that is not a ClipRefusal.
  }
  return response.status === 413
    ? 'This clip is larger than Lectern accepts in one request.'
    : `Lectern refused the clip (HTTP ${response.status}).`;
}

export class LecternClient {
  constructor(
    private readonly port: number,
    private readonly token: string | null,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  async #request<T>(path: string, init: RequestInit, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Answer<T>> {
    const headers = new Headers(init.headers);
    if (this.token) headers.set('authorization', `Bearer ${this.token}`);
    // Called unbound: the browser's fetch throws "Illegal invocation" with this client as `this`.
    const send = this.fetchFn;
    let response: Response;
    try {
      response = await send(endpointUrl(this.port, path), {
        ...init,
        headers,
        credentials: 'omit',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      return { kind: 'unreachable' };
    }
    if (response.ok) {
      try {
        return { kind: 'ok', value: (await response.json()) as T };
      } catch {
        return { kind: 'refused', message: UNREADABLE };
      }
    }
    const message = await refusalMessage(response);
    if (response.status === 401) return { kind: 'unpaired', message };
    if (response.status === 429 || response.status >= 500) return { kind: 'retry', message };
    return { kind: 'refused', message };
  }

  #json(method: string, body?: unknown): RequestInit {
    return body === undefined
      ? { method }
      : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  }

  pair(request: PairRequest): Promise<Answer<PairStarted>> {
    return this.#request(CLIP_PATHS.pair, this.#json('POST', request));
  }

  pairStatus(pairingId: string): Promise<Answer<PairStatus>> {
    return this.#request(`${CLIP_PATHS.pair}/${encodeURIComponent(pairingId)}`, this.#json('GET'));
  }

  async tags(): Promise<Answer<string[]>> {
    const answer = await this.#request<TagsAnswer>(CLIP_PATHS.tags, this.#json('GET'));
    return answer.kind === 'ok' ? { kind: 'ok', value: answer.value.tags } : answer;
  }

  clip(clip: QueuedClip): Promise<Answer<ClipAnswer>> {
    return this.#request(CLIP_PATHS.clip, { method: 'POST', body: clipForm(clip) }, CLIP_TIMEOUT_MS);
  }
}

/** The multipart body of a clip: the request as JSON, then one file part per image. */
export function clipForm(clip: QueuedClip): FormData {
  const form = new FormData();
  form.append('clip', JSON.stringify(clip.request));
  for (const image of clip.images) {
    form.append(image.part, new Blob([base64ToBytes(image.base64)], { type: image.type }), image.part);
  }
  return form;
}
