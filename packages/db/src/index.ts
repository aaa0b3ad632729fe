export * from './entities';
export * from './config';
export * from './database';
export { newId } from './ids';
export { isDatabaseUnavailable } from './errors';
export { TABLE, type TTableName } from './data/tables';
