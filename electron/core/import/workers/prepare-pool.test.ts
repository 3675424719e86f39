import { describe, expect, it } from 'vitest';
import type { FileInput } from '../../../shared/api';
import { LecternError } from '../../../shared/errors';
import { prepareFile } from '../pipeline/import-file';
import { PreparePool } from './prepare-pool';

const encode = (text: string) => new TextEncoder().encode(text);

function page(i: number): FileInput {
  const paragraphs = Array.from(
    { length: 4 },
    (_, p) =>
      `<p>Paragraph ${p} of page ${i} talks about harbours, tides and the boats that wait for them, ` +
      `and about the people who read the water before they set out in the morning.</p>`,
  ).join('');
  return {
    name: `page-${i}.html`,
    type: 'text/html',
    bytes: encode(
      `<!doctype html><html lang="en"><head><title>Harbour notes ${i}</title></head>` +
        `<body><nav><a href="/">Home</a></nav><article><h1>Harbour notes ${i}</h1>${paragraphs}` +
        `<img src="page_files/tide.png" alt="Tide table"></article></body></html>`,
    ),
  };
}

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('PreparePool', () => {
  it('prepares files on worker threads, with the same result as in-process', async () => {
    const pool = new PreparePool(2);
    const related = new Map([['page_files/tide.png', PNG]]);
    const files = Array.from({ length: 6 }, (_, i) => page(i));
    const pooled = await Promise.all(files.map((file) => pool.prepare(file, related)));
    expect(pool.workers).toBe(2);
    for (const [i, file] of files.entries()) {
      const direct = await prepareFile(file, { related });
      expect(pooled[i]?.fields).toEqual(direct.fields);
      expect(pooled[i]?.html).toBe(direct.html);
      expect(pooled[i]?.assets).toEqual(direct.assets);
      expect(pooled[i]?.source).toEqual(direct.source);
    }
    expect(pooled[0]?.html).toContain('assets/');
  });

  it('brings a failure back as the message the pipeline gives', async () => {
    const pool = new PreparePool(1);
    const failure = await pool
      .prepare({ name: 'x.html', type: 'text/html', bytes: Uint8Array.from([0, 1, 2, 3]) }, new Map())
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LecternError);
    expect((failure as LecternError).code).toBe('unsupported-type');
    expect((failure as LecternError).message).toContain('x.html');
    const next = await pool.prepare(page(9), new Map());
    expect(next.fields.title).toBe('Harbour notes 9');
  });

  it('prepares in-process when the worker script does not load', async () => {
    const pool = new PreparePool(1, { script: { code: 'throw new Error("this build has no worker");' } });
    const article = await pool.prepare(page(3), new Map());
    expect(article.fields.title).toBe('Harbour notes 3');
    expect(pool.workers).toBe(0);
  });

  it('fails only the file a worker held when it stops mid-task, naming it', async () => {
    const dies = `
      const { parentPort } = require('node:worker_threads');
      parentPort.postMessage({ ready: true });
      parentPort.on('message', () => process.exit(3));
    `;
    const pool = new PreparePool(1, { script: { code: dies } });
    const failure = await pool.prepare(page(4), new Map()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LecternError);
    expect((failure as LecternError).message).toBe(
      'page-4.html could not be imported: the import worker stopped (exit code 3).',
    );
  });

  // A worker that answers every file with its name as the title, but hangs on
  // or eats memory for the file named for it.
  const misbehaving = `
    const { parentPort } = require('node:worker_threads');
    parentPort.postMessage({ ready: true });
    parentPort.on('message', ({ id, file }) => {
      if (file.name === 'hang.html') for (;;);
      if (file.name === 'greedy.html') { const hoard = []; for (;;) hoard.push(new Array(1e5).fill(hoard.length)); }
      parentPort.postMessage({ id, article: { fields: { title: file.name } } });
    });
  `;
  const named = (name: string): FileInput => ({ name, type: 'text/html', bytes: encode('<p>x</p>') });

  it('stops a file that runs past the deadline, naming it, and carries on with a fresh worker', async () => {
    const pool = new PreparePool(1, { script: { code: misbehaving }, deadlineMs: 200 });
    const hung = pool.prepare(named('hang.html'), new Map());
    const next = pool.prepare(named('story.html'), new Map());
    const failure = await hung.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LecternError);
    expect((failure as LecternError).code).toBe('too-large');
    expect((failure as LecternError).message).toBe(
      'hang.html took longer than 0 s to read and was stopped. Nothing was saved.',
    );
    expect((await next).fields.title).toBe('story.html');
    expect(pool.workers).toBe(1);
  });

  it('refuses a file whose worker runs out of memory, naming it, and carries on', async () => {
    const pool = new PreparePool(1, { script: { code: misbehaving }, memoryMb: 16 });
    const failure = await pool.prepare(named('greedy.html'), new Map()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LecternError);
    expect((failure as LecternError).code).toBe('too-large');
    expect((failure as LecternError).message).toBe(
      'greedy.html needed more than the 16 MB of memory Lectern gives one file, and was stopped. Nothing was saved.',
    );
    expect((await pool.prepare(named('story.html'), new Map())).fields.title).toBe('story.html');
  });

  it('has a file that comes while a worker runs its warm-up page wait for it, not start a cold one', async () => {
    // Takes its time over the warm-up page, as a cold worker does.
    const slowWarmUp = `
      const { parentPort } = require('node:worker_threads');
      parentPort.postMessage({ ready: true });
      parentPort.on('message', ({ id, file }) => {
        const reply = () => parentPort.postMessage({ id, article: { fields: { title: file.name } } });
        if (file.name === 'warm-up.html') setTimeout(reply, 1500);
        else reply();
      });
    `;
    const pool = new PreparePool(2, { script: { code: slowWarmUp } });
    const warming = pool.warm(1);
    // Long enough for the worker to load and start its warm-up page.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await pool.prepare(named('story.html'), new Map())).fields.title).toBe('story.html');
    expect(pool.workers).toBe(1);
    await warming;
  });

  it('stops idle workers, and starts them again for the next file', async () => {
    const pool = new PreparePool(1, { idleMs: 50 });
    await pool.prepare(page(5), new Map());
    expect(pool.workers).toBe(1);
    await expect.poll(() => pool.workers, { timeout: 5000 }).toBe(0);
    expect((await pool.prepare(page(7), new Map())).fields.title).toBe('Harbour notes 7');
  });

  it(
    'warms workers before the first file, and keeps them idle for as long as asked',
    { timeout: 60_000 },
    async () => {
      const pool = new PreparePool(2, { idleMs: 50 });
      const first = pool.warm(1, 1000);
      expect(pool.workers).toBe(1);
      await Promise.all([first, pool.warm(2, 1000)]);
      expect(pool.workers).toBe(2);
      // Well past the 50 ms an idle worker is usually kept.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(pool.workers).toBe(2);
      await expect.poll(() => pool.workers, { timeout: 5000 }).toBe(0);
      expect((await pool.prepare(page(8), new Map())).fields.title).toBe('Harbour notes 8');
    },
  );
});
