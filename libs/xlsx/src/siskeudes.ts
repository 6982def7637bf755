import { VILLAGE_FUND_SOURCES, type ImportError, type VillageFundSource } from '@sinergi/contracts';
import { MAX_AMOUNT, MAX_FISCAL_YEAR, MIN_FISCAL_YEAR, parseApbdesCode } from '@sinergi/domain';
import JSZip from 'jszip';
import { CsvError, parseCsv } from './csv';
import { UnreadableFileError, type TableRow } from './table-reader';
import { HostileFileError, inspectZip } from './zip-safety';

/**
 * Siskeudes exports (the village finance application of BPKP and Kemendagri): a zip of CSV
 * files, one per table of its Access database, first row the column names
 * (/work/shared/reference/siskeudes-tables.md). This module reads the zip defensively and turns
 * Ta_RABRinci into APBDes lines per kegiatan and fund source.
 */


export const SISKEUDES_LIMITS = {
  /** Declared uncompressed size of one entry. */
  maxEntryBytes: 50 * 1024 * 1024,
  /** Declared uncompressed size of all entries together. */
  maxTotalBytes: 100 * 1024 * 1024,
  /** Uncompressed / compressed, checked on entries larger than `ratioFrom` (tiny files compress oddly). */
  maxRatio: 100,
  ratioFrom: 100 * 1024,
  maxEntries: 200,
};

/** The tables read, with the columns that matter spelled as Siskeudes writes them. */
export const SISKEUDES_COLUMNS = {
  Ta_Kegiatan: ['Tahun', 'Kd_Desa', 'Kd_Bid', 'Kd_Keg', 'ID_Keg', 'Nama_Kegiatan', 'Pagu', 'Pagu_PAK', 'Sumberdana'],
  Ta_RABRinci: ['Tahun', 'Kd_Desa', 'Kd_Keg', 'Kd_Rincian', 'Kd_SubRinci', 'No_Urut', 'SumberDana', 'Uraian', 'Anggaran', 'AnggaranStlhPAK', 'AnggaranPAK'],
  Ref_Sumber: ['Kode', 'Nama_Sumber', 'Urut'],
  Ref_Kegiatan: ['Kd_Bid', 'ID_Keg', 'Nama_Kegiatan'],
} as const;
export type SiskeudesTableName = keyof typeof SISKEUDES_COLUMNS;
const TABLE_NAMES = Object.keys(SISKEUDES_COLUMNS) as SiskeudesTableName[];

const REQUIRED: Record<SiskeudesTableName, readonly string[]> = {
  Ta_Kegiatan: ['Tahun', 'Kd_Desa', 'Kd_Keg', 'ID_Keg', 'Nama_Kegiatan'],
  Ta_RABRinci: ['Tahun', 'Kd_Desa', 'Kd_Keg', 'SumberDana', 'Anggaran'],
  Ref_Sumber: ['Kode'],
  Ref_Kegiatan: ['ID_Keg', 'Nama_Kegiatan'],
};
/** Without these two there are no lines; the reference tables only add checks and names. */
const MANDATORY_TABLES: SiskeudesTableName[] = ['Ta_Kegiatan', 'Ta_RABRinci'];

export interface SiskeudesTable {
  name: SiskeudesTableName;
  /** Path of the entry in the zip, as written there. */
  path: string;
  delimiter: string;
  /** Column names as in the file (trimmed); known columns in their Siskeudes spelling. */
  header: string[];
  /** Data rows; `row` is the CSV line (the header is line 1); values keyed by `header`. */
  rows: TableRow[];
}

export interface SiskeudesTables {
  tables: Partial<Record<SiskeudesTableName, SiskeudesTable>>;
  /** Table-level problems found while reading (a CSV quote left open, a table twice). */
  errors: ImportError[];
}

const LOCAL_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ACCESS_MAGIC = Buffer.from('Standard Jet DB', 'latin1');
const ACCESS_ACE_MAGIC = Buffer.from('Standard ACE DB', 'latin1');

/** Inflates one entry, stopping as soon as it yields more than its directory declared. */
function inflate(file: JSZip.JSZipObject, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let done = false;
    const stream = file.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy?: () => void };
    const fail = (error: Error) => {
      if (done) return;
      done = true;
      stream.removeAllListeners('data');
      stream.pause();
      stream.destroy?.();
      reject(error);
    };
    stream.on('data', (chunk: Buffer) => {
      if (done) return;
      length += chunk.length;
      if (length > limit) {
        fail(new HostileFileError(`Berkas ${file.name} di dalam zip lebih besar dari yang tercatat di direktori zip: ditolak sebagai bom zip`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (error: Error) => fail(new UnreadableFileError(`Berkas ${file.name} di dalam zip rusak (${error.message.slice(0, 120)})`)));
    stream.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks, length));
    });
  });
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(bytes: Buffer): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 as Access writes "ANSI" text. */
function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** 0x80–0x9F of Windows-1252 (Node's TextDecoder may treat the label as ISO-8859-1); 0 where unassigned. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Buffer): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b)));
  }
  return out;
}

/** The delimiter of a CSV: the one of `,` `;` tab that occurs most in the header line (outside quotes). */
export function detectCsvDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (Object.values(counts).some((n) => n > 0)) break;
    } else if (!quoted && c in counts) counts[c]++;
  }
  return Object.entries(counts).reduce((best, [d, n]) => (n > counts[best] ? d : best), ',');
}

function tableOf(path: string): SiskeudesTableName | undefined {
  const parts = path.split('/');
  const base = parts[parts.length - 1];
  // macOS resource forks and hidden files are not tables.
  if (parts.some((p) => p === '__MACOSX') || base.startsWith('.')) return undefined;
  const m = /^(.+)\.(csv|txt)$/i.exec(base);
  if (!m) return undefined;
  return TABLE_NAMES.find((t) => t.toLowerCase() === m[1].trim().toLowerCase());
}

function parseTable(name: SiskeudesTableName, path: string, text: string, errors: ImportError[]): SiskeudesTable | undefined {
  const delimiter = detectCsvDelimiter(text);
  const known = new Map<string, string>(SISKEUDES_COLUMNS[name].map((c) => [c.toLowerCase(), c]));
  let header: string[] | undefined;
  const rows: TableRow[] = [];
  try {
    for (const { line, fields } of parseCsv(text, delimiter)) {
      if (!header) {
        header = fields.map((f) => {
          const trimmed = f.trim();
          return known.get(trimmed.toLowerCase()) ?? trimmed;
        });
        continue;
      }
      if (fields.every((f) => f.trim() === '')) continue;
      const values: Record<string, string> = {};
      header.forEach((h, i) => {
        if (h) values[h] = (fields[i] ?? '').trim();
      });
      rows.push({ row: line, values });
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    errors.push({ sheet: name, row: error.line, column: '', message: `CSV tidak dapat dibaca: ${error.message}` });
    return undefined;
  }
  if (!header) {
    errors.push({ sheet: name, row: 0, column: '', message: `Tabel ${name} kosong: baris pertama harus berisi nama kolom` });
    return undefined;
  }
  return { name, path, delimiter, header, rows };
}

/**
 * Reads a Siskeudes export: a zip (judged by its bytes, not its name) of CSV tables, in any
 * folder, file names in any case. Throws `UnreadableFileError` (a file that is not a zip, a
 * corrupt or encrypted one) or `HostileFileError` (a bomb, a nested zip, too many entries) with
 * an Indonesian message; problems inside a table are returned as errors with table and row.
 */
export async function readSiskeudesZip(bytes: Buffer): Promise<SiskeudesTables> {
  const head = bytes.subarray(0, 4);
  if (!head.equals(LOCAL_MAGIC) && !head.equals(EMPTY_MAGIC)) {
    if (bytes.subarray(4, 19).equals(ACCESS_MAGIC) || bytes.subarray(4, 19).equals(ACCESS_ACE_MAGIC)) {
      throw new UnreadableFileError('Berkas ini basis data Access Siskeudes (.mdb), bukan zip: ekspor tabelnya ke CSV, lalu kemas dalam satu zip');
    }
    throw new UnreadableFileError('Berkas bukan zip: unggah ekspor Siskeudes berupa berkas .zip berisi tabel CSV (Ta_Kegiatan.csv, Ta_RABRinci.csv …)');
  }
  const directory = inspectZip(bytes, SISKEUDES_LIMITS, 'ekspor Siskeudes', /\.(zip|jar|7z|rar|gz|tgz|xlsx|docx)$/i);
  if (directory.some((e) => e.encrypted)) throw new UnreadableFileError('Berkas zip berkata sandi tidak dapat dibaca: buat zip tanpa kata sandi');
  if (directory.some((e) => e.name === '[Content_Types].xml')) {
    throw new UnreadableFileError('Berkas ini buku kerja Excel/Office, bukan ekspor Siskeudes: unggah zip berisi tabel CSV');
  }
  let zip: JSZip;
  try {
    // Not `checkCRC32`: JSZip would inflate every entry while loading, before any limit applies.
    // The checksum is verified below, on the entries read, after the guarded inflation.
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new UnreadableFileError(`Berkas zip rusak atau tidak dapat dibaca (${(error as Error).message.slice(0, 120)})`);
  }
  const declared = new Map(directory.map((e) => [e.name, e]));
  const found = new Map<SiskeudesTableName, JSZip.JSZipObject[]>();
  zip.forEach((path, file) => {
    if (file.dir) return;
    const table = tableOf(path);
    if (table) found.set(table, [...(found.get(table) ?? []), file]);
  });
  const result: SiskeudesTables = { tables: {}, errors: [] };
  for (const name of TABLE_NAMES) {
    const files = found.get(name) ?? [];
    if (files.length > 1) {
      result.errors.push({ sheet: name, row: 0, column: '', message: `Tabel ${name} ada lebih dari sekali di zip (${files.map((f) => f.name).join(', ')}): sisakan satu` });
      continue;
    }
    const [file] = files;
    if (!file) continue;
    const entry = declared.get(file.name);
    const content = await inflate(file, entry?.uncompressedSize ?? SISKEUDES_LIMITS.maxEntryBytes);
    if (entry && crc32(content) !== entry.crc32) throw new UnreadableFileError(`Berkas ${file.name} di dalam zip rusak (checksum CRC32 tidak cocok)`);
    if (content.subarray(0, 4).equals(LOCAL_MAGIC)) {
      throw new HostileFileError(`Berkas ${file.name} di dalam zip ternyata zip lagi: zip di dalam zip tidak diterima`);
    }
    const table = parseTable(name, file.name, decodeText(content), result.errors);
    if (table) result.tables[name] = table;
  }
  return result;
}

// ---- lines ------------------------------------------------------------------------------------

export type SiskeudesStage = 'APBDES' | 'APBDES_P';

export interface SiskeudesLine {
  /** Canonical APBDes kegiatan code (`4.4.02`). */
  budgetCode: string;
  /** As Siskeudes writes it (`04.04.02.`). */
  idKeg: string;
  /** Nama_Kegiatan in the file (Ta_Kegiatan, else Ref_Kegiatan). */
  name?: string;
  fundSource: VillageFundSource;
  /** APBDES first, then APBDES_P when the revision (PAK) changed this group. */
  stages: { stage: SiskeudesStage; amount: bigint }[];
  /** First Ta_RABRinci row of the group, for messages about the whole line. */
  row: number;
  /** Number of Ta_RABRinci rows summed. */
  items: number;
}

export interface SiskeudesRead {
  fiscalYear?: number;
  /** Siskeudes' own village code (`06.15.`), not the Kemendagri code. */
  kdDesa?: string;
  lines: SiskeudesLine[];
  /** At most MAX_ERRORS; `errorCount` says how many there were. */
  errors: ImportError[];
  errorCount: number;
}

const MAX_ERRORS = 500;

/**
 * A Siskeudes amount: digits, optionally with a zero fraction (`25000000.00`, `25000000,00`),
 * thousands separators (`25.000.000`, `25,000,000`) or the exponent Access sometimes writes
 * (`2.5E+07`). Anything else (a fraction of a Rupiah, a minus, text) is a message.
 */
export function parseSiskeudesAmount(raw: string): { value?: bigint; error?: string } {
  const text = raw.replace(/[\s\u00a0]/g, '').replace(/^Rp\.?/i, '');
  const bad = { error: `"${raw}" bukan jumlah Rupiah utuh (contoh 25000000)` };
  if (!text) return { error: 'kosong: isi jumlah Rupiah (0 bila tidak ada)' };
  if (text.startsWith('-')) return { error: `"${raw}" negatif: jumlah anggaran tidak boleh negatif` };
  let digits: string | undefined;
  let m: RegExpExecArray | null;
  if (/^\d+$/.test(text)) digits = text;
  else if ((m = /^(\d+)[.,](\d+)$/.exec(text)) && !/^\d{3}$/.test(m[2])) {
    if (!/^0+$/.test(m[2])) return { error: `"${raw}" berisi pecahan Rupiah: jumlah harus Rupiah utuh` };
    digits = m[1];
  } else if ((m = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(text)) || (m = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(text))) {
    if (m[2] !== undefined && !/^0+$/.test(m[2])) return { error: `"${raw}" berisi pecahan Rupiah: jumlah harus Rupiah utuh` };
    digits = m[1].replace(/[.,]/g, '');
  } else if ((m = /^(\d+)(?:[.,](\d+))?E\+?(\d{1,2})$/i.exec(text))) {
    const fraction = (m[2] ?? '').replace(/0+$/, '');
    const exponent = Number(m[3]);
    if (fraction.length > exponent) return { error: `"${raw}" berisi pecahan Rupiah: jumlah harus Rupiah utuh` };
    digits = m[1] + fraction + '0'.repeat(exponent - fraction.length);
  }
  if (digits === undefined) return bad;
  const value = BigInt(digits);
  if (value > MAX_AMOUNT) return { error: `"${raw}" melebihi batas 1.000.000.000.000.000` };
  return { value };
}

class Problems {
  readonly list: ImportError[] = [];
  count = 0;
  add(sheet: string, row: number, column: string, message: string): void {
    this.count++;
    if (this.list.length < MAX_ERRORS) this.list.push({ sheet, row, column, message });
  }
}

interface Group {
  budgetCode: string;
  idKeg: string;
  fundSource: VillageFundSource;
  row: number;
  items: number;
  anggaran: bigint;
  afterPak: bigint;
  revised: boolean;
}

/**
 * APBDes lines from the tables: Ta_RABRinci summed per kegiatan (ID_Keg, i.e. Kd_Keg without the
 * Kd_Desa prefix) and SumberDana. `Anggaran` is the APBDES stage. When a row of the group has an
 * `AnggaranStlhPAK` that differs from its `Anggaran`, the group was revised: the sum of
 * AnggaranStlhPAK (a row without one counting its Anggaran) is the APBDES_P stage, recorded after
 * APBDES (a group that had nothing before the revision gets APBDES_P only). A file in which no row
 * has a non-zero AnggaranStlhPAK has had no revision yet (Siskeudes may write 0 there until then).
 * Every problem is an error with table, CSV row (header = 1) and column.
 */
export function siskeudesLines(read: SiskeudesTables): SiskeudesRead {
  const problems = new Problems();
  for (const e of read.errors) problems.add(e.sheet, e.row, e.column, e.message);
  for (const name of MANDATORY_TABLES) {
    if (!read.tables[name] && !read.errors.some((e) => e.sheet === name)) {
      problems.add(name, 0, '', `Tabel ${name} tidak ada di zip: sertakan ${name}.csv dari ekspor Siskeudes`);
    }
  }
  const usable: Partial<Record<SiskeudesTableName, SiskeudesTable>> = {};
  for (const name of TABLE_NAMES) {
    const table = read.tables[name];
    if (!table) continue;
    const missing = REQUIRED[name].filter((c) => !table.header.includes(c));
    for (const c of missing) problems.add(name, 1, c, `Kolom ${c} tidak ada di tabel ${name}`);
    if (!missing.length) usable[name] = table;
  }

  let fiscalYear: number | undefined;
  let kdDesa: string | undefined;
  const yearReported = new Set<string>();
  const desaReported = new Set<string>();
  /** Checks Tahun and Kd_Desa of a row; false when the row belongs elsewhere and is skipped. */
  const sameYearAndDesa = (table: string, r: TableRow): boolean => {
    const year = r.values.Tahun;
    const y = /^\d{4}$/.test(year) ? Number(year) : NaN;
    if (!(y >= MIN_FISCAL_YEAR && y <= MAX_FISCAL_YEAR)) {
      problems.add(table, r.row, 'Tahun', `"${year}" bukan tahun anggaran (${MIN_FISCAL_YEAR}–${MAX_FISCAL_YEAR})`);
      return false;
    }
    if (fiscalYear === undefined) fiscalYear = y;
    else if (y !== fiscalYear) {
      if (!yearReported.has(table)) problems.add(table, r.row, 'Tahun', `Tahun ${y} berbeda dari ${fiscalYear}: satu berkas untuk satu tahun anggaran`);
      yearReported.add(table);
      return false;
    }
    const desa = r.values.Kd_Desa;
    if (!desa) {
      problems.add(table, r.row, 'Kd_Desa', 'Kd_Desa kosong');
      return false;
    }
    if (kdDesa === undefined) kdDesa = desa;
    else if (desa !== kdDesa) {
      if (!desaReported.has(table)) {
        problems.add(table, r.row, 'Kd_Desa', `Berkas memuat lebih dari satu desa (${kdDesa} dan ${desa}): ekspor data satu desa saja`);
      }
      desaReported.add(table);
      return false;
    }
    return true;
  };
  /** ID_Keg from Kd_Keg (`06.15.04.04.02.` minus `06.15.`), canonical, or an error. */
  const kegiatanOf = (table: string, r: TableRow): { idKeg: string; code: string } | undefined => {
    const kdKeg = r.values.Kd_Keg;
    const desa = r.values.Kd_Desa;
    if (!kdKeg.startsWith(desa) || kdKeg.length === desa.length) {
      problems.add(table, r.row, 'Kd_Keg', `Kd_Keg "${kdKeg}" tidak diawali Kd_Desa "${desa}" diikuti kode kegiatan (contoh ${desa}04.04.02.)`);
      return undefined;
    }
    const idKeg = kdKeg.slice(desa.length);
    const parsed = parseApbdesCode(idKeg);
    if (!parsed || parsed.level !== 'kegiatan') {
      problems.add(table, r.row, 'Kd_Keg', `"${idKeg}" bukan kode kegiatan APBDes (contoh 04.04.02.)`);
      return undefined;
    }
    return { idKeg, code: parsed.code };
  };

  const refNames = new Map<string, string>();
  for (const r of usable.Ref_Kegiatan?.rows ?? []) {
    const parsed = parseApbdesCode(r.values.ID_Keg);
    if (parsed?.level === 'kegiatan' && r.values.Nama_Kegiatan) refNames.set(parsed.code, r.values.Nama_Kegiatan);
  }
  const knownSources = usable.Ref_Sumber ? new Set(usable.Ref_Sumber.rows.map((r) => r.values.Kode.toUpperCase())) : undefined;

  // Ta_Kegiatan: the desa's activities (Kd_Keg → canonical code; code → name).
  const kegiatan = new Map<string, string>();
  const kegiatanNames = new Map<string, string>();
  for (const r of usable.Ta_Kegiatan?.rows ?? []) {
    if (!sameYearAndDesa('Ta_Kegiatan', r)) continue;
    const keg = kegiatanOf('Ta_Kegiatan', r);
    if (!keg) continue;
    const id = parseApbdesCode(r.values.ID_Keg);
    if (id?.code !== keg.code) {
      problems.add('Ta_Kegiatan', r.row, 'ID_Keg', `ID_Keg "${r.values.ID_Keg}" tidak sama dengan kode kegiatan di Kd_Keg (${keg.idKeg})`);
      continue;
    }
    kegiatan.set(r.values.Kd_Keg, keg.code);
    if (r.values.Nama_Kegiatan) kegiatanNames.set(keg.code, r.values.Nama_Kegiatan);
  }

  // Ta_RABRinci: the budget items, summed per kegiatan and fund source.
  const groups = new Map<string, Group>();
  let anyRevision = false;
  const rab = usable.Ta_RABRinci;
  const rabRows = rab?.rows ?? [];
  const hasPak = !!rab?.header.includes('AnggaranStlhPAK');
  const parsedRows: { r: TableRow; group: Group; anggaran: bigint; afterPak?: bigint }[] = [];
  for (const r of rabRows) {
    if (!sameYearAndDesa('Ta_RABRinci', r)) continue;
    const keg = kegiatanOf('Ta_RABRinci', r);
    let ok = !!keg;
    if (keg && usable.Ta_Kegiatan && !kegiatan.has(r.values.Kd_Keg)) {
      problems.add('Ta_RABRinci', r.row, 'Kd_Keg', `Kegiatan ${r.values.Kd_Keg} tidak ada di Ta_Kegiatan`);
      ok = false;
    }
    const source = r.values.SumberDana.toUpperCase();
    if (!(VILLAGE_FUND_SOURCES as readonly string[]).includes(source)) {
      problems.add('Ta_RABRinci', r.row, 'SumberDana', `Sumber dana "${r.values.SumberDana}" tidak dikenal: gunakan salah satu dari ${VILLAGE_FUND_SOURCES.join(', ')}`);
      ok = false;
    } else if (knownSources && !knownSources.has(source)) {
      problems.add('Ta_RABRinci', r.row, 'SumberDana', `Sumber dana "${r.values.SumberDana}" tidak ada di tabel Ref_Sumber`);
      ok = false;
    }
    const anggaran = parseSiskeudesAmount(r.values.Anggaran);
    if (anggaran.error) {
      problems.add('Ta_RABRinci', r.row, 'Anggaran', `Anggaran ${anggaran.error}`);
      ok = false;
    }
    let afterPak: bigint | undefined;
    const pakText = hasPak ? r.values.AnggaranStlhPAK : '';
    if (pakText) {
      const parsed = parseSiskeudesAmount(pakText);
      if (parsed.error) {
        problems.add('Ta_RABRinci', r.row, 'AnggaranStlhPAK', `AnggaranStlhPAK ${parsed.error}`);
        ok = false;
      } else afterPak = parsed.value;
    }
    if (!ok || !keg) continue;
    const fundSource = source as VillageFundSource;
    const key = `${keg.code}|${fundSource}`;
    let group = groups.get(key);
    if (!group) {
      group = { budgetCode: keg.code, idKeg: keg.idKeg, fundSource, row: r.row, items: 0, anggaran: 0n, afterPak: 0n, revised: false };
      groups.set(key, group);
    }
    parsedRows.push({ r, group, anggaran: anggaran.value!, afterPak });
    if (afterPak !== undefined && afterPak > 0n) anyRevision = true;
  }
  for (const { group, anggaran, afterPak } of parsedRows) {
    group.items++;
    group.anggaran += anggaran;
    const revised = anyRevision && afterPak !== undefined;
    group.afterPak += revised ? afterPak : anggaran;
    if (revised && afterPak !== anggaran) group.revised = true;
  }
  for (const g of groups.values()) {
    for (const [column, value] of [
      ['Anggaran', g.anggaran],
      ['AnggaranStlhPAK', g.afterPak],
    ] as const) {
      if (value > MAX_AMOUNT) problems.add('Ta_RABRinci', g.row, column, `Jumlah ${column} kegiatan ${g.idKeg} ${g.fundSource} melebihi batas 1.000.000.000.000.000`);
    }
  }
  if (rab && !rabRows.length) problems.add('Ta_RABRinci', 1, '', 'Tabel Ta_RABRinci tidak berisi rincian anggaran');

  const sourceOrder = (s: VillageFundSource) => VILLAGE_FUND_SOURCES.indexOf(s);
  const lines: SiskeudesLine[] = [...groups.values()]
    .map((g) => {
      const stages: SiskeudesLine['stages'] = [];
      if (!g.revised || g.anggaran > 0n) stages.push({ stage: 'APBDES', amount: g.anggaran });
      if (g.revised) stages.push({ stage: 'APBDES_P', amount: g.afterPak });
      const name = kegiatanNames.get(g.budgetCode) ?? refNames.get(g.budgetCode);
      return { budgetCode: g.budgetCode, idKeg: g.idKeg, ...(name ? { name } : {}), fundSource: g.fundSource, stages, row: g.row, items: g.items };
    })
    .sort((a, b) => compareCodes(a.budgetCode, b.budgetCode) || sourceOrder(a.fundSource) - sourceOrder(b.fundSource));
  return { fiscalYear, kdDesa, lines, errors: problems.list.sort(byPlace), errorCount: problems.count };
}

function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

const TABLE_ORDER = (sheet: string) => {
  const i = TABLE_NAMES.indexOf(sheet as SiskeudesTableName);
  return i < 0 ? TABLE_NAMES.length : i;
};

function byPlace(a: ImportError, b: ImportError): number {
  return TABLE_ORDER(a.sheet) - TABLE_ORDER(b.sheet) || a.row - b.row;
}
