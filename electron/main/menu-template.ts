/**
 * The application menu as data: File, Edit, View, Help (and the app menu on
 * macOS), with the usual accelerators. Items that act on the library call
 * MenuActions, which menu.ts implements through the backend's dispatch or
 * by asking the window (desktop-commands.ts); editing, zoom, full screen and
 * quitting are Electron's own roles. Pure, so it is tested without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { menuAccelerator } from '../shared/keymap';
import { THEME_CHOICES, type ThemeChoice } from '../core/settings/desktop-preferences';

export interface MenuActions {
  importFiles(): void;
  importFolder(): void;
  addLink(): void;
  importFromApp(): void;
  openLibraryFolder(): void;
  chooseLibraryFolder(): void;
  exportLibrary(): void;
  showSettings(): void;
  setTheme(theme: ThemeChoice): void;
  toggleSidebar(): void;
  showShortcuts(): void;
}

export interface MenuState {
  platform: NodeJS.Platform;
  theme: ThemeChoice;
}

const THEME_LABELS: Record<ThemeChoice, string> = {
  system: 'Match System',
  light: 'Light',
  dark: 'Dark',
};

export function menuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: mac ? 'File' : '&File',
    submenu: [
      { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
      { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.importFolder() },
      { label: 'Add Link…', accelerator: 'CmdOrCtrl+L', click: () => actions.addLink() },
      { label: 'Import from Another App…', click: () => actions.importFromApp() },
      { type: 'separator' },
      { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.exportLibrary() },
      { type: 'separator' },
      { label: 'Open Library Folder', click: () => actions.openLibraryFolder() },
      { label: 'Choose Library Folder…', click: () => actions.chooseLibraryFolder() },
      ...(mac
        ? []
        : [
            { label: 'Settings…', accelerator: 'Ctrl+,', click: () => actions.showSettings() },
            { type: 'separator' } as const,
            { role: 'quit', accelerator: 'Ctrl+Q' } as const,
          ]),
    ],
  };
  // On macOS, Settings… sits in the app menu, where every Mac app keeps it.
  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { label: 'Settings…', accelerator: 'Cmd+,', click: () => actions.showSettings() },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: mac ? 'View' : '&View',
    submenu: [
      {
        label: 'Theme',
        submenu: THEME_CHOICES.map((theme) => ({
          label: THEME_LABELS[theme],
          type: 'radio' as const,
          checked: state.theme === theme,
          click: () => actions.setTheme(theme),
        })),
      },
      { type: 'separator' },
      {
        label: 'Toggle Sidebar',
        accelerator: menuAccelerator('Toggle Sidebar'),
        click: () => actions.toggleSidebar(),
      },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: mac ? 'Help' : '&Help',
    submenu: [
      {
        label: 'Keyboard Shortcuts',
        accelerator: menuAccelerator('Keyboard Shortcuts'),
        click: () => actions.showShortcuts(),
      },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'about', label: 'About Lectern' } as const]),
    ],
  };
  return [
    ...(mac ? [appMenu] : []),
    file,
    { role: 'editMenu', label: mac ? 'Edit' : '&Edit' },
    view,
    ...(mac ? [{ role: 'windowMenu' } as const] : []),
    help,
  ];
}
