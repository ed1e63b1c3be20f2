// A thread that takes digests of files for the duplicate finder. Plain JavaScript, not TypeScript: threads do not
// inherit the TypeScript loader, and registering it costs a tenth of a second a thread, more than a small share takes.
import { createHash, hash } from 'node:crypto';
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';

const CHUNK = 1024 * 1024;
const buffer = Buffer.allocUnsafe(CHUNK);

/**
 * `ends`: a digest of the first and last `edge` bytes (the cheap step, for files over twice that); `whole`: SHA-256 of
 * the file, reading exactly the size the walk saw (as jdupes does: a file that grew is caught by its digest differing
 * from its copies'). Returns the digest and the bytes read, or the error.
 */
function digest(path, size, mode, edge) {
  let fd;
  try {
    fd = fs.openSync(path, 'r');
    if (mode === 'ends') {
      fs.readSync(fd, buffer, 0, edge, 0);
      fs.readSync(fd, buffer, edge, edge, size - edge);
      return { key: `ends:${hash('sha1', buffer.subarray(0, 2 * edge), 'hex')}`, read: 2 * edge };
    }
    // Most files of a share fit one read, and a one-shot digest costs half a hash object's.
    if (size <= CHUNK) {
      const read = fs.readSync(fd, buffer, 0, size, 0);
      return { key: hash('sha256', buffer.subarray(0, read), 'hex'), read };
    }
    const whole = createHash('sha256');
    let read = 0;
    for (let left = size; left > 0;) {
      const n = fs.readSync(fd, buffer, 0, Math.min(CHUNK, left), null);
      if (n === 0) break;
      whole.update(buffer.subarray(0, n));
      read += n;
      left -= n;
    }
    return { key: whole.digest('hex'), read };
  } catch (error) {
    return { error: error.message, read: 0 };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

parentPort.on('message', ({ id, files, mode, edge }) => {
  parentPort.postMessage({ id, results: files.map((f) => digest(f.path, f.size, mode, edge)) });
});
