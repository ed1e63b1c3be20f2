import type { Config } from '../platform/config.ts';
import { serviceKey } from '../platform/secrets/service-key.ts';

/**
 * The key for finding hashes: CUSTODIAN_FINDING_KEY (hex, 32 bytes or more) on servers that share a database, or one
 * generated once and kept in the data directory. Never stored in the database.
 */
export function findingKey(config: Config): Buffer {
  return serviceKey(config, { env: 'CUSTODIAN_FINDING_KEY', file: 'finding-key' });
}
