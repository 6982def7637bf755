import { Routes } from '@angular/router';

/** `/kesenjangan?rencana=<planId>&tahun=<year>`: the gap dashboard of a plan (filters in the query too). */
export const GAP_ROUTES: Routes = [
  {
    path: '',
    title: 'gaps.title',
    loadComponent: () => import('./gap-dashboard').then((m) => m.GapDashboard),
  },
];
