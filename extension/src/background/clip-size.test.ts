import { describe, expect, it } from 'vitest';
import { MAX_CLIP_BYTES } from '../../../electron/shared/clip-protocol';
import { clipTooLarge } from './clip-size';

const MB = 1024 * 1024;

describe('clipTooLarge', () => {
  it('lets a 5 MB page with its images through', () => {
    expect(clipTooLarge(5 * MB, [2 * MB, 3 * MB])).toBeNull();
  });

  it('says how large the page is and what to do instead', () => {
    expect(clipTooLarge(10 * MB, [30 * MB, 30 * MB])).toBe(
      `This page is 70.0 MB with its images, more than the ${(MAX_CLIP_BYTES / MB).toFixed(1)} MB Lectern takes in one clip. Save a selection, or save the link for Lectern to fetch.`,
    );
    expect(clipTooLarge(70 * MB, [])).toMatch(/Save a selection instead\.$/);
  });
});
