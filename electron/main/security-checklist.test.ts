/**
 * Electron's security checklist (docs/tutorial/security.md in
 * electron/electron), item by item, each with a check on the real code or
 * configuration. Deeper tables of cases live beside each module (policy,
 * guards, ipc, asset-protocol, preload); the end-to-end spec
 * e2e/hostile-pages.spec.ts shows imported pages cannot run anything, and
 * e2e/content-security-policy.spec.ts checks the built page and the browser
 * shell's headers.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'app-builder-lib';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import {
  denyPermissionCheck,
  denyPermissionRequest,
  onWillAttachWebview,
  onWillNavigate,
  windowOpenHandler,
} from './guards';
import { answerCall } from './ipc';
import { externalUrl } from '../shared/external-url';
import { APP_ENTRY, SECURE_WEB_PREFERENCES } from './policy';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const directives = new Map(
  CONTENT_SECURITY_POLICY.split('; ').map((directive) => {
    const [name, ...values] = directive.split(' ');
    return [name as string, values];
  }),
);
let builder: Configuration;

beforeAll(async () => {
  builder = await getConfig(PROJECT, 'electron-builder.yml', null);
});

const prevented = () => ({ preventDefault: vi.fn() });

describe('Electron security checklist', () => {
  it('1. only loads secure content: the app’s own scheme, nothing remote in the policy', () => {
    expect(new URL(APP_ENTRY).protocol).toBe('lectern-app:');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|ws:|\*/);
  });

  it('2. no Node.js integration in the renderer, its workers or sub-frames', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('3. context isolation', () => {
    expect(SECURE_WEB_PREFERENCES.contextIsolation).toBe(true);
  });

  it('4. process sandboxing', () => {
    expect(SECURE_WEB_PREFERENCES.sandbox).toBe(true);
  });

  it('5. every permission request and check is denied', () => {
    const callback = vi.fn();
    denyPermissionRequest({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(denyPermissionCheck()).toBe(false);
  });

  it('6. webSecurity stays on', () => {
    expect(SECURE_WEB_PREFERENCES.webSecurity).toBe(true);
  });

  it('7. a restrictive Content-Security-Policy: own scripts only, no inline, no eval', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|data:[^;]*script/);
  });

  it('8. no insecure content', () => {
    expect(SECURE_WEB_PREFERENCES.allowRunningInsecureContent).toBe(false);
  });

  it('9. no experimental features', () => {
    expect(SECURE_WEB_PREFERENCES.experimentalFeatures).toBe(false);
  });

  it('10. no enableBlinkFeatures', () => {
    expect(Object.keys(SECURE_WEB_PREFERENCES)).not.toContain('enableBlinkFeatures');
  });

  it('11. no webviews at all, so no allowpopups', () => {
    expect(SECURE_WEB_PREFERENCES.webviewTag).toBe(false);
  });

  it('12. a webview about to attach is refused, whatever its options', () => {
    const event = prevented();
    onWillAttachWebview(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('13. navigation away from the app is stopped', () => {
    const event = prevented();
    onWillNavigate(async () => {})(event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('14. no new windows', () => {
    expect(windowOpenHandler(async () => {})({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('15. shell.openExternal gets only parsed http(s) and mailto links', () => {
    expect(externalUrl('https://example.com/')).toBe('https://example.com/');
    for (const url of ['file:///etc/passwd', 'smb://server/x', 'javascript:alert(1)', 'ms-msdt:/id']) {
      expect(externalUrl(url)).toBeNull();
    }
  });

  it('16. a current Electron, pinned exactly and installed at that version', async () => {
    const pkg = JSON.parse(await readFile(`${PROJECT}package.json`, 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const pinned = pkg.devDependencies.electron as string;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = JSON.parse(await readFile(`${PROJECT}node_modules/electron/package.json`, 'utf8')) as {
      version: string;
    };
    expect(installed.version).toBe(pinned);
  });

  it('17. the sender of every IPC call is checked: foreign origins and sub-frames are refused', async () => {
    const dispatch = vi.fn();
    const refuse = async (frame: { url: string; parent: unknown }) =>
      (
        await answerCall(
          { senderFrame: frame } as Parameters<typeof answerCall>[0],
          'listArticles',
          [],
          dispatch,
        )
      ).ok;
    expect(await refuse({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(await refuse({ url: APP_ENTRY, parent: { url: APP_ENTRY, parent: null } })).toBe(false);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('18. no file:// pages: a custom scheme, and file:// loses its extra privileges', () => {
    expect(APP_ENTRY.startsWith('file:')).toBe(false);
    expect(builder.electronFuses?.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('19. the fuses that harden the packaged binary are flipped, and no others', () => {
    expect(builder.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('20. no Electron API is exposed to the page (see electron/preload/index.test.ts)', async () => {
    const preload = await readFile(`${PROJECT}electron/preload/index.ts`, 'utf8');
    const exposed = [...preload.matchAll(/exposeInMainWorld\('(\w+)', (\w+)\)/g)].map((m) => m[2]);
    expect(exposed).toEqual(['transport', 'desktop']);
  });
});
