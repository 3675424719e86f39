/**
 * The browser shell's transport: the same dispatch as Electron's IPC, carried
 * over HTTP on 127.0.0.1 (DESIGN.md section 2). It holds no feature logic.
 *
 * Guards, in order: the Host header must name this loopback server (defeats
 * DNS rebinding); every request must carry the per-run token, either in the
 * first page's query string (or a one-use launch code standing for it) or in
 * the HttpOnly, SameSite=Strict cookie that page sets; API calls must come
 * from this origin (defeats cross-site requests even from pages that guessed
 * the port).
 *
 * Any local page can reach the port, so the server answers every request,
 * however malformed, and never stops: a target that does not parse gets 400,
 * what Node's parser refuses gets a raw 400 (431 for huge headers), a handler
 * that throws gets 500 and a log line. Call bodies are capped and large ones
 * read a few at a time (core/net/request-body.ts); the server's survival of
 * malformed requests is core/net/loopback-server.ts, shared with the clip endpoint.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import type { Dispatch } from '../core/dispatch';
import type { EventHub } from '../core/events';
import { articleAssetPath } from '../core/files/article-asset';
import { resolveInside } from '../core/files/inside';
import type { CallResult } from '../shared/api';
import { ASSET_SECURITY_POLICY, assetMimeType } from '../shared/assets';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import { LecternError, type SerializedError } from '../shared/errors';
import { MAX_REQUEST_BYTES } from '../shared/limits';
import { decodeWire, encodeWire } from '../shared/wire';
import { createLoopbackServer, requestUrl } from '../core/net/loopback-server';
import { BodyReader } from '../core/net/request-body';

export interface ShellServerOptions {
  dispatch: Dispatch;
  /** Where article assets are served from: the library folder open now (it changes when the window switches libraries). */
  libraryDir: () => string;
  events: EventHub;
  rendererDir: string;
  /** The app icon, served as /favicon.ico. */
  iconFile: string;
  token: string;
  port?: number;
}

export interface ShellServer {
  /** The address with the token, printed for the person to open (and read by the end-to-end tests). */
  url: string;
  /**
   * A new one-use address for a browser started by Lectern: command lines are
   * readable by every local user, so the token never goes on one. The code
   * sets the token cookie the first time it is opened and is worthless after.
   */
  launchUrl(): string;
  server: Server;
  close(): Promise<void>;
}

const COOKIE = 'lectern_token';
const HEARTBEAT_MS = 25_000;
const UNREADABLE: SerializedError = {
  code: 'invalid-argument',
  message: 'Lectern received a request it could not read.',
};

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookieToken(request: IncomingMessage): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return null;
}

function send(response: ServerResponse, status: number, body: string | Uint8Array, type: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
}

function refuse(response: ServerResponse, status: number, message: string): void {
  send(response, status, `${message}\n`, 'text/plain; charset=utf-8');
}

export async function startShellServer(options: ShellServerOptions): Promise<ShellServer> {
  const { dispatch, events, rendererDir, token, libraryDir, iconFile } = options;
  const streams = new Set<ServerResponse>();
  const bodies = new BodyReader();
  const launchCodes = new Set<string>();
  let origin = '';
  let host = '';

  /** Answers a call that cannot be read in the wire format, closing the connection if its body is unread. */
  function refuseCall(response: ServerResponse, status: number, error: SerializedError) {
    if (response.headersSent || response.destroyed) return;
    response.shouldKeepAlive = false;
    send(response, status, encodeWire({ ok: false, error } satisfies CallResult), 'application/octet-stream');
  }

  async function handleCall(request: IncomingMessage, response: ServerResponse, method: string) {
    try {
      await bodies.read(request, MAX_REQUEST_BYTES, async (body) => {
        let result: CallResult;
        try {
          result = await dispatch(method, decodeWire(body));
        } catch {
          result = { ok: false, error: UNREADABLE };
        }
        send(response, 200, encodeWire(result), 'application/octet-stream');
      });
    } catch (error) {
      if (error instanceof LecternError) return refuseCall(response, 413, error.toJSON());
      // The client hung up or broke the body's framing: nobody is left to read an answer.
      return refuseCall(response, 400, UNREADABLE);
    }
  }

  function handleEvents(request: IncomingMessage, response: ServerResponse) {
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    const unsubscribe = events.subscribe((event) => response.write(`data: ${JSON.stringify(event)}\n\n`));
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
    request.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(response);
    });
  }

  async function sendFile(response: ServerResponse, file: string, headers: Record<string, string>) {
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return refuse(response, 404, 'Not found.');
    }
    response.writeHead(200, headers);
    response.end(body);
  }

  async function handleAsset(response: ServerResponse, id: string, name: string) {
    const file = await articleAssetPath(libraryDir(), id, name);
    if (!file) return refuse(response, 404, 'Not found.');
    await sendFile(response, file, {
      ...SECURITY_HEADERS,
      'Content-Security-Policy': ASSET_SECURITY_POLICY,
      'Content-Type': assetMimeType(file),
      'Cache-Control': 'private, max-age=86400',
    });
  }

  async function handleStatic(response: ServerResponse, pathname: string, setCookie: boolean) {
    const wantsPage = pathname === '/' || extname(pathname) === '';
    const file = await resolveInside(rendererDir, wantsPage ? 'index.html' : pathname);
    if (!file) return refuse(response, 404, 'Not found.');
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': wantsPage ? 'no-store' : 'private, max-age=3600',
    };
    if (setCookie) headers['Set-Cookie'] = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    await sendFile(response, file, headers);
  }

  /** Whether this request carries a launch code not used before; using it spends it. */
  function spendsLaunchCode(url: URL): boolean {
    const code = url.searchParams.get('launch');
    if (code === null) return false;
    for (const known of launchCodes) {
      if (sameSecret(code, known)) {
        launchCodes.delete(known);
        return true;
      }
    }
    return false;
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.headers.host !== host) {
      return refuse(response, 421, 'This server only answers to its own address.');
    }
    const url = requestUrl(origin, request.url);
    if (!url) return refuse(response, 400, 'That address is not well formed.');
    const queryToken = url.searchParams.get('token');
    const fromQuery = (queryToken !== null && sameSecret(queryToken, token)) || spendsLaunchCode(url);
    const fromCookie = sameSecret(cookieToken(request) ?? '', token);
    if (!fromQuery && !fromCookie) {
      return refuse(response, 403, 'Open Lectern with the full address it printed when it started.');
    }
    if (url.pathname.startsWith('/api/')) {
      const sameOrigin = request.headers.origin === origin;
      const fetchSite = request.headers['sec-fetch-site'];
      if (request.method === 'POST' && url.pathname.startsWith('/api/call/')) {
        if (!sameOrigin) return refuse(response, 403, 'Cross-origin calls are refused.');
        let method: string;
        try {
          method = decodeURIComponent(url.pathname.slice('/api/call/'.length));
        } catch {
          return refuse(response, 400, 'That address is not well formed.');
        }
        return handleCall(request, response, method);
      }
      if (request.method === 'GET' && url.pathname === '/api/events') {
        if (fetchSite !== undefined && fetchSite !== 'same-origin') {
          return refuse(response, 403, 'Cross-origin event streams are refused.');
        }
        return handleEvents(request, response);
      }
      return refuse(response, 404, 'Not found.');
    }
    if (request.method !== 'GET') return refuse(response, 405, 'Method not allowed.');
    if (url.pathname === '/favicon.ico') {
      return sendFile(response, iconFile, {
        ...SECURITY_HEADERS,
        'Content-Type': 'image/x-icon',
        'Cache-Control': 'private, max-age=86400',
      });
    }
    if (url.pathname.startsWith('/asset/')) {
      // Anything under /asset/ that is not exactly /asset/<id>/<name> is refused, never served as a page.
      const asset = /^\/asset\/([^/]+)\/([^/]+)$/.exec(url.pathname);
      if (!asset) return refuse(response, 404, 'Not found.');
      return handleAsset(response, asset[1] as string, asset[2] as string);
    }
    return handleStatic(response, url.pathname, fromQuery);
  }

  // Whatever goes wrong in a handler is a bug: logged, answered 500, and the server goes on.
  const server = createLoopbackServer(route, (response) =>
    refuse(response, 500, 'Lectern could not answer that request.'),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  host = `127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    launchUrl() {
      const code = randomBytes(24).toString('base64url');
      launchCodes.add(code);
      return `${origin}/?launch=${code}`;
    },
    server,
    async close() {
      for (const stream of streams) stream.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
