/**
 * The extension's manifest, one source for both browsers. They differ only
 * where Manifest V3 itself differs: Chromium runs the background as a
 * service worker, Firefox as event-page scripts, and Firefox wants an add-on
 * id and its data-collection statement. Everything else (permissions, the
 * keyboard command, the popup) is the same object, so the two builds cannot
 * drift apart.
 */
export type Target = 'chromium' | 'firefox';

export const TARGETS: readonly Target[] = ['chromium', 'firefox'];
export const FIREFOX_ID = 'clipper@lectern.app';

const ICONS = { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' };

export function extensionManifest(target: Target, version: string): Record<string, unknown> {
  return {
    manifest_version: 3,
    name: 'Lectern Clipper',
    version,
    description:
      'Saves the page you are reading to your Lectern library as you see it, with its images, even behind a login.',
    icons: ICONS,
    action: { default_popup: 'popup.html', default_title: 'Save to Lectern', default_icon: ICONS },
    background: target === 'chromium' ? { service_worker: 'background.js' } : { scripts: ['background.js'] },
    // activeTab and scripting read the clipped tab; the host permission lets a
    // test or "Save all tabs" read tabs without a click on each, fetches
    // images another site's CORS keeps from the page, and reaches Lectern on
    // 127.0.0.1. unlimitedStorage lets the outbox hold pages while Lectern is closed.
    permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage', 'contextMenus', 'alarms'],
    host_permissions: ['<all_urls>'],
    commands: {
      'save-page': { suggested_key: { default: 'Alt+Shift+S' }, description: 'Save this page to Lectern' },
    },
    ...(target === 'chromium'
      ? { minimum_chrome_version: '116' }
      : {
          browser_specific_settings: {
            gecko: {
              id: FIREFOX_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }),
  };
}
