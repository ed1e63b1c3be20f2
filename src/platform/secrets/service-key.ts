import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import { ValidationError } from '../errors.ts';

/**
 * A 32-byte key the service keeps out of the database: from the environment (hex, 32 bytes or more), as servers that
 * share a database must all use the same one, or else generated once and kept in the data directory, readable by the
 * service alone. A key in the database would protect nothing from someone holding a copy of it.
 */
export function serviceKey(config: Config, where: { env: string; file: string }): Buffer {
  const fromEnv = process.env[where.env];
  if (fromEnv) {
    if (!/^[0-9a-f]{64,}$/i.test(fromEnv))
      throw new ValidationError(`${where.env} must be at least 64 hexadecimal characters`);
    return Buffer.from(fromEnv, 'hex');
  }
  const file = path.join(config.dataDir, where.file);
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  } catch {
    fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    const key = randomBytes(32).toString('hex');
    try {
      fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process made it first: theirs is the key.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST')
        return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
      throw error;
    }
    return Buffer.from(key, 'hex');
  }
}
