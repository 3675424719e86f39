import { describe, expect, it } from 'vitest';
import { failing, fakeClient } from '../testing/fake-client';
import { Notices } from '../ui/notices.svelte';
import { SidebarState } from './sidebar.svelte';

describe('SidebarState', () => {
  it('keeps what it showed and tells the person when the tags cannot be fetched again', async () => {
    const notices = new Notices();
    const sidebar = new SidebarState(
      fakeClient({
        listTags: failing('The library folder is not reachable.'),
        listViews: () => Promise.resolve([]),
      }),
      notices,
    );
    sidebar.tags = [{ name: 'work', count: 2, color: null }];
    await sidebar.refresh();
    expect(sidebar.tags).toEqual([{ name: 'work', count: 2, color: null }]);
    expect(notices.items).toMatchObject([
      {
        tone: 'error',
        title: 'The tags and saved views could not be updated',
        lines: ['The library folder is not reachable.'],
      },
    ]);
  });
});
