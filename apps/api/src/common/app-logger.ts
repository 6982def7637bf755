import { ConsoleLogger } from '@nestjs/common';

/**
 * Nest announces every module and route it wires at `log` level: some sixty lines that bury the
 * lines a person starting Sinergi needs (the URL, the demo accounts, a migration that ran). Below
 * `debug` those wiring messages are left out; with LOG_LEVEL=debug they are all there.
 */
const WIRING = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

export class AppLogger extends ConsoleLogger {
  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (typeof context === 'string' && WIRING.has(context) && !this.isLevelEnabled('debug')) return;
    super.log(message, ...(rest as [string]));
  }
}
