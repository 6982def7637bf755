export * from './stages';
export * from './split';
export * from './input';
export * from './warnings';
