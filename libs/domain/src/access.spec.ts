import { type Actor, canParticipate, canPlanInRegion, canWriteForAgency, canWriteForVillage, isAdmin } from './access';

const admin: Actor = { id: 'u-admin', role: 'admin' };
const kupangPlanner: Actor = { id: 'u-1', role: 'planner', regionCode: '53.01' }; // Bappeda Kabupaten Kupang
const nttPlanner: Actor = { id: 'u-2', role: 'planner', regionCode: '53' }; // Bappeda Provinsi NTT
const unscopedPlanner: Actor = { id: 'u-3', role: 'planner' };
const dinsos: Actor = { id: 'u-4', role: 'agency', agencyId: 'agency-dinsos', regionCode: '53.01' };
const desa: Actor = { id: 'u-5', role: 'village', villageCode: '53.01.06.2015', regionCode: '53.01' };
const viewer: Actor = { id: 'u-6', role: 'viewer', regionCode: '53.01' };
const member: Actor = { id: 'u-7', role: 'member', regionCode: '53.01' };

describe('canPlanInRegion', () => {
  it('a regency planner plans in the regency and everything inside it, not in a neighbour', () => {
    expect(canPlanInRegion(kupangPlanner, '53.01')).toBe(true);
    expect(canPlanInRegion(kupangPlanner, '53.01.06.2015')).toBe(true);
    expect(canPlanInRegion(kupangPlanner, '53.02')).toBe(false);
    expect(canPlanInRegion(kupangPlanner, '53')).toBe(false); // not upwards to the province
    expect(canPlanInRegion(kupangPlanner, '53.010')).toBe(false);
  });

  it('a province planner covers its regencies', () => {
    expect(canPlanInRegion(nttPlanner, '53.71')).toBe(true);
    expect(canPlanInRegion(nttPlanner, '52.01')).toBe(false);
  });

  it('an admin plans anywhere; a planner without a region nowhere', () => {
    expect(canPlanInRegion(admin, '11.01')).toBe(true);
    expect(canPlanInRegion(unscopedPlanner, '53.01')).toBe(false);
  });

  it('agency, village, member and viewer users never plan, even in their own region', () => {
    for (const actor of [dinsos, desa, member, viewer]) expect(canPlanInRegion(actor, '53.01')).toBe(false);
  });
});

describe('canWriteForAgency', () => {
  const dinsosKupang = { id: 'agency-dinsos', regionCode: '53.01' };
  const dinkesBelu = { id: 'agency-dinkes', regionCode: '53.04' };

  it('agency staff write only for their own agency', () => {
    expect(canWriteForAgency(dinsos, dinsosKupang)).toBe(true);
    expect(canWriteForAgency(dinsos, { id: 'agency-other', regionCode: '53.01' })).toBe(false);
  });

  it('an agency user without an agency writes for none', () => {
    expect(canWriteForAgency({ id: 'u-8', role: 'agency' }, dinsosKupang)).toBe(false);
  });

  it("a planner writes for the agencies of the planner's region; an admin for all", () => {
    expect(canWriteForAgency(kupangPlanner, dinsosKupang)).toBe(true);
    expect(canWriteForAgency(kupangPlanner, dinkesBelu)).toBe(false);
    expect(canWriteForAgency(nttPlanner, dinkesBelu)).toBe(true);
    expect(canWriteForAgency(admin, dinkesBelu)).toBe(true);
  });

  it('village users and viewers never write APBD lines', () => {
    expect(canWriteForAgency(desa, dinsosKupang)).toBe(false);
    expect(canWriteForAgency(viewer, dinsosKupang)).toBe(false);
  });
});

describe('canWriteForVillage', () => {
  it('village officials write only for their own desa', () => {
    expect(canWriteForVillage(desa, '53.01.06.2015')).toBe(true);
    expect(canWriteForVillage(desa, '53.01.06.2016')).toBe(false);
    expect(canWriteForVillage({ id: 'u-9', role: 'village' }, '53.01.06.2015')).toBe(false);
  });

  it('a planner above the desa and an admin may write; agency staff may not', () => {
    expect(canWriteForVillage(kupangPlanner, '53.01.06.2015')).toBe(true);
    expect(canWriteForVillage(kupangPlanner, '53.02.01.2001')).toBe(false);
    expect(canWriteForVillage(admin, '53.02.01.2001')).toBe(true);
    expect(canWriteForVillage(dinsos, '53.01.06.2015')).toBe(false);
  });
});

describe('roles', () => {
  it('only viewers are kept out of drafting; only admins are admins', () => {
    expect([admin, kupangPlanner, dinsos, desa, member].every(canParticipate)).toBe(true);
    expect(canParticipate(viewer)).toBe(false);
    expect(isAdmin(admin)).toBe(true);
    expect(isAdmin(nttPlanner)).toBe(false);
  });
});
