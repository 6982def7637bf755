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

export {
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
};

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
