import { ChangeDetectionStrategy, Component, computed, effect, inject, input, model, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { RegionLevel } from '@sinergi/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { REGION_LEVEL_LABEL } from '../core/access';
import { TKey, TPipe } from '../core/i18n';
import { RegionSearchHit, RegionsApi, REGION_CODE_PATTERN, regionTrail } from '../features/regions/regions.api';
import { Icon } from './icon';

let nextId = 0;

/**
 * Choose a region by typing its name or its Kemendagri code (combobox with a listbox of matches).
 * Two-way binding on the code: `<app-region-picker [(value)]="regionCode" label="…" />`.
 */
@Component({
  selector: 'app-region-picker',
  imports: [TPipe, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './region-picker.html',
  styleUrl: './region-picker.css',
})
export class RegionPicker {
  private readonly regions = inject(RegionsApi);

  readonly value = model<string>('');
  readonly label = input.required<TKey>();
  readonly hint = input<TKey | null>(null);
  /** Only these levels can be chosen (e.g. `['village']` for a desa). */
  readonly levels = input<readonly RegionLevel[] | null>(null);
  readonly error = input<string | null>(null);
  readonly required = input(false);
  readonly inputId = input(`region-picker-${++nextId}`);

  protected readonly levelLabel = REGION_LEVEL_LABEL;
  protected readonly text = signal('');
  protected readonly open = signal(false);
  protected readonly active = signal(-1);
  protected readonly loading = signal(false);
  protected readonly hits = signal<RegionSearchHit[]>([]);
  /** The chosen region's name and ancestors, once loaded. */
  protected readonly selected = signal<{ code: string; label: string; trail: string; level: RegionLevel } | null>(null);
  protected readonly notFound = signal(false);

  protected readonly listId = computed(() => `${this.inputId()}-list`);
  protected readonly hintId = computed(() => `${this.inputId()}-hint`);
  protected readonly errorId = computed(() => `${this.inputId()}-error`);
  protected readonly describedBy = computed(() =>
    [this.hintId(), this.error() ? this.errorId() : null].filter(Boolean).join(' '),
  );
  protected readonly activeId = computed(() =>
    this.open() && this.active() >= 0 ? `${this.listId()}-${this.active()}` : null,
  );

  constructor() {
    // Show the name of a code set from outside (a stored choice, a user being edited).
    effect(() => {
      const code = this.value();
      untracked(() => this.describe(code));
    });

    toObservable(this.text)
      .pipe(
        map((t) => t.trim()),
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((q) => {
          if (!this.open() || q.length < 2) return of<RegionSearchHit[] | null>(null);
          this.loading.set(true);
          const levels = this.levels();
          return this.regions
            .find(q, { limit: 20, level: levels?.length === 1 ? levels[0] : undefined })
            .pipe(catchError(() => of<RegionSearchHit[]>([])));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((hits) => {
        this.loading.set(false);
        const allowed = this.levels();
        this.hits.set((hits ?? []).filter((h) => !allowed || allowed.includes(h.level)));
        this.active.set(-1);
      });
  }

  private describe(code: string): void {
    if (!code) {
      this.selected.set(null);
      this.notFound.set(false);
      return;
    }
    if (this.selected()?.code === code) return;
    this.regions.get(code).subscribe({
      next: (detail) => {
        if (this.value() !== code) return;
        const label = `${detail.name} (${detail.code})`;
        this.selected.set({ code, label, trail: regionTrail(detail), level: detail.level });
        this.notFound.set(false);
        if (!this.open()) this.text.set(label);
      },
      error: () => {
        if (this.value() !== code) return;
        this.selected.set(null);
        this.notFound.set(true);
        if (!this.open()) this.text.set(code);
      },
    });
  }

  protected onInput(event: Event): void {
    this.text.set((event.target as HTMLInputElement).value);
    this.open.set(true);
  }

  protected onFocus(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }

  protected onBlur(): void {
    this.open.set(false);
    const typed = this.text().trim();
    if (!typed) {
      // Left empty: keep the previous choice rather than clearing by accident.
      const sel = this.selected();
      if (sel) this.text.set(sel.label);
      else if (this.value()) this.text.set(this.value());
      return;
    }
    if (REGION_CODE_PATTERN.test(typed) && typed !== this.value()) {
      this.value.set(typed);
      return;
    }
    const sel = this.selected();
    if (sel && typed !== sel.label) this.text.set(sel.label);
  }

  protected onKeydown(event: KeyboardEvent): void {
    const count = this.hits().length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        this.open.set(true);
        if (count) this.active.set(Math.min(count - 1, this.active() + 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count) this.active.set(Math.max(0, this.active() - 1));
        break;
      case 'Enter':
        if (this.open() && this.active() >= 0 && this.active() < count) {
          event.preventDefault();
          this.choose(this.hits()[this.active()]);
        } else if (REGION_CODE_PATTERN.test(this.text().trim())) {
          event.preventDefault();
          this.value.set(this.text().trim());
          this.open.set(false);
        }
        break;
      case 'Escape':
        if (this.open()) {
          event.preventDefault();
          event.stopPropagation();
          this.open.set(false);
        }
        break;
    }
  }

  protected choose(hit: RegionSearchHit): void {
    const label = `${hit.name} (${hit.code})`;
    this.selected.set({ code: hit.code, label, trail: regionTrail(hit), level: hit.level });
    this.notFound.set(false);
    this.text.set(label);
    this.open.set(false);
    this.value.set(hit.code);
  }

  protected clear(): void {
    this.value.set('');
    this.text.set('');
    this.hits.set([]);
  }
}
