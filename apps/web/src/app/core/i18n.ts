import { DOCUMENT, Injectable, Pipe, PipeTransform, effect, inject, signal } from '@angular/core';
import { id } from '../i18n/id';
import type { fundPoolsId } from '../i18n/parts/fund-pools.id';

export type Lang = 'id' | 'en';
/** Every translation key. `en` is typed as `Record<TKey, string>`, so both dictionaries have exactly these keys. */
export type TKey = keyof typeof id | keyof typeof fundPoolsId;
export type Dictionary = Partial<Record<TKey, string>>;

/**
 * Feature dictionaries loaded with their feature's routes (`partGuard`), so the first bundle carries
 * only the text every page needs. A part exists in both languages.
 */
const PARTS = {
  fundPools: {
    id: () => import('../i18n/parts/fund-pools.id').then((m) => m.fundPoolsId as Dictionary),
    en: () => import('../i18n/parts/fund-pools.en').then((m) => m.fundPoolsEn as Dictionary),
  },
} satisfies Record<string, Record<Lang, () => Promise<Dictionary>>>;
export type DictionaryPart = keyof typeof PARTS;
export type TParams = Record<string, string | number | null | undefined>;

const STORAGE_KEY = 'sinergi.lang';

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
  /**
   * Indonesian ships in the first bundle; English is a lazy chunk fetched on the first switch (it
   * is as large as the Indonesian dictionary and most users never need it). Until it arrives the
   * Indonesian text stays on screen.
   */
  private readonly dictionaries = signal<Partial<Record<Lang, Dictionary>>>({ id });
  private readonly parts = new Set<DictionaryPart>();

  constructor() {
    effect(() => {
      const lang = this.lang();
      if (!this.dictionaries()[lang]) void this.load(lang);
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
    const dictionaries = this.dictionaries();
    const text = dictionaries[this.lang()]?.[key] ?? dictionaries.id?.[key] ?? key;
    return interpolate(text, params);
  }

  /** `one` for exactly 1, `other` otherwise (Indonesian uses the same text for both). */
  plural(one: TKey, other: TKey, count: number, params?: TParams): string {
    return this.t(count === 1 ? one : other, { count: count.toLocaleString(this.locale()), ...params });
  }

  locale(): string {
    return this.lang() === 'en' ? 'en-GB' : 'id-ID';
  }

  private async load(lang: Lang): Promise<void> {
    if (lang !== 'en') return;
    try {
      const [{ en }, ...parts] = await Promise.all([import('../i18n/en'), ...[...this.parts].map((p) => PARTS[p].en())]);
      this.dictionaries.update((d) => ({ ...d, en: Object.assign({}, en, ...parts, d.en) as Dictionary }));
    } catch {
      // Offline at the moment of the switch: Indonesian stays; switching again retries.
    }
  }

  /** Loads a feature's dictionary (both languages it needs now) before its pages show. */
  async loadPart(part: DictionaryPart): Promise<void> {
    if (this.parts.has(part)) return;
    const english = this.lang() === 'en' || !!this.dictionaries().en;
    const [idPart, enPart] = await Promise.all([PARTS[part].id(), english ? PARTS[part].en() : Promise.resolve(undefined)]);
    this.parts.add(part);
    this.dictionaries.update((d) => ({ ...d, id: { ...d.id, ...idPart }, ...(enPart ? { en: { ...d.en, ...enPart } } : {}) }));
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

/** Route guard that loads a feature's dictionary part first (see `PARTS`). */
export function partGuard(part: DictionaryPart): () => Promise<boolean> {
  return async () => {
    await inject(I18n).loadPart(part);
    return true;
  };
}
