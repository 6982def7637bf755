import { Injectable, inject } from '@angular/core';
import type { LoginRequest, LoginResponse, UserView } from '@sinergi/contracts';
import { Observable } from 'rxjs';
import { Api } from '../../core/api';

/** `GET /api/health`: only `demo` is read, when the server sends it. */
export interface HealthView {
  status?: string;
  demo?: boolean;
}

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly api = inject(Api);

  login(body: LoginRequest): Observable<LoginResponse> {
    return this.api.post<LoginResponse>('/auth/login', body, { anonymous: true });
  }

  me(): Observable<UserView> {
    return this.api.get<UserView>('/auth/me');
  }

  health(): Observable<HealthView> {
    return this.api.get<HealthView>('/health', undefined, { anonymous: true });
  }
}
