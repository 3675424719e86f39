import { describe, expect, it } from 'vitest';
import { AssetStore } from './asset-store';
import { prepareFile } from '../pipeline/import-file';
import { srcsetCandidates, storeLocalImages } from './localize-images';

/** A tiny PNG whose last byte tells the sizes apart. */
const png = (marker: number) =>
  Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, marker]);

const GIF_PLACEHOLDER = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';

function localFiles(files: Record<string, Uint8Array>) {
  return (src: string) => files[src] ?? null;
}

/** Which stored file the one <img> now points at, by its marker byte. */
function storedMarker(html: string, assets: AssetStore): number | undefined {
  const name = /src="lectern-asset:([^"]+)"/.exec(html)?.[1];
  const asset = assets.usedBy(`<img src="assets/${name}">`)[0];
  return asset?.bytes.at(-1);
}

describe('srcsetCandidates', () => {
  it('orders a srcset largest first, by width or density', () => {
    expect(srcsetCandidates('a-400.jpg 400w, a-1600.jpg 1600w,a-800.jpg 800w')).toEqual([
      'a-1600.jpg',
      'a-800.jpg',
      'a-400.jpg',
    ]);
    expect(srcsetCandidates('b.png, b@3x.png 3x, b@2x.png 2x')).toEqual(['b@3x.png', 'b@2x.png', 'b.png']);
    expect(srcsetCandidates('')).toEqual([]);
  });
});

describe('storeLocalImages', () => {
  it('stores the largest srcset size that the saved page has, dropping the other sources', () => {
    const assets = new AssetStore();
    const html = storeLocalImages(
      '<img alt="Harbour" srcset="p_files/a-400.png 400w, p_files/a-800.png 800w, p_files/a-1600.png 1600w" sizes="50vw" src="p_files/a-400.png">',
      assets,
      localFiles({ 'p_files/a-400.png': png(4), 'p_files/a-800.png': png(8) }),
    );
    expect(storedMarker(html, assets)).toBe(8);
    expect(html).not.toMatch(/srcset|sizes/);
    expect(html).toMatch(/^<img alt="Harbour" src="lectern-asset:[^"]+">$/);
  });

  it('stores a lazy image from data-src or data-srcset rather than its placeholder', () => {
    const files = localFiles({ 'p_files/real.png': png(1), 'p_files/big.png': png(2) });
    const lazy = new AssetStore();
    const fromDataSrc = storeLocalImages(
      `<img class="lazy" src="${GIF_PLACEHOLDER}" data-src="p_files/real.png">`,
      lazy,
      files,
    );
    expect(storedMarker(fromDataSrc, lazy)).toBe(1);
    expect(fromDataSrc).not.toContain('data-src');
    const sized = new AssetStore();
    const fromDataSrcset = storeLocalImages(
      `<img src="${GIF_PLACEHOLDER}" data-srcset="p_files/real.png 1x, p_files/big.png 2x">`,
      sized,
      files,
    );
    expect(storedMarker(fromDataSrcset, sized)).toBe(2);
  });

  it('leaves an image untouched when none of its addresses is at hand', () => {
    const tag = '<img data-src="https://example.com/a.png" srcset="https://example.com/b.png 2x" alt="x">';
    expect(storeLocalImages(tag, new AssetStore(), localFiles({}))).toBe(tag);
  });

  it('keeps a lazy image of a saved page through extraction', async () => {
    const paragraph =
      '<p>The tide tables hang in the harbour office, and every skipper reads them before going out, ' +
      'checking the hour of the turn against the wind and the weight of the boat.</p>';
    const page = `<html><head><title>Tides</title></head><body><article><h1>Tides</h1>${paragraph.repeat(4)}
      <img class="lazyload" src="${GIF_PLACEHOLDER}" data-src="Tides_files/table.png" alt="Tide table">
      ${paragraph}</article></body></html>`;
    const article = await prepareFile(
      { name: 'Tides.html', type: 'text/html', bytes: new TextEncoder().encode(page) },
      { related: new Map([['Tides_files/table.png', png(7)]]) },
    );
    expect(article.assets).toHaveLength(1);
    expect(article.assets[0]?.bytes.at(-1)).toBe(7);
    expect(article.html).toContain(`src="assets/${article.assets[0]?.name}"`);
  });
});
