/**
 * The messages inside the extension: the popup asks the background (which
 * does all the work, so a clip goes on when the popup closes), and the
 * background asks the script it injected into a tab. Every request names its
 * tab, so a clip never reads "the active tab" later than the click.
 */
import type { ClipAnswer, PairStarted, PairStatus } from '../../electron/shared/clip-protocol';

export interface ClipOptions {
  tags: string[];
  state: 'inbox' | 'archive';
  note: string;
}

/** What became of one clip, in words the popup shows as they are. */
export type ClipOutcome =
  | ClipAnswer
  | { status: 'queued'; title: string; waiting: number; reason: string }
  /** `requestId` is set when the clip stays in the outbox, held for the person to retry or discard. */
  | { status: 'failed'; message: string; requestId?: string };

/** A clip Lectern refused, held in the browser with Lectern's reason. */
export interface RefusedClip {
  requestId: string;
  title: string;
  url: string;
  reason: string;
  /** When Lectern refused it (ms since the epoch). */
  at: number;
}

export interface TabSummary {
  id: number;
  windowId: number;
  url: string;
  title: string;
  /** Why this tab cannot be clipped (not a web page), or null. */
  unclippable: string | null;
}

export interface ClipperStatus {
  lectern: 'running' | 'absent';
  paired: boolean;
  /** Why Lectern stopped taking this browser's token (revoked, or another library), until it is paired again. */
  unpairedReason: string | null;
  waiting: number;
  refused: RefusedClip[];
  tab: TabSummary | null;
}

export type PairStep = Exclude<PairStatus, { status: 'allowed'; token: string }> | { status: 'allowed' };

export interface AllTabsOutcome {
  outcomes: ClipOutcome[];
}

/** Popup → background: each request with the answer it gets. */
export interface BackgroundCalls {
  status: { request: { tabId: number | null }; answer: ClipperStatus };
  /** Offers the waiting clips to Lectern now, answering once each has had its answer. */
  flush: { request: object; answer: { flushed: true } };
  tags: { request: object; answer: string[] };
  'pair-start': { request: object; answer: PairStarted | { error: string } };
  'pair-status': { request: { pairingId: string }; answer: PairStep | { error: string } };
  'save-page': { request: { tabId: number; options: ClipOptions }; answer: ClipOutcome };
  'save-selection': { request: { tabId: number; options: ClipOptions }; answer: ClipOutcome };
  'save-link': {
    request: { tabId: number; url: string; title: string; options: ClipOptions };
    answer: ClipOutcome;
  };
  'save-all-tabs': { request: { windowId: number; options: ClipOptions }; answer: AllTabsOutcome };
  'retry-refused': { request: { requestId: string }; answer: ClipOutcome };
  'discard-refused': { request: { requestId: string }; answer: { discarded: true } };
}

export type BackgroundCall = {
  [K in keyof BackgroundCalls]: { call: K } & BackgroundCalls[K]['request'];
}[keyof BackgroundCalls];

/** An image the page fetched, kept in the page until the background asks for its bytes. */
export interface CapturedImage {
  url: string;
  part: string;
  type: string;
  size: number;
}

export interface CapturedPage {
  captureId: string;
  url: string;
  title: string;
  html: string;
  images: CapturedImage[];
}

/** Background → the script in a tab. */
export interface PageCalls {
  capture: { request: { kind: 'page' | 'selection' }; answer: CapturedPage | { error: string } };
  'image-bytes': {
    request: { captureId: string; part: string };
    answer: { base64: string } | { error: string };
  };
  release: { request: { captureId: string }; answer: { released: true } };
}

export type PageCall = {
  [K in keyof PageCalls]: { call: K } & PageCalls[K]['request'];
}[keyof PageCalls];
