import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const logger = new Logger('Http');

/**
 * Gives every request an id (kept from `X-Request-Id` when a proxy set a sane one) and writes one
 * structured log line when the response finishes: method, path, status, duration, user.
 * Registered as the very first Express middleware so that even a body the JSON parser refuses
 * gets an id in its error response.
 */
export function requestContext(request: Request & { id?: string; user?: { id: string } }, response: Response, next: NextFunction): void {
  const incoming = request.header('x-request-id');
  request.id = incoming && /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', request.id);
  const started = process.hrtime.bigint();
  response.on('finish', () => {
    if (!request.originalUrl.startsWith('/api')) return;
    const ms = Number((process.hrtime.bigint() - started) / 1000n) / 1000;
    logger.log(
      JSON.stringify({
        requestId: request.id,
        method: request.method,
        path: request.originalUrl.split('?')[0],
        status: response.statusCode,
        ms,
        userId: request.user?.id,
      }),
    );
  });
  next();
}
