import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from '../platform/config.ts';
import { ValidationError } from '../platform/commands.ts';

/**
 * The key for finding hashes: CUSTODIAN_FINDING_KEY (hex, 32 bytes or more) on servers that share a database, or one
 * generated once and kept in the data directory. Never stored in the database.
 */
export function findingKey(config: Config): Buffer {
  const fromEnv = process.env.CUSTODIAN_FINDING_KEY;
  if (fromEnv) {
    if (!/^[0-9a-f]{64,}$/i.test(fromEnv))
      throw new ValidationError('CUSTODIAN_FINDING_KEY must be at least 64 hexadecimal characters');
    return Buffer.from(fromEnv, 'hex');
  }
  const file = path.join(config.dataDir, 'finding-key');
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  } catch {
    fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    const key = randomBytes(32).toString('hex');
    fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    return Buffer.from(key, 'hex');
  }
}
