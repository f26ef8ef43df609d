/**
 * Small helpers the disclosure screens share: a fingerprint in groups to read out, a package
 * file read for the channels, and field lists in words.
 */
import type { TFunction } from 'i18next';
import { MAX_PACKAGE_BYTES, type ShareField } from '../../../../shared/share.ts';
import type { RecipientKind } from '../../../../shared/share-review.ts';
import { bytesToBase64 } from '../import/read-file.ts';
import { listOf } from '../risk-assessment/describe.ts';

export { formatDateTime } from '../audit/format.ts';

/**
 * A fingerprint as groups to read out on the phone: the core's own groups when it has spaces,
 * dashes or colons in it, otherwise groups of four characters.
 */
export function fingerprintGroups(fingerprint: string): string[] {
  const parts = fingerprint
    .trim()
    .split(/[\s:-]+/)
    .filter((part) => part !== '');
  if (parts.length !== 1) return parts;
  const [compact = ''] = parts;
  const groups: string[] = [];
  for (let start = 0; start < compact.length; start += 4)
    groups.push(compact.slice(start, start + 4));
  return groups;
}

/**
 * A recipient as the user reads it: the log stores the organisation's own leadership as the
 * kind "internal" (label "internal"), which is worded in the user's language; a partner or
 * a publication keeps the name it had when it received the output.
 */
export function recipientName(t: TFunction, kind: RecipientKind, label: string): string {
  return kind === 'internal' ? t('ui.disclosures.recipientKind.internal') : label;
}

/** "Sphere, Region and Position" in the user's language. */
export function fieldList(t: TFunction, fields: readonly ShareField[], language: string): string {
  return listOf(
    fields.map((field) => t(`ui.disclosures.shareField.${field}`)),
    language,
  );
}

export interface PackageFile {
  name: string;
  size: number;
  base64: string;
}

/** The contract allows names up to 255 characters; longer ones keep their end (the extension). */
function packageName(name: string): string {
  return name.length <= 255 ? name : `…${name.slice(-254)}`;
}

/** Thrown by readPackageFile for a file over MAX_PACKAGE_BYTES (it is not read). */
export class PackageTooLarge extends Error {
  readonly file: string;
  constructor(file: string) {
    super('package too large');
    this.name = 'PackageTooLarge';
    this.file = file;
  }
}

export const MAX_PACKAGE_MIB = MAX_PACKAGE_BYTES / (1024 * 1024);

/** A chosen package file as the package channels take it: its name and bytes in base64. */
export async function readPackageFile(file: File): Promise<PackageFile> {
  const name = packageName(file.name || 'package.confidant-share');
  if (file.size > MAX_PACKAGE_BYTES) throw new PackageTooLarge(name);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { name, size: file.size, base64: bytesToBase64(bytes) };
}
