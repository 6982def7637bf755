export * from './workflow';
export * from './rules';
export * from './snapshot';
