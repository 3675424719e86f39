/**
 * Fetches a link for import, defensively: a time limit for the whole fetch,
 * redirects followed by hand (at most MAX_REDIRECTS, and a loop is named as
 * one), a size cap enforced while the body streams in (a missing or lying
 * Content-Length does not matter), and a content-type check, so an image or
 * an archive is refused with words before its bytes are read. A network
 * failure is 'unreachable', which the caller keeps as a pending article.
 * Every hop is made through a guarded agent (net/guarded-agent.ts): only the
 * hosts named in localHosts may be on a local address, so neither a page's
 * images nor a redirect reach this machine's network on a page's behalf.
 */
import { fetch, type Response } from 'undici';
import { LecternError } from '../../../shared/errors';
import { guardedAgent, LocalAddressRefused } from '../../net/guarded-agent';
import { isLocalAddress } from '../../net/local-address';

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Which content types are accepted: pages (HTML, PDF, text) or images. */
  accept: 'page' | 'image';
  signal?: AbortSignal;
  /**
   * Hosts that may be on a local address (net/guarded-agent.ts's mayBeLocal):
   * a link the person gave, or the local host a page came from. Any other
   * host, first or after a redirect, must be on a public one.
   */
  localHosts?: readonly string[];
}

export const PAGE_FETCH: FetchOptions = {
  timeoutMs: 20_000,
  maxBytes: 30 * 1024 * 1024,
  maxRedirects: 8,
  accept: 'page',
};

export const IMAGE_FETCH: FetchOptions = {
  timeoutMs: 10_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  accept: 'image',
};

export interface Fetched {
  /** The address after redirects. */
  url: string;
  contentType: string;
  bytes: Uint8Array;
  /** Whether it came from a local address, which only a host in localHosts may use. */
  local: boolean;
}

const PAGE_TYPES =
  /^(?:text\/html|application\/xhtml\+xml|application\/pdf|text\/plain|text\/markdown|text\/x-markdown)$/;

function describeType(type: string): string {
  if (type.startsWith('image/')) return `an image (${type})`;
  if (/zip|compressed|x-tar|gzip|octet-stream/.test(type)) return `a download (${type})`;
  if (type.startsWith('video/') || type.startsWith('audio/')) return `a media file (${type})`;
  return `${type || 'something without a type'}`;
}

async function readCapped(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  const tooLarge = () =>
    new LecternError(
      'too-large',
      `${url} is larger than the ${Math.round(maxBytes / 1048576)} MB Lectern fetches.`,
    );
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.byteLength;
      if (total > maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

export async function fetchUrl(address: string, options: FetchOptions): Promise<Fetched> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const seen = new Set<string>();
  const connected = new Map<string, string>();
  const dispatcher = guardedAgent({
    localHosts: options.localHosts ?? [],
    onConnect: (host, ip) => connected.set(host, ip),
  });
  let url = address;
  try {
    for (let hop = 0; ; hop++) {
      seen.add(url);
      const response = await fetch(url, {
        redirect: 'manual',
        signal,
        dispatcher,
        headers: {
          accept: options.accept === 'page' ? 'text/html,application/pdf;q=0.9,text/plain;q=0.8' : 'image/*',
        },
      });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        const next = new URL(response.headers.get('location') as string, url).href;
        if (seen.has(next)) {
          throw new LecternError(
            'fetch-failed',
            `${address} redirects in a loop, so there is no page to save.`,
          );
        }
        if (hop >= options.maxRedirects) {
          throw new LecternError(
            'fetch-failed',
            `${address} redirects more than ${options.maxRedirects} times; Lectern stopped following it.`,
          );
        }
        if (!/^https?:$/.test(new URL(next).protocol)) {
          throw new LecternError(
            'fetch-failed',
            `${address} redirects to an address that is not a web page.`,
          );
        }
        url = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new LecternError(
          'fetch-failed',
          response.status === 404 || response.status === 410
            ? `${address} was not found (HTTP ${response.status}). Check the link.`
            : `${address} answered with an error (HTTP ${response.status}). Try again later.`,
        );
      }
      const contentType =
        (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      const accepted =
        options.accept === 'page'
          ? PAGE_TYPES.test(contentType) || contentType === ''
          : contentType.startsWith('image/');
      if (!accepted) {
        await response.body?.cancel();
        throw new LecternError(
          'unsupported-type',
          `${address} serves ${describeType(contentType)}, not an article. Lectern saves web pages, PDFs and text.`,
        );
      }
      const bytes = await readCapped(response, address, options.maxBytes);
      return { url, contentType, bytes, local: isLocalAddress(connected.get(new URL(url).host) ?? '') };
    }
  } catch (error) {
    if (error instanceof LecternError) throw error;
    const cause = error instanceof Error ? error.cause : undefined;
    if (cause instanceof LocalAddressRefused) {
      throw new LecternError(
        'fetch-failed',
        `${address} leads to ${cause.host}, on a local address (${cause.address}). Lectern reaches local addresses only for a link you give.`,
      );
    }
    if (options.signal?.aborted) throw new LecternError('cancelled', `Fetching ${address} was cancelled.`);
    if (timeout.aborted) {
      throw new LecternError(
        'unreachable',
        `${address} did not answer within ${options.timeoutMs / 1000} seconds.`,
      );
    }
    throw new LecternError(
      'unreachable',
      `${address} could not be reached. Check the connection; the link is kept to retry.`,
    );
  } finally {
    void dispatcher.destroy();
  }
}
