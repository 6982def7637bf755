import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { Public } from '../common/access.decorators';

/** For load balancers and operators: 200 only when the database answers and no migration is pending. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  @HttpCode(200)
  async health(@Res({ passthrough: true }) response: Response): Promise<{ status: string; database: string; migrations: string; pending?: number }> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      response.status(503);
      return { status: 'error', database: 'down', migrations: 'unknown' };
    }
    const pending = await this.dataSource.showMigrations();
    if (pending) {
      response.status(503);
      return { status: 'error', database: 'up', migrations: 'pending' };
    }
    return { status: 'ok', database: 'up', migrations: 'applied' };
  }
}
