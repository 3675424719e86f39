/** ClipperApi: the window's side of the clipper, all of it in clipper.ts. */
import type { ClipperApi } from '../../shared/api';
import type { Clipper } from './clipper';

export function clipperService(clipper: Clipper): ClipperApi {
  return {
    async listClippers() {
      return clipper.list();
    },
    allowClipper: (pairingId) => clipper.allow(pairingId),
    denyClipper: (pairingId) => clipper.deny(pairingId),
    revokeClipper: (id) => clipper.revoke(id),
  };
}
