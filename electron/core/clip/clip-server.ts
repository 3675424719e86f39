/**
 * The clip endpoint: the web clipper's way into Lectern, on 127.0.0.1 only
 * (clip-protocol.ts has the protocol). Every request passes, in order: the
 * caller guards (clip-guards.ts: Host, Origin, Sec-Fetch-Site), the method
 * and path, the bearer token for everything but /ping and pairing, the body
 * type, and the body cap (MAX_CLIP_BYTES for a clip, a few kilobytes for the
 * rest), a declared length over it refused before a byte is read. Then the
 * body is parsed and checked against its schema. Any refusal is a status
 * with a ClipRefusal body; the server itself survives anything a caller
 * sends (core/net/loopback-server.ts), and one clip's failure is its own.
 * Large bodies wait for one of a few slots (core/net/request-body.ts), so a
 * burst of queued clips does not hold every body in memory at once.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import * as v from 'valibot';
import type {
  ClipAnswer,
  ClipRefusal,
  ClipRequest,
  PairStarted,
  PairStatus,
  PingAnswer,
  TagsAnswer,
} from '../../shared/clip-protocol';
import { CLIP_PATHS, MAX_CLIP_BYTES } from '../../shared/clip-protocol';
import { LecternError } from '../../shared/errors';
import { clipRequest, pairRequest } from '../../shared/schemas/clip-protocol';
import type { LecternApi } from '../../shared/api';
import { createLoopbackServer, requestUrl } from '../net/loopback-server';
import { BodyReader, bodyTooLarge } from '../net/request-body';
import {
  bearerToken,
  checkBodyType,
  checkCaller,
  corsHeaders,
  extensionIdOf,
  PREFLIGHT_HEADERS,
  type BodyKind,
  type Refusal,
} from './clip-guards';
import type { Clipper } from './clipper';
import type { ClipImporter } from './import-clip';
import { parseMultipart } from './multipart';

/** The cap on every body but a clip's: a pairing request is a few dozen bytes. */
const MAX_SMALL_BODY_BYTES = 16 * 1024;
const PING: PingAnswer = { app: 'lectern', protocol: 1 };
const PAIR_STATUS = new RegExp(`^${CLIP_PATHS.pair}/([\\w-]{1,64})$`);

export interface ClipServerOptions {
  clipper: Clipper;
  importer: ClipImporter;
  service: Pick<LecternApi, 'listTags'>;
}

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

const refused = (status: number, code: string, message: string) => new Refused({ status, code, message });

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  return path ? `${path} ${issue.message}` : issue.message;
}

function parsed<T>(schema: v.GenericSchema<unknown, T>, value: unknown, what: string): T {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  throw refused(
    400,
    'invalid-request',
    `Lectern could not read the ${what}: ${describeIssue(result.issues[0])}.`,
  );
}

function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw refused(400, 'invalid-request', `Lectern could not read the ${what}: it is not JSON.`);
  }
}

/** Makes the node:http server; the caller listens (clip-endpoint.ts), and tells it its port. */
export function createClipServer({ clipper, importer, service }: ClipServerOptions): {
  server: Server;
  setPort(port: number): void;
} {
  let port = 0;
  const bodies = new BodyReader();

  function answer(
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    body: PingAnswer | PairStarted | PairStatus | TagsAnswer | ClipAnswer | ClipRefusal,
  ): void {
    if (response.headersSent || response.destroyed) return;
    response.writeHead(status, {
      ...corsHeaders(request.headers),
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    response.end(JSON.stringify(body));
  }

  function refuse(request: IncomingMessage, response: ServerResponse, { status, code, message }: Refusal) {
    // A refusal may leave the body unread: the connection cannot carry another request.
    response.shouldKeepAlive = false;
    answer(request, response, status, { error: { code, message } });
  }

  async function body(request: IncomingMessage, kind: BodyKind, limit: number): Promise<Buffer> {
    const wrongType = checkBodyType(request.headers, kind);
    if (wrongType) throw new Refused(wrongType);
    try {
      return await bodies.read(request, limit, (read) => read);
    } catch (error) {
      if (error instanceof LecternError) throw tooLarge(limit);
      throw refused(400, 'invalid-request', 'The request ended before its body did.');
    }
  }

  function tooLarge(limit: number): Refused {
    const message =
      limit === MAX_CLIP_BYTES
        ? `${bodyTooLarge(limit).message} Save a selection of the page instead, or save it as a link.`
        : bodyTooLarge(limit).message;
    return refused(413, 'too-large', message);
  }

  /** The paired browser a request speaks for; refuses one without a valid token, or from another extension. */
  function paired(request: IncomingMessage) {
    const token = bearerToken(request.headers);
    const browser = token ? clipper.browserFor(token) : null;
    if (!browser) {
      throw refused(
        401,
        'not-paired',
        'This browser is not paired with Lectern, or its pairing was revoked: pair it again from the extension.',
      );
    }
    const origin = extensionIdOf(request.headers.origin);
    if (origin !== null && origin !== browser.extensionId) {
      throw refused(401, 'not-paired', 'That token was given to another extension.');
    }
    return browser;
  }

  async function clip(request: IncomingMessage, response: ServerResponse) {
    const browser = paired(request);
    const bytes = await body(request, 'multipart', MAX_CLIP_BYTES);
    let parts;
    try {
      parts = parseMultipart(bytes, request.headers['content-type'] ?? '');
    } catch (error) {
      if (error instanceof LecternError) throw refused(400, 'invalid-request', error.message);
      throw error;
    }
    const json = parts.find((part) => part.name === 'clip');
    if (!json) throw refused(400, 'invalid-request', 'The request holds no part named “clip”.');
    const clipped: ClipRequest = parsed(clipRequest, parseJson(json.data, 'clip'), 'clip');
    const images = new Map(parts.filter((part) => part !== json).map((part) => [part.name, part.data]));
    const missing = clipped.images.find((image) => !images.has(image.part));
    if (missing)
      throw refused(
        400,
        'invalid-request',
        `The clip names an image part “${missing.part}” it does not hold.`,
      );
    let saved: ClipAnswer;
    try {
      saved = await importer.save(clipped, images);
    } catch (error) {
      if (!(error instanceof LecternError)) throw error;
      return answer(request, response, 422, { error: { code: error.code, message: error.message } });
    }
    // Noted before answering, so a clip's answer comes after every write it caused.
    await clipper.used(browser.id);
    answer(request, response, 200, saved);
  }

  async function pair(request: IncomingMessage, response: ServerResponse) {
    const asked = parsed(
      pairRequest,
      parseJson(await body(request, 'json', MAX_SMALL_BODY_BYTES), 'pairing request'),
      'pairing request',
    );
    const origin = extensionIdOf(request.headers.origin);
    if (origin !== null && origin !== asked.extensionId) {
      throw refused(403, 'wrong-extension', 'The extension id does not match the extension asking.');
    }
    const started = clipper.startPairing(asked);
    if (!started) {
      throw refused(
        429,
        'too-many-pairings',
        'Lectern is already showing pairing requests: answer those first.',
      );
    }
    answer(request, response, 200, started);
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const caller = checkCaller(request.headers, port);
    if (caller) return refuse(request, response, caller);
    const url = requestUrl(`http://127.0.0.1:${port}`, request.url);
    if (!url)
      return refuse(request, response, {
        status: 400,
        code: 'invalid-request',
        message: 'That address is not well formed.',
      });
    if (request.method === 'OPTIONS') {
      const cors = corsHeaders(request.headers);
      if (!cors['Access-Control-Allow-Origin']) {
        return refuse(request, response, {
          status: 403,
          code: 'web-origin',
          message: 'Only Lectern’s extension may ask.',
        });
      }
      response.writeHead(204, { ...cors, ...PREFLIGHT_HEADERS });
      response.end();
      return;
    }
    const path = url.pathname;
    const method = request.method;
    try {
      if (method === 'GET' && path === CLIP_PATHS.ping) return answer(request, response, 200, PING);
      if (method === 'POST' && path === CLIP_PATHS.pair) return await pair(request, response);
      const polled = method === 'GET' ? PAIR_STATUS.exec(path) : null;
      if (polled) return answer(request, response, 200, clipper.pairingStatus(polled[1] as string));
      if (method === 'GET' && path === CLIP_PATHS.tags) {
        paired(request);
        const tags = (await service.listTags()).map((tag) => tag.name);
        return answer(request, response, 200, { tags });
      }
      if (method === 'POST' && path === CLIP_PATHS.clip) return await clip(request, response);
      const known = Object.values(CLIP_PATHS).some((known) => known === path) || PAIR_STATUS.test(path);
      return refuse(
        request,
        response,
        known
          ? { status: 405, code: 'wrong-method', message: 'That method is not used there.' }
          : { status: 404, code: 'not-found', message: 'Lectern has nothing at that address.' },
      );
    } catch (error) {
      if (error instanceof Refused) return refuse(request, response, error.refusal);
      throw error;
    }
  }

  const server = createLoopbackServer(route, (response) => {
    response.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
    response.end(
      JSON.stringify({ error: { code: 'internal', message: 'Lectern could not answer that request.' } }),
    );
  });
  return { server, setPort: (next) => (port = next) };
}
