import { ChangeDetectionStrategy, Component, Injectable, computed, effect, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { AgencyView } from '@sinergi/contracts';
import { catchError, concat, map, of, switchMap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { AuthStore } from '../../core/auth.store';
import { TPipe } from '../../core/i18n';
import { RegionPicker } from '../../shared/region-picker';
import { AgenciesApi } from './agencies.api';

const STORAGE_KEY = 'sinergi.admin.region';

export type AgencyList =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ok'; items: AgencyView[] }
  | { status: 'error'; error: ApiError };

/**
 * The region the admin is working on (agencies and the task force are per region), shared by the
 * admin pages and remembered between visits. Starts at the admin's own region when there is one.
 */
@Injectable({ providedIn: 'root' })
export class AdminRegion {
  private readonly agenciesApi = inject(AgenciesApi);
  readonly code = signal<string>(AdminRegion.initial(inject(AuthStore).user()?.regionCode));
  readonly agencies = signal<AgencyList>({ status: 'none' });
  private readonly reloads = signal(0);

  constructor() {
    effect(() => {
      try {
        localStorage.setItem(STORAGE_KEY, this.code());
      } catch {
        /* ignore */
      }
    });
    // Re-read on a region change and on reloadAgencies().
    toObservable(computed(() => ({ code: this.code(), n: this.reloads() })))
      .pipe(
        switchMap(({ code }) =>
          !code
            ? of<AgencyList>({ status: 'none' })
            : concat(
                of<AgencyList>({ status: 'loading' }),
                this.agenciesApi.list(code).pipe(
                  map((items): AgencyList => ({ status: 'ok', items: [...items].sort((a, b) => a.name.localeCompare(b.name, 'id')) })),
                  catchError((error: ApiError) => of<AgencyList>({ status: 'error', error })),
                ),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((list) => this.agencies.set(list));
  }

  reloadAgencies(): void {
    this.reloads.update((n) => n + 1);
  }

  agencyItems(): AgencyView[] {
    const list = this.agencies();
    return list.status === 'ok' ? list.items : [];
  }

  private static initial(own: string | undefined): string {
    try {
      return localStorage.getItem(STORAGE_KEY) || own || '';
    } catch {
      return own ?? '';
    }
  }
}

/** "Wilayah kerja": the region picker bound to {@link AdminRegion}. */
@Component({
  selector: 'app-admin-region-bar',
  imports: [RegionPicker, TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="region-bar card">
      <app-region-picker
        inputId="admin-region"
        label="admin.region"
        hint="admin.region.hint"
        [levels]="['province', 'regency']"
        [value]="region.code()"
        (valueChange)="region.code.set($event)"
      />
      @if (!region.code()) {
        <p class="small muted">{{ 'admin.region.pick' | t }}</p>
      }
    </div>
  `,
  styles: `.region-bar { padding: 14px 16px; margin-bottom: 20px; max-width: 560px; } p { margin: 6px 0 0; }`,
})
export class AdminRegionBar {
  protected readonly region = inject(AdminRegion);
}
