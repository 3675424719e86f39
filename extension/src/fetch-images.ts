/**
 * Fetches a clip's images with the cookies of the context it runs in
 * (`credentials: 'include'`): first inside the page, so images behind the
 * person's login come along; then, for those the page's CORS refused, from the
 * background under the extension's host permission.
 * Lectern itself could only fetch them anonymously. A few at a time, each
 * with a deadline; an image that fails is left out, and the clip goes on
 * without its bytes rather than failing whole.
 */
import { mapBounded } from '../../electron/shared/async';
import type { PickedImage } from './page/serialize-document';

const PARALLEL = 4;
const IMAGE_TIMEOUT_MS = 20_000;

export interface FetchedImage extends PickedImage {
  type: string;
  bytes: Uint8Array;
}

async function fetchImage(image: PickedImage, fetchFn: typeof fetch): Promise<FetchedImage | null> {
  try {
    const response = await fetchFn(image.url, {
      credentials: 'include',
      signal: AbortSignal.timeout(IMAGE_TIMEOUT_MS),
    });
    const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!response.ok || !type.startsWith('image/')) return null;
    return { ...image, type, bytes: new Uint8Array(await response.arrayBuffer()) };
  } catch {
    return null;
  }
}

export async function fetchImages(
  images: readonly PickedImage[],
  fetchFn: typeof fetch = fetch,
): Promise<FetchedImage[]> {
  const fetched = await mapBounded(images, PARALLEL, (image) => fetchImage(image, fetchFn));
  return fetched.filter((image): image is FetchedImage => image !== null);
}
