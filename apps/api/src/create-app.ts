import { type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppModule } from './app.module';
import { AppLogger } from './common/app-logger';
import { requestContext } from './common/request-context.middleware';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/config';

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  debug: ['debug', 'log', 'warn', 'error', 'fatal'],
  info: ['log', 'warn', 'error', 'fatal'],
  warn: ['warn', 'error', 'fatal'],
  error: ['error', 'fatal'],
};

/**
 * Builds the whole application (API, OpenAPI document, web app) without listening, so `npm start`
 * and the tests run exactly the same wiring.
 */
export async function createApp(config: AppConfig, databaseUrl: string, options: { logger?: false } = {}): Promise<INestApplication> {
  const logger =
    options.logger === false
      ? false
      : new AppLogger({ json: config.nodeEnv === 'production', logLevels: LEVELS[config.logLevel], prefix: 'Sinergi' });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bodyParser: false,
    logger,
  });
  app.use(requestContext);
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Angular injects component styles as <style> elements.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('urlencoded', { limit: '1mb', extended: false });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Sinergi API')
      .setDescription('Perencanaan dan penganggaran Gugus Tugas PP-TPPO. Uang dalam Rupiah utuh sebagai teks angka ("1250000").')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  serveWebApp(app, config.webDist);
  return app;
}

/** The built Angular app, with index.html for every non-API path so deep links work. */
function serveWebApp(app: NestExpressApplication, webDist: string): void {
  const index = path.join(webDist, 'index.html');
  if (!existsSync(index)) return;
  app.use(express.static(webDist, { index: false, maxAge: '7d', immutable: true, setHeaders: noCacheForHtml }));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/api')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}

function noCacheForHtml(response: Response, filePath: string): void {
  if (filePath.endsWith('.html')) response.setHeader('Cache-Control', 'no-cache');
}
