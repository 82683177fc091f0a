import type { SourceFormat } from '../format';

const TOKEN_LINE = /^\s*[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*){1,3}\s*$/;
const TOKEN_ANYWHERE = /e[wy][A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/;

/**
 * Plain text files of tokens: one token per line, or lines of notes with tokens in them. Each line holding a token
 * becomes a `sighting` event (no time: a list has none). Blank lines and `#` comments are skipped; any other line
 * without a token is reported, so nothing is passed over silently.
 */
export const tokenList: SourceFormat = {
  name: 'token-list',
  title: 'Plain text token list',
  framing: 'lines',
  detect(sample) {
    const lines = sample
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))
      .slice(0, 50);
    if (lines.length === 0) return 0;
    const tokenLines = lines.filter((line) => TOKEN_LINE.test(line)).length;
    if (tokenLines === lines.length) return 0.8;
    const share = lines.filter((line) => TOKEN_ANYWHERE.test(line)).length / lines.length;
    return tokenLines / lines.length >= 0.5 ? 0.6 : share >= 0.8 ? 0.35 : 0;
  },
  createParser: () => ({
    parse(record) {
      const text = record.text.trim();
      if (text === '' || text.startsWith('#')) return [];
      if (!TOKEN_ANYWHERE.test(text)) return { rejected: 'no-token', message: 'no compact token on this line' };
      return [{ ts: null, time: null, kind: 'sighting' }];
    },
  }),
};
