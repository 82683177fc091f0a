import { describe, expect, it } from 'vitest';
import { browserShellInfo } from '../../../../renderer/host/browser-host';

describe('browserShellInfo', () => {
  it('names the Chromium version of Chrome, Chromium and headless Chrome user agents', () => {
    const headless =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36';
    expect(browserShellInfo(headless)).toEqual({ shell: 'Browser (Chromium 156.0.0.0)', chromium: '156.0.0.0' });
    expect(browserShellInfo('Mozilla/5.0 Chromium/120.0.6099.1 Safari/537.36').chromium).toBe('120.0.6099.1');
  });

  it('shows any other user agent as it is', () => {
    expect(browserShellInfo('Mozilla/5.0 Firefox/140.0')).toEqual({ shell: 'Browser (Mozilla/5.0 Firefox/140.0)' });
  });
});
