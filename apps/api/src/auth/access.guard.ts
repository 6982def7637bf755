import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UserView } from '@sinergi/contracts';
import { DomainError } from '@sinergi/domain';
import type { Request } from 'express';
import { ACCESS_KEY, type AccessRule } from '../common/access.decorators';
import { AuthService } from './auth.service';

/**
 * The global guard. A route with no access rule is refused (and logged) rather than left open:
 * forgetting the decorator fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<Request & { user?: UserView }>();
    if (!rule) {
      this.logger.error(`Route without an access rule refused: ${request.method} ${request.path}`);
      throw DomainError.forbidden();
    }
    if (rule.kind === 'public') return true;

    const header = request.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new DomainError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu (token tidak ada)');
    const user = await this.auth.authenticate(match[1]);
    request.user = user;
    if (rule.kind === 'roles' && !rule.roles.includes(user.role)) {
      throw DomainError.forbidden(`Peran ${user.role} tidak berwenang untuk tindakan ini`);
    }
    return true;
  }
}
