import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { RegionDetail, UserView } from '@sinergi/contracts';
import { EMPTY, catchError, forkJoin, map, of, switchMap } from 'rxjs';
import { NAV_ITEMS, REGION_LEVEL_LABEL, ROLE_DESCRIPTION, ROLE_LABEL, canOpen } from '../../core/access';
import { AuthStore } from '../../core/auth.store';
import { TPipe } from '../../core/i18n';
import { Icon } from '../../shared/icon';
import { AgenciesApi } from '../admin/agencies.api';
import { RegionsApi, regionTrail } from '../regions/regions.api';

interface ScopeRegion {
  code: string;
  detail: RegionDetail | null;
  trail: string;
}

interface Scope {
  region: ScopeRegion | null;
  village: ScopeRegion | null;
  agency: { id: string; name: string | null } | null;
}

@Component({
  selector: 'app-home',
  imports: [RouterLink, TPipe, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './home.html',
  styleUrl: './home.css',
})
export class Home {
  protected readonly auth = inject(AuthStore);
  private readonly regions = inject(RegionsApi);
  private readonly agencies = inject(AgenciesApi);

  protected readonly roleLabel = ROLE_LABEL;
  protected readonly roleDescription = ROLE_DESCRIPTION;
  protected readonly levelLabel = REGION_LEVEL_LABEL;
  protected readonly links = computed(() =>
    NAV_ITEMS.filter((item) => item.id !== 'beranda' && canOpen(this.auth.role(), item)),
  );
  protected readonly scope = signal<Scope | null>(null);

  constructor() {
    toObservable(this.auth.user)
      .pipe(
        switchMap((user) => (user ? this.loadScope(user) : EMPTY)),
        takeUntilDestroyed(),
      )
      .subscribe((scope) => this.scope.set(scope));
  }

  private loadScope(user: UserView) {
    const region = (code: string | undefined) =>
      code
        ? this.regions.get(code).pipe(
            map((detail): ScopeRegion => ({ code, detail, trail: regionTrail(detail) })),
            catchError(() => of<ScopeRegion>({ code, detail: null, trail: code })),
          )
        : of(null);
    const agency = user.agencyId
      ? this.agencies.list(user.regionCode).pipe(
          map((list) => ({ id: user.agencyId!, name: list.find((a) => a.id === user.agencyId)?.name ?? null })),
          catchError(() => of({ id: user.agencyId!, name: null })),
        )
      : of(null);
    return forkJoin({ region: region(user.regionCode), village: region(user.villageCode), agency });
  }
}
