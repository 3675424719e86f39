/**
 * Copying text for the person, and saying how it went: the clipboard can be
 * refused (a browser tab without focus or permission), so a copy ends in a
 * notice either way rather than failing in silence.
 */
import type { Notices } from './notices.svelte';

export async function copyWithNotice(
  text: string,
  /** The notice's title when the copy worked ("Copied"). */
  copied: string,
  notices: Pick<Notices, 'show'>,
  clipboard: Pick<Clipboard, 'writeText'> = navigator.clipboard,
): Promise<void> {
  try {
    await clipboard.writeText(text);
    notices.show({ tone: 'success', title: copied, lines: [] });
  } catch {
    notices.show({ tone: 'error', title: 'The clipboard is not available', lines: [] });
  }
}
