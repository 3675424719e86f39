import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const moduleUrl = new URL('./io-threads.ts', import.meta.url).href;

/** The pool size a fresh Node process sees after importing the module, its own environment set to `env`. */
function poolSizeAfterImport(env: NodeJS.ProcessEnv): string {
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(moduleUrl)}); console.log(process.env.UV_THREADPOOL_SIZE);`,
    ],
    { env, encoding: 'utf8', cwd: fileURLToPath(new URL('.', import.meta.url)) },
  );
  expect(run.stderr).toBe('');
  return run.stdout.trim();
}

describe('io-threads', () => {
  const { UV_THREADPOOL_SIZE: _unset, ...env } = process.env;

  it('widens the fs thread pool for the process that imports it', () => {
    expect(poolSizeAfterImport(env)).toBe('32');
  });

  it('keeps a size the user set', () => {
    expect(poolSizeAfterImport({ ...env, UV_THREADPOOL_SIZE: '8' })).toBe('8');
  });
});
