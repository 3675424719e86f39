/**
 * The library announces its own changes (library/change-feed.ts): a service
 * call that writes reaches the windows as exactly one event, and no service
 * emits a library event by itself.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LecternEvent } from '../../shared/api';
import { openBackend, type Backend } from '../open-backend';

const LIBRARY_EVENTS = [
  'library-changed',
  'library-settings-changed',
  'annotations-changed',
  'settings-changed',
];

let dir: string;
let backend: Backend;
let events: LecternEvent[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-announce-'));
  backend = await openBackend(dir);
  await backend.background;
  events = [];
  backend.events.subscribe((event) => events.push(event));
});

afterEach(async () => {
  await backend.close();
  await rm(dir, { recursive: true, force: true });
});

async function clip(title: string): Promise<string> {
  const outcome = await backend.service.importText({ text: `${title}\n\nA few words.` });
  if (outcome.status !== 'imported') throw new Error(`import ended ${outcome.status}`);
  return outcome.article.id;
}

describe('service calls that write', () => {
  it('each reach the windows as exactly one event', async () => {
    const ids = [await clip('One'), await clip('Two'), await clip('Three')];
    expect(events.map((event) => event.type)).toEqual([
      'library-changed',
      'library-changed',
      'library-changed',
    ]);

    const calls: [() => Promise<unknown>, string][] = [
      [() => backend.service.updateArticle(ids[0] as string, { favorite: true }), 'library-changed'],
      [() => backend.service.tagArticles(ids, ['read']), 'library-changed'],
      [() => backend.service.trashArticles(ids.slice(1)), 'library-changed'],
      [() => backend.service.emptyTrash(), 'library-changed'],
      [() => backend.service.setTagColor('read', 'green'), 'library-settings-changed'],
      [() => backend.service.saveView('Read', 'tag:read'), 'library-settings-changed'],
      [() => backend.service.updateSettings({ justify: true }), 'settings-changed'],
    ];
    for (const [call, type] of calls) {
      events.length = 0;
      await call();
      expect(events.map((event) => event.type)).toEqual([type]);
    }
  });
});

describe('services', () => {
  it('leave announcing library changes to the library', async () => {
    const folder = dirname(fileURLToPath(import.meta.url));
    const sources = (await readdir(folder)).filter(
      (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'),
    );
    for (const name of sources) {
      const source = await readFile(join(folder, name), 'utf8');
      for (const type of LIBRARY_EVENTS) expect(source, name).not.toContain(`type: '${type}'`);
    }
  });
});
