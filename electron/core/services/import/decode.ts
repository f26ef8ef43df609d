/**
 * From the bytes of an uploaded spreadsheet export to its text: refuse what is not a text file
 * (an .xlsx is a ZIP, an .xls an OLE container, anything with NUL bytes is binary), then decode
 * it as UTF-8 or Windows-1251 — the two encodings Russian-language spreadsheets are saved in.
 *
 * 'auto' takes UTF-8 when the bytes are valid UTF-8 (a Windows-1251 file with Cyrillic in it
 * practically never is) and Windows-1251 otherwise. A declared encoding is checked, not
 * trusted: UTF-8 must decode cleanly, and a UTF-8 file declared Windows-1251 is recognised by
 * the mojibake it would turn into ("Петров" read as Windows-1251 is "РџРµС‚СЂРѕРІ").
 */
import { MAX_IMPORT_BYTES } from '../../../../shared/contract.ts';
import type { ImportEncoding } from '../../../../shared/import.ts';
import { VaultError } from '../../errors.ts';

export type TextEncoding = Exclude<ImportEncoding, 'auto'>;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
/** PK\x03\x04: a ZIP archive, which is what .xlsx, .ods and .docx files are. */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04] as const;
/** The OLE compound file of legacy .xls and .doc files. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** How the names of encodings read in messages. */
export const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1251': 'Windows-1251',
};

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** base64 → bytes, refusing more than MAX_IMPORT_BYTES. */
export function fileBytes(base64: string, file: string): Uint8Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new VaultError('IMPORT_TOO_LARGE', { file, maxMiB: MAX_IMPORT_BYTES / 1024 / 1024 });
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function isBinary(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, ZIP_SIGNATURE) || startsWith(bytes, OLE_SIGNATURE) || bytes.includes(0x00)
  );
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Whether these bytes look like UTF-8 Cyrillic: most bytes above 0x7F come in pairs of a lead
 * byte D0/D1 (read as Windows-1251: "Р", "С") and a continuation byte 80–BF (read as
 * Windows-1251: "џ", "µ", "‚", "ѕ" …), which real Windows-1251 text hardly ever has.
 */
export function looksLikeUtf8Cyrillic(bytes: Uint8Array): boolean {
  let high = 0;
  let pairs = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x80) continue;
    high++;
    const next = bytes[i + 1] ?? 0;
    if ((byte === 0xd0 || byte === 0xd1) && next >= 0x80 && next <= 0xbf) {
      pairs++;
      high++;
      i++;
    }
  }
  return pairs >= 2 && (pairs * 2) / high >= 0.6;
}

export interface DecodedFile {
  text: string;
  encoding: TextEncoding;
}

export function decodeFile(bytes: Uint8Array, declared: ImportEncoding, file: string): DecodedFile {
  if (isBinary(bytes)) throw new VaultError('IMPORT_NOT_TEXT', { file });
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  if (declared === 'windows-1251') {
    if (looksLikeUtf8Cyrillic(body)) {
      throw new VaultError('IMPORT_ENCODING', { file, encoding: ENCODING_NAMES[declared] });
    }
    return { text: new TextDecoder('windows-1251').decode(body), encoding: declared };
  }
  const utf8 = decodeUtf8(body);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  if (declared === 'utf-8') {
    throw new VaultError('IMPORT_ENCODING', { file, encoding: ENCODING_NAMES['utf-8'] });
  }
  return { text: new TextDecoder('windows-1251').decode(body), encoding: 'windows-1251' };
}
