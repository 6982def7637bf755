/**
 * RFC 4180 CSV: quoted fields with embedded commas, quotes ("") and line breaks; CRLF or LF; a
 * UTF-8 byte-order mark is dropped. Yields one array of fields per record with its 1-based line
 * number (the line where the record starts, as a text editor shows it).
 */
export function* parseCsv(text: string, delimiter = ','): Generator<{ line: number; fields: string[] }> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let atRecordEnd = false;
    while (!atRecordEnd) {
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) throw new CsvError(startLine, 'tanda kutip tidak ditutup');
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            if (c === '\n') line++;
            field += c;
            i++;
          }
        }
      }
      // unquoted part (or what follows a closing quote up to the delimiter)
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      fields.push(field);
      field = '';
      if (i >= n) atRecordEnd = true;
      else if (text[i] === delimiter) i++;
      else {
        if (text[i] === '\r') i++;
        if (text[i] === '\n') i++;
        line++;
        atRecordEnd = true;
      }
    }
    if (!(fields.length === 1 && fields[0] === '')) yield { line: startLine, fields };
  }
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`baris ${line}: ${message}`);
    this.name = 'CsvError';
  }
}
