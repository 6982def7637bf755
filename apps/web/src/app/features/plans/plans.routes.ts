import { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth.guard';

/**
 * `/rencana-aksi` (list), `/rencana-aksi/impor` (a RAD matrix from Excel; planners and admins) and
 * `/rencana-aksi/:id` (the plan, `?tab=kegiatan|usulan|konsultasi|versi`). `impor` comes before `:id`.
 */
export const PLAN_ROUTES: Routes = [
  {
    path: '',
    title: 'plans.title',
    loadComponent: () => import('./plan-list').then((m) => m.PlanList),
  },
  {
    path: 'impor',
    title: 'plans.import.title',
    canActivate: [roleGuard(['planner', 'admin'])],
    loadComponent: () => import('./plan-import').then((m) => m.PlanImport),
  },
  {
    path: ':id',
    title: 'plan.title',
    loadComponent: () => import('./plan-page').then((m) => m.PlanPage),
  },
];
