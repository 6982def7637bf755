import type { ErrorBody, ErrorCode, FieldError, ImportError } from '@sinergi/contracts';
import { ERROR_CODES } from '@sinergi/contracts';

/** Codes the client produces itself when no error body reached it. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNKNOWN_ERROR';
export type AnyErrorCode = ErrorCode | ClientErrorCode;

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
  502: 'SERVICE_UNAVAILABLE',
  503: 'SERVICE_UNAVAILABLE',
  504: 'SERVICE_UNAVAILABLE',
};

function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

function isFieldError(value: unknown): value is FieldError {
  return typeof value === 'object' && value !== null && typeof (value as FieldError).path === 'string'
    && typeof (value as FieldError).message === 'string';
}

function isImportError(value: unknown): value is ImportError {
  return typeof value === 'object' && value !== null && typeof (value as ImportError).row === 'number'
    && typeof (value as ImportError).message === 'string';
}

/** A failed API call, with the stable `code` of the contract (`{statusCode, code, message, details}`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: AnyErrorCode,
    message: string,
    readonly details?: ErrorBody['details'],
    readonly requestId?: string,
    /** The code exactly as the server sent it, also when this client does not know it yet. */
    readonly rawCode?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** `[{path, message}]` of a 400 `VALIDATION_FAILED`; empty otherwise. */
  get fieldErrors(): FieldError[] {
    return Array.isArray(this.details) ? (this.details as unknown[]).filter(isFieldError) : [];
  }

  /** `[{sheet,row,column,message}]` of an import; empty otherwise. */
  get importErrors(): ImportError[] {
    return Array.isArray(this.details) ? (this.details as unknown[]).filter(isImportError) : [];
  }

  /** Message for one input: exact path, or a nested path under it (`mandates.0` for `mandates`). */
  fieldError(path: string): string | null {
    const hit = this.fieldErrors.find((f) => f.path === path || f.path.startsWith(`${path}.`));
    return hit ? hit.message : null;
  }

  static fromResponse(status: number, body: unknown): ApiError {
    const data = (typeof body === 'object' && body !== null ? body : {}) as Partial<ErrorBody> & { code?: unknown };
    const code: AnyErrorCode = isKnownCode(data.code)
      ? data.code
      : status === 0
        ? 'NETWORK_ERROR'
        : (STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'UNKNOWN_ERROR'));
    const message = typeof data.message === 'string' ? data.message : `HTTP ${status}`;
    return new ApiError(status, code, message, data.details, data.requestId,
      typeof data.code === 'string' ? data.code : undefined);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
