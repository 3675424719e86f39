import { describe, expect, it, vi } from 'vitest';
import { LecternError } from '../../../shared/errors';
import type { fetchUrl } from '../pipeline/fetch-url';
import { WebImages } from './web-images';

const PNG = new Uint8Array([137, 80, 78, 71]);

/** A fetcher over a pretend network: hosts listed as down throw as fetchUrl does offline. */
function network(down: Set<string>, notFound = new Set<string>()) {
  const fetch = vi.fn(async (url: string) => {
    const { host, pathname } = new URL(url);
    if (down.has(host)) throw new LecternError('unreachable', `${url} could not be reached.`);
    if (notFound.has(pathname)) throw new LecternError('fetch-failed', `${url} was not found (HTTP 404).`);
    return { url, contentType: 'image/png', bytes: PNG };
  });
  return fetch as typeof fetch & typeof fetchUrl;
}

describe('WebImages', () => {
  it('fetches an image, and gives null for one that fails or an address that is not one', async () => {
    const fetch = network(new Set(['down.example']), new Set(['/gone.png']));
    const images = new WebImages(fetch);
    expect(await images.fetch('https://up.example/a.png')).toEqual(PNG);
    expect(await images.fetch('https://up.example/gone.png')).toBeNull();
    expect(await images.fetch('https://down.example/a.png')).toBeNull();
    expect(await images.fetch('http://')).toBeNull();
  });

  it('does not ask a host it could not reach again for a minute', async () => {
    let now = 0;
    const fetch = network(new Set(['down.example']));
    const images = new WebImages(fetch, () => now);
    await images.fetch('https://down.example/a.png');
    await images.fetch('https://down.example/b.png');
    expect(fetch).toHaveBeenCalledTimes(1);
    // A 404 is the image's fault, not the host's: the host is asked again.
    await images.fetch('https://up.example/a.png');
    expect(fetch).toHaveBeenCalledTimes(2);
    now = 60_001;
    await images.fetch('https://down.example/c.png');
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('stops fetching for a minute after three hosts in a row could not be reached', async () => {
    let now = 0;
    const fetch = network(new Set(['a.example', 'b.example', 'c.example']));
    const images = new WebImages(fetch, () => now);
    // Two images of one host failing together count as one host.
    await Promise.all([images.fetch('https://a.example/1.png'), images.fetch('https://a.example/2.png')]);
    await images.fetch('https://b.example/1.png');
    expect(await images.fetch('https://up.example/1.png')).toEqual(PNG);
    await images.fetch('https://c.example/1.png');
    const asked = fetch.mock.calls.length;
    // The success broke the run: c alone is one in a row, so up.example is still
    // tried, while b is still skipped for its minute.
    expect(await images.fetch('https://up.example/2.png')).toEqual(PNG);
    await images.fetch('https://b.example/2.png');
    expect(fetch).toHaveBeenCalledTimes(asked + 1);
    now = 60_001;
    await images.fetch('https://a.example/3.png');
    await images.fetch('https://b.example/3.png');
    await images.fetch('https://c.example/2.png');
    const offline = fetch.mock.calls.length;
    expect(offline).toBe(asked + 4);
    expect(await images.fetch('https://up.example/3.png')).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(offline);
    now = 120_002;
    expect(await images.fetch('https://up.example/4.png')).toEqual(PNG);
  });
});
