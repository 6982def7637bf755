import type { RegionLevel } from '@sinergi/contracts';

/**
 * Kemendagri region codes: `53` province, `53.01` regency/city, `53.01.04` kecamatan,
 * `53.01.04.2003` desa (last part 2xxx) or kelurahan (1xxx). Only a desa has an APBDes.
 */
const REGION_CODE = /^(\d{2})(?:\.(\d{2})(?:\.(\d{2})(?:\.(\d{4}))?)?)?$/;

export function isRegionCode(code: string): boolean {
  return REGION_CODE.test(code);
}

export function regionLevel(code: string): RegionLevel {
  const m = REGION_CODE.exec(code);
  if (!m) throw new RangeError(`not a region code: ${code}`);
  if (m[4] !== undefined) return m[4].startsWith('1') ? 'urban_village' : 'village';
  if (m[3] !== undefined) return 'district';
  if (m[2] !== undefined) return 'regency';
  return 'province';
}

export function parentRegionCode(code: string): string | undefined {
  const i = code.lastIndexOf('.');
  return i < 0 ? undefined : code.slice(0, i);
}

/** The codes from the province down to `code` itself: `53.01.04` → `53`, `53.01`, `53.01.04`. */
export function regionLineage(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** True when `code` is `ancestor` or lies inside it (`53.01.04.2003` is within `53.01`). */
export function isWithinRegion(code: string, ancestor: string): boolean {
  return code === ancestor || code.startsWith(`${ancestor}.`);
}

export function isDesa(code: string): boolean {
  return isRegionCode(code) && regionLevel(code) === 'village';
}

