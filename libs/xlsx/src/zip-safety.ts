import { UnreadableFileError } from './file-errors';

/**
 * Zip safety for every upload that is a zip inside (xlsx workbooks, Siskeudes exports): the
 * central directory is read straight from the bytes, so sizes, ratios, counts and names are judged
 * before anything is inflated (a zip's own directory is what every reader trusts).
 */

/** A zip that is built to hurt (a bomb, nesting, thousands of entries): refused before inflating. */
export class HostileFileError extends UnreadableFileError {}

export interface ZipLimits {
  /** Declared uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Declared uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed / compressed, checked on entries larger than `ratioFrom` (tiny files compress oddly). */
  maxRatio: number;
  ratioFrom: number;
  maxEntries: number;
}

/** An xlsx of the size we accept (20 MB upload) unpacks to a few hundred MB at most, at ratios well under 100. */
export const XLSX_LIMITS: ZipLimits = {
  maxEntryBytes: 200 * 1024 * 1024,
  maxTotalBytes: 400 * 1024 * 1024,
  maxRatio: 100,
  ratioFrom: 1024 * 1024,
  maxEntries: 2000,
};

export interface DirectoryEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  encrypted: boolean;
}

const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/**
 * Reads the central directory straight from the bytes, so sizes, counts and names are judged
 * before anything is inflated (a zip's own directory is what every reader trusts).
 */
function readDirectory(bytes: Buffer, limits: ZipLimits, what: string): DirectoryEntry[] {
  const corrupt = (why: string) => new UnreadableFileError(`Berkas zip rusak (${why}): ${what} tidak dapat dibaca; simpan atau buat ulang berkasnya lalu unggah kembali`);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('akhir direktori tidak ditemukan');
  const total = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (total === 0xffff || offset === 0xffffffff || size === 0xffffffff) {
    throw new HostileFileError(`Berkas ${what} berformat ZIP64 (untuk berkas raksasa) tidak diterima`);
  }
  if (total > limits.maxEntries) {
    throw new HostileFileError(`Berkas zip berisi ${total} berkas; paling banyak ${limits.maxEntries} untuk ${what}`);
  }
  if (offset + size > eocd) throw corrupt('direktori di luar berkas');
  const entries: DirectoryEntry[] = [];
  let p = offset;
  for (let n = 0; n < total; n++) {
    if (p + 46 > eocd || bytes.readUInt32LE(p) !== 0x02014b50) throw corrupt('direktori tidak utuh');
    const flags = bytes.readUInt16LE(p + 8);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    if (p + 46 + nameLength > eocd) throw corrupt('nama berkas terpotong');
    const rawName = bytes.subarray(p + 46, p + 46 + nameLength);
    entries.push({
      name: rawName.toString(flags & 0x800 ? 'utf8' : 'latin1'),
      crc32: bytes.readUInt32LE(p + 16),
      compressedSize: bytes.readUInt32LE(p + 20),
      uncompressedSize: bytes.readUInt32LE(p + 24),
      encrypted: (flags & 1) === 1,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function checkEntries(entries: DirectoryEntry[], limits: ZipLimits, what: string, nested: RegExp | undefined): void {
  let total = 0;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const base = e.name.split('/').pop() ?? e.name;
    if (nested?.test(base)) {
      throw new HostileFileError(`Zip di dalam zip tidak diterima (${e.name}) untuk ${what}`);
    }
    if (e.uncompressedSize > limits.maxEntryBytes) {
      throw new HostileFileError(`Berkas ${e.name} di dalam zip (${what}) terlalu besar (${MB(e.uncompressedSize)}; paling besar ${MB(limits.maxEntryBytes)})`);
    }
    if (e.uncompressedSize > limits.ratioFrom && e.uncompressedSize > limits.maxRatio * Math.max(e.compressedSize, 1)) {
      throw new HostileFileError(`Berkas ${e.name} di dalam zip (${what}) termampatkan secara tidak wajar (lebih dari ${limits.maxRatio} kali): ditolak sebagai bom zip`);
    }
    total += e.uncompressedSize;
    if (total > limits.maxTotalBytes) {
      throw new HostileFileError(`Isi zip (${what}) setelah diekstrak terlalu besar (lebih dari ${MB(limits.maxTotalBytes)})`);
    }
  }
}

/**
 * Checks a zip's directory against the limits and returns its entries; throws HostileFileError
 * for a bomb or nesting, UnreadableFileError for a corrupt file. `what` names the file in messages.
 */
export function inspectZip(bytes: Buffer, limits: ZipLimits, what: string, nested?: RegExp): DirectoryEntry[] {
  const entries = readDirectory(bytes, limits, what);
  checkEntries(entries, limits, what, nested);
  return entries;
}
