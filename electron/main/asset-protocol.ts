/**
 * Serves stored article images on lectern-asset://<article id>/<asset name>.
 * The name must be an asset name (shared/assets.ts) and the file must resolve
 * inside that article's assets folder; anything else is a 404. The answer is
 * built by a plain function over a request URL (tested on real folders in
 * asset-protocol.test.ts); Electron's protocol module is passed in.
 */
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { articleAssetPath } from '../core/files/article-asset';
import { ASSET_SECURITY_POLICY, assetMimeType } from '../shared/assets';
import { ASSET_SCHEME } from '../shared/ipc-channels';

export async function assetResponse(libraryDir: string, requestUrl: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return new Response('Not found', { status: 404 });
  }
  const file =
    url.protocol === `${ASSET_SCHEME}:`
      ? await articleAssetPath(libraryDir, url.hostname, url.pathname.slice(1))
      : null;
  if (!file) return new Response('Not found', { status: 404 });
  try {
    return new Response(await readFile(file), {
      headers: {
        'Content-Type': assetMimeType(file),
        'Content-Security-Policy': ASSET_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

/** `libraryDir` is read per request, so moving the library needs no re-registration. */
export function serveAssetProtocol(protocol: Pick<Protocol, 'handle'>, libraryDir: () => string): void {
  protocol.handle(ASSET_SCHEME, (request) => assetResponse(libraryDir(), request.url));
}
