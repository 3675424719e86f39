/**
 * Serves stored article images on lectern-asset://<article id>/<asset name>.
 * The name must be an asset name (shared/assets.ts) and the file must resolve
 * inside that article's assets folder; anything else is a 404.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { articleAssetPath } from '../core/files/article-asset';
import { ASSET_SECURITY_POLICY, assetMimeType } from '../shared/assets';
import { ASSET_SCHEME } from '../shared/ipc-channels';

export function serveAssetProtocol(libraryDir: string): void {
  protocol.handle(ASSET_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = await articleAssetPath(libraryDir, url.host, url.pathname.slice(1));
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(await readFile(file), {
      headers: {
        'Content-Type': assetMimeType(file),
        'Content-Security-Policy': ASSET_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
