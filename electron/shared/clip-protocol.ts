/**
 * The contract between the web clipper extension and Lectern's clip endpoint.
 * Both sides import this module, so a field renamed on one side fails the
 * other's type check instead of failing a person's clip at run time.
 *
 * The endpoint listens on 127.0.0.1 only, on CLIP_PORT or, when that is
 * taken, the first free port of the fallback range; the extension tries them
 * in order with `GET /ping`, which says only that Lectern is there.
 *
 * Pairing: `POST /pair` with a PairRequest answers a PairStarted whose short
 * code both the popup and Lectern's window show; the extension then polls
 * `GET /pair/<pairingId>` until the person allows or denies. The token is
 * handed out once and Lectern keeps only its hash. Every other request
 * carries `Authorization: Bearer <token>`.
 *
 * A clip is `POST /clip` as multipart/form-data: a part named `clip` holding
 * ClipRequest JSON and one file part per image, named as the image's
 * `part` in ClipRequest.images. The request id makes a resend harmless.
 */

export const CLIP_PORT = 47_615;
/** Ports tried, in order, when CLIP_PORT is taken. */
export const CLIP_PORT_FALLBACKS = [47_616, 47_617, 47_618, 47_619] as const;
/** The largest clip body accepted, images included; above it the answer is 413. */
export const MAX_CLIP_BYTES = 64 * 1024 * 1024;

export const CLIP_PATHS = {
  ping: '/ping',
  pair: '/pair',
  tags: '/tags',
  clip: '/clip',
} as const;

export interface PingAnswer {
  app: 'lectern';
  /** The protocol's version, raised only on a breaking change. */
  protocol: 1;
}

export interface PairRequest {
  /** What the person will recognise: "Chrome", "Firefox", "Edge"… */
  browser: string;
  /** The extension's id as its origin shows it (the host of chrome-extension://…). */
  extensionId: string;
}

export interface PairStarted {
  pairingId: string;
  /** Six characters shown in the popup and in Lectern's window, so the person can match them. */
  code: string;
}

export type PairStatus =
  { status: 'pending' } | { status: 'allowed'; token: string } | { status: 'denied' } | { status: 'expired' };

export type ClipKind = 'page' | 'selection' | 'link';

export interface ClipImage {
  /** The image's address as the page referred to it (after srcset and lazy-load resolution). */
  url: string;
  /** The multipart part that carries its bytes. */
  part: string;
}

export interface ClipRequest {
  /** A random id the extension makes once per clip; Lectern answers a repeat with the first result. */
  requestId: string;
  kind: ClipKind;
  /** The page's address: http or https only. */
  url: string;
  title: string;
  /** The serialized DOM (page), the selection's HTML (selection); absent for a link. */
  html?: string;
  images: ClipImage[];
  tags: string[];
  state: 'inbox' | 'archive';
  note: string;
}

/** The article a clip made, or the one it already was. */
export type ClipAnswer = ({ status: 'saved' } | { status: 'duplicate' }) & ClippedArticle;

export interface ClippedArticle {
  id: string;
  title: string;
  /**
   * The address that opens the article in the Lectern that answered: the
   * desktop app's `lectern://open?id=…`, or the browser shell's own page
   * (`http://127.0.0.1:<port>/#/article/<id>`), which only Lectern knows.
   */
  open: string;
}

/** Every refusal has this body, with a sentence the popup can show as it is. */
export interface ClipRefusal {
  error: { code: string; message: string };
}

export interface TagsAnswer {
  tags: string[];
}
