export { failureDelayMs, lock, removePassphrase, requireAdmin, securityStatus, setPassphrase, unlock, MIN_PASSPHRASE_LENGTH, UNLOCK_MINUTES, type SecurityStatus } from './passphrase';
