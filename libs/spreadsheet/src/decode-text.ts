import iconv from 'iconv-lite';
import type { TextEncodingName } from './table.js';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a text file as Russian schools' systems and Excel write them: UTF-8 with or without a BOM, UTF-16LE with a
 * BOM (Excel's "Unicode text"), and otherwise windows-1251 — bytes that are not valid UTF-8 are taken for it.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, UTF8_BOM)) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(UTF8_BOM.length)), encoding: 'utf-8' };
  }
  if (startsWith(bytes, UTF16LE_BOM)) {
    return { text: iconv.decode(bytes.subarray(UTF16LE_BOM.length), 'utf16le'), encoding: 'utf-16le' };
  }
  if (isValidUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  return { text: iconv.decode(bytes, 'win1251'), encoding: 'windows-1251' };
}
