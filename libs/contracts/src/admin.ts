import type { AgencyKind } from './reference';
import type { Role, UserView } from './roles';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AdminUserView extends UserView {
  active: boolean;
  createdAt: string;
  lastLoginAt?: string;
  version: number;
}

export interface CreateUserRequest {
  email: string;
  name: string;
  password: string;
  role: Role;
  agencyId?: string;
  regionCode?: string;
  villageCode?: string;
}

export interface UpdateUserRequest {
  version: number;
  name?: string;
  role?: Role;
  agencyId?: string | null;
  regionCode?: string | null;
  villageCode?: string | null;
  active?: boolean;
  password?: string;
}

export interface CreateAgencyRequest {
  name: string;
  shortName: string;
  kind: AgencyKind;
  regionCode: string;
  mandates?: string[];
}

export interface TaskForceView {
  id: string;
  regionCode: string;
  name: string;
  legalBasis?: string;
  members: { agencyId: string; name: string; shortName: string; kind: AgencyKind; joinedAt: string }[];
}

export interface AuditEntryView {
  id: string;
  at: string;
  actorId?: string;
  actorEmail?: string;
  entity: string;
  entityId: string;
  action: string;
  oldValue?: unknown;
  newValue?: unknown;
}
