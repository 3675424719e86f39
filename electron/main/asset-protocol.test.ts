/**
 * The lectern-asset: protocol's answers, on a real library folder: stored
 * images are served, and nothing else is, however the path is dressed up.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetResponse } from './asset-protocol';

const ID = 'mi3q2k0a1b-x7c9d2ke';
const NAME = '0123456789abcdef.png';
const LINK = 'abcdefabcdefabcd.png';
const DIR_LINK = 'fedcbafedcbafedc.png';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7]);
let base: string;
let library: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'lectern-asset-'));
  library = join(base, 'library');
  const article = join(library, 'articles', ID);
  await mkdir(join(article, 'assets'), { recursive: true });
  await writeFile(join(article, 'article.json'), '{"id":"private"}');
  await writeFile(join(article, 'assets', NAME), PNG);
  await writeFile(join(base, 'secret.png'), 'outside the library');
  await symlink(join(base, 'secret.png'), join(article, 'assets', LINK));
  await symlink(join(article, 'article.json'), join(article, 'assets', DIR_LINK));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('assetResponse', () => {
  it('serves a stored image with its type, nosniff and a sandboxing policy', async () => {
    const response = await assetResponse(library, `lectern-asset://${ID}/${NAME}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it.each([
    ['a parent segment', `lectern-asset://${ID}/../article.json`],
    ['a parent segment after the name', `lectern-asset://${ID}/${NAME}/../../article.json`],
    ['encoded dots', `lectern-asset://${ID}/%2e%2e%2farticle.json`],
    ['encoded upper-case dots', `lectern-asset://${ID}/%2E%2E%2F%2E%2E%2F%2E%2E%2Fsecret.png`],
    ['double-encoded traversal', `lectern-asset://${ID}/%252e%252e%252farticle.json`],
    ['an encoded backslash', `lectern-asset://${ID}/..%5Carticle.json`],
    ['an absolute path', `lectern-asset://${ID}//etc/passwd`],
    ['an encoded absolute path', `lectern-asset://${ID}/%2Fetc%2Fpasswd`],
    ['a Windows drive path', `lectern-asset://${ID}/C:%5CWindows%5Cwin.ini`],
    ['a traversing article id', `lectern-asset://..%2F..%2Fsecret/${NAME}`],
    ['another article id shape', `lectern-asset://articles/${NAME}`],
    ['a file that is not an asset', `lectern-asset://${ID}/article.json`],
    ['a symlink in assets/ pointing outside the library', `lectern-asset://${ID}/${LINK}`],
    ['a symlink in assets/ pointing out of assets/', `lectern-asset://${ID}/${DIR_LINK}`],
    ['a missing asset', `lectern-asset://${ID}/ffffffffffffffff.png`],
    ['another scheme', `file:///etc/passwd`],
    ['not a URL', 'lectern-asset:'],
  ])('refuses %s with a 404', async (_label, url) => {
    const response = await assetResponse(library, url);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found');
  });
});
