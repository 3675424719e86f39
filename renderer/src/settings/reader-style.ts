/**
 * Applies the reader settings to the window: the theme as `data-theme` on
 * the root element, typography as the custom properties tokens.css declares.
 * Set through the CSSOM, which the Content-Security-Policy allows (inline
 * style attributes it does not). "Follow the system" is resolved here, so
 * the stylesheet has one block per theme.
 */
import type { FontChoice, ReaderSettings, ThemeChoice } from '@shared/settings';

const FONT_STACKS: Record<FontChoice, string> = {
  serif: 'var(--font-serif)',
  sans: 'var(--font-ui)',
  mono: 'var(--font-mono)',
};

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'sepia' | 'dark' {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

export function applyReaderStyle(settings: ReaderSettings, systemDark: boolean): void {
  const root = document.documentElement;
  root.dataset.theme = resolveTheme(settings.theme, systemDark);
  root.style.setProperty('--reader-font', FONT_STACKS[settings.font]);
  root.style.setProperty('--reader-size', `${settings.fontSize / 16}rem`);
  root.style.setProperty('--reader-leading', String(settings.lineHeight));
  root.style.setProperty('--reader-measure', `${settings.contentWidth}ch`);
  root.style.setProperty('--reader-align', settings.justify ? 'justify' : 'start');
}
