import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NotificationView, UserView } from '@sinergi/contracts';
import { DomainError } from '@sinergi/domain';
import type { DataSource } from 'typeorm';
import { Authenticated, CurrentUser } from '../common/access.decorators';
import { uuidPipe } from '../common/uuid.pipe';

/** The signed-in user's own notifications; nobody reads another's. */
@ApiTags('notifications')
@ApiBearerAuth()
@Authenticated()
@Controller('notifications')
export class NotificationsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  async list(@CurrentUser() user: UserView): Promise<NotificationView[]> {
    const rows: { id: string; kind: string; title: string; body: string; link: string | null; created_at: Date; read_at: Date | null }[] =
      await this.dataSource.query(
        'SELECT id, kind, title, body, link, created_at, read_at FROM notification WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT 100',
        [user.id],
      );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link ?? undefined,
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at?.toISOString(),
    }));
  }

  @Get('unread-count')
  async unread(@CurrentUser() user: UserView): Promise<{ count: number }> {
    const [row]: { count: number }[] = await this.dataSource.query('SELECT count(*)::int AS count FROM notification WHERE user_id = $1 AND read_at IS NULL', [user.id]);
    return row;
  }

  @Post(':id/read')
  @HttpCode(204)
  async read(@Param('id', uuidPipe) id: string, @CurrentUser() user: UserView): Promise<void> {
    // For an UPDATE, TypeORM's query() answers [rows, affected count].
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      'UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2',
      [id, user.id],
    );
    if (!affected) throw DomainError.notFound('Notifikasi');
  }

  @Post('read-all')
  @HttpCode(204)
  async readAll(@CurrentUser() user: UserView): Promise<void> {
    await this.dataSource.query('UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [user.id]);
  }
}
