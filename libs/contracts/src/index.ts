export * from './errors';
export * from './roles';
export * from './reference';
export * from './admin';
export * from './money';
export * from './plans';
export * from './allocations';
export * from './fund-pools';
