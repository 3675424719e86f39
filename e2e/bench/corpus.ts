/**
 * Finds the extraction corpus that lives beside the project (never inside it):
 * LECTERN_CORPUS, else ../shared/corpus. Benchmarks say plainly when it is
 * absent instead of failing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));

export function corpusDir(): string | null {
  const dir = resolve(process.env.LECTERN_CORPUS ?? join(PROJECT_DIR, '..', 'shared', 'corpus'));
  return existsSync(dir) ? dir : null;
}

export interface CorpusPage {
  name: string;
  bytes: Buffer;
  /** The address the page was fetched from, for the baseline's document URL. */
  url: string;
  /** The expected article: HTML for Readability's pages, plain text for the human-labelled ones. */
  expected: { html: string } | { text: string };
  expectedTitle: string | null;
  /** The site name Readability's expected metadata gives, for its test pages. */
  expectedSiteName?: string | null;
}

/** Readability's regression pages: <name>/source.html, expected.html, expected-metadata.json. */
export function readabilityPages(dir: string): CorpusPage[] {
  const root = join(dir, 'readability-pages');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort()
    .map((name) => {
      const folder = join(root, name);
      const metadata = JSON.parse(readFileSync(join(folder, 'expected-metadata.json'), 'utf8')) as {
        title?: string | null;
        siteName?: string | null;
      };
      return {
        name,
        bytes: readFileSync(join(folder, 'source.html')),
        url: 'http://fakehost/test/page.html',
        expected: { html: readFileSync(join(folder, 'expected.html'), 'utf8') },
        expectedTitle: metadata.title ?? null,
        expectedSiteName: metadata.siteName ?? null,
      };
    });
}

/** The human-labelled article benchmark: <id>.html and ground-truth.json. */
export function articleBenchmark(dir: string): CorpusPage[] {
  const root = join(dir, 'article-benchmark');
  const truthFile = join(root, 'ground-truth.json');
  if (!existsSync(truthFile)) return [];
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  return Object.keys(truth)
    .sort()
    .map((id) => ({
      name: id,
      bytes: readFileSync(join(root, `${id}.html`)),
      url: truth[id]!.url,
      expected: { text: truth[id]!.articleBody },
      expectedTitle: null,
    }));
}
