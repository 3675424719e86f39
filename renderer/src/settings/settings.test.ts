import { DEFAULT_SETTINGS } from '@shared/settings';
import { describe, expect, it } from 'vitest';
import { failing, fakeClient } from '../testing/fake-client';
import { Notices } from '../ui/notices.svelte';
import { SettingsState } from './settings.svelte';

function darkQuery(matches: boolean): MediaQueryList {
  return { matches, addEventListener: () => undefined } as unknown as MediaQueryList;
}

describe('SettingsState', () => {
  it('starts from the system theme and follows settings changed in other windows', () => {
    const api = fakeClient();
    const settings = new SettingsState(api, new Notices(), darkQuery(true));
    expect(settings.systemDark).toBe(true);
    api.emit({ type: 'settings-changed', settings: { ...DEFAULT_SETTINGS, fontSize: 21 } });
    expect(settings.value.fontSize).toBe(21);
  });

  it('tells the person when a setting is not saved', async () => {
    const notices = new Notices();
    const settings = new SettingsState(
      fakeClient({ updateSettings: failing('The library folder is read-only.') }),
      notices,
      darkQuery(false),
    );
    await settings.update({ fontSize: 21 });
    expect(notices.items).toMatchObject([
      { tone: 'error', title: 'The setting was not saved', lines: ['The library folder is read-only.'] },
    ]);
  });
});
