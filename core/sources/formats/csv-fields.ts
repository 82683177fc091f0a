/**
 * RFC 4180 field splitting for one CSV record: quoted fields may hold delimiters, doubled quotes and newlines.
 * Returns `open` when a quote is still open at the end, so the caller joins the next line and tries again.
 */
export function splitCsvRecord(text: string, delimiter: string): string[] | 'open' {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i <= text.length) {
    if (quoted) {
      const close = text.indexOf('"', i);
      if (close < 0) return 'open';
      field += text.slice(i, close);
      if (text[close + 1] === '"') {
        field += '"';
        i = close + 2;
      } else {
        quoted = false;
        i = close + 1;
      }
      continue;
    }
    if (i === text.length) {
      fields.push(field);
      break;
    }
    const char = text[i]!;
    if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
      i++;
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
      i++;
    } else {
      const next = text.indexOf(delimiter, i);
      const end = next < 0 ? text.length : next;
      field += text.slice(i, end); // a quote inside an unquoted field is kept as text, as exporters expect
      i = end;
    }
  }
  return fields;
}

/** The delimiter a header line most likely uses. */
export function guessDelimiter(line: string): string {
  let best = ',';
  let count = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    const found = line.split(candidate).length - 1;
    if (found > count) {
      best = candidate;
      count = found;
    }
  }
  return best;
}
