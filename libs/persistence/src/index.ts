export * from './entities';
export * from './data-source';
export * from './naming-strategy';
export * from './money-transformer';
export { MIGRATIONS } from './migrations';
export * from './embedded-cluster';
export * from './repositories/catalog.store';
export * from './repositories/reference.queries';
export * from './repositories/plan.queries';
