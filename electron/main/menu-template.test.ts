import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { accelerator, KEYMAP, type KeyBinding } from '../shared/keymap';
import { menuTemplate, type MenuActions, type MenuState } from './menu-template';

type FakeActions = { [K in keyof MenuActions]: Mock<MenuActions[K]> };

function fakeActions(): FakeActions {
  return {
    importFiles: vi.fn(),
    importFolder: vi.fn(),
    addLink: vi.fn(),
    importFromApp: vi.fn(),
    openLibraryFolder: vi.fn(),
    chooseLibraryFolder: vi.fn(),
    setTheme: vi.fn(),
    toggleSidebar: vi.fn(),
    showShortcuts: vi.fn(),
    exportLibrary: vi.fn(),
    showSettings: vi.fn(),
  };
}

const LINUX: MenuState = { platform: 'linux', theme: 'system' };

function items(menu: MenuItemConstructorOptions[], path: string[]): MenuItemConstructorOptions {
  let level = menu;
  let found: MenuItemConstructorOptions | undefined;
  for (const name of path) {
    found = level.find((item) => (item.label ?? item.role)?.replace('&', '') === name);
    if (!found) throw new Error(`no menu item ${path.join(' › ')}`);
    level = (found.submenu ?? []) as MenuItemConstructorOptions[];
  }
  return found as MenuItemConstructorOptions;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('menuTemplate', () => {
  it('has File, Edit, View and Help, with the app and Window menus added on macOS', () => {
    const names = (menu: MenuItemConstructorOptions[]) =>
      menu.map((item) => (item.label ?? item.role ?? '').replace('&', ''));
    expect(names(menuTemplate(LINUX, fakeActions()))).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(names(menuTemplate({ ...LINUX, platform: 'darwin' }, fakeActions()))).toEqual([
      'appMenu',
      'File',
      'Edit',
      'View',
      'windowMenu',
      'Help',
    ]);
  });

  it('keeps Settings… in the app menu on macOS', () => {
    const actions = fakeActions();
    click(items(menuTemplate({ ...LINUX, platform: 'darwin' }, actions), ['appMenu', 'Settings…']));
    expect(actions.showSettings).toHaveBeenCalledOnce();
  });

  it.each<[string[], keyof MenuActions, string | undefined]>([
    [['File', 'Import Files…'], 'importFiles', 'CmdOrCtrl+O'],
    [['File', 'Import Folder…'], 'importFolder', 'CmdOrCtrl+Shift+O'],
    [['File', 'Add Link…'], 'addLink', 'CmdOrCtrl+L'],
    [['File', 'Import from Another App…'], 'importFromApp', undefined],
    [['File', 'Open Library Folder'], 'openLibraryFolder', undefined],
    [['File', 'Choose Library Folder…'], 'chooseLibraryFolder', undefined],
    [['File', 'Export…'], 'exportLibrary', 'CmdOrCtrl+Shift+E'],
    [['File', 'Settings…'], 'showSettings', 'Ctrl+,'],
    [['View', 'Toggle Sidebar'], 'toggleSidebar', 'CmdOrCtrl+\\'],
    [['Help', 'Keyboard Shortcuts'], 'showShortcuts', 'CmdOrCtrl+/'],
  ])('%j runs %s (accelerator %s)', (path, action, accelerator) => {
    const actions = fakeActions();
    const item = items(menuTemplate(LINUX, actions), path);
    expect(item.accelerator).toBe(accelerator);
    click(item);
    expect(actions[action]).toHaveBeenCalledOnce();
    for (const [name, fn] of Object.entries(actions)) if (name !== action) expect(fn).not.toHaveBeenCalled();
  });

  it('gives every menu item with a key the keymap’s key, as the ? sheet shows it', () => {
    const menu = menuTemplate(LINUX, fakeActions());
    const bound = (Object.values(KEYMAP).flat() as KeyBinding[]).filter((binding) => binding.menu);
    expect(bound.length).toBeGreaterThan(0);
    for (const binding of bound) {
      const found = menu
        .flatMap((top) => (top.submenu ?? []) as MenuItemConstructorOptions[])
        .find((item) => item.label === binding.menu);
      const withMod = binding.keys.filter((key) => key.startsWith('Mod+')).map(accelerator);
      expect(withMod).toContain(found?.accelerator);
    }
  });

  it('offers the three themes as radio items, the current one checked, each picking its theme', () => {
    const actions = fakeActions();
    const theme = items(menuTemplate({ ...LINUX, theme: 'dark' }, actions), ['View', 'Theme']);
    const choices = theme.submenu as MenuItemConstructorOptions[];
    expect(choices.map((item) => [item.label, item.type, item.checked])).toEqual([
      ['Match System', 'radio', false],
      ['Light', 'radio', false],
      ['Dark', 'radio', true],
    ]);
    choices.forEach(click);
    expect(actions.setTheme.mock.calls).toEqual([['system'], ['light'], ['dark']]);
  });

  it('uses Electron’s roles for editing, zoom, full screen, quitting and About', () => {
    const menu = menuTemplate(LINUX, fakeActions());
    expect(items(menu, ['Edit']).role).toBe('editMenu');
    const roles = (items(menu, ['View']).submenu as MenuItemConstructorOptions[]).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    expect(items(menu, ['File', 'quit']).accelerator).toBe('Ctrl+Q');
    expect(items(menu, ['Help', 'About Lectern']).role).toBe('about');
  });

  it('leaves Quit and About to the app menu on macOS', () => {
    const menu = menuTemplate({ ...LINUX, platform: 'darwin' }, fakeActions());
    expect(() => items(menu, ['File', 'quit'])).toThrow();
    expect(() => items(menu, ['Help', 'About Lectern'])).toThrow();
  });
});
