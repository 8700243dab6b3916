export { splitFullName, isoDay } from './name';
