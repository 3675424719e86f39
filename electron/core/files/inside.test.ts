import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveInside } from './inside';

// base/
//   root/               the folder being served
//     index.html
//     sub/page.js
//     inner-link.js     → sub/page.js (inside: allowed)
//     outer-link.txt    → ../outside/secret.txt
//     outer-dir         → ../outside
//   root-evil/secret.txt  (a sibling whose name starts with the root's)
//   outside/secret.txt
let base: string;
let root: string;
let outside: string;

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'lectern-inside-')));
  root = join(base, 'root');
  outside = join(base, 'outside');
  await mkdir(join(root, 'sub'), { recursive: true });
  await mkdir(outside);
  await mkdir(join(base, 'root-evil'));
  await writeFile(join(root, 'index.html'), '<!doctype html>');
  await writeFile(join(root, 'sub', 'page.js'), '');
  await writeFile(join(outside, 'secret.txt'), 'secret');
  await writeFile(join(base, 'root-evil', 'secret.txt'), 'secret');
  await symlink(join(root, 'sub', 'page.js'), join(root, 'inner-link.js'));
  await symlink(join(outside, 'secret.txt'), join(root, 'outer-link.txt'));
  await symlink(outside, join(root, 'outer-dir'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveInside', () => {
  it.each([
    ['index.html', 'index.html'],
    ['/index.html', 'index.html'],
    ['sub/page.js', 'sub/page.js'],
    ['/sub/page.js', 'sub/page.js'],
    ['./sub/./page.js', 'sub/page.js'],
    ['sub//page.js', 'sub/page.js'],
    ['sub%2Fpage.js', 'sub/page.js'],
    ['inner-link.js', 'sub/page.js'],
  ])('resolves %j to the real file %s', async (request, expected) => {
    expect(await resolveInside(root, request)).toBe(join(root, expected));
  });

  it.each([
    ['a parent segment', '../outside/secret.txt'],
    ['a bare parent', '..'],
    ['a parent after a folder', 'sub/../../outside/secret.txt'],
    ['a parent that would land back inside', 'sub/../index.html'],
    ['encoded dots', '%2e%2e/outside/secret.txt'],
    ['encoded upper-case dots', '%2E%2E/%2E%2E/etc/passwd'],
    ['an encoded slash', '..%2foutside%2fsecret.txt'],
    ['a sibling folder with a matching prefix', '../root-evil/secret.txt'],
    ['an absolute path outside the root', '/etc/passwd'],
    ['an absolute path to a real file outside', '<outside>/secret.txt'],
    ['backslashes', '..\\outside\\secret.txt'],
    ['encoded backslashes', '..%5coutside%5csecret.txt'],
    ['a backslash inside the root', 'sub\\page.js'],
    ['a NUL byte', 'index.html\0.png'],
    ['an encoded NUL byte', 'index.html%00.png'],
    ['a malformed escape', 'index%E0%A4%A.html'],
    ['a symlink to a file outside', 'outer-link.txt'],
    ['a symlinked folder outside', 'outer-dir/secret.txt'],
    ['a missing file', 'missing.html'],
    ['a missing folder', 'nope/index.html'],
  ])('refuses %s (%j)', async (_label, request) => {
    expect(await resolveInside(root, request.replace('<outside>', outside))).toBeNull();
  });
});

describe('resolveInside below an anchor', () => {
  it('takes the root as written below the anchor, so a linked root is refused', async () => {
    expect(await resolveInside(join(root, 'sub'), 'page.js', root)).toBe(join(root, 'sub', 'page.js'));
    expect(await resolveInside(join(root, 'outer-dir'), 'secret.txt', root)).toBeNull();
    expect(await resolveInside(join(root, 'outer-dir'), 'secret.txt')).toBe(join(outside, 'secret.txt'));
  });

  it('refuses a root that is not below its anchor', async () => {
    expect(await resolveInside(outside, 'secret.txt', root)).toBeNull();
  });
});
