export * from './engine';
export * from './calendar';
