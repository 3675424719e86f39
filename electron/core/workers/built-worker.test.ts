import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../fixtures/temp-folder';
import {
  BUILT_WORKER,
  builtWorkerPath,
  currentBuiltWorker,
  WORKER_INPUTS,
  workerInputsPath,
} from './built-worker';

const temp = useTempFolder('lectern-built-worker-');
const BUILT_AT = new Date('2026-01-02T10:00:00Z');
const EARLIER = new Date('2026-01-01T10:00:00Z');
const LATER = new Date('2026-01-03T10:00:00Z');

async function put(path: string, text: string, at: Date): Promise<void> {
  const file = join(temp.dir, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  await utimes(file, at, at);
}

/** A project whose build lists two sources, both older than the build. */
async function builtProject(): Promise<void> {
  await put('src/a.ts', 'export const a = 1;', EARLIER);
  await put('src/b.ts', 'export const b = 2;', EARLIER);
  await put(BUILT_WORKER, '// built', BUILT_AT);
  await put(WORKER_INPUTS, JSON.stringify(['src/a.ts', 'src/b.ts']), BUILT_AT);
}

describe('currentBuiltWorker', () => {
  it('gives the built worker while none of its sources changed after the build', async () => {
    await builtProject();
    expect(currentBuiltWorker(temp.dir)).toBe(join(temp.dir, BUILT_WORKER));
  });

  it('gives nothing once a source changed after the build', async () => {
    await builtProject();
    await utimes(join(temp.dir, 'src/b.ts'), LATER, LATER);
    expect(currentBuiltWorker(temp.dir)).toBeNull();
  });

  it('gives nothing when a listed source is gone', async () => {
    await builtProject();
    await rm(join(temp.dir, 'src/a.ts'));
    expect(currentBuiltWorker(temp.dir)).toBeNull();
  });

  it('gives nothing without a build, or without its list of sources', async () => {
    expect(currentBuiltWorker(temp.dir)).toBeNull();
    await builtProject();
    await rm(join(temp.dir, WORKER_INPUTS));
    expect(currentBuiltWorker(temp.dir)).toBeNull();
  });

  it('gives nothing when the list is not a list of paths', async () => {
    await builtProject();
    for (const listed of ['{', '[]', '{"a": 1}', '[1]']) {
      await put(WORKER_INPUTS, listed, BUILT_AT);
      expect(currentBuiltWorker(temp.dir), listed).toBeNull();
    }
  });

  it("checks each worker against its own list: the index worker's build is not the import worker's", async () => {
    await builtProject();
    expect(currentBuiltWorker(temp.dir, 'index-worker')).toBeNull();
    await put(builtWorkerPath('index-worker'), '// built', BUILT_AT);
    await put(workerInputsPath('index-worker'), JSON.stringify(['src/a.ts']), BUILT_AT);
    expect(currentBuiltWorker(temp.dir, 'index-worker')).toBe(
      join(temp.dir, builtWorkerPath('index-worker')),
    );
    await utimes(join(temp.dir, 'src/a.ts'), LATER, LATER);
    expect(currentBuiltWorker(temp.dir, 'index-worker')).toBeNull();
  });
});
