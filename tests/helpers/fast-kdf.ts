import type { Argon2Params } from '../../electron/core/crypto/kdf.ts';

/**
 * Argon2id parameters for tests that create many vaults: still Argon2id through the worker,
 * but 64 KiB and one pass instead of 256 MiB and three. Tests of the defaults use the defaults.
 */
export const FAST_KDF: Argon2Params = { opslimit: 1, memlimit: 64 * 1024 };
