import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { SecretBox } from './secret-box.ts';
import { serviceKey } from './service-key.ts';

describe('secrets kept at rest', () => {
  const box = new SecretBox(() => Buffer.alloc(32, 1));

  it('opens what it sealed, for the same purpose only', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'totp:1');
    assert.ok(!sealed.includes('JBSWY3DPEHPK3PXP'));
    assert.notEqual(box.seal('JBSWY3DPEHPK3PXP', 'totp:1'), sealed, 'a fresh nonce each time');
    assert.equal(box.open(sealed, 'totp:1'), 'JBSWY3DPEHPK3PXP');
    assert.equal(box.open(sealed, 'totp:2'), undefined, 'moved to another account');
    assert.equal(new SecretBox(() => Buffer.alloc(32, 2)).open(sealed, 'totp:1'), undefined, 'another key');
  });

  it('refuses an altered or malformed value rather than throwing', () => {
    const sealed = box.seal('secret', 'totp:1');
    // One bit of the ciphertext changed (the last byte: after the nonce and the tag).
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[bytes.length - 1]! ^= 1;
    const flipped = `v1.${bytes.toString('base64url')}`;
    assert.notEqual(flipped, sealed);
    for (const bad of [flipped, '', 'v1.', 'v2.' + sealed.slice(3), 'v1.AAAA', 'not sealed at all'])
      assert.equal(box.open(bad, 'totp:1'), undefined, bad);
  });

  it('keeps a generated key in the data folder, readable by the service alone, and the same key afterwards', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-key-'));
    try {
      const config = { ...loadConfig({}), dataDir };
      const where = { env: 'CUSTODIAN_TEST_UNSET_KEY', file: 'secret-key' };
      const key = serviceKey(config, where);
      assert.equal(key.length, 32);
      assert.equal(fs.statSync(path.join(dataDir, 'secret-key')).mode & 0o777, 0o600);
      assert.deepEqual(serviceKey(config, where), key);
      process.env.CUSTODIAN_TEST_SET_KEY = 'ab'.repeat(32);
      assert.deepEqual(
        serviceKey(config, { ...where, env: 'CUSTODIAN_TEST_SET_KEY' }),
        Buffer.alloc(32, 0xab),
      );
      process.env.CUSTODIAN_TEST_SET_KEY = 'too short';
      assert.throws(() => serviceKey(config, { ...where, env: 'CUSTODIAN_TEST_SET_KEY' }), /64 hexadecimal/);
    } finally {
      delete process.env.CUSTODIAN_TEST_SET_KEY;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
