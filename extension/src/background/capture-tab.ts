/**
 * Takes a clip out of a tab: injects the page script, asks it to serialize
 * the page or the selection, then pulls the images it fetched one by one.
 * Images the page could not fetch (another site's CORS) are fetched here,
 * with the extension's host permission and the browser's cookies. Everything
 * is addressed by the tab id the click carried, never by "the active tab".
 */
import type { ClipRequest } from '../../../electron/shared/clip-protocol';
import { bytesToBase64 } from '../base64';
import { ext } from '../browser-api';
import { fetchImages } from '../fetch-images';
import type { CapturedPage, ClipOptions, PageCall, PageCalls } from '../messages';
import type { QueuedClip, QueuedImage } from './lectern-client';

const PAGE_SCRIPT = 'page.js';

/** Why a tab cannot be clipped, or null for a web page. */
export function unclippableReason(url: string | undefined): string | null {
  if (url && /^https?:\/\//i.test(url)) return null;
  return 'Lectern saves web pages (http or https addresses); this tab shows something else.';
}

function ask<K extends keyof PageCalls>(
  tabId: number,
  message: Extract<PageCall, { call: K }>,
): Promise<PageCalls[K]['answer']> {
  return ext.tabs.sendMessage(tabId, message, { frameId: 0 });
}

async function pullImages(tabId: number, captured: CapturedPage): Promise<QueuedImage[]> {
  const images: QueuedImage[] = [];
  for (const image of captured.images.filter((entry) => entry.size >= 0)) {
    const answer = await ask(tabId, { call: 'image-bytes', captureId: captured.captureId, part: image.part });
    if ('base64' in answer) images.push({ part: image.part, type: image.type, base64: answer.base64 });
  }
  const refused = await fetchImages(captured.images.filter((entry) => entry.size < 0));
  for (const image of refused)
    images.push({ part: image.part, type: image.type, base64: bytesToBase64(image.bytes) });
  return images;
}

export type Captured = { clip: QueuedClip; htmlBytes: number; imageSizes: number[] } | { error: string };

export async function captureTab(
  tabId: number,
  kind: 'page' | 'selection',
  options: ClipOptions,
): Promise<Captured> {
  const tab = await ext.tabs.get(tabId);
  const reason = unclippableReason(tab.url);
  if (reason) return { error: reason };
  try {
    await ext.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [PAGE_SCRIPT] });
  } catch {
    return {
      error: 'The browser does not let extensions read this page, so it cannot be clipped. Try Save link.',
    };
  }
  const captured = await ask(tabId, { call: 'capture', kind });
  if ('error' in captured) return captured;
  try {
    const images = await pullImages(tabId, captured);
    const sent = new Set(images.map((image) => image.part));
    const request: ClipRequest = {
      requestId: crypto.randomUUID(),
      kind,
      url: captured.url,
      title: captured.title,
      html: captured.html,
      images: captured.images.filter((image) => sent.has(image.part)).map(({ url, part }) => ({ url, part })),
      ...options,
    };
    return {
      clip: { request, images, queuedAt: Date.now() },
      htmlBytes: new TextEncoder().encode(captured.html).length,
      imageSizes: images.map((image) => (image.base64.length * 3) / 4),
    };
  } finally {
    await ask(tabId, { call: 'release', captureId: captured.captureId });
  }
}

export function linkClip(url: string, title: string, options: ClipOptions): QueuedClip {
  return {
    request: { requestId: crypto.randomUUID(), kind: 'link', url, title, images: [], ...options },
    images: [],
    queuedAt: Date.now(),
  };
}
