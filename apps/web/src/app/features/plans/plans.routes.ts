import { Routes } from '@angular/router';

/** `/rencana-aksi` (list) and `/rencana-aksi/:id` (the plan, `?tab=kegiatan|usulan|konsultasi|versi`). */
export const PLAN_ROUTES: Routes = [
  {
    path: '',
    title: 'plans.title',
    loadComponent: () => import('./plan-list').then((m) => m.PlanList),
  },
  {
    path: ':id',
    title: 'plan.title',
    loadComponent: () => import('./plan-page').then((m) => m.PlanPage),
  },
];
