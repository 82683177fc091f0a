/**
 * V8's JSON.parse often says only "Unexpected token 'o'" without a position, and investigators need the line.
 * This small recursive-descent scanner (RFC 8259 grammar) is run only after JSON.parse has failed, to find the
 * offset of the first character that breaks the grammar.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let at = 0;
  const fail = (): never => {
    throw at;
  };
  const space = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, at)) at += word.length;
    else fail();
  };
  const string = (): void => {
    at++; // opening quote
    while (at < text.length) {
      const char = text.charCodeAt(at);
      if (char === 0x22) {
        at++;
        return;
      }
      if (char < 0x20) fail();
      if (char === 0x5c) {
        at++;
        if (text[at] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail();
          at += 5;
        } else if ('"\\/bfnrt'.includes(text[at] ?? 'x')) at++;
        else fail();
      } else at++;
    }
    fail();
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!match) fail();
    at += match![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 10_000) fail();
    space();
    const char = text[at];
    if (char === '{') members('}', depth, true);
    else if (char === '[') members(']', depth, false);
    else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else number();
  };
  const members = (close: string, depth: number, keyed: boolean): void => {
    at++;
    space();
    if (text[at] === close) {
      at++;
      return;
    }
    for (;;) {
      if (keyed) {
        space();
        if (text[at] !== '"') fail();
        string();
        space();
        if (text[at] !== ':') fail();
        at++;
      }
      value(depth + 1);
      space();
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text[at] === close) {
        at++;
        return;
      }
      fail();
    }
  };
  try {
    value(0);
    space();
    return at < text.length ? at : undefined;
  } catch (offset) {
    return typeof offset === 'number' ? offset : undefined;
  }
}
