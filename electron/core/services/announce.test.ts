/**
 * The library announces its own changes (library/change-feed.ts): a service
 * call that writes reaches the windows as exactly one event, and no service
 * emits a library event by itself.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LecternEvent } from '../../shared/api';
import { useBackend } from '../fixtures/backend-folder';

const LIBRARY_EVENTS = [
  'library-changed',
  'library-settings-changed',
  'annotations-changed',
  'settings-changed',
];

const temp = useBackend();
let events: LecternEvent[];

beforeEach(async () => {
  await temp.backend.background;
  events = [];
  temp.backend.events.subscribe((event) => events.push(event));
});

async function clip(title: string): Promise<string> {
  const outcome = await temp.backend.service.importText({ text: `${title}\n\nA few words.` });
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
      [() => temp.backend.service.updateArticle(ids[0] as string, { favorite: true }), 'library-changed'],
      [() => temp.backend.service.tagArticles(ids, ['read']), 'library-changed'],
      [() => temp.backend.service.trashArticles(ids.slice(1)), 'library-changed'],
      [() => temp.backend.service.emptyTrash(), 'library-changed'],
      [() => temp.backend.service.setTagColor('read', 'green'), 'library-settings-changed'],
      [() => temp.backend.service.saveView('Read', 'tag:read'), 'library-settings-changed'],
      [() => temp.backend.service.updateSettings({ justify: true }), 'settings-changed'],
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
