import type { AdminUserView, UserView } from '@sinergi/contracts';
import type { UserEntity } from '@sinergi/persistence';

export function toUserView(u: UserEntity): UserView {
  const view: UserView = { id: u.id, email: u.email, name: u.name, role: u.role };
  if (u.agencyId) view.agencyId = u.agencyId;
  if (u.regionCode) view.regionCode = u.regionCode;
  if (u.villageCode) view.villageCode = u.villageCode;
  return view;
}

export function toAdminUserView(u: UserEntity): AdminUserView {
  return {
    ...toUserView(u),
    active: u.active,
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt?.toISOString(),
    version: u.version,
  };
}
