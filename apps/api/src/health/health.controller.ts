import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Public } from '../common/access.decorators';

/** For load balancers and operators: 200 only when the database answers and no migration is pending. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @HttpCode(200)
  async health(@Res({ passthrough: true }) response: Response): Promise<{ status: string; database: string; migrations: string; demo: boolean }> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      response.status(503);
      return { status: 'error', database: 'down', migrations: 'unknown', demo: this.config.demo };
    }
    const pending = await this.dataSource.showMigrations();
    if (pending) {
      response.status(503);
      return { status: 'error', database: 'up', migrations: 'pending', demo: this.config.demo };
    }
    // `demo` tells the sign-in page whether to offer the published demo accounts.
    return { status: 'ok', database: 'up', migrations: 'applied', demo: this.config.demo };
  }
}
