import { inject } from '@angular/core';
import { CanActivateFn, Router, Routes } from '@angular/router';
import { AuthStore } from '../../core/auth.store';

/**
 * `/penandaan-anggaran` opens the page for the user's own budget: an agency's grid
 * (`instansi/:agencyId`), a desa's page (`desa/:code`); planners, admins and viewers get the
 * tagging coverage of a plan (`cakupan`). `?rencana=<planId>` picks the plan on each page.
 */
const homeForRole: CanActivateFn = (route) => {
  const user = inject(AuthStore).user();
  const router = inject(Router);
  const queryParams = route.queryParams;
  if (user?.role === 'agency' && user.agencyId) return router.createUrlTree(['/penandaan-anggaran/instansi', user.agencyId], { queryParams });
  if (user?.role === 'village' && user.villageCode) return router.createUrlTree(['/penandaan-anggaran/desa', user.villageCode], { queryParams });
  return router.createUrlTree(['/penandaan-anggaran/cakupan'], { queryParams });
};

export const ALLOCATION_ROUTES: Routes = [
  { path: '', pathMatch: 'full', canActivate: [homeForRole], children: [] },
  {
    path: 'instansi/:agencyId',
    title: 'allocations.grid.title',
    loadComponent: () => import('./agency-grid').then((m) => m.AgencyGrid),
  },
  {
    path: 'desa/:code',
    title: 'allocations.village.title',
    loadComponent: () => import('./village-page').then((m) => m.VillagePage),
  },
  {
    path: 'cakupan',
    title: 'allocations.coverage.title',
    loadComponent: () => import('./coverage-page').then((m) => m.CoveragePage),
  },
];
