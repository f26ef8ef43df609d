/**
 * The channel names of shared/contract.ts as a plain list, for the preload: it needs only
 * names, and importing the contract would bundle zod into the sandboxed preload.
 * tests/unit/contract.test.ts checks this list against the contract, both ways.
 */
export const CHANNEL_NAMES = [
  'app:info',
  'app:setLanguage',
  'vault:status',
  'vault:prepareCreate',
  'vault:finishCreate',
  'vault:cancelCreate',
  'vault:unlock',
  'vault:lock',
  'vault:changePassphrase',
  'settings:get',
  'settings:update',
  'dialog:chooseNewVaultPath',
  'dialog:chooseExistingVault',
] as const;

export const VAULT_LOCKED_EVENT = 'event:vault-locked';
