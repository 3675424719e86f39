import { describe, expect, it } from 'vitest';
import { extensionManifest, FIREFOX_ID } from './manifest';

describe('extensionManifest', () => {
  const chromium = extensionManifest('chromium', '1.2.3');
  const firefox = extensionManifest('firefox', '1.2.3');

  it('runs the background as a service worker in Chromium and as scripts in Firefox', () => {
    expect(chromium.background).toEqual({ service_worker: 'background.js' });
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
  });

  it('gives Firefox its add-on id and Chromium none', () => {
    expect(firefox.browser_specific_settings).toMatchObject({ gecko: { id: FIREFOX_ID } });
    expect(chromium).not.toHaveProperty('browser_specific_settings');
  });

  it('is otherwise the same for both browsers', () => {
    const shared = (manifest: Record<string, unknown>) => {
      const rest = { ...manifest };
      for (const key of ['background', 'browser_specific_settings', 'minimum_chrome_version'])
        delete rest[key];
      return rest;
    };
    expect(shared(firefox)).toEqual(shared(chromium));
    expect(chromium).toMatchObject({
      manifest_version: 3,
      version: '1.2.3',
      action: { default_popup: 'popup.html' },
      commands: { 'save-page': { suggested_key: { default: 'Alt+Shift+S' } } },
    });
  });
});
