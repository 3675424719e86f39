import { describe, expect, it } from 'vitest';
import { openInLectern } from './open-in-lectern';

describe('openInLectern', () => {
  it.each([
    ['lectern://open?id=a1', { href: 'lectern://open?id=a1', web: false }],
    ['http://127.0.0.1:5173/#/article/a1', { href: 'http://127.0.0.1:5173/#/article/a1', web: true }],
    ['http://localhost:5173/#/article/a1', { href: 'http://localhost:5173/#/article/a1', web: true }],
    ['http://[::1]:5173/#/article/a1', { href: 'http://[::1]:5173/#/article/a1', web: true }],
  ])('follows the address Lectern names: %s', (open, expected) => {
    expect(openInLectern({ id: 'a1', open })).toEqual(expected);
  });

  it.each([
    'https://evil.example/#/article/a1',
    'http://127.0.0.1.evil.example/',
    'http://user:pass@127.0.0.1:5173/',
    'javascript:alert(1)',
    'lectern://add?url=https://evil.example',
    'not an address',
    '',
  ])('gives the desktop app’s link for anything else: %s', (open) => {
    expect(openInLectern({ id: 'a 1', open })).toEqual({ href: 'lectern://open?id=a%201', web: false });
  });

  it('gives the desktop app’s link when an older Lectern names none', () => {
    expect(openInLectern({ id: 'a1' } as { id: string; open: string })).toEqual({
      href: 'lectern://open?id=a1',
      web: false,
    });
  });
});
