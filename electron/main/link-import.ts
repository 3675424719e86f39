/**
 * Where `lectern://add?url=…` (the bookmarklet) and File › Add Link… hand a
 * web address to the backend. Fetching and extracting a link is the import
 * feature's work; this is the one place that connects to it, by the API
 * method named in LINK_IMPORT_METHOD, through the same dispatch as every
 * call from the window. While the contract has no such method, the person is
 * told so in words and Add Link… stays disabled.
 */
import type { Dispatch } from '../core/dispatch';
import { API_METHODS, type ImportOutcome } from '../shared/api';

/** The API method that imports one web address and answers with its ImportOutcome. */
export const LINK_IMPORT_METHOD = 'importUrl';

export function canImportLinks(methods: readonly string[] = API_METHODS): boolean {
  return methods.includes(LINK_IMPORT_METHOD);
}

export async function importLink(
  dispatch: Dispatch,
  url: string,
  methods: readonly string[] = API_METHODS,
): Promise<ImportOutcome> {
  if (!canImportLinks(methods)) {
    return {
      status: 'failed',
      input: url,
      error: {
        code: 'unsupported-type',
        message: `This version of Lectern cannot fetch web pages yet, so ${url} was not added. Save the page from your browser and drop the file on the window.`,
      },
    };
  }
  const result = await dispatch(LINK_IMPORT_METHOD, [url]);
  return result.ok ? (result.value as ImportOutcome) : { status: 'failed', input: url, error: result.error };
}
