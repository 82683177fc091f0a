/**
 * A whole CSV text read as RFC 4180 describes it, written independently of the exporters it checks: records end with
 * CRLF, a field in double quotes may hold commas, CR, LF and doubled quotes. Throws on text RFC 4180 forbids (a quote
 * inside an unquoted field, text after a closing quote, a record not ended by CRLF).
 */
export function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let at = 0;
  while (at < text.length) {
    let field = '';
    if (text[at] === '"') {
      at += 1;
      for (;;) {
        const quote = text.indexOf('"', at);
        if (quote < 0) throw new Error(`unclosed quote at ${at}`);
        field += text.slice(at, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          at = quote + 2;
        } else {
          at = quote + 1;
          break;
        }
      }
    } else {
      let end = at;
      while (end < text.length && text[end] !== ',' && text[end] !== '\r' && text[end] !== '\n') end += 1;
      field = text.slice(at, end);
      if (field.includes('"')) throw new Error(`a quote inside an unquoted field at ${at}`);
      at = end;
    }
    record.push(field);
    if (text[at] === ',') at += 1;
    else if (text.startsWith('\r\n', at)) {
      records.push(record);
      record = [];
      at += 2;
    } else throw new Error(`expected a comma or CRLF at ${at}, found ${JSON.stringify(text.slice(at, at + 5))}`);
  }
  if (record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}
