import { beforeEach, describe, expect, it, vi } from 'vitest';

// Counts the jsdom windows the sanitizer makes and keeps the last one; nothing else changes.
const windows = vi.hoisted(() => ({ made: 0, last: null as null | Record<string, unknown> }));
vi.mock('jsdom', async (importOriginal) => {
  const jsdom = await importOriginal<typeof import('jsdom')>();
  class CountedJSDOM extends jsdom.JSDOM {
    constructor(...args: ConstructorParameters<typeof jsdom.JSDOM>) {
      super(...args);
      windows.made++;
      windows.last = this.window as unknown as Record<string, unknown>;
    }
  }
  return { ...jsdom, JSDOM: CountedJSDOM };
});

/** The module afresh, so each test starts without a window. */
async function freshSanitizer() {
  vi.resetModules();
  return (await import('./sanitize')).sanitizeHtml;
}

const HOSTILE = `<p id="a">Kept <b>words</b><img src="x" onerror="alert(1)" alt="chart">
  <a href="javascript:alert(1)">trap</a><script>alert(1)</script></p><form><input name="q"></form>`;

describe('sanitizeHtml', () => {
  beforeEach(() => {
    windows.made = 0;
  });

  it('removes what could run, keeps the text, and counts blocks apart', async () => {
    const sanitizeHtml = await freshSanitizer();
    const { html, text } = await sanitizeHtml(`${HOSTILE}<p>Next.</p>`);
    expect(html).not.toMatch(/script|onerror|javascript:|<form|<input/i);
    expect(html).toContain('<b>words</b>');
    expect(html).toContain('data-missing-image');
    expect(text.replace(/\s+/g, ' ').trim()).toBe('Kept words trap Next.');
  });

  it('keeps on a placeholder the web address of the image, never another kind', async () => {
    const sanitizeHtml = await freshSanitizer();
    const { html } = await sanitizeHtml(
      '<img src="https://a.example/p.png" alt="P"><img src="p.png"><img src="data:image/png,x">',
    );
    expect([...html.matchAll(/data-missing-image="([^"]*)"/g)].map((match) => match[1])).toEqual([
      'https://a.example/p.png',
      '',
      '',
    ]);
  });

  it('sanitizes on a fresh window every 100 pages, and cleans every page across the change', async () => {
    const sanitizeHtml = await freshSanitizer();
    const results = [];
    for (let page = 0; page < 250; page++) results.push(await sanitizeHtml(`${HOSTILE}<p>Page ${page}</p>`));
    // A window kept for good holds on to more with every page.
    expect(windows.made).toBe(3);
    for (const [page, { html }] of results.entries()) {
      expect(html).not.toMatch(/script|onerror|javascript:/i);
      expect(html).toContain(`Page ${page}`);
    }
  });

  it('lets go of each page it cleaned', async () => {
    const sanitizeHtml = await freshSanitizer();
    const { html } = await sanitizeHtml('<p id="probe">Kept</p><a name="anchor">here</a>');
    expect(html).toContain('id="user-content-probe"');
    // jsdom lists every element with an id or name among its window's named
    // properties, keeping it alive, until the element leaves its document.
    expect(windows.last?.['user-content-probe']).toBeUndefined();
    expect(windows.last?.['user-content-anchor']).toBeUndefined();
  });
});
