/**
 * Serves the built renderer on lectern-app://app/, so the window never runs
 * from file:// (where every local file would be same-origin) and the CSP
 * header is set by us, not left to a meta tag.
 */
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveInside } from '../core/files/inside';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import { ASSET_SCHEME } from '../shared/ipc-channels';
import { APP_SCHEME } from './policy';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: ASSET_SCHEME, privileges: { standard: true, secure: true } },
  ]);
}

export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'app' ? await resolveInside(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).href);
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
