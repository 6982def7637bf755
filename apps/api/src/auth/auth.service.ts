import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { LoginResponse, UserView } from '@sinergi/contracts';
import { DomainError } from '@sinergi/domain';
import { UserEntity } from '@sinergi/persistence';
import type { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { LoginThrottle } from './login-throttle';
import { verifyPassword } from './passwords';
import { toUserView } from './user-view';

interface TokenClaims {
  sub: string;
}

@Injectable()
export class AuthService {
  private readonly throttle: LoginThrottle;

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.throttle = new LoginThrottle(config.loginAttemptsPerWindow, config.loginWindowSeconds * 1000);
  }

  async login(email: string, password: string, clientAddress: string): Promise<LoginResponse> {
    const normalised = email.trim().toLowerCase();
    const key = `${clientAddress}|${normalised}`;
    const wait = this.throttle.retryAfter(key);
    if (wait > 0) {
      throw new DomainError('TOO_MANY_REQUESTS', `Terlalu banyak percobaan masuk. Coba lagi dalam ${wait} detik.`, { retryAfterSeconds: wait });
    }
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: normalised })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash, password);
    if (!user || !ok || !user.active) {
      this.throttle.recordFailure(key);
      throw new DomainError('UNAUTHENTICATED', 'Email atau kata sandi salah');
    }
    this.throttle.recordSuccess(key);
    await this.users.update({ id: user.id }, { lastLoginAt: new Date() });
    const accessToken = await this.jwt.signAsync({ sub: user.id } satisfies TokenClaims, {
      expiresIn: this.config.jwtTtlSeconds,
    });
    return {
      accessToken,
      expiresAt: new Date(Date.now() + this.config.jwtTtlSeconds * 1000).toISOString(),
      user: toUserView(user),
    };
  }

  /**
   * Resolves a bearer token to the user as the database says now, so a deactivated account or a
   * changed role takes effect on the next request rather than when the token expires.
   */
  async authenticate(token: string): Promise<UserView> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'Sesi tidak valid atau sudah berakhir. Silakan masuk lagi.');
    }
    const user = await this.users.findOne({ where: { id: claims.sub } });
    if (!user || !user.active) throw new DomainError('UNAUTHENTICATED', 'Akun tidak aktif. Hubungi admin.');
    return toUserView(user);
  }
}
