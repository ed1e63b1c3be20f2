import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';

/** Limits that keep a hostile archive (a zip bomb) from exhausting memory or time. */
export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** Largest uncompressed:compressed ratio accepted for an entry over 1 MB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 256 * 1024 * 1024,
  maxRatio: 200,
};

export class ZipLimitError extends Error {}

export interface ZipEntry {
  name: string;
  content: Buffer;
}

/**
 * Reads the entries of a zip held in memory that `wanted` selects. yauzl reads the central directory; each entry is
 * then inflated at once, in this thread (zlib's streams would hop through the shared I/O pool for every chunk), into
 * no more than the size its header declares and the total allows — so a header that lies about its size cannot make
 * it inflate more (a zip bomb), and one that disagrees with its data is damage. Encrypted entries are reported, not
 * read.
 */
export function readZip(
  bytes: Buffer,
  wanted: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(new Error(`not a readable zip: ${error?.message ?? 'unknown'}`));
      const entries: ZipEntry[] = [];
      let seen = 0;
      let total = 0;
      const fail = (e: Error) => {
        zip.close();
        reject(e);
      };
      zip.on('error', (e: Error) => fail(new Error(`damaged zip: ${e.message}`)));
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        seen += 1;
        if (seen > limits.maxEntries)
          return fail(new ZipLimitError(`more than ${limits.maxEntries} entries`));
        if (entry.fileName.endsWith('/') || !wanted(entry.fileName)) return zip.readEntry();
        try {
          const content = entryContent(bytes, entry, limits, total);
          total += content.length;
          entries.push({ name: entry.fileName, content });
        } catch (e) {
          return fail(e as Error);
        }
        zip.readEntry();
      });
      zip.readEntry();
    });
  });
}

const LOCAL_HEADER = 0x04034b50;

/** One entry's bytes, inflated within the limits; `before` is what earlier entries took of the total. */
function entryContent(bytes: Buffer, entry: yauzl.Entry, limits: ZipLimits, before: number): Buffer {
  if ((entry.generalPurposeBitFlag & 0x1) !== 0) throw new ZipLimitError('encrypted or password-protected');
  const declared = entry.uncompressedSize;
  if (declared > 1024 * 1024 && declared / Math.max(1, entry.compressedSize) > limits.maxRatio)
    throw new ZipLimitError(`compression ratio over ${limits.maxRatio}:1 (a zip bomb?)`);
  if (before + declared > limits.maxTotalBytes)
    throw new ZipLimitError(`more than ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB uncompressed`);
  const header = entry.relativeOffsetOfLocalHeader;
  if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== LOCAL_HEADER)
    throw new Error(`damaged entry ${entry.fileName}`);
  const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new Error(`damaged entry ${entry.fileName}: cut short`);
  let content: Buffer;
  if (entry.compressionMethod === 0) content = data;
  else if (entry.compressionMethod === 8) {
    try {
      // One byte more than declared is allowed through, so that an entry larger than its header says is caught.
      content = inflateRawSync(data, { maxOutputLength: Math.max(1, declared + 1) });
    } catch (e) {
      const tooLong = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
      throw new Error(
        `damaged entry ${entry.fileName}: ${tooLong ? 'larger than its header says' : (e as Error).message}`,
        { cause: e },
      );
    }
  } else throw new Error(`damaged entry ${entry.fileName}: compression method ${entry.compressionMethod}`);
  if (content.length !== declared)
    throw new Error(`damaged entry ${entry.fileName}: ${content.length} bytes, not the ${declared} declared`);
  return content;
}
