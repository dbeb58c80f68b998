const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/**
 * The bytes a zip archive declares it unpacks to, summed over its central directory; undefined when the bytes are not
 * a readable zip. An archive too large for 32-bit sizes (zip64) counts as infinite: no spreadsheet upload needs one.
 */
export function declaredUnpackedBytes(bytes: Buffer): number | undefined {
  const searchFrom = Math.max(0, bytes.length - END_RECORD_SIZE - MAX_COMMENT);
  let end = -1;
  for (let at = bytes.length - END_RECORD_SIZE; at >= searchFrom; at -= 1) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let entry = 0; entry < entries; entry += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return undefined;
    const unpacked = bytes.readUInt32LE(at + 24);
    if (unpacked === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += unpacked;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return total;
}
