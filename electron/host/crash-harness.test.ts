/**
 * The crash harness: the browser shell's backend, in its own process on a
 * temporary library, is killed with SIGKILL at random moments of a mixed
 * write load (imports of small pages and clips, highlights and their notes,
 * tags, article notes, saved views, settings) and started again, over and
 * over. Each kill is checked twice:
 *   - before the restart, on disk: every JSON file in the library parses, and
 *     every article.json and lectern.json has the shape the library expects
 *     (checked before the new backend could repair anything);
 *   - after it, through the API: every write the backend acknowledged is
 *     there (a value overwritten since may hold the write in flight at the
 *     kill instead), no temporary file is left, and each article is found
 *     by a word of its title.
 * Three lanes write at once, each on articles of its own, one call at a
 * time, so at most one of each lane's writes is unanswered at a kill.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleSummary, ArticleWithContent } from '../shared/article';
import type { CallResult, ImportOutcome, NoteSaved, SearchResult, SavedView } from '../shared/api';
import type { Highlight } from '../shared/annotation';
import { articleSource, recordFields, storedHighlight } from '../shared/schemas/article-record';
import type { ReaderSettings } from '../shared/settings';
import { decodeWire, encodeWire } from '../shared/wire';
import { LIBRARY_FORMAT_VERSION } from '../core/library/format';
import { PROJECT_DIR } from './renderer-dir';

const KILLS = Number(process.env.LECTERN_CRASH_KILLS ?? 30);
/** How long the load runs before a kill: from a moment into the first write to a second and a half. */
const LOAD_MS = { min: 20, max: 1500 };
const START_TIMEOUT_MS = 60_000;
const TEMP_NAME = /^\..+\.[0-9a-f]{8}\.tmp$/;
const BODY = 'The keeper climbed the stair at dusk and lit the lamp for the boats.';

const libraryFile = v.object({
  formatVersion: v.literal(LIBRARY_FORMAT_VERSION),
  createdAt: v.string(),
  tagColors: v.record(v.string(), v.string()),
  savedViews: v.array(v.object({ name: v.string(), query: v.string() })),
  settings: v.record(v.string(), v.unknown()),
});
const articleRecord = v.object({ ...recordFields, id: v.string(), source: articleSource });

/** A value a write set: the last acknowledged, and the one in flight when the backend died. */
interface Written<T> {
  acked: T;
  pending?: T;
}

interface TrackedArticle {
  word: string;
  note: Written<string>;
  tags: Set<string>;
  highlights: Map<string, Written<string>>;
}

interface Lane {
  articles: Map<string, TrackedArticle>;
  views: Set<string>;
  setting: keyof ReaderSettings;
  value: Written<number>;
}

const SETTING_VALUES: Partial<Record<keyof ReaderSettings, number[]>> = {
  fontSize: [14, 16, 18, 20, 22, 24, 26, 28],
  lineHeight: [1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2],
  contentWidth: [45, 55, 60, 65, 70, 75, 80, 90],
};

let seed = 0x5eed1234;
/**
 * A seeded generator, so a failing run can be repeated. The product is taken
 * with Math.imul: as a double it loses its low bits, and the sequence then
 * falls into short cycles that repeat a title (a duplicate import).
 */
function random(): number {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
  return seed / 2 ** 32;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const word = () => Array.from({ length: 10 }, () => pick([...'abcdefghijklmnopqrstuvwxyz'])).join('');

class Killed extends Error {}

interface Running {
  child: ChildProcess;
  origin: string;
  token: string;
}

let root: string;
let libraryDir: string;
let pageDir: string;
const lanes: Lane[] = Object.keys(SETTING_VALUES).map((setting) => ({
  articles: new Map(),
  views: new Set(),
  setting: setting as keyof ReaderSettings,
  value: { acked: 0 },
}));
const figures = { kills: 0, acknowledged: 0, verified: 0, incompleteSearches: 0 };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lectern-crash-'));
  libraryDir = join(root, 'library');
  pageDir = join(root, 'page');
  await mkdir(pageDir);
  await writeFile(join(pageDir, 'index.html'), '<!doctype html><title>Lectern</title>');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function start(): Promise<Running> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/host/fixtures/shell-backend.ts', libraryDir, pageDir],
    { cwd: PROJECT_DIR, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`backend did not start:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Lectern is running at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(new URL(match[1] as string));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`backend exited with ${code}:\n${output}`)));
  });
  return { child, origin: url.origin, token: url.searchParams.get('token') as string };
}

/** Calls the API as a window does; a call the kill cut off throws Killed. */
function call<T>(running: Running, method: string, args: unknown[]): Promise<T> {
  const body = encodeWire(args);
  return new Promise<T>((resolve, reject) => {
    const req = request(
      `${running.origin}/api/call/${method}`,
      {
        method: 'POST',
        agent: false,
        headers: {
          Origin: running.origin,
          Cookie: `lectern_token=${running.token}`,
          'Content-Type': 'application/octet-stream',
          'Content-Length': body.byteLength,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', () => reject(new Killed()));
        response.on('end', () => {
          if (!response.complete) return reject(new Killed());
          const result = decodeWire(new Uint8Array(Buffer.concat(chunks))) as CallResult;
          if (result.ok) resolve(result.value as T);
          else reject(new Error(`${method} failed: ${result.error.message}`));
        });
      },
    );
    req.on('error', () => reject(new Killed()));
    req.end(body);
  });
}

function page(title: string): Uint8Array {
  const paragraphs = Array.from({ length: 6 }, () => `<p>${BODY} ${BODY}</p>`).join('');
  return new TextEncoder().encode(
    `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs}</article></body></html>`,
  );
}

/** One write of a lane's, chosen at random; its answer goes into the lane's record. */
async function writeOnce(running: Running, lane: Lane): Promise<void> {
  const ids = [...lane.articles.keys()];
  const kind =
    ids.length < 2
      ? 'import'
      : pick(['import', 'highlight', 'highlight-note', 'tag', 'note', 'view', 'setting']);
  const id = pick(ids);
  const article = lane.articles.get(id) as TrackedArticle;
  switch (kind) {
    case 'import': {
      const title = `Harbour ${word()}`;
      const outcome =
        random() < 0.5
          ? await call<ImportOutcome>(running, 'importText', [{ text: `${title}\n\n${BODY}` }])
          : (
              await call<ImportOutcome[]>(running, 'importFiles', [
                [{ name: `${title}.html`, type: 'text/html', bytes: page(title) }],
              ])
            )[0];
      if (outcome?.status !== 'imported') throw new Error(`import ended ${outcome?.status}`);
      const tracked = {
        word: title.split(' ')[1] as string,
        note: { acked: '' },
        tags: new Set<string>(),
        highlights: new Map(),
      };
      lane.articles.set(outcome.article.id, tracked);
      break;
    }
    case 'highlight': {
      const note = word();
      const highlight = await call<Highlight>(running, 'addHighlight', [
        id,
        {
          color: 'yellow',
          note,
          target: {
            selector: [
              { type: 'TextQuoteSelector', exact: 'keeper', prefix: 'The ', suffix: ' climbed' },
              { type: 'TextPositionSelector', start: 4, end: 10 },
            ],
          },
        },
      ]);
      article.highlights.set(highlight.id, { acked: note });
      break;
    }
    case 'highlight-note': {
      const [highlightId, note] = pick([...article.highlights.entries()]) ?? [];
      if (!highlightId || !note) return;
      note.pending = word();
      const saved = await call<NoteSaved>(running, 'setHighlightNote', [
        id,
        highlightId,
        { text: note.pending, base: note.acked },
      ]);
      expect(saved).toEqual({ saved: true });
      note.acked = note.pending;
      break;
    }
    case 'note': {
      article.note.pending = `${article.note.acked} ${word()}`.trim();
      const saved = await call<NoteSaved>(running, 'setArticleNote', [
        id,
        { text: article.note.pending, base: article.note.acked },
      ]);
      expect(saved).toEqual({ saved: true });
      article.note.acked = article.note.pending;
      break;
    }
    case 'tag': {
      const tag = `tag-${word().slice(0, 4)}`;
      await call(running, 'tagArticles', [[id], [tag]]);
      article.tags.add(tag);
      break;
    }
    case 'view': {
      const name = `View ${word()}`;
      await call<SavedView[]>(running, 'saveView', [name, article.word]);
      lane.views.add(name);
      break;
    }
    case 'setting': {
      lane.value.pending = pick(SETTING_VALUES[lane.setting] as number[]);
      await call<ReaderSettings>(running, 'updateSettings', [{ [lane.setting]: lane.value.pending }]);
      lane.value.acked = lane.value.pending;
      break;
    }
  }
  figures.acknowledged++;
}

/** Runs every lane's writes until the backend is killed. */
async function load(running: Running): Promise<void> {
  await Promise.all(
    lanes.map(async (lane) => {
      for (;;) {
        try {
          await writeOnce(running, lane);
        } catch (error) {
          if (error instanceof Killed) return;
          throw error;
        }
      }
    }),
  );
}

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Straight after a kill: every JSON file parses, and the library's own files have their shape. */
async function checkFilesOnDisk(): Promise<void> {
  for (const path of await files(libraryDir)) {
    const name = path.split('/').at(-1) as string;
    if (TEMP_NAME.test(name) || !/\.json(\.bak)?$/.test(name)) continue;
    const text = await readFile(path, 'utf8');
    let value: unknown;
    expect(() => (value = JSON.parse(text)), `${path} parses`).not.toThrow();
    if (name === 'lectern.json') expect(v.safeParse(libraryFile, value).issues, path).toBeUndefined();
    if (name.startsWith('article.json')) {
      expect(v.safeParse(articleRecord, value).issues, path).toBeUndefined();
      for (const highlight of (value as { highlights: unknown[] }).highlights)
        expect(v.safeParse(storedHighlight, highlight).issues, path).toBeUndefined();
    }
  }
}

/** Whether `stored` is the acknowledged value or the one in flight, which then counts as acknowledged. */
function settle<T>(written: Written<T>, stored: T, what: string): void {
  expect([written.acked, ...('pending' in written ? [written.pending] : [])], what).toContainEqual(stored);
  written.acked = stored;
  delete written.pending;
  figures.verified++;
}

/** After a restart: every acknowledged write is there, no temporary file is left, search agrees. */
async function checkAcknowledged(running: Running): Promise<void> {
  const listed = new Map((await call<ArticleSummary[]>(running, 'listArticles', [])).map((a) => [a.id, a]));
  const settings = await call<ReaderSettings>(running, 'getSettings', []);
  const views = new Set((await call<SavedView[]>(running, 'listViews', [])).map((view) => view.name));
  for (const lane of lanes) {
    for (const [id, article] of lane.articles) {
      const summary = listed.get(id);
      expect(summary, `article ${article.word}`).toBeDefined();
      figures.verified++;
      for (const tag of article.tags) expect(summary?.tags, `tag on ${article.word}`).toContain(tag);
      figures.verified += article.tags.size;
      const { meta } = await call<ArticleWithContent>(running, 'getArticle', [id]);
      settle(article.note, meta.note, `note on ${article.word}`);
      const stored = new Map(meta.highlights.map((h) => [h.id, h.note]));
      for (const [highlightId, note] of article.highlights) {
        expect(stored.has(highlightId), `highlight on ${article.word}`).toBe(true);
        settle(note, stored.get(highlightId) as string, `highlight note on ${article.word}`);
      }
      // A highlight added as the backend died may have landed: it is the lane's from now on.
      for (const [highlightId, note] of stored)
        if (!article.highlights.has(highlightId)) article.highlights.set(highlightId, { acked: note });
    }
    for (const name of lane.views) expect(views, name).toContain(name);
    figures.verified += lane.views.size;
    settle(lane.value, settings[lane.setting] as number, lane.setting);
  }
  // An article imported as the backend died may have landed: it is checked from now on.
  const known = new Set(lanes.flatMap((lane) => [...lane.articles.keys()]));
  for (const summary of listed.values()) {
    if (known.has(summary.id)) continue;
    const { meta } = await call<ArticleWithContent>(running, 'getArticle', [summary.id]);
    (lanes[0] as Lane).articles.set(summary.id, {
      word: (/Harbour (\w+)/.exec(summary.title)?.[1] ?? '') as string,
      note: { acked: meta.note },
      tags: new Set(summary.tags),
      highlights: new Map(meta.highlights.map((h) => [h.id, { acked: h.note }])),
    });
  }
  for (const lane of lanes) {
    for (const [id, article] of lane.articles) {
      const found = await call<SearchResult>(running, 'search', [article.word]);
      expect(found.ids, `search for ${article.word}`).toContain(id);
      if (!found.complete) figures.incompleteSearches++;
    }
  }
  // Stray temporary files go at open, and the article folders' in the background pass after it.
  await expect
    .poll(
      async () =>
        (await files(libraryDir)).filter((path) => TEMP_NAME.test(path.split('/').at(-1) as string)),
      {
        timeout: 30_000,
        interval: 200,
      },
    )
    .toEqual([]);
}

describe('the crash harness', () => {
  it(
    `loses no acknowledged write across ${KILLS} kills of the backend`,
    async () => {
      let running = await start();
      const settings = await call<ReaderSettings>(running, 'getSettings', []);
      for (const lane of lanes) lane.value.acked = settings[lane.setting] as number;
      for (let kill = 0; kill < KILLS; kill++) {
        const writing = load(running);
        await new Promise((resolve) =>
          setTimeout(resolve, LOAD_MS.min + random() * (LOAD_MS.max - LOAD_MS.min)),
        );
        expect(running.child.exitCode, 'the backend is still running before the kill').toBeNull();
        running.child.kill('SIGKILL');
        await once(running.child, 'exit');
        await writing;
        figures.kills++;
        await checkFilesOnDisk();
        running = await start();
        await checkAcknowledged(running);
      }
      running.child.kill('SIGKILL');
      await once(running.child, 'exit');
      console.log(`crash harness: ${JSON.stringify(figures)}`);
      expect(figures.kills).toBe(KILLS);
      expect(figures.acknowledged).toBeGreaterThan(KILLS);
    },
    // Each restart of the backend takes one to two seconds on an idle machine (a
    // minute or two in all), over ten on a loaded one: the limit allows for both.
    600_000,
  );
});
