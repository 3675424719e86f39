/**
 * The background: a service worker in Chromium, an event page in Firefox.
 * It owns every clip from the click to Lectern's answer, so closing the
 * popup never cuts one short. Menus and the keyboard command carry the tab
 * they were used on; the popup names its tab in each call.
 */
import { ext } from '../browser-api';
import type { BackgroundCall, BackgroundCalls, ClipOptions } from '../messages';
import { unclippableReason } from './capture-tab';
import { Clipper } from './clipper';

const FLUSH_ALARM = 'lectern-outbox';
/** How often waiting clips are offered to Lectern again; Chromium's shortest alarm period. */
const FLUSH_PERIOD_MINUTES = 0.5;
const DEFAULT_OPTIONS: ClipOptions = { tags: [], state: 'inbox', note: '' };

const MENUS: chrome.contextMenus.CreateProperties[] = [
  { id: 'save-page', title: 'Save page to Lectern', contexts: ['page'] },
  { id: 'save-selection', title: 'Save selection to Lectern', contexts: ['selection'] },
  { id: 'save-link', title: 'Save link to Lectern', contexts: ['link'] },
  { id: 'save-all-tabs', title: 'Save all tabs in this window to Lectern', contexts: ['page', 'action'] },
];

const clipper = new Clipper();

async function answer(message: BackgroundCall): Promise<BackgroundCalls[BackgroundCall['call']]['answer']> {
  switch (message.call) {
    case 'status': {
      const tab = message.tabId === null ? null : await ext.tabs.get(message.tabId).catch(() => null);
      return {
        lectern: (await clipper.connection.find()) ? 'running' : 'absent',
        paired: await clipper.connection.isPaired(),
        unpairedReason: await clipper.connection.unpairedReason(),
        ...(await clipper.held()),
        tab:
          tab?.id === undefined
            ? null
            : {
                id: tab.id,
                windowId: tab.windowId,
                url: tab.url ?? '',
                title: tab.title ?? '',
                unclippable: unclippableReason(tab.url),
              },
      };
    }
    case 'flush':
      await clipper.flush();
      return { flushed: true };
    case 'tags': {
      const client = await clipper.connection.find();
      const tags = client ? await client.tags() : null;
      return tags?.kind === 'ok' ? tags.value : [];
    }
    case 'pair-start':
      return clipper.connection.startPairing();
    case 'pair-status': {
      const step = await clipper.connection.pairingStep(message.pairingId);
      if ('status' in step && step.status === 'allowed') void clipper.flush();
      return step;
    }
    case 'save-page':
      return clipper.saveTab(message.tabId, 'page', message.options);
    case 'save-selection':
      return clipper.saveTab(message.tabId, 'selection', message.options);
    case 'save-link':
      return clipper.saveLink(message.url, message.title, message.options, message.tabId);
    case 'save-all-tabs':
      return clipper.saveAllTabs(message.windowId, message.options);
    case 'retry-refused':
      return clipper.retry(message.requestId);
    case 'discard-refused':
      await clipper.discard(message.requestId);
      return { discarded: true };
  }
}

/** Only the extension's own pages (the popup) may call the background; content scripts have a page's address. */
function fromOwnPage(sender: chrome.runtime.MessageSender): boolean {
  return sender.id === ext.runtime.id && (sender.url ?? '').startsWith(ext.runtime.getURL(''));
}

ext.runtime.onMessage.addListener((message: BackgroundCall, sender, sendResponse) => {
  if (!fromOwnPage(sender)) return false;
  void answer(message).then(sendResponse);
  return true;
});

function setUp(): void {
  void ext.alarms.create(FLUSH_ALARM, { periodInMinutes: FLUSH_PERIOD_MINUTES });
  void clipper.flush();
}

ext.runtime.onInstalled.addListener(() => {
  void ext.contextMenus.removeAll().then(() => {
    for (const menu of MENUS) ext.contextMenus.create(menu);
  });
  setUp();
});
ext.runtime.onStartup.addListener(setUp);

ext.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === FLUSH_ALARM) void clipper.flush();
});

/** The link's words: Firefox gives them; Chromium gives only a selection that covers the link. */
function linkText(info: chrome.contextMenus.OnClickData): string {
  return (info as { linkText?: string }).linkText ?? info.selectionText ?? '';
}

ext.contextMenus.onClicked.addListener((info, tab) => {
  const tabId = tab?.id ?? null;
  switch (info.menuItemId) {
    case 'save-link':
      if (info.linkUrl) void clipper.saveLink(info.linkUrl, linkText(info), DEFAULT_OPTIONS, tabId);
      return;
    case 'save-all-tabs':
      if (tab) void clipper.saveAllTabs(tab.windowId, DEFAULT_OPTIONS);
      return;
    case 'save-page':
    case 'save-selection':
      if (tabId !== null)
        void clipper.saveTab(tabId, info.menuItemId === 'save-page' ? 'page' : 'selection', DEFAULT_OPTIONS);
  }
});

ext.commands.onCommand.addListener((command, tab) => {
  if (command === 'save-page' && tab?.id !== undefined) void clipper.saveTab(tab.id, 'page', DEFAULT_OPTIONS);
});
