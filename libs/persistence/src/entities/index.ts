import { ActionPlanEntity } from './action-plan.entity';
import { CommentEntity } from './comment.entity';
import { ConsultationInviteEntity, ConsultationRoundEntity } from './consultation.entity';
import { NotificationEntity } from './notification.entity';
import { PlanActivityAgencyEntity, PlanActivityCostEntity, PlanActivityEntity, PlanActivityLocationEntity } from './plan-activity.entity';
import { PlanSnapshotEntity } from './plan-snapshot.entity';
import { EndorsementEntity, ProposalEntity } from './proposal.entity';
import { AccountCodeEntity } from './account-code.entity';
import { AgencyEntity } from './agency.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { BudgetCodeEntity } from './budget-code.entity';
import { AllocationTagEntity, BudgetLineEntity, BudgetLineStageEntity } from './budget-line.entity';
import { CatalogVersionEntity } from './catalog-version.entity';
import { CodeCrosswalkEntity } from './code-crosswalk.entity';
import { FundSourceEntity } from './fund-source.entity';
import { PlanningCalendarStepEntity } from './planning-calendar.entity';
import { FundDrawdownEntity, FundLedgerEntryEntity, FundPoolEntity } from './fund-pool.entity';
import { RegionEntity } from './region.entity';
import { StrategyEntity } from './strategy.entity';
import { TaskForceEntity, TaskForceMemberEntity } from './task-force.entity';
import { UserEntity } from './user.entity';

export * from './account-code.entity';
export * from './action-plan.entity';
export * from './comment.entity';
export * from './consultation.entity';
export * from './notification.entity';
export * from './plan-activity.entity';
export * from './plan-snapshot.entity';
export * from './proposal.entity';
export * from './agency.entity';
export * from './audit-entry.entity';
export * from './budget-code.entity';
export * from './budget-line.entity';
export * from './catalog-version.entity';
export * from './code-crosswalk.entity';
export * from './fund-source.entity';
export * from './planning-calendar.entity';
export * from './fund-pool.entity';
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
  ActionPlanEntity,
  PlanActivityEntity,
  PlanActivityCostEntity,
  PlanActivityAgencyEntity,
  PlanActivityLocationEntity,
  PlanSnapshotEntity,
  ConsultationRoundEntity,
  ConsultationInviteEntity,
  ProposalEntity,
  EndorsementEntity,
  CommentEntity,
  NotificationEntity,
  BudgetLineEntity,
  BudgetLineStageEntity,
  AllocationTagEntity,
  FundPoolEntity,
  FundDrawdownEntity,
  FundLedgerEntryEntity,
  PlanningCalendarStepEntity,
];
