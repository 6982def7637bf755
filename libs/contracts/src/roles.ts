/** The six roles of the contract. Scope: planner → region, agency → agency, village → desa. */
export const ROLES = ['admin', 'planner', 'agency', 'village', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** What a signed-in user is, as the API returns it and as the web app keeps it. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  agencyId?: string;
  regionCode?: string;
  villageCode?: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  expiresAt: string;
  user: UserView;
}
