/**
 * The clip endpoint's guards on who is asking, decided from the request's
 * headers alone, before a byte of its body is read. Any web page the person
 * visits can send requests to a port on 127.0.0.1, so:
 * - Host must name this endpoint (127.0.0.1 or localhost, with its port): a
 *   page on a rebound DNS name sends its own name, and is refused;
 * - an Origin must be a browser extension's (chrome-extension://,
 *   moz-extension://, safari-web-extension://) or absent (a program on this
 *   machine, which could read the library's files anyway): a web page's
 *   Origin is refused, and so is `Sec-Fetch-Site: cross-site` from anything
 *   but an extension;
 * - a body must be application/json or multipart/form-data, which a page
 *   cannot send without a CORS preflight, and preflights are answered only
 *   for extension origins: so no "simple request" can get through by form
 *   or by fetch in no-cors mode.
 * Each refusal is a status and a sentence; tokens are checked by the server.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

const EXTENSION_ORIGIN = /^(?:chrome-extension|moz-extension|safari-web-extension):\/\/([\w.@{}-]+)$/;

/** The extension id in an extension origin, or null when `origin` is not one. */
export function extensionIdOf(origin: string | undefined): string | null {
  return (origin && EXTENSION_ORIGIN.exec(origin)?.[1]) || null;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Refuses a request that names another host, comes from a web page, or crosses sites without being an extension's. */
export function checkCaller(headers: IncomingHttpHeaders, port: number): Refusal | null {
  const host = headers.host?.toLowerCase();
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return {
      status: 421,
      code: 'wrong-host',
      message: 'The clip endpoint answers only to 127.0.0.1 and localhost.',
    };
  }
  const origin = one(headers.origin);
  const fromExtension = extensionIdOf(origin) !== null;
  if (origin !== undefined && !fromExtension) {
    return {
      status: 403,
      code: 'web-origin',
      message: 'Web pages may not talk to Lectern; only its browser extension may.',
    };
  }
  if (one(headers['sec-fetch-site']) === 'cross-site' && !fromExtension) {
    return {
      status: 403,
      code: 'cross-site',
      message: 'Cross-site requests may not talk to Lectern; only its browser extension may.',
    };
  }
  return null;
}

export type BodyKind = 'json' | 'multipart';

/** Refuses a body that is not of the one kind a path takes. */
export function checkBodyType(headers: IncomingHttpHeaders, kind: BodyKind): Refusal | null {
  const type = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const wanted = kind === 'json' ? 'application/json' : 'multipart/form-data';
  if (type === wanted) return null;
  return { status: 415, code: 'wrong-type', message: `Lectern takes this request only as ${wanted}.` };
}

/** The bearer token a request carries, or null. */
export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const match = /^Bearer ([\w-]{1,200})$/.exec(headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** CORS headers for an extension's origin; none for anything else, and never a wildcard. */
export function corsHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const origin = one(headers.origin);
  if (!origin || extensionIdOf(origin) === null) return {};
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
}

/** The answer to an extension's CORS preflight. */
export const PREFLIGHT_HEADERS = {
  'Access-Control-Allow-Methods': 'GET, POST',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Max-Age': '600',
};
