import { describe, expect, it } from 'vitest';
import { thumbnailUrl } from './thumbnail';

const assetUrl = (id: string, name: string) => `/asset/${id}/${encodeURIComponent(name)}`;

describe('thumbnailUrl', () => {
  it('points a stored lead image at the asset address', () => {
    expect(thumbnailUrl({ id: 'a1', leadImage: 'assets/5f2c.png' }, assetUrl)).toBe('/asset/a1/5f2c.png');
  });

  it.each([undefined, '', 'assets/', 'https://example.com/lead.png'])(
    'shows nothing for a lead image that is not stored (%s)',
    (leadImage) => {
      expect(thumbnailUrl({ id: 'a1', leadImage }, assetUrl)).toBeNull();
    },
  );
});
