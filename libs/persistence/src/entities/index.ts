import { AccountCodeEntity } from './account-code.entity';
import { AgencyEntity } from './agency.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { BudgetCodeEntity } from './budget-code.entity';
import { CatalogVersionEntity } from './catalog-version.entity';
import { CodeCrosswalkEntity } from './code-crosswalk.entity';
import { FundSourceEntity } from './fund-source.entity';
import { RegionEntity } from './region.entity';
import { StrategyEntity } from './strategy.entity';
import { TaskForceEntity, TaskForceMemberEntity } from './task-force.entity';
import { UserEntity } from './user.entity';

export * from './account-code.entity';
export * from './agency.entity';
export * from './audit-entry.entity';
export * from './budget-code.entity';
export * from './catalog-version.entity';
export * from './code-crosswalk.entity';
export * from './fund-source.entity';
export * from './region.entity';
export * from './strategy.entity';
export * from './task-force.entity';
export * from './user.entity';

/** Every entity the DataSource knows; a new entity is added here and in a migration. */
export const ENTITIES = [
  AccountCodeEntity,
  AgencyEntity,
  AuditEntryEntity,
  BudgetCodeEntity,
  CatalogVersionEntity,
  CodeCrosswalkEntity,
  FundSourceEntity,
  RegionEntity,
  StrategyEntity,
  TaskForceEntity,
  TaskForceMemberEntity,
  UserEntity,
];
