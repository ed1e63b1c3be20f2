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
 * Reads the entries of a zip held in memory that `wanted` selects, enforcing the limits as bytes actually arrive (the
 * sizes a header declares are not trusted). Encrypted entries are reported, not read.
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
        if ((entry.generalPurposeBitFlag & 0x1) !== 0)
          return fail(new ZipLimitError('encrypted or password-protected'));
        if (
          entry.uncompressedSize > 1024 * 1024 &&
          entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxRatio
        ) {
          return fail(new ZipLimitError(`compression ratio over ${limits.maxRatio}:1 (a zip bomb?)`));
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(new Error(`damaged entry ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => {
            total += chunk.length;
            if (total > limits.maxTotalBytes) {
              stream.destroy();
              return fail(
                new ZipLimitError(
                  `more than ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB uncompressed`,
                ),
              );
            }
            chunks.push(chunk);
          });
          stream.on('error', (e: Error) => fail(new Error(`damaged entry ${entry.fileName}: ${e.message}`)));
          stream.on('end', () => {
            entries.push({ name: entry.fileName, content: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
