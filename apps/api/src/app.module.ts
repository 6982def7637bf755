import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, ENTITIES } from '@sinergi/persistence';
import { AllocationsController } from './allocations/allocations.controller';
import { AllocationsService } from './allocations/allocations.service';
import { VillageAndCoverageService } from './allocations/village-and-coverage.service';
import { SiskeudesImportService } from './allocations/siskeudes-import.service';
import { FundPoolsController } from './fund-pools/fund-pools.controller';
import { FundPoolsService } from './fund-pools/fund-pools.service';
import { GapsController } from './gaps/gaps.controller';
import { GapsService } from './gaps/gaps.service';
import { PlanningCalendarController, PlanningCalendarService } from './gaps/planning-calendar';
import { RadExportController, RadExportService } from './exports/rad-export';
import { RadImportController, RadImportService } from './exports/rad-import';
import { AllocationSheetController, AllocationSheetService } from './exports/allocation-sheet';
import { AgenciesController } from './agencies/agencies.controller';
import { AgenciesService } from './agencies/agencies.service';
import { AuditController } from './audit/audit.controller';
import { AccessGuard } from './auth/access.guard';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { BootstrapService } from './bootstrap/bootstrap.service';
import { CatalogController } from './catalog/catalog.controller';
import { CatalogImportService } from './catalog/catalog-import.service';
import { ErrorFilter } from './common/error.filter';
import { APP_CONFIG, type AppConfig } from './config/config';
import { HealthController } from './health/health.controller';
import { NotificationsController } from './plans/notifications.controller';
import { PlansController } from './plans/plans.controller';
import { PlansService } from './plans/plans.service';
import { ProposalsService } from './plans/proposals.service';
import { RoundsService } from './plans/rounds.service';
import { ReferenceController } from './reference/reference.controller';
import { ReferenceService } from './reference/reference.service';
import { TaskForcesController } from './task-forces/task-forces.controller';
import { TaskForcesService } from './task-forces/task-forces.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/**
 * The API as one module: features are small (a controller and a service each) and share the one
 * DataSource, so separate Nest modules would add wiring without adding boundaries. Split a feature
 * into its own module when it grows providers of its own.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), retryAttempts: 0 }),
        TypeOrmModule.forFeature(ENTITIES),
        JwtModule.register({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
      ],
      controllers: [
        AuthController,
        HealthController,
        ReferenceController,
        CatalogController,
        AgenciesController,
        UsersController,
        TaskForcesController,
        AuditController,
        PlansController,
        NotificationsController,
        AllocationsController,
        FundPoolsController,
        GapsController,
        PlanningCalendarController,
        RadExportController,
        RadImportController,
        AllocationSheetController,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        AuthService,
        BootstrapService,
        CatalogImportService,
        ReferenceService,
        AgenciesService,
        UsersService,
        TaskForcesService,
        PlansService,
        ProposalsService,
        RoundsService,
        AllocationsService,
        VillageAndCoverageService,
        SiskeudesImportService,
        FundPoolsService,
        GapsService,
        PlanningCalendarService,
        RadExportService,
        RadImportService,
        AllocationSheetService,
      ],
    };
  }
}
