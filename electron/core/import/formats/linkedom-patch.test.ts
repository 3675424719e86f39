/**
 * linkedom, as published, gives every node its own listener map in a
 * module-wide WeakMap, which made parsing and every garbage collection of an
 * import slower (a third of extraction time). build/patches/ makes the map on
 * the first listener instead; these tests fail if that patch is not applied,
 * and check that listeners still work with it.
 */
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('linkedom as patched', () => {
  it('makes no per-node entry when a page is parsed', () => {
    const html = `<!doctype html><html><body>${'<p>a <em>b</em> c</p>'.repeat(1000)}</body></html>`;
    const set = vi.spyOn(WeakMap.prototype, 'set');
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('p')).toHaveLength(1000);
    // 5,000 nodes; a per-node entry would be 5,000 calls.
    expect(set.mock.calls.length).toBeLessThan(50);
  });

  it('still delivers events to listeners, bubbling, and stops after removal', () => {
    const { document, Event } = parseHTML('<!doctype html><html><body><div><p>a</p></div></body></html>');
    const p = document.querySelector('p')!;
    const div = document.querySelector('div')!;
    const seen: string[] = [];
    const onP = () => seen.push('p');
    p.addEventListener('ping', onP);
    div.addEventListener('ping', () => seen.push('div'));
    p.dispatchEvent(new Event('ping', { bubbles: true }));
    p.removeEventListener('ping', onP);
    p.removeEventListener('ping', onP);
    document.body.removeEventListener('ping', onP);
    p.dispatchEvent(new Event('ping', { bubbles: true }));
    expect(seen).toEqual(['p', 'div', 'div']);
  });
});
