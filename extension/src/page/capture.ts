/**
 * What the injected script does when the background asks for a clip: the
 * page (or the selection) serialized as rendered, and its images fetched in
 * the page's own context. The bytes stay here, under a capture id, until the
 * background pulls them one image at a time: a message has a size limit, a
 * page's images together may not fit in one.
 */
import type { CapturedPage } from '../messages';
import { fetchImages, type FetchedImage } from '../fetch-images';
import { serializeDocument, serializeFragment, type SerializedHtml } from './serialize-document';

const held = new Map<string, Map<string, FetchedImage>>();

function serializeSelection(): SerializedHtml | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < selection.rangeCount; i++) fragment.append(selection.getRangeAt(i).cloneContents());
  return serializeFragment(fragment, document.baseURI);
}

export async function capture(kind: 'page' | 'selection'): Promise<CapturedPage | { error: string }> {
  const serialized = kind === 'page' ? serializeDocument(document) : serializeSelection();
  if (!serialized) return { error: 'Nothing is selected on this page: select the part to save first.' };
  const images = await fetchImages(serialized.images);
  const captureId = crypto.randomUUID();
  held.set(captureId, new Map(images.map((image) => [image.part, image])));
  return {
    captureId,
    url: location.href,
    title: document.title,
    html: serialized.html,
    images: serialized.images.map((picked) => {
      const image = held.get(captureId)?.get(picked.part);
      return { ...picked, type: image?.type ?? '', size: image?.bytes.length ?? -1 };
    }),
  };
}

export function heldImage(captureId: string, part: string): FetchedImage | undefined {
  return held.get(captureId)?.get(part);
}

export function release(captureId: string): void {
  held.delete(captureId);
}
