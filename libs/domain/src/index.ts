export * from './domain-error';
export * from './money';
export * from './region-code';
export * from './budget-codes';
export * from './search-text';
export * from './access';
export * from './catalog-rows';
export * from './plan';
