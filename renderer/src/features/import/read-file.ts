/**
 * A chosen CSV file as the import channels take it: its name and its bytes in base64 (IPC
 * carries JSON). Files over MAX_IMPORT_BYTES are refused here, before they are read, with the
 * core's own IMPORT_TOO_LARGE error, so the user reads the same sentence either way.
 */
import { MAX_IMPORT_BYTES } from '../../../../shared/contract.ts';
import { ApiError } from '../../lib/api.ts';

export interface ChosenFile {
  name: string;
  size: number;
  base64: string;
}

/** The contract allows names up to 255 characters; longer ones keep their end (the extension). */
function importName(name: string): string {
  return name.length <= 255 ? name : `…${name.slice(-254)}`;
}

export function bytesToBase64(bytes: Uint8Array): string {
  // String.fromCharCode takes its arguments on the stack: convert in slices.
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 0x8000) {
    parts.push(String.fromCharCode(...bytes.subarray(start, start + 0x8000)));
  }
  return btoa(parts.join(''));
}

export async function readChosenFile(file: File): Promise<ChosenFile> {
  const name = importName(file.name || 'file.csv');
  if (file.size > MAX_IMPORT_BYTES) {
    throw new ApiError('IMPORT_TOO_LARGE', {
      file: name,
      maxMiB: MAX_IMPORT_BYTES / (1024 * 1024),
    });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { name, size: file.size, base64: bytesToBase64(bytes) };
}
