import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveLibraryDir } from './location';

const USER_DATA = '/home/reader/.config/Lectern';

describe('resolveLibraryDir', () => {
  it.each<[string, string[], Record<string, string>, string | undefined, string]>([
    ['the default', [], {}, undefined, join(USER_DATA, 'Library')],
    ['the folder chosen in the app', [], {}, '/books/Lectern', '/books/Lectern'],
    ['the environment over the app’s choice', [], { LECTERN_LIBRARY: '/env' }, '/books', '/env'],
    ['--library over everything', ['--library', '/flag'], { LECTERN_LIBRARY: '/env' }, '/books', '/flag'],
    ['--library=DIR', ['--library=/flag'], {}, undefined, '/flag'],
    ['a blank environment value', [], { LECTERN_LIBRARY: ' ' }, '/books', '/books'],
  ])('uses %s', (_label, argv, env, chosen, expected) => {
    expect(resolveLibraryDir(argv, env, USER_DATA, chosen)).toBe(resolve(expected));
  });
});
