import { describe, expect, it } from 'vitest';
import { pngBytes } from '../fixtures/images';
import { fetchMissingImages, missingWebImages } from './missing-images';
import { sanitizeHtml } from '../pipeline/sanitize';

const LAMP = 'https://images.example/lamp.png';
const GONE = 'https://images.example/gone.png';

/** An article as the import stored it: text around images that were not kept. */
async function importedOffline(images: string): Promise<string> {
  return sanitizeHtml(`<p>Before the <b>lamp</b>.</p>${images}<p>After &amp; below.</p>`).html;
}

/** A fetcher that has only the lamp, and the addresses it was asked for. */
function lampOnly() {
  const asked: string[] = [];
  const fetchImage = async (url: string) => {
    asked.push(url);
    return url === LAMP ? pngBytes(3) : null;
  };
  return { asked, fetchImage };
}

describe('missingWebImages', () => {
  it('counts only placeholders that hold a web address', async () => {
    const html = await importedOffline(
      `<img src="${LAMP}" alt="Lamp"><img src="relative.png" alt="Lost"><img src="data:,x" alt="Bad">`,
    );
    expect(html.match(/data-missing-image/g)).toHaveLength(3);
    expect(missingWebImages(html)).toBe(1);
  });
});

describe('fetchMissingImages', () => {
  it('puts each image fetched in its place, with its description, and leaves the text alone', async () => {
    const html = await importedOffline(
      `<img src="${LAMP}" alt="Lamp &quot;A&quot; &amp; B"><img src="${GONE}">`,
    );
    const { asked, fetchImage } = lampOnly();
    const result = await fetchMissingImages(html, fetchImage);

    expect(asked.sort()).toEqual([GONE, LAMP]);
    expect(result.fetched).toBe(1);
    expect(result.missing).toBe(1);
    expect(result.assets).toHaveLength(1);
    const stored = `assets/${result.assets[0]?.name}`;
    expect(result.leadImage).toBe(stored);
    expect(result.html).toContain(`<img src="${stored}" alt="Lamp &quot;A&quot; &amp; B">`);
    expect(result.html).toContain(`data-missing-image="${GONE}"`);
    expect(sanitizeHtml(result.html).text).toBe(sanitizeHtml(html).text);
  });

  it('changes nothing when no image can be fetched', async () => {
    const html = await importedOffline(`<img src="${GONE}" alt="Gone">`);
    const result = await fetchMissingImages(html, async () => null);
    expect(result).toEqual({ html, assets: [], leadImage: null, fetched: 0, missing: 1 });
  });

  it('cleans a library file edited to carry more than a placeholder', async () => {
    const edited = `<p>Text</p><span data-missing-image="${LAMP}" onclick="alert(1)" aria-label="Image not saved: x"></span><script>alert(2)</script><span data-missing-image="javascript:alert(3)"></span>`;
    const result = await fetchMissingImages(edited, lampOnly().fetchImage);
    expect(result.fetched).toBe(1);
    expect(result.html).not.toMatch(/onclick|<script/);
    expect(result.html).toContain(`alt="x"`);
    // Only a web address is ever taken for an image; anything else stays inert text in an attribute.
    expect(result.html).not.toMatch(/<img[^>]*javascript/);
  });
});
