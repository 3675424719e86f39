/**
 * The toolbar badge: a tick on the tab whose page was just saved, "!" with
 * the reason in the tooltip on a tab whose clip failed, and, across all
 * tabs, how many clips wait for Lectern. Tab badges are reset by the browser
 * when the tab navigates, so a tick never outlives its page.
 */
import { ext } from '../browser-api';

/** Badge colours: the badge API takes colours, not CSS tokens. */
const SAVED_COLOUR = '#2f7d4f';
const FAILED_COLOUR = '#b42318';
const WAITING_COLOUR = '#a15c07';
const TITLE = 'Save to Lectern';

export async function showWaiting(count: number): Promise<void> {
  await ext.action.setBadgeBackgroundColor({ color: WAITING_COLOUR });
  await ext.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await ext.action.setTitle({
    title: count > 0 ? `${TITLE} (${count} waiting for Lectern to open)` : TITLE,
  });
}

export async function showSaved(tabId: number, title: string): Promise<void> {
  await ext.action.setBadgeBackgroundColor({ tabId, color: SAVED_COLOUR });
  await ext.action.setBadgeText({ tabId, text: '✓' });
  await ext.action.setTitle({ tabId, title: `In your Lectern library: ${title}` });
}

export async function showFailed(tabId: number, reason: string): Promise<void> {
  await ext.action.setBadgeBackgroundColor({ tabId, color: FAILED_COLOUR });
  await ext.action.setBadgeText({ tabId, text: '!' });
  await ext.action.setTitle({ tabId, title: reason });
}
