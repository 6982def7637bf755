/**
 * Stable error codes of the HTTP contract (API-CONTRACT.md, "Errors"). Clients switch on these,
 * so a code is never renamed; new codes are only added.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_REQUESTS',
  'INSUFFICIENT_FUNDS',
  'UNKNOWN_BUDGET_CODE',
  'IMPORT_INVALID',
  'SHARE_EXCEEDS_LINE',
  'STAGE_OUT_OF_ORDER',
  'NO_APBDES',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one input field (`path` uses dots and indices: `costs.2026`, `items.0.amount`). */
export interface FieldError {
  path: string;
  message: string;
}

/** One problem with one cell or row of an uploaded file. `row` is 1-based as a spreadsheet shows it. */
export interface ImportError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: FieldError[] | ImportError[] | Record<string, unknown>;
  requestId?: string;
}
