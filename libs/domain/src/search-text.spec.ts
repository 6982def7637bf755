import { searchDocument, searchTokens } from './search-text';

describe('searchTokens', () => {
  it('lower-cases and splits on punctuation', () => {
    expect(searchTokens('Perlindungan Anak/Perempuan, (PPA)')).toEqual(['perlindungan', 'anak', 'perempuan', 'ppa']);
  });

  it('drops accents so "Désa" finds "desa"', () => {
    expect(searchTokens('Café Désa Naïve')).toEqual(['cafe', 'desa', 'naive']);
  });

  it('drops the Indonesian glue words every title shares', () => {
    expect(searchTokens('Pencegahan TPPO di Desa dan ke Kota yang Rawan untuk Pekerja Migran')).toEqual([
      'pencegahan',
      'tppo',
      'desa',
      'kota',
      'rawan',
      'pekerja',
      'migran',
    ]);
    expect(searchTokens('dan di ke yang untuk')).toEqual([]);
  });

  it('keeps each word once', () => {
    expect(searchTokens('Anak-anak ANAK anak')).toEqual(['anak']);
  });

  it('keeps numbers but drops single characters', () => {
    expect(searchTokens('RAD 2025 - 2029 tahap 2 a')).toEqual(['rad', '2025', '2029', 'tahap']);
  });

  it('gives nothing for empty or punctuation-only text', () => {
    expect(searchTokens('')).toEqual([]);
    expect(searchTokens(' .,;-/ ')).toEqual([]);
  });
});

describe('searchDocument', () => {
  it('joins the tokens of every part, skipping missing parts and repeated words', () => {
    expect(searchDocument('Rehabilitasi Sosial', null, undefined, 'sosial korban')).toBe('rehabilitasi sosial korban');
  });

  it('does not depend on word order or glue words: both titles index the same words', () => {
    const a = searchDocument('Perlindungan Perempuan dan Anak');
    const b = searchDocument('Anak serta Perempuan: perlindungan');
    expect(a.split(' ').sort()).toEqual(b.split(' ').sort());
    // and every word of a reordered query is found in the document
    for (const token of searchTokens('anak PERLINDUNGAN')) expect(a.split(' ')).toContain(token);
  });
});
