import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role, UserView } from '@sinergi/contracts';

/**
 * Every route declares who may call it; the global AccessGuard refuses a route that declares
 * nothing, and test/api/route-access.api-spec.ts fails the build if any route lacks a rule.
 */
export const ACCESS_KEY = 'sinergi:access';

export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

/** No token needed (login, health, the API document). */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/** Any signed-in user; the service applies the scope rules of the resource. */
export const Authenticated = () => SetMetadata(ACCESS_KEY, { kind: 'authenticated' } satisfies AccessRule);

/** Only these roles (admin is never implied: list it). */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule);

/** The signed-in user, as the token and the database say now. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): UserView => {
  const request = ctx.switchToHttp().getRequest<{ user?: UserView }>();
  if (!request.user) throw new Error('CurrentUser used on a route without authentication');
  return request.user;
});
