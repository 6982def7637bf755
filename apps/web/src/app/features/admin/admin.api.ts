import { Injectable, inject } from '@angular/core';
import type {
  AdminUserView,
  CreateUserRequest,
  Page,
  Role,
  TaskForceView,
  UpdateUserRequest,
} from '@sinergi/contracts';
import { Observable } from 'rxjs';
import { Api, seg } from '../../core/api';

export interface UserQuery {
  page: number;
  pageSize: number;
  q?: string;
  role?: Role | '';
}

/** Users and task-force membership (`/api/admin/users`, `/api/task-forces`). */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly api = inject(Api);

  users(query: UserQuery): Observable<Page<AdminUserView>> {
    return this.api.get<Page<AdminUserView>>('/admin/users', {
      page: query.page,
      pageSize: query.pageSize,
      q: query.q,
      role: query.role,
    });
  }

  createUser(body: CreateUserRequest): Observable<AdminUserView> {
    return this.api.post<AdminUserView>('/admin/users', body);
  }

  updateUser(id: string, body: UpdateUserRequest): Observable<AdminUserView> {
    return this.api.patch<AdminUserView>(`/admin/users/${seg(id)}`, body);
  }

  taskForces(regionCode: string): Observable<TaskForceView[]> {
    return this.api.get<TaskForceView[]>('/task-forces', { regionCode });
  }

  addMember(taskForceId: string, agencyId: string): Observable<unknown> {
    return this.api.post<unknown>(`/task-forces/${seg(taskForceId)}/members`, { agencyId });
  }

  removeMember(taskForceId: string, agencyId: string): Observable<unknown> {
    return this.api.delete<unknown>(`/task-forces/${seg(taskForceId)}/members/${seg(agencyId)}`);
  }
}
