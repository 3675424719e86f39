/**
 * A node:http server for a loopback port that any local page or program can
 * reach (the browser shell's transport, the clip endpoint), so it answers
 * every request, however malformed, and never stops: what Node's parser
 * refuses gets a raw 400 (431 for huge headers) and the socket goes; a
 * client that hangs up mid-request is let go; a handler that throws is a
 * bug, logged, and its request gets the caller's failure answer.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { logUnexpected } from '../log';

export type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** The raw answer to a request Node's parser refused: there is no response object to answer with. */
function rawRefusal(status: 400 | 431, message: string): string {
  const reason = status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
  const body = `${message}\n`;
  return (
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
}

/** The request's address, or null when its target is not an origin-form path that parses. */
export function requestUrl(origin: string, target: string | undefined): URL | null {
  if (!target?.startsWith('/')) return null;
  try {
    // Appended to the origin, never resolved against it: '//host/x' stays a path here.
    return new URL(`${origin}${target}`);
  } catch {
    return null;
  }
}

/** `fail` answers a request whose handler threw; it is called only while headers can still be sent. */
export function createLoopbackServer(handle: Handler, fail: (response: ServerResponse) => void): Server {
  /** Sockets with a request being answered: a parser error there cannot be answered in raw bytes. */
  const answering = new WeakSet<Socket>();
  const server = createServer((request, response) => {
    const socket = request.socket;
    answering.add(socket);
    response.on('close', () => answering.delete(socket));
    // A client that hangs up mid-request errors its streams; there is no one left to tell,
    // and an unheard 'error' event would stop the whole backend.
    request.on('error', () => response.destroy());
    response.on('error', () => socket.destroy());
    handle(request, response).catch((error: unknown) => {
      logUnexpected(error);
      if (!response.headersSent && !response.destroyed) {
        response.shouldKeepAlive = false;
        fail(response);
      } else {
        response.destroy();
      }
    });
  });
  // Requests Node's parser refuses (a header line without a colon, a huge header, a bad
  // Content-Length or chunk size, an unknown method) get a short answer, and the socket goes.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (socket.writable && !answering.has(socket) && error.code !== 'ECONNRESET') {
      const refusal =
        error.code === 'HPE_HEADER_OVERFLOW'
          ? rawRefusal(431, 'The request’s headers are too large.')
          : rawRefusal(400, 'Lectern could not read that request.');
      socket.end(refusal, () => socket.destroy());
    } else {
      socket.destroy();
    }
  });
  return server;
}
