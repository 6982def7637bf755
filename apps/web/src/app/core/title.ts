import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18n, TKey } from './i18n';

/** Route `title`s are translation keys; the tab reads "Cari Kode Anggaran · Sinergi" and follows the language. */
@Injectable({ providedIn: 'root' })
export class I18nTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18n);
  private readonly key = signal<TKey | null>(null);

  constructor() {
    super();
    effect(() => {
      const key = this.key();
      const page = key ? this.i18n.t(key) : null;
      this.title.setTitle(page ? `${page} · Sinergi` : 'Sinergi');
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key.set((this.buildTitle(snapshot) as TKey | undefined) ?? null);
  }
}
