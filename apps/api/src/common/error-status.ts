import type { ErrorCode } from '@sinergi/contracts';

/** The one mapping from error code to HTTP status. Exhaustive: a new code will not compile until placed. */
export function statusForCode(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'INSUFFICIENT_FUNDS':
    case 'UNKNOWN_BUDGET_CODE':
    case 'IMPORT_INVALID':
    case 'SHARE_EXCEEDS_LINE':
    case 'STAGE_OUT_OF_ORDER':
    case 'NO_APBDES':
      return 422;
    case 'TOO_MANY_REQUESTS':
      return 429;
    case 'INTERNAL_ERROR':
      return 500;
    case 'SERVICE_UNAVAILABLE':
      return 503;
  }
}
