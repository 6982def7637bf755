import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router } from '@angular/router';
import type { Role } from '@sinergi/contracts';
import { AuthStore } from './auth.store';

/** Signed-in users only; others go to the login page and come back afterwards. */
export const authGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthStore);
  if (auth.isAuthenticated()) return true;
  const returnUrl = state.url && state.url !== '/' ? state.url : null;
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl } });
};

/** The login page is for signed-out users; a signed-in user goes home. */
export const guestGuard: CanActivateFn = () => {
  const auth = inject(AuthStore);
  return auth.isAuthenticated() ? inject(Router).createUrlTree(['/']) : true;
};

/** Only the given roles; others see the "no access" page. */
export function roleGuard(roles: readonly Role[]): CanMatchFn & CanActivateFn {
  return () => {
    const auth = inject(AuthStore);
    if (!auth.isAuthenticated()) return inject(Router).createUrlTree(['/login']);
    return auth.hasRole(...roles) ? true : inject(Router).createUrlTree(['/akses-ditolak']);
  };
}
