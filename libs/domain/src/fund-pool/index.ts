export * from './ledger';
export * from './drawdown';
