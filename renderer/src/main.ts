import { mount } from 'svelte';
import App from './App.svelte';
import { desktopCommands } from './desktop/commands';
import { articleHref } from './app/router.svelte';
import { importer, router } from './app/window-state';
import './styles/tokens.css';
import './styles/base.css';

mount(App, { target: document.getElementById('app') as HTMLElement });

desktopCommands.on('import-report', ({ outcomes }) => importer.report(outcomes));
desktopCommands.on('import-from-app', () => (importer.apps.choosing = true));
desktopCommands.on('open-article', ({ id, highlight }) => router.go(articleHref(id, highlight ?? undefined)));
desktopCommands.connect(window.lecternDesktop);

// The browser shell's token is now in an HttpOnly cookie; keep it out of the
// address bar, history and any screenshot of the window.
const url = new URL(location.href);
if (url.searchParams.has('token')) {
  url.searchParams.delete('token');
  history.replaceState(history.state, '', url);
}
