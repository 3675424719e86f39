import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY,
  APP_ORIGIN,
  APP_SCHEME,
  isAppUrl,
  isTrustedSender,
  SECURE_WEB_PREFERENCES,
} from './policy';
import { itReturnsSame } from '../shared/testing/returns';

describe('app address', () => {
  it('is served from its own scheme', () => {
    expect(APP_SCHEME).toBe('lectern-app');
    expect(APP_ORIGIN).toBe('lectern-app://app');
    expect(APP_ENTRY).toBe('lectern-app://app/index.html');
  });
});

describe('isAppUrl', () => {
  itReturnsSame(isAppUrl, true, 'accepts %s', [
    ['the entry page', 'lectern-app://app/index.html'],
    ['the root', 'lectern-app://app/'],
    ['a script', 'lectern-app://app/assets/index-abc123.js'],
    ['a route with a query and hash', 'lectern-app://app/index.html?x=1#/article/0000000001-abcdefgh'],
    ['an upper-case scheme and host', 'LECTERN-APP://APP/index.html'],
  ]);

  itReturnsSame(isAppUrl, false, 'refuses %s', [
    ['another host on the app scheme', 'lectern-app://evil/index.html'],
    ['a host that starts with app', 'lectern-app://app.evil.example/index.html'],
    ['credentials pointing elsewhere', 'lectern-app://app@evil/index.html'],
    ['a port', 'lectern-app://app:8080/index.html'],
    ['a web page', 'https://example.com/'],
    ['a page naming the app in its path', 'https://evil.example/lectern-app://app/'],
    ['a local file', 'file:///etc/passwd'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['about:blank', 'about:blank'],
    ['garbage', 'not a url'],
    ['an empty string', ''],
  ]);
});

describe('isTrustedSender', () => {
  it('trusts the app’s own top-level frame', () => {
    expect(isTrustedSender({ url: APP_ENTRY, parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'lectern-app://app/index.html#/article/x', parent: null })).toBe(true);
  });

  itReturnsSame(isTrustedSender, false, 'refuses %s', [
    ['a subframe of the app', { url: APP_ENTRY, parent: { url: APP_ENTRY, parent: null } }],
    ['a frame whose parent is unknown', { url: APP_ENTRY, parent: undefined }],
    ['a foreign top-level page', { url: 'https://evil.example/', parent: null }],
    ['another host on the app scheme', { url: 'lectern-app://evil/index.html', parent: null }],
    ['a local file', { url: 'file:///tmp/index.html', parent: null }],
    ['an empty url', { url: '', parent: null }],
    ['a missing frame (null)', null],
    ['a missing frame (undefined)', undefined],
  ]);
});

describe('SECURE_WEB_PREFERENCES', () => {
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
  ] as const)('sets %s to %s', (key, value) => {
    expect(SECURE_WEB_PREFERENCES[key]).toBe(value);
  });

  it('sets no preload, so each window adds its own path explicitly', () => {
    expect(Object.hasOwn(SECURE_WEB_PREFERENCES, 'preload')).toBe(false);
  });
});
