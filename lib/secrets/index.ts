export { sealSecret, openSecret, maskKey, keyHint, forgetVaultKeyForTests } from './vault';
