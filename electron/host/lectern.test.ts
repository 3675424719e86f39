/**
 * lectern.js, the command a person runs, in a made-up project inside this
 * one's out/ folder (so tsx resolves from node_modules): it runs the
 * command line's build in its own process while cli-build.js calls it
 * current, else the TypeScript source through tsx.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LECTERN_JS, PROJECT, runNode } from './testing/run-cli';

let project: string;

beforeAll(async () => {
  await mkdir(join(PROJECT, 'out'), { recursive: true });
  project = await mkdtemp(join(PROJECT, 'out', 'lectern-js-test-'));
  await mkdir(join(project, 'electron/host'), { recursive: true });
  await mkdir(join(project, 'out/cli'), { recursive: true });
  await copyFile(LECTERN_JS, join(project, 'electron/host/lectern.js'));
  const report = (ran: string) =>
    `console.log(JSON.stringify({ ran: '${ran}', main: process.argv[1], args: process.argv.slice(2) }));\nprocess.exitCode = 3;\n`;
  await writeFile(join(project, 'electron/host/cli-start.ts'), report('source'));
  await writeFile(join(project, 'out/cli/lectern.js'), report('built'));
});

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

/** Has the made-up build's cli-build.js call the build current or not. */
async function buildIsCurrent(current: boolean): Promise<void> {
  await writeFile(
    join(project, 'out/cli/cli-build.js'),
    `import { join } from 'node:path';\nexport const currentCliBuild = (project) => ${current ? "join(project, 'out/cli/lectern.js')" : 'null'};\n`,
  );
}

const lectern = (args: string[]) => runNode(join(project, 'electron/host/lectern.js'), args);

describe('lectern.js', { timeout: 90_000 }, () => {
  it('runs the current build in its own process, with the arguments given', async () => {
    await buildIsCurrent(true);
    const run = await lectern(['import', 'page.html']);
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout)).toEqual({
      ran: 'built',
      main: join(project, 'electron/host/lectern.js'),
      args: ['import', 'page.html'],
    });
  });

  it('runs the source through tsx when the build is not current, and passes its exit code on', async () => {
    await buildIsCurrent(false);
    const run = await lectern(['import', 'page.html']);
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout)).toEqual({
      ran: 'source',
      main: join(project, 'electron/host/cli-start.ts'),
      args: ['import', 'page.html'],
    });
  });

  it('runs the source when there is no build at all', async () => {
    await rm(join(project, 'out/cli/cli-build.js'), { force: true });
    const run = await lectern(['export']);
    expect(JSON.parse(run.stdout)).toMatchObject({ ran: 'source', args: ['export'] });
  });
});
