export { splitFullName, isoDay, isRealDay } from './name';
