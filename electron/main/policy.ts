/**
 * The main process's security decisions as pure functions, so they are tested
 * without Electron (DESIGN.md section 5). main/ only wires them to Electron's
 * events; this file imports types from Electron and nothing else.
 */
import type { WebPreferences } from 'electron';

/** The custom scheme the renderer is served from: never file://, never http. */
export const APP_SCHEME = 'lectern-app';
const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Every window's webPreferences apart from the preload path. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const satisfies WebPreferences;

/** True for URLs served by the app itself. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    // Not `origin`: Node's URL reports "null" as the origin of any non-web scheme.
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST;
  } catch {
    return false;
  }
}

/** An IPC call is trusted only from the app's own top-level frame. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  return Boolean(frame) && frame?.parent === null && isAppUrl(frame.url);
}
