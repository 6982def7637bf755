export * from './csv';
export * from './table-reader';
