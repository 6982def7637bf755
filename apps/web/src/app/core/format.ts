import { Pipe, PipeTransform, inject } from '@angular/core';
import { formatNumber as formatDigits, formatRupiah } from '@sinergi/contracts';
import { I18n, Lang } from './i18n';

/** Money travels as digit strings; this never goes through a float. `Rp 1.250.000`. */
export function formatMoney(amount: string | bigint | null | undefined): string {
  return formatRupiah(amount);
}

export function formatCount(value: number | string | bigint): string {
  return formatDigits(value);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: Lang, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    });
    dateFormats.set(key, format);
  }
  return format;
}

/** `28 Nov 2025` (id-ID) or `28 Nov 2025` (en-GB); `–` for a missing or unparseable value. */
export function formatDate(value: string | Date | null | undefined, lang: Lang, withTime = false): string {
  if (value === null || value === undefined || value === '') return '–';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '–';
  return dateFormat(lang, withTime).format(date);
}

@Pipe({ name: 'money' })
export class MoneyPipe implements PipeTransform {
  transform(amount: string | bigint | null | undefined): string {
    return formatMoney(amount);
  }
}

/** `{{ user.createdAt | fdate }}` or `| fdate: true` for date and time; follows the language switch. */
@Pipe({ name: 'fdate', pure: false })
export class FormatDatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: string | Date | null | undefined, withTime = false): string {
    return formatDate(value, this.i18n.lang(), withTime);
  }
}
