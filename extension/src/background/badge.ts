/**
 * The toolbar badge: a tick on the tab whose page was just saved, "!" with
 * the reason in the tooltip on a tab whose clip failed, and, across all
 * tabs, "!" while clips Lectern refused are held for the person to retry or
 * discard (the louder news), else how many clips wait for Lectern. Tab badges are reset by the browser
 * when the tab navigates, so a tick never outlives its page.
 */
import { ext } from '../browser-api';

/** Badge colours: the badge API takes colours, not CSS tokens. */
const SAVED_COLOUR = '#2f7d4f';
const FAILED_COLOUR = '#b42318';
const WAITING_COLOUR = '#a15c07';
const TITLE = 'Save to Lectern';

export async function showOutbox(waiting: number, refused: number): Promise<void> {
  const parts = [
    refused > 0 ? `${refused} not saved: open this to retry or discard` : '',
    waiting > 0 ? `${waiting} waiting for Lectern to open` : '',
  ].filter(Boolean);
  await ext.action.setBadgeBackgroundColor({ color: refused > 0 ? FAILED_COLOUR : WAITING_COLOUR });
  await ext.action.setBadgeText({ text: refused > 0 ? '!' : waiting > 0 ? String(waiting) : '' });
  await ext.action.setTitle({ title: parts.length > 0 ? `${TITLE} (${parts.join('; ')})` : TITLE });
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
