import { HttpClient, HttpErrorResponse, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, from, switchMap, throwError } from 'rxjs';
import { ApiError } from './api-error';
import { AuthStore } from './auth.store';

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions {
  /** Do not treat a 401 as an ended session (the login call itself). */
  anonymous?: boolean;
}

export const API_BASE = '/api';

/** Encodes one path segment: `seg('53.01')`. */
export function seg(value: string | number): string {
  return encodeURIComponent(String(value));
}

/**
 * The one door to the API: base `/api`, the bearer token of the signed-in user, and every failure
 * turned into a typed {@link ApiError}. A 401 on an authenticated call ends the session and sends the
 * user to the login page with a return URL.
 */
@Injectable({ providedIn: 'root' })
export class Api {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthStore);

  get<T>(path: string, params?: QueryParams, options?: RequestOptions): Observable<T> {
    return this.handle(
      this.http.get<T>(API_BASE + path, { headers: this.headers(options), params: toParams(params) }),
      options,
    );
  }

  post<T>(path: string, body?: unknown, options?: RequestOptions): Observable<T> {
    return this.handle(this.http.post<T>(API_BASE + path, body ?? {}, { headers: this.headers(options) }), options);
  }

  patch<T>(path: string, body: unknown, options?: RequestOptions): Observable<T> {
    return this.handle(this.http.patch<T>(API_BASE + path, body, { headers: this.headers(options) }), options);
  }

  delete<T = void>(path: string, options?: RequestOptions): Observable<T> {
    return this.handle(this.http.delete<T>(API_BASE + path, { headers: this.headers(options) }), options);
  }

  /** A multipart upload (`FormData`); the browser sets the content type with its boundary. */
  postForm<T>(path: string, form: FormData, options?: RequestOptions): Observable<T> {
    return this.handle(this.http.post<T>(API_BASE + path, form, { headers: this.headers(options) }), options);
  }

  /**
   * A file the server sends (a workbook), read as a Blob with the bearer token, so a plain link cannot
   * be used. An error body arrives as a Blob too; it is read back into the usual {@link ApiError}.
   */
  download(path: string, params?: QueryParams, options?: RequestOptions): Observable<Blob> {
    const request = this.http
      .get(API_BASE + path, { headers: this.headers(options).set('Accept', '*/*'), params: toParams(params), responseType: 'blob' })
      .pipe(catchError((failure: unknown) => from(blobErrorToJson(failure)).pipe(switchMap((f) => throwError(() => f)))));
    return this.handle(request, options);
  }

  private headers(options?: RequestOptions): HttpHeaders {
    let headers = new HttpHeaders({ Accept: 'application/json' });
    const token = this.auth.token();
    if (token && !options?.anonymous) headers = headers.set('Authorization', `Bearer ${token}`);
    return headers;
  }

  private handle<T>(request: Observable<T>, options?: RequestOptions): Observable<T> {
    return request.pipe(
      catchError((failure: unknown) => {
        const error = toApiError(failure);
        if (error.status === 401 && !options?.anonymous) this.auth.expire();
        return throwError(() => error);
      }),
    );
  }
}

function toParams(params?: QueryParams): HttpParams | undefined {
  if (!params) return undefined;
  let result = new HttpParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    result = result.set(key, String(value));
  }
  return result;
}

/** A failed blob request carries its JSON error body as a Blob: read it so the code and message survive. */
async function blobErrorToJson(failure: unknown): Promise<unknown> {
  if (!(failure instanceof HttpErrorResponse) || !(failure.error instanceof Blob)) return failure;
  try {
    const text = await failure.error.text();
    return new HttpErrorResponse({ error: text, headers: failure.headers, status: failure.status, statusText: failure.statusText, url: failure.url ?? undefined });
  } catch {
    return failure;
  }
}

function toApiError(failure: unknown): ApiError {
  if (failure instanceof ApiError) return failure;
  if (failure instanceof HttpErrorResponse) {
    let body: unknown = failure.error;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        body = null;
      }
    }
    return ApiError.fromResponse(failure.status, body);
  }
  return ApiError.fromResponse(0, null);
}
