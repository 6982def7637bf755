import { DOCUMENT, Injectable, Pipe, PipeTransform, effect, inject, signal } from '@angular/core';
import { id } from '../i18n/id';
import { en } from '../i18n/en';

export type Lang = 'id' | 'en';
/** Every translation key. `en` is typed as `Record<TKey, string>`, so both dictionaries have exactly these keys. */
export type TKey = keyof typeof id;
export type Dictionary = Record<TKey, string>;
export type TParams = Record<string, string | number | null | undefined>;

const STORAGE_KEY = 'sinergi.lang';
const DICTIONARIES: Record<Lang, Dictionary> = { id, en };

function readStoredLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

/** Replaces `{name}` placeholders; unknown placeholders are left visible so a missing parameter is noticed. */
export function interpolate(text: string, params?: TParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

/**
 * Runtime translation. Indonesian first; the choice is kept in localStorage and mirrored on
 * `<html lang>` so screen readers pronounce the text in the right language.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  readonly lang = signal<Lang>(readStoredLang());

  constructor() {
    effect(() => {
      const lang = this.lang();
      this.document.documentElement.lang = lang;
      try {
        localStorage.setItem(STORAGE_KEY, lang);
      } catch {
        /* private mode: the choice lasts for this page only */
      }
    });
  }

  /** Reads the `lang` signal, so a template or computed that calls it re-renders on a language switch. */
  t(key: TKey, params?: TParams): string {
    const text = DICTIONARIES[this.lang()][key] ?? key;
    return interpolate(text, params);
  }

  /** `one` for exactly 1, `other` otherwise (Indonesian uses the same text for both). */
  plural(one: TKey, other: TKey, count: number, params?: TParams): string {
    return this.t(count === 1 ? one : other, { count: count.toLocaleString(this.locale()), ...params });
  }

  locale(): string {
    return this.lang() === 'en' ? 'en-GB' : 'id-ID';
  }

  setLang(lang: Lang): void {
    this.lang.set(lang);
  }

  toggle(): void {
    this.lang.update((l) => (l === 'id' ? 'en' : 'id'));
  }
}

/**
 * `{{ 'nav.home' | t }}` or `{{ 'home.greeting' | t: { name: user.name } }}`.
 * Impure so it re-evaluates on a language switch; the lookup is a property read, so this is cheap.
 */
@Pipe({ name: 't', pure: false })
export class TPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: TKey, params?: TParams): string {
    return this.i18n.t(key, params);
  }
}
