/**
 * Builds a synthetic library on disk, in Lectern's own format, for the
 * library benchmark: articles of about 2,000 words whose text mixes runs of
 * real prose from the corpus pages (when the corpus is present) with
 * generated words, five highlights per article on average, notes, and 200
 * tags, some nested. A seeded generator makes two runs build the same
 * library. Files are written directly, without fsync: this is a fixture, not
 * the app.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Highlight, HighlightColor } from '../../electron/shared/annotation';
import type { ArticleMeta } from '../../electron/shared/article';
import { htmlText } from '../../electron/core/search/html-text';
import { LIBRARY_FORMAT_VERSION } from '../../electron/core/library/format';
import { random } from '../../electron/core/import/fuzz/random';

export interface SyntheticOptions {
  articles: number;
  wordsPerArticle: number;
  highlights: number;
  tags: number;
  /** Corpus folder, or null to generate every word. */
  corpus: string | null;
  seed?: number;
}

const SYLLABLES =
  'ka lo mi ra ven tor sel an is ul mer dra fen gol pri quo sta the ber lin ox wal cor nim hap est ion'.split(
    ' ',
  );

async function corpusWords(dir: string | null): Promise<string[]> {
  if (!dir) return [];
  const root = join(dir, 'readability-pages');
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return [];
  }
  const words: string[] = [];
  for (const name of names) {
    try {
      words.push(...htmlText(await readFile(join(root, name, 'expected.html'), 'utf8')).split(' '));
    } catch {
      // A page without an expected extraction adds nothing.
    }
  }
  return words.filter((w) => w.length > 0);
}

const COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export interface SyntheticLibrary {
  ids: string[];
  tags: string[];
  /** Some words that occur in the text, for varied queries. */
  vocabulary: string[];
  sites: string[];
  authors: string[];
}

export async function buildSyntheticLibrary(
  dir: string,
  options: SyntheticOptions,
): Promise<SyntheticLibrary> {
  const rand = random(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const real = await corpusWords(options.corpus);
  const generatedWord = () => Array.from({ length: int(1, 3) }, () => pick(SYLLABLES)).join('');
  const generated = Array.from({ length: 5000 }, generatedWord);
  const vocabulary = [...generated.slice(0, 300), ...real.filter((w) => /^[a-z]{5,}$/.test(w)).slice(0, 300)];

  function text(words: number): string {
    const out: string[] = [];
    while (out.length < words) {
      const run = int(10, 40);
      if (real.length > 0 && rand() < 0.7) {
        const start = int(0, Math.max(0, real.length - run));
        out.push(...real.slice(start, start + run));
      } else {
        for (let i = 0; i < run; i++) out.push(pick(generated));
      }
    }
    return out.slice(0, words).join(' ');
  }

  const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const tagRoots = Array.from({ length: Math.ceil(options.tags / 4) }, () => generatedWord());
  const tags = Array.from({ length: options.tags }, (_, i) => {
    const root = tagRoots[i % tagRoots.length] as string;
    return i < tagRoots.length ? root : `${root}/${generatedWord()}${i}`;
  });
  const sites = Array.from({ length: 150 }, () => `${generatedWord()}.example.com`);
  const authors = Array.from(
    { length: 300 },
    () => `${capital(generatedWord())} ${capital(generatedWord())}`,
  );

  await mkdir(join(dir, 'articles'), { recursive: true });
  await mkdir(join(dir, 'trash'), { recursive: true });
  await writeFile(
    join(dir, 'lectern.json'),
    JSON.stringify({
      formatVersion: LIBRARY_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      tagColors: Object.fromEntries(
        tags.slice(0, 12).map((t, i) => [t, ['red', 'blue', 'green', 'purple'][i % 4]]),
      ),
      savedViews: [],
      settings: {},
    }),
  );

  const start = Date.UTC(2019, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  const ids: string[] = [];
  let highlightsLeft = options.highlights;
  const BATCH = 32;
  for (let base = 0; base < options.articles; base += BATCH) {
    const writes: Promise<void>[] = [];
    for (let n = base; n < Math.min(options.articles, base + BATCH); n++) {
      const added = new Date(start + Math.floor((span * n) / options.articles));
      let id = added.getTime().toString(36).padStart(10, '0') + '-';
      for (let i = 0; i < 8; i++) id += ALPHABET[Math.floor(rand() * 36)];
      ids.push(id);
      const words = int(
        Math.round(options.wordsPerArticle * 0.85),
        Math.round(options.wordsPerArticle * 1.15),
      );
      const body = text(words).split(' ');
      const paragraphs: string[] = [];
      for (let i = 0; i < body.length; i += 90) paragraphs.push(`<p>${body.slice(i, i + 90).join(' ')}</p>`);
      const remaining = options.articles - n;
      const count =
        remaining === 1
          ? highlightsLeft
          : Math.min(highlightsLeft, int(0, Math.round((2 * highlightsLeft) / remaining)));
      highlightsLeft -= count;
      const highlights: Highlight[] = Array.from({ length: count }, (_, h) => {
        const from = int(0, Math.max(0, body.length - 20));
        const exact = body.slice(from, from + int(6, 15)).join(' ');
        return {
          id: `${id}-h${h}`,
          color: pick(COLORS),
          note: rand() < 0.2 ? text(int(5, 20)) : '',
          createdAt: added.toISOString(),
          updatedAt: added.toISOString(),
          target: {
            selector: [
              { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
              { type: 'TextPositionSelector', start: from * 6, end: from * 6 + exact.length },
            ],
          },
        };
      });
      const publishedAt =
        rand() < 0.9 ? new Date(added.getTime() - int(0, 800) * 86_400_000).toISOString() : null;
      const meta: ArticleMeta = {
        id,
        title: capital(text(int(4, 9))),
        byline: rand() < 0.85 ? pick(authors) : null,
        siteName: pick(sites),
        url: `https://${pick(sites)}/articles/${n}`,
        published: publishedAt,
        lang: pick(['en', 'en', 'en', 'en', 'fr', 'de']),
        excerpt: body.slice(0, 40).join(' '),
        wordCount: body.length,
        addedAt: added.toISOString(),
        updatedAt: added.toISOString(),
        status: rand() < 0.3 ? 'archived' : 'inbox',
        favorite: rand() < 0.08,
        tags: Array.from(new Set(Array.from({ length: int(0, 3) }, () => pick(tags)))),
        progress: ((r) => (r < 0.4 ? 0 : r < 0.6 ? 1 : Math.round(rand() * 100) / 100))(rand()),
        note: rand() < 0.1 ? text(int(10, 60)) : '',
        source: { kind: 'text', name: `article-${n}.txt`, sha256: '0'.repeat(64), original: 'original.txt' },
        highlights,
      };
      const folder = join(dir, 'articles', id);
      writes.push(
        (async () => {
          await mkdir(join(folder, 'assets'), { recursive: true });
          await Promise.all([
            writeFile(join(folder, 'article.json'), `${JSON.stringify(meta, null, 2)}\n`),
            writeFile(join(folder, 'content.html'), paragraphs.join('\n')),
            writeFile(join(folder, 'original.txt'), body.join(' ')),
          ]);
        })(),
      );
    }
    await Promise.all(writes);
  }
  return { ids, tags, vocabulary, sites, authors };
}
