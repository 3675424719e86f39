import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

import { join } from 'node:path';
import { promisify } from 'node:util';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempFolder } from '../fixtures/temp-folder';
import { exportEpub } from './epub';
import { FIXTURE_TIMEOUT_MS, useFixtureLibrary } from './fixture-library';
import { openZip } from '../files/zip';

/** Debian's epubcheck package installs a jar (its /usr/bin/epubcheck needs binfmt support), so it runs through java. */
const EPUBCHECK = ['/usr/share/java/epubcheck.jar'].find((path) => existsSync(path));

const fixture = useFixtureLibrary();
const work = useTempFolder('lectern-epub-', 'whole file');
let book: string;
beforeAll(async () => {
  book = join(work.dir, 'articles.epub');
  await exportEpub(fixture().library, [fixture().page, fixture().book], book, {
    now: new Date('2026-02-01T00:00:00Z'),
  });
}, FIXTURE_TIMEOUT_MS);

const xml = (text: string) => new JSDOM(text, { contentType: 'application/xml' }).window.document;

describe('exportEpub', () => {
  it('writes the container, an OPF listing every chapter and image, and a nav linking each chapter', async () => {
    const zip = await openZip(book, { maxEntries: 100, maxEntryBytes: 1e7, maxTotalBytes: 1e8 }, 'book');
    const names = zip.items.map((item) => item.name);
    const read = async (name: string) =>
      (await zip.bytes(zip.items.find((i) => i.name === name) as never)).toString();
    expect(names[0]).toBe('mimetype');
    expect(await read('mimetype')).toBe('application/epub+zip');
    const container = xml(await read('META-INF/container.xml'));
    const opfPath = container.querySelector('rootfile')?.getAttribute('full-path') as string;
    expect(opfPath).toBe('OEBPS/content.opf');
    const opf = xml(await read(opfPath));
    const hrefs = [...opf.querySelectorAll('manifest > item')].map(
      (item) => item.getAttribute('href') as string,
    );
    for (const href of hrefs) expect(names).toContain(`OEBPS/${href}`);
    expect(hrefs.filter((h) => h.startsWith('images/'))).toHaveLength(2);
    expect(opf.querySelectorAll('spine > itemref')).toHaveLength(2);
    expect(opf.querySelector('title')?.textContent).toBe('Lectern articles');
    const nav = xml(await read('OEBPS/nav.xhtml'));
    expect([...nav.querySelectorAll('nav a')].map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['text/article-1.xhtml', 'Keepers of the Light'],
      ['text/article-2.xhtml', 'Tides: A Short Book'],
    ]);
    const chapter = xml(await read('OEBPS/text/article-1.xhtml'));
    const image = chapter.querySelector('img');
    expect(image?.getAttribute('src')).toMatch(/^\.\.\/images\/[0-9a-f]+\.png$/);
    expect(chapter.querySelector('h2')?.textContent).toBe('The second part');
    expect(names.some((n) => n.endsWith('toc.ncx'))).toBe(true);
    zip.close();
  });

  it.runIf(EPUBCHECK)(
    'passes epubcheck with no errors',
    async () => {
      const { stdout, stderr } = await promisify(execFile)('java', ['-jar', EPUBCHECK as string, book], {
        timeout: 120_000,
      }).catch((error: { stdout: string; stderr: string }) => error);
      expect(`${stdout}\n${stderr}`).not.toMatch(/^(ERROR|FATAL)/m);
      expect(stdout).toMatch(/No errors or warnings detected/);
    },
    180_000,
  );

  it.skipIf(EPUBCHECK)(
    'is checked by epubcheck where it is installed (apt-get install epubcheck); it is not here',
    () => {
      expect(EPUBCHECK).toBeUndefined();
    },
  );
});
