/**
 * Rupiah formatting for the edge (web and Excel captions). Money travels as decimal-digit strings;
 * formatting works on the digits so no amount ever passes through a float.
 */
export function formatRupiah(amount: string | bigint | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '–';
  const text = typeof amount === 'bigint' ? amount.toString() : amount;
  const negative = text.startsWith('-');
  const digits = (negative ? text.slice(1) : text).replace(/^0+(?=\d)/, '');
  if (!/^\d+$/.test(digits)) return text;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '−' : ''}Rp ${grouped}`;
}

/** Whole number with id-ID thousands separators (targets, counts). */
export function formatNumber(value: string | number | bigint): string {
  const text = String(value);
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  if (!/^\d+$/.test(digits)) return text;
  return `${negative ? '−' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}
