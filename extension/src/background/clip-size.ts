/**
 * Whether a clip fits in one request to Lectern (MAX_CLIP_BYTES), measured
 * before it is queued: a clip over the cap would be refused with a 413 every
 * time it was sent, so the person is told at once, in megabytes, and offered
 * what will fit. The multipart framing is counted generously per part.
 */
import { MAX_CLIP_BYTES } from '../../../electron/shared/clip-protocol';

const PART_OVERHEAD_BYTES = 512;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The reason a clip cannot be sent, or null when it fits. */
export function clipTooLarge(
  htmlBytes: number,
  imageSizes: readonly number[],
  limit = MAX_CLIP_BYTES,
): string | null {
  const images = imageSizes.reduce((sum, size) => sum + size + PART_OVERHEAD_BYTES, 0);
  const total = htmlBytes + PART_OVERHEAD_BYTES + images;
  if (total <= limit) return null;
  const advice =
    htmlBytes + PART_OVERHEAD_BYTES <= limit
      ? 'Save a selection, or save the link for Lectern to fetch.'
      : 'Save a selection instead.';
  return `This page is ${megabytes(total)} with its images, more than the ${megabytes(limit)} Lectern takes in one clip. ${advice}`;
}
