import type { AgencyKind, BudgetCodeLevel, GovernmentLevel, RegionLevel, Role } from '@sinergi/contracts';
import { ROLES } from '@sinergi/contracts';
import type { IconName } from '../shared/icon';
import type { TKey } from './i18n';

export interface NavItem {
  /** `data-testid="nav-<id>"` */
  id: string;
  path: string;
  label: TKey;
  description: TKey;
  icon: IconName;
  roles: readonly Role[];
  /** Comes in a later release: the page shows an honest empty state. */
  soon?: boolean;
  /** Match the path exactly (home). */
  exact?: boolean;
}

const ALL: readonly Role[] = ROLES;

/**
 * What each role may open. Plans and gaps are read by everyone in the task force; budget tagging is for
 * those who hold a budget (and viewers, read only); the tactical fund for agencies and members that
 * draw on it; administration for admins only.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'beranda', path: '/', label: 'nav.home', description: 'home.link.home', icon: 'home', roles: ALL, exact: true },
  { id: 'rencana-aksi', path: '/rencana-aksi', label: 'nav.plans', description: 'home.link.plans', icon: 'plan', roles: ALL },
  {
    id: 'penandaan-anggaran', path: '/penandaan-anggaran', label: 'nav.allocations', description: 'home.link.allocations',
    icon: 'tag', roles: ['admin', 'planner', 'agency', 'village', 'viewer'],
  },
  {
    id: 'dana-taktis', path: '/dana-taktis', label: 'nav.fundPools', description: 'home.link.fundPools',
    icon: 'wallet', roles: ['admin', 'planner', 'agency', 'member', 'viewer'],
  },
  { id: 'kesenjangan', path: '/kesenjangan', label: 'nav.gaps', description: 'home.link.gaps', icon: 'chart', roles: ALL },
  { id: 'wilayah', path: '/wilayah', label: 'nav.regions', description: 'home.link.regions', icon: 'map', roles: ALL },
  { id: 'kode-anggaran', path: '/kode-anggaran', label: 'nav.budgetCodes', description: 'home.link.budgetCodes', icon: 'search', roles: ALL },
  // Planners manage their region's member institutions and task force; user accounts stay admin-only.
  { id: 'admin', path: '/admin', label: 'nav.admin', description: 'home.link.admin', icon: 'shield', roles: ['admin', 'planner'] },
];

export function navItem(id: string): NavItem {
  const item = NAV_ITEMS.find((n) => n.id === id);
  if (!item) throw new Error(`Unknown nav item ${id}`);
  return item;
}

export function canOpen(role: Role | null, item: NavItem): boolean {
  return role !== null && item.roles.includes(role);
}

export const ROLE_LABEL: Record<Role, TKey> = {
  admin: 'role.admin',
  planner: 'role.planner',
  agency: 'role.agency',
  village: 'role.village',
  member: 'role.member',
  viewer: 'role.viewer',
};

export const ROLE_DESCRIPTION: Record<Role, TKey> = {
  admin: 'role.admin.desc',
  planner: 'role.planner.desc',
  agency: 'role.agency.desc',
  village: 'role.village.desc',
  member: 'role.member.desc',
  viewer: 'role.viewer.desc',
};

export const REGION_LEVEL_LABEL: Record<RegionLevel, TKey> = {
  province: 'regionLevel.province',
  regency: 'regionLevel.regency',
  district: 'regionLevel.district',
  village: 'regionLevel.village',
  urban_village: 'regionLevel.urban_village',
};

export const CODE_LEVEL_LABEL: Record<BudgetCodeLevel, TKey> = {
  urusan: 'codeLevel.urusan',
  bidang_urusan: 'codeLevel.bidang_urusan',
  program: 'codeLevel.program',
  kegiatan: 'codeLevel.kegiatan',
  sub_kegiatan: 'codeLevel.sub_kegiatan',
  bidang: 'codeLevel.bidang',
  sub_bidang: 'codeLevel.sub_bidang',
};

export const GOVERNMENT_LEVEL_LABEL: Record<GovernmentLevel, TKey> = {
  province: 'governmentLevel.province',
  regency: 'governmentLevel.regency',
};

export const AGENCY_KIND_LABEL: Record<AgencyKind, TKey> = {
  opd: 'agencyKind.opd',
  vertical: 'agencyKind.vertical',
  ngo: 'agencyKind.ngo',
  university: 'agencyKind.university',
  private: 'agencyKind.private',
  partner: 'agencyKind.partner',
  other: 'agencyKind.other',
};
