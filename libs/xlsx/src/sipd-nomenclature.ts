import { parseApbdCode, URUSAN_NAMES } from '@sinergi/domain';
import type { TableRow } from './table-reader';

/**
 * SIPD's nomenclature export ("nomenklatur sub kegiatan", one row per sub kegiatan with its
 * bidang, program and kegiatan as "code name" cells) → the catalogue's standard columns
 * (code, level, name, government_level, output, indicator, unit, previous_code). Each parent is
 * emitted once, with the row number of the row that first names it, so errors point at the
 * user's own file. The urusan, which SIPD does not list, come from Permendagri 90/2019.
 *
 * Bidang urusan and programs carry no level digit; SIPD repeats them under PROV and KABKOT. As in
 * the bundled catalogue, such a code is one row with no government level, unless the two levels
 * name it differently (X.XX.01, 7.01): then it is a row per level.
 */
const REQUIRED = ['jenis pemda', 'bidang', 'program', 'kegiatan', 'subkegiatan'];

export function isSipdNomenclature(header: string[]): boolean {
  return REQUIRED.every((c) => header.includes(c));
}

/** The standard header the catalogue importer validates the converted rows against. */
export const NOMENCLATURE_HEADER = ['code', 'level', 'name', 'government_level', 'output', 'indicator', 'unit', 'previous_code'];

function split(cell: string): { code: string; name: string } {
  const text = cell.trim();
  const space = text.search(/\s/);
  return space < 0 ? { code: text, name: '' } : { code: text.slice(0, space), name: text.slice(space).trim() };
}

function governmentLevel(jenisPemda: string): string {
  const v = jenisPemda.trim().toUpperCase();
  if (v === 'PROV' || v === 'PROVINSI') return 'province';
  if (v.startsWith('KAB') || v.startsWith('KOTA')) return 'regency';
  return v; // left as is: the validator names the column
}

interface Shared {
  row: number;
  names: Map<string, string>; // government level → name
}

export async function* sipdToNomenclatureRows(rows: AsyncIterable<TableRow>): AsyncGenerator<TableRow> {
  const blank = { output: '', indicator: '', unit: '', previous_code: '' };
  const seen = new Set<string>();
  const shared = new Map<string, Shared>(); // `${level}|${code}` → names per government level
  const remember = (lvl: string, code: string, name: string, gov: string, row: number) => {
    const key = `${lvl}|${code}`;
    const entry = shared.get(key) ?? { row, names: new Map<string, string>() };
    if (!entry.names.has(gov)) entry.names.set(gov, name);
    shared.set(key, entry);
  };

  for await (const { row, values } of rows) {
    const level = governmentLevel(values['jenis pemda'] ?? '');
    const bidang = split(values.bidang ?? '');
    const program = split(values.program ?? '');
    const kegiatan = split(values.kegiatan ?? '');
    const sub = split(values.subkegiatan ?? '');
    const urusan = parseApbdCode(bidang.code)?.code.split('.')[0];
    if (urusan !== undefined && !seen.has(`urusan|${urusan}`)) {
      seen.add(`urusan|${urusan}`);
      yield { row, values: { code: urusan, level: 'urusan', name: URUSAN_NAMES[urusan] ?? `URUSAN ${urusan}`, government_level: '', ...blank } };
    }
    remember('bidang_urusan', bidang.code, bidang.name, level, row);
    remember('program', program.code, program.name, level, row);
    if (!seen.has(`kegiatan|${kegiatan.code}|${level}`)) {
      seen.add(`kegiatan|${kegiatan.code}|${level}`);
      yield { row, values: { code: kegiatan.code, level: 'kegiatan', name: kegiatan.name, government_level: level, ...blank } };
    }
    // A sub kegiatan is never skipped as "seen": a repeated one must reach the validator as a duplicate.
    yield {
      row,
      values: {
        code: sub.code,
        level: 'sub_kegiatan',
        name: sub.name,
        government_level: level,
        output: values.kinerja ?? '',
        indicator: values.indikator ?? '',
        unit: values.satuan ?? '',
        previous_code: (values['subkegiatan sebelumnya'] ?? '').replace(/^\[null\]$/i, ''),
      },
    };
  }

  for (const [key, { row, names }] of shared) {
    const [lvl, code] = key.split('|');
    const distinct = new Set(names.values());
    if (distinct.size === 1) {
      yield { row, values: { code, level: lvl, name: [...distinct][0], government_level: '', ...blank } };
    } else {
      for (const [gov, name] of names) yield { row, values: { code, level: lvl, name, government_level: gov, ...blank } };
    }
  }
}
