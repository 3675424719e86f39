import { describe, expect, it } from 'vitest';
import { browserName } from './browser-name';

const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

describe('browserName', () => {
  it.each([
    ['Firefox', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0' }],
    ['Edge', { userAgent: `${CHROME} Edg/140.0.0.0` }],
    ['Opera', { userAgent: `${CHROME} OPR/120.0.0.0` }],
    ['Brave', { userAgent: CHROME, isBrave: true }],
    ['Chrome', { userAgent: CHROME, brands: ['Chromium', 'Google Chrome', 'Not;A=Brand'] }],
    ['Chromium', { userAgent: CHROME, brands: ['Chromium', 'Not;A=Brand'] }],
    ['Chrome', { userAgent: CHROME }],
  ])('%s', (expected, hints) => {
    expect(browserName(hints)).toBe(expected);
  });
});
