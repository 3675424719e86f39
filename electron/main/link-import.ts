/**
 * Where `lectern://add?url=…` (the bookmarklet) and File › Add Link… hand a
 * web address to the backend: the import feature's importUrls, through the
 * same dispatch as every call from the window, so a link that cannot be
 * fetched now is kept as a pending article like one dropped on the window.
 */
import type { Dispatch } from '../core/dispatch';
import type { ImportOutcome } from '../shared/api';

export async function importLink(dispatch: Dispatch, url: string): Promise<ImportOutcome> {
  const result = await dispatch('importUrls', [[url]]);
  const [outcome] = result.ok ? (result.value as ImportOutcome[]) : [];
  if (outcome) return outcome;
  return {
    status: 'failed',
    input: url,
    error: result.ok
      ? { code: 'internal', message: `${url} was not added; please try again.` }
      : result.error,
  };
}
