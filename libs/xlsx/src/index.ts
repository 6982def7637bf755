export * from './csv';
export * from './table-reader';
export * from './sipd-nomenclature';
export * from './pool-statement';
export * from './gap-workbook';
export * from './rad-matrix';
export * from './rad-matrix-reader';
export * from './siskeudes';
