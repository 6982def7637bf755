import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ErrorBody, ErrorCode } from '@sinergi/contracts';
import { DomainError } from '@sinergi/domain';
import type { Request, Response } from 'express';
import { statusForCode } from './error-status';

const CODE_FOR_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

interface BodyParserError {
  type?: string;
  status?: number;
  code?: string;
  message?: string;
}

/**
 * Every error leaves the API in the contract's shape `{ statusCode, code, message, details? }`.
 * Known errors are mapped by code; anything else is a 500 that says nothing about internals and is
 * logged with the request id so an operator can find it.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception, request);
    body.requestId = request.id;
    if (body.statusCode >= 500) {
      this.logger.error(
        `${request.method} ${request.originalUrl} failed [${request.id}]`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request): ErrorBody {
    if (exception instanceof DomainError) {
      const body: ErrorBody = { statusCode: statusForCode(exception.code), code: exception.code, message: exception.message };
      if (exception.details !== undefined) body.details = exception.details;
      return body;
    }
    const raw = exception as BodyParserError;
    if (raw?.type === 'entity.parse.failed') {
      return {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Isi permintaan bukan JSON yang valid',
        details: [{ path: 'body', message: 'JSON tidak valid' }],
      };
    }
    if (raw?.type === 'entity.too.large' || raw?.code === 'LIMIT_FILE_SIZE') {
      return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Berkas atau isi permintaan terlalu besar' };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = CODE_FOR_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED');
      if (status === 404) {
        return { statusCode: 404, code: 'NOT_FOUND', message: `Tidak ada rute ${request.method} ${request.path}` };
      }
      if (status === 413) return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Berkas atau isi permintaan terlalu besar' };
      if (status === 400) {
        // Nest turns body-parser's SyntaxError into a bare 400; multer's field errors arrive the same way.
        const json = /JSON|Unexpected token|Expected/.test(exception.message);
        return {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: json ? 'Isi permintaan bukan JSON yang valid' : exception.message,
          details: [{ path: json ? 'body' : 'file', message: json ? 'JSON tidak valid' : exception.message }],
        };
      }
      return { statusCode: status, code, message: status >= 500 ? 'Terjadi kesalahan pada server' : exception.message };
    }
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Terjadi kesalahan pada server' };
  }
}
