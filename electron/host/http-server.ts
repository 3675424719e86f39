/**
 * The browser shell's transport: the same dispatch as Electron's IPC, carried
 * over HTTP on 127.0.0.1 (DESIGN.md section 2). It holds no feature logic.
 *
 * Guards, in order: the Host header must name this loopback server (defeats
 * DNS rebinding); every request must carry the per-run token, either in the
 * first page's query string or in the HttpOnly, SameSite=Strict cookie that
 * page sets; API calls must come from this origin (defeats cross-site
 * requests even from pages that guessed the port).
 */
import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import type { Dispatch } from '../core/dispatch';
import type { EventHub } from '../core/events';
import { articleAssetPath } from '../core/files/article-asset';
import { resolveInside } from '../core/files/inside';
import type { CallResult } from '../shared/api';
import { ASSET_SECURITY_POLICY, assetMimeType } from '../shared/assets';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import { LecternError, serializeError } from '../shared/errors';
import { MAX_IMPORT_BYTES } from '../shared/limits';
import { decodeWire, encodeWire } from '../shared/wire';

export interface ShellServerOptions {
  dispatch: Dispatch;
  /** Where article assets are served from: the library folder. */
  libraryDir: string;
  events: EventHub;
  rendererDir: string;
  token: string;
  port?: number;
}

export interface ShellServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const COOKIE = 'lectern_token';
/** Room for one maximal file plus the frame around it. */
const MAX_BODY_BYTES = MAX_IMPORT_BYTES + 1024 * 1024;
const HEARTBEAT_MS = 25_000;

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

async function readBody(request: IncomingMessage): Promise<Uint8Array> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES)
    throw new LecternError('too-large', 'That request is larger than Lectern accepts.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new LecternError('too-large', 'That request is larger than Lectern accepts.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startShellServer(options: ShellServerOptions): Promise<ShellServer> {
  const { dispatch, events, rendererDir, token, libraryDir } = options;
  const streams = new Set<ServerResponse>();
  let origin = '';

  async function handleCall(request: IncomingMessage, response: ServerResponse, method: string) {
    let result: CallResult;
    try {
      const args = decodeWire(await readBody(request));
      result = await dispatch(method, args);
    } catch (error) {
      result = {
        ok: false,
        error:
          error instanceof LecternError
            ? serializeError(error)
            : { code: 'invalid-argument', message: 'Lectern received a request it could not read.' },
      };
    }
    send(response, 200, encodeWire(result), 'application/octet-stream');
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

  async function handleAsset(response: ServerResponse, id: string, name: string) {
    const file = await articleAssetPath(libraryDir, id, name);
    if (!file) return refuse(response, 404, 'Not found.');
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Security-Policy': ASSET_SECURITY_POLICY,
        'Content-Type': assetMimeType(file),
        'Cache-Control': 'private, max-age=86400',
      });
      response.end(body);
    } catch {
      refuse(response, 404, 'Not found.');
    }
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
    try {
      const body = await readFile(file);
      response.writeHead(200, headers);
      response.end(body);
    } catch {
      refuse(response, 404, 'Not found.');
    }
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    if (request.headers.host !== new URL(origin).host) {
      return refuse(response, 421, 'This server only answers to its own address.');
    }
    const queryToken = url.searchParams.get('token');
    const fromQuery = queryToken !== null && sameSecret(queryToken, token);
    const fromCookie = sameSecret(cookieToken(request) ?? '', token);
    if (!fromQuery && !fromCookie) {
      return refuse(response, 403, 'Open Lectern with the full address it printed when it started.');
    }
    if (url.pathname.startsWith('/api/')) {
      const sameOrigin = request.headers.origin === origin;
      const fetchSite = request.headers['sec-fetch-site'];
      if (request.method === 'POST' && url.pathname.startsWith('/api/call/')) {
        if (!sameOrigin) return refuse(response, 403, 'Cross-origin calls are refused.');
        void handleCall(request, response, decodeURIComponent(url.pathname.slice('/api/call/'.length)));
        return;
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
    if (url.pathname.startsWith('/asset/')) {
      // Anything under /asset/ that is not exactly /asset/<id>/<name> is refused, never served as a page.
      const asset = /^\/asset\/([^/]+)\/([^/]+)$/.exec(url.pathname);
      if (!asset) return refuse(response, 404, 'Not found.');
      return void handleAsset(response, asset[1] as string, asset[2] as string);
    }
    void handleStatic(response, url.pathname, fromQuery);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    server,
    async close() {
      for (const stream of streams) stream.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
