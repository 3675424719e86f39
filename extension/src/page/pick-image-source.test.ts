import { describe, expect, it } from 'vitest';
import { parseSrcset, pickImageSource } from './pick-image-source';

const BASE = 'https://news.example/story/';

function pick(attributes: Record<string, string>, extra: { currentSrc?: string; picture?: string[] } = {}) {
  return pickImageSource({
    attribute: (name) => attributes[name] ?? null,
    pictureSrcsets: extra.picture,
    currentSrc: extra.currentSrc,
    baseUrl: BASE,
  });
}

const GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

describe('parseSrcset', () => {
  it('reads widths, densities and data: URLs with commas', () => {
    expect(parseSrcset('a.jpg 480w, b.jpg 960w')).toEqual([
      { url: 'a.jpg', width: 480 },
      { url: 'b.jpg', width: 960 },
    ]);
    expect(parseSrcset('a.jpg, b.jpg 2x,c.jpg 1.5x')).toEqual([
      { url: 'a.jpg', density: 1 },
      { url: 'b.jpg', density: 2 },
      { url: 'c.jpg', density: 1.5 },
    ]);
    expect(parseSrcset(`${GIF} 1x`)).toEqual([{ url: GIF, density: 1 }]);
  });
});

describe('pickImageSource', () => {
  it.each([
    ['plain src, made absolute', { src: 'pic.png' }, 'https://news.example/story/pic.png'],
    [
      'the largest srcset width within reading size',
      { src: 's.jpg', srcset: 's.jpg 320w, m.jpg 1200w, xl.jpg 4000w' },
      'https://news.example/story/m.jpg',
    ],
    [
      'the smallest width when all are huge',
      { srcset: 'a.jpg 5000w, b.jpg 3000w' },
      'https://news.example/story/b.jpg',
    ],
    ['2x over 1x and 3x', { srcset: 'a.jpg 1x, b.jpg 2x, c.jpg 3x' }, 'https://news.example/story/b.jpg'],
    [
      'data-src over a placeholder src',
      { src: GIF, 'data-src': '/real.jpg', loading: 'lazy' },
      'https://news.example/real.jpg',
    ],
    [
      'data-srcset over a placeholder srcset',
      { src: GIF, srcset: GIF, 'data-srcset': 'a.jpg 400w, b.jpg 800w' },
      'https://news.example/story/b.jpg',
    ],
    [
      'data-original (jQuery lazyload)',
      { 'data-original': '//cdn.example/p.jpg' },
      'https://cdn.example/p.jpg',
    ],
    ['loading=lazy keeps its src', { src: '/later.png', loading: 'lazy' }, 'https://news.example/later.png'],
    ['nothing but a placeholder', { src: GIF }, null],
    ['no source at all', {}, null],
  ])('%s', (_name, attributes, expected) => {
    expect(pick(attributes)).toBe(expected);
  });

  it('takes a <picture> source when the img has no srcset', () => {
    expect(pick({ src: GIF }, { picture: ['/p-600.webp 600w, /p-1200.webp 1200w'] })).toBe(
      'https://news.example/p-1200.webp',
    );
  });

  it('takes what the browser shows when the attributes say nothing better', () => {
    expect(pick({ src: GIF }, { currentSrc: 'https://news.example/shown.jpg' })).toBe(
      'https://news.example/shown.jpg',
    );
  });

  it('keeps a large inline image as it is', () => {
    const inline = `data:image/png;base64,${'A'.repeat(600)}`;
    expect(pick({ src: inline })).toBe(inline);
  });
});
