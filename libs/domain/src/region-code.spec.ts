import { isDesa, isRegionCode, isWithinRegion, parentRegionCode, regionLevel, regionLineage } from './region-code';

describe('regionLevel', () => {
  it.each([
    ['53', 'province'], // Nusa Tenggara Timur
    ['53.01', 'regency'], // Kabupaten Kupang
    ['53.71', 'regency'], // Kota Kupang: a kota is the same level as a kabupaten
    ['53.01.06', 'district'], // a kecamatan
    ['53.01.06.2015', 'village'], // 2xxx: desa, has an APBDes
    ['53.01.06.1004', 'urban_village'], // 1xxx: kelurahan, no APBDes
  ])('%s is a %s', (code, level) => {
    expect(regionLevel(code)).toBe(level);
  });

  it.each(['', '5', '530', '53.1', '53.01.6', '53.01.06.201', '53.01.06.20150', '53.01.', '53-01', ' 53', 'NTT'])(
    'throws for %p, which is not a Kemendagri code',
    (code) => {
      expect(isRegionCode(code)).toBe(false);
      expect(() => regionLevel(code)).toThrow(RangeError);
    },
  );
});

describe('lineage', () => {
  it('parentRegionCode goes one level up and stops at the province', () => {
    expect(parentRegionCode('53.01.06.2015')).toBe('53.01.06');
    expect(parentRegionCode('53.01.06')).toBe('53.01');
    expect(parentRegionCode('53.01')).toBe('53');
    expect(parentRegionCode('53')).toBeUndefined();
  });

  it('regionLineage lists province down to the code itself', () => {
    expect(regionLineage('53.01.06.2015')).toEqual(['53', '53.01', '53.01.06', '53.01.06.2015']);
    expect(regionLineage('53')).toEqual(['53']);
  });
});

describe('isWithinRegion', () => {
  it('a desa lies within its regency, province and itself', () => {
    expect(isWithinRegion('53.01.04.2003', '53.01')).toBe(true);
    expect(isWithinRegion('53.01.04.2003', '53')).toBe(true);
    expect(isWithinRegion('53.01.04.2003', '53.01.04.2003')).toBe(true);
  });

  it('matches whole code parts, never a text prefix', () => {
    expect(isWithinRegion('53.01.04.2003', '53.0')).toBe(false);
    expect(isWithinRegion('53.01.04.2003', '53.1')).toBe(false);
    expect(isWithinRegion('53.10', '53.1')).toBe(false);
    expect(isWithinRegion('530', '53')).toBe(false);
  });

  it('a region is not within its own child or a sibling', () => {
    expect(isWithinRegion('53.01', '53.01.04')).toBe(false);
    expect(isWithinRegion('53.02.01', '53.01')).toBe(false);
  });
});

describe('isDesa', () => {
  it('only a desa (2xxx) has an APBDes; kelurahan and higher levels do not', () => {
    expect(isDesa('53.01.06.2015')).toBe(true);
    expect(isDesa('53.01.06.1004')).toBe(false);
    expect(isDesa('53.01.06')).toBe(false);
    expect(isDesa('not a code')).toBe(false);
  });
});
