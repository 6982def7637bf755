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

/** `POST /api/task-forces` body. Not in @sinergi/contracts yet. */
export interface CreateTaskForceRequest {
  regionCode: string;
  name: string;
  legalBasis?: string;
}

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

  /** 201 with the new task force; 409 when the region has one already, 403 outside a planner's region. */
  createTaskForce(body: CreateTaskForceRequest): Observable<TaskForceView> {
    return this.api.post<TaskForceView>('/task-forces', body);
  }

  addMember(taskForceId: string, agencyId: string): Observable<unknown> {
    return this.api.post<unknown>(`/task-forces/${seg(taskForceId)}/members`, { agencyId });
  }

  removeMember(taskForceId: string, agencyId: string): Observable<unknown> {
    return this.api.delete<unknown>(`/task-forces/${seg(taskForceId)}/members/${seg(agencyId)}`);
  }
}
