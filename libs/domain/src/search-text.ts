/**
 * Text normalisation for search over Indonesian names: case, accents, punctuation and word order do
 * not matter, and the glue words that every title shares ("dan", "di", "ke", "yang") are dropped so
 * they do not drown the words that carry meaning.
 */
const STOPWORDS = new Set([
  'dan', 'atau', 'di', 'ke', 'dari', 'yang', 'untuk', 'dalam', 'pada', 'dengan', 'bagi', 'oleh',
  'serta', 'para', 'the', 'of', 'and', 'terhadap', 'secara', 'sebagai', 'tentang', 'tingkat',
]);

export function searchTokens(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 1 && !STOPWORDS.has(w));
  return [...new Set(words)];
}

/** The text stored beside a name for indexing: its tokens, space separated. */
export function searchDocument(...parts: (string | null | undefined)[]): string {
  return searchTokens(parts.filter(Boolean).join(' ')).join(' ');
}
