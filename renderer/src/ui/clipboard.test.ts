import { describe, expect, it } from 'vitest';
import { copyWithNotice } from './clipboard';
import { Notices } from './notices.svelte';

describe('copyWithNotice', () => {
  it('copies the text and says so', async () => {
    const notices = new Notices();
    const written: string[] = [];
    await copyWithNotice('a quote', 'Copied', notices, {
      writeText: async (text) => void written.push(text),
    });
    expect(written).toEqual(['a quote']);
    expect(notices.items).toMatchObject([{ tone: 'success', title: 'Copied' }]);
  });

  it('says the clipboard is not available when it refuses', async () => {
    const notices = new Notices();
    await copyWithNotice('a quote', 'Copied', notices, {
      writeText: () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError')),
    });
    expect(notices.items).toMatchObject([{ tone: 'error', title: 'The clipboard is not available' }]);
  });
});
