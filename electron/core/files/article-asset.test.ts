import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleAssetPath } from './article-asset';

// base/
//   library/articles/
//     <plain>/assets/<png>           a real asset
//     <plain>/assets/<svg>           → another article's asset
//     <plain>/assets/<jpg>           → outside/secret.jpg
//     <linked-assets>/assets         → outside
//     <linked-article>               → outside-article (with assets/<png>)
//   linked-library                   → library (a library kept behind a link)
//   outside/secret.jpg, outside/<png>
const PLAIN = '0000000001-aaaaaaaa';
const OTHER = '0000000002-bbbbbbbb';
const LINKED_ASSETS = '0000000003-cccccccc';
const LINKED_ARTICLE = '0000000004-dddddddd';
const PNG = `${'a'.repeat(16)}.png`;
const SVG = `${'b'.repeat(16)}.svg`;
const JPG = `${'c'.repeat(16)}.jpg`;
let base: string;
let library: string;

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'lectern-article-asset-')));
  library = join(base, 'library');
  const articles = join(library, 'articles');
  const outside = join(base, 'outside');
  await mkdir(join(articles, PLAIN, 'assets'), { recursive: true });
  await mkdir(join(articles, OTHER, 'assets'), { recursive: true });
  await mkdir(join(articles, LINKED_ASSETS), { recursive: true });
  await mkdir(join(base, 'outside-article', 'assets'), { recursive: true });
  await mkdir(outside);
  await writeFile(join(articles, PLAIN, 'assets', PNG), 'png');
  await writeFile(join(articles, OTHER, 'assets', SVG), '<svg/>');
  await writeFile(join(outside, JPG), 'secret');
  await writeFile(join(outside, PNG), 'secret');
  await writeFile(join(base, 'outside-article', 'assets', PNG), 'secret');
  await symlink(join(articles, OTHER, 'assets', SVG), join(articles, PLAIN, 'assets', SVG));
  await symlink(join(outside, JPG), join(articles, PLAIN, 'assets', JPG));
  await symlink(outside, join(articles, LINKED_ASSETS, 'assets'));
  await symlink(join(base, 'outside-article'), join(articles, LINKED_ARTICLE));
  await symlink(library, join(base, 'linked-library'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('articleAssetPath', () => {
  it('finds an article’s own asset, also in a library reached through a link', async () => {
    const real = join(library, 'articles', PLAIN, 'assets', PNG);
    expect(await articleAssetPath(library, PLAIN, PNG)).toBe(real);
    expect(await articleAssetPath(join(base, 'linked-library'), PLAIN, PNG)).toBe(real);
  });

  it.each([
    ['a linked file pointing outside the library', PLAIN, JPG],
    ['a linked file pointing at another article’s asset', PLAIN, SVG],
    ['a linked assets folder', LINKED_ASSETS, PNG],
    ['a linked article folder', LINKED_ARTICLE, PNG],
    ['a name that is not an asset', PLAIN, '../article.json'],
    ['an id that is not an article’s', '../../outside', PNG],
  ])('refuses %s', async (_label, id, name) => {
    expect(await articleAssetPath(library, id, name)).toBeNull();
  });
});
