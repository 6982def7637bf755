import { ChangeDetectionStrategy, Component, computed, input, signal, inject } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { AllocationView } from '@sinergi/contracts';
import { Observable, catchError, concat, map, of, switchMap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { MoneyPipe } from '../../core/format';
import { TPipe } from '../../core/i18n';
import { LoadError } from '../../shared/load-error';
import { Loading } from '../../shared/loading';
import { AllocationsApi } from '../allocations/allocations.api';
import { STAGE_LABEL, WARNING_LABEL } from '../allocations/tag-utils';
import { SOURCE_LABEL, big } from './gap-utils';

type Load = { status: 'loading' } | { status: 'ok'; items: AllocationView[] } | { status: 'error'; error: ApiError };

/** The budget lines behind one activity's allocation in a fiscal year (read only), and its tactical-fund part. */
@Component({
  selector: 'app-gap-lines',
  imports: [TPipe, MoneyPipe, LoadError, Loading],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './gap-lines.html',
  styleUrl: './gap-lines.css',
})
export class GapLines {
  private readonly api = inject(AllocationsApi);

  readonly activityId = input.required<string>();
  readonly fiscalYear = input.required<number>();
  /** Approved and disbursed tactical-fund drawdowns counted for the activity (`bySource.POOL`). */
  readonly pool = input<string>('0');

  protected readonly sourceLabel = SOURCE_LABEL;
  protected readonly stageLabel = STAGE_LABEL;
  protected readonly warningLabel = WARNING_LABEL;

  protected readonly state = signal<Load>({ status: 'loading' });
  private readonly reloads = signal(0);

  protected readonly lines = computed(() => {
    const s = this.state();
    if (s.status !== 'ok') return [];
    const year = this.fiscalYear();
    return s.items.filter((a) => a.fiscalYear === year);
  });
  protected readonly hasPool = computed(() => big(this.pool()) > 0n);

  constructor() {
    toObservable(computed(() => ({ id: this.activityId(), n: this.reloads() })))
      .pipe(
        switchMap(({ id }): Observable<Load> =>
          concat(
            of<Load>({ status: 'loading' }),
            this.api.forActivity(id).pipe(
              map((items): Load => ({ status: 'ok', items: items ?? [] })),
              catchError((error: ApiError) => of<Load>({ status: 'error', error })),
            ),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.state.set(s));
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected owner(a: AllocationView): string {
    if (a.agencyName) return a.agencyName;
    if (a.villageName) return a.villageName;
    return a.funder || a.villageCode || '–';
  }
}
