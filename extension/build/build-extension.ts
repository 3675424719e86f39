/**
 * `npm run build:extension`: builds the clipper once, then lays it out for
 * each browser under out/extension/<target>/ (loadable unpacked) with that
 * browser's manifest, and zips each folder for its store.
 */
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { ZipFile } from 'yazl';
import { extensionBuilds } from './vite-builds';
import { extensionManifest, TARGETS } from './manifest';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(PROJECT, 'out', 'extension');
const BUNDLE = join(OUT, 'bundle');
const ICON_SIZES = [16, 32, 48, 128];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function zip(dir: string, target: string): Promise<void> {
  const archive = new ZipFile();
  for (const file of await filesUnder(dir)) archive.addFile(file, relative(dir, file).split('\\').join('/'));
  archive.end();
  await new Promise<void>((resolve, reject) => {
    archive.outputStream.pipe(createWriteStream(target)).on('close', resolve).on('error', reject);
  });
}

export async function buildExtension(): Promise<string[]> {
  const { version } = JSON.parse(await readFile(join(PROJECT, 'package.json'), 'utf8')) as {
    version: string;
  };
  await rm(OUT, { recursive: true, force: true });
  for (const config of extensionBuilds(BUNDLE)) await build(config);
  await mkdir(join(BUNDLE, 'icons'), { recursive: true });
  for (const size of ICON_SIZES) {
    await cp(join(PROJECT, 'build', 'icons', `${size}x${size}.png`), join(BUNDLE, 'icons', `${size}.png`));
  }
  const written: string[] = [];
  for (const target of TARGETS) {
    const dir = join(OUT, target);
    await cp(BUNDLE, dir, { recursive: true });
    await writeFile(
      join(dir, 'manifest.json'),
      `${JSON.stringify(extensionManifest(target, version), null, 2)}\n`,
    );
    const archive = join(OUT, `lectern-clipper-${version}-${target}.zip`);
    await zip(dir, archive);
    written.push(dir, archive);
  }
  await rm(BUNDLE, { recursive: true, force: true });
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const path of await buildExtension()) console.log(`wrote ${relative(PROJECT, path)}`);
}
