/**
 * What a share package carries inside its encryption (crypto/share-package.ts seals the
 * bytes): JSON, checked with zod on the way in like any other input, because a package comes
 * from outside even when its seal is good.
 */
import { z } from 'zod';
import { MAX_SHARE_PERSONS, packagedPerson } from '../../../../shared/share.ts';
import { VaultError } from '../../errors.ts';
import type { ShareDocument } from './document.ts';

export const PAYLOAD_FORMAT = 1;

export const packagePayload = z.strictObject({
  format: z.literal(PAYLOAD_FORMAT),
  createdAt: z.iso.datetime(),
  /** Who made it (the reviewing leader), as the sender wrote it: shown, not trusted. */
  from: z.string().trim().min(1).max(200),
  purpose: z.string().trim().min(1).max(500),
  persons: z.array(packagedPerson).min(1).max(MAX_SHARE_PERSONS),
  withheldCount: z.number().int().min(0).max(MAX_SHARE_PERSONS),
});
export type PackagePayload = z.output<typeof packagePayload>;

export function encodePayload(document: ShareDocument): Uint8Array {
  const payload: PackagePayload = {
    format: PAYLOAD_FORMAT,
    createdAt: document.createdAt,
    from: document.reviewedBy,
    purpose: document.purpose,
    persons: document.entries.map(({ decision: _decision, ...person }) => person),
    withheldCount: document.withheld,
  };
  return new TextEncoder().encode(JSON.stringify(payload));
}

/** A payload that opened (so it came sealed) but does not read as one is damaged. */
export function decodePayload(bytes: Uint8Array, file: string): PackagePayload {
  try {
    const parsed = packagePayload.safeParse(
      JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)),
    );
    if (parsed.success) return parsed.data;
  } catch {
    // Not UTF-8 or not JSON: damaged, as below.
  }
  throw new VaultError('PACKAGE_DAMAGED', { file });
}
