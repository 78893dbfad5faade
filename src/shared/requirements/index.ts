export * from './schema';
export * from './applicable';
