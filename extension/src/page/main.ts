/**
 * The script the background injects into a tab it clips (with
 * scripting.executeScript, under activeTab or the host permission). Injected
 * again on every clip, it answers only once per page: the first copy
 * installs the listener.
 */
import { bytesToBase64 } from '../base64';
import { ext } from '../browser-api';
import type { PageCall, PageCalls } from '../messages';
import { capture, heldImage, release } from './capture';

declare global {
  var lecternClipperInstalled: boolean | undefined;
}

async function answer(message: PageCall): Promise<PageCalls[PageCall['call']]['answer']> {
  switch (message.call) {
    case 'capture':
      return capture(message.kind);
    case 'image-bytes': {
      const image = heldImage(message.captureId, message.part);
      return image ? { base64: bytesToBase64(image.bytes) } : { error: 'That image was not fetched.' };
    }
    case 'release':
      release(message.captureId);
      return { released: true };
  }
}

if (!globalThis.lecternClipperInstalled) {
  globalThis.lecternClipperInstalled = true;
  ext.runtime.onMessage.addListener((message: PageCall, sender, sendResponse) => {
    if (sender.id !== ext.runtime.id) return false;
    void answer(message).then(sendResponse);
    return true;
  });
}
