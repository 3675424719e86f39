/**
 * The WebExtension API under one name. Chromium has `chrome`; Firefox has
 * `browser` and also `chrome`. In Manifest V3 both return promises, so the
 * clipper needs no polyfill: it takes `browser` where it exists (Firefox's
 * own namespace) and `chrome` elsewhere, typed once by @types/chrome.
 */
declare const browser: typeof chrome | undefined;

export const ext: typeof chrome = typeof browser === 'undefined' ? chrome : browser;
