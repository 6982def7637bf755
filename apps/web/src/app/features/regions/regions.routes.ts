import { Routes } from '@angular/router';
import { RegionBrowser } from './region-browser';

export const REGION_ROUTES: Routes = [
  { path: '', title: 'regions.title', component: RegionBrowser },
  { path: ':code', title: 'regions.title', component: RegionBrowser },
];
