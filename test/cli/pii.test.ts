import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.ts';
import { walk } from '../../src/discovery/walk/walk.ts';
import { docx, eml, pdf, scannedPage, zipOf } from '../../src/discovery/corpus/formats.ts';

describe('custodian pii --json', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-pii-'));
    fs.mkdirSync(path.join(dir, 'Adults', 'Case notes'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'Adults', 'Case notes', 'visit.txt'),
      'Visit to Mrs Sarah Jones, NHS number 943 476 5919, DOB 14/02/1950.\n',
    );
    fs.writeFileSync(path.join(dir, 'Adults', 'decoy.txt'), 'Invoice 943 476 5918 for 12 boxes.\n');
    fs.writeFileSync(
      path.join(dir, 'contacts.csv'),
      'name,email,phone\nJohn Smith,john.smith@example.com,020 7946 0018\n',
    );
    fs.writeFileSync(path.join(dir, 'photo.png'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    fs.writeFileSync(
      path.join(dir, 'scan.png'),
      scannedPage(['Patient: Mrs Ann Lee', 'NHS number 943 476 5919']),
    );
    fs.symlinkSync(dir, path.join(dir, 'Adults', 'loop'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints one JSON line a file with masked findings, errors beside them, and never the raw values', async () => {
    const res = await runCli(['pii', '--json', dir, path.join(dir, 'missing.txt')]);
    assert.equal(res.code, 0, res.stderr);
    const lines = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const byName = (name: string) => lines.find((l) => l.file.endsWith(name));
    assert.equal(lines.length, 6, 'five files and the missing path; the symbolic link loop is not followed');
    const visit = byName('visit.txt');
    assert.equal(visit.mime, 'text/plain');
    assert.deepEqual(visit.findings.map((f: { type: string }) => f.type).sort(), [
      'DATE_OF_BIRTH',
      'NHS_NUMBER',
      'PERSON_NAME',
    ]);
    const nhs = visit.findings.find((f: { type: string }) => f.type === 'NHS_NUMBER');
    assert.deepEqual(Object.keys(nhs).sort(), ['confidence', 'end', 'masked', 'page', 'start', 'type']);
    assert.equal(nhs.masked, 'NHS ••• ••• 5919');
    assert.deepEqual(byName('decoy.txt').findings, [], 'a number failing its check is not a finding');
    assert.deepEqual(
      byName('contacts.csv')
        .findings.map((f: { type: string }) => f.type)
        .sort(),
      ['EMAIL', 'PERSON_NAME', 'UK_PHONE'],
    );
    assert.match(byName('photo.png').error, /OCR failed: .*png/i, 'a damaged image is named, not fatal');
    assert.deepEqual(
      byName('scan.png')
        .findings.map((f: { type: string }) => f.type)
        .sort(),
      ['NHS_NUMBER', 'PERSON_NAME'],
      'a scanned page is read by OCR',
    );
    assert.equal(byName('missing.txt').error, 'no such file or folder');
    assert.doesNotMatch(res.stdout, /9434765919|943 476 5919|john\.smith@example\.com/);
  });

  it('reports files inside archives and e-mails on lines of their own, pages of PDFs by number', async () => {
    const nested = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-pii-nested-'));
    try {
      const attachment = await docx(['Tenant: Mr John Smith, NINO AB 12 34 56 C']);
      fs.writeFileSync(
        path.join(nested, 'mail.eml'),
        eml({
          subject: 'Arrears',
          body: 'See attached.',
          attachment: { name: 'tenancy.docx', content: attachment },
        }),
      );
      fs.writeFileSync(
        path.join(nested, 'bundle.zip'),
        await zipOf({ 'report.pdf': pdf(['Cover', 'NHS number 943 476 5919']) }),
      );
      const res = await runCli(['pii', '--json', nested]);
      const lines = res.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      const tenancy = lines.find((l) => l.file.endsWith('mail.eml!/tenancy.docx'));
      assert.deepEqual(tenancy.findings.map((f: { type: string }) => f.type).sort(), [
        'PERSON_NAME',
        'UK_NINO',
      ]);
      const report = lines.find((l) => l.file.endsWith('bundle.zip!/report.pdf'));
      assert.equal(report.mime, 'application/pdf');
      assert.deepEqual(
        report.findings.map((f: { type: string; page: number }) => [f.type, f.page]),
        [['NHS_NUMBER', 2]],
      );
    } finally {
      fs.rmSync(nested, { recursive: true, force: true });
    }
  });

  it('walks every regular file once, not following links, and reports paths it cannot open', async () => {
    const entries = [];
    for await (const e of walk([dir, path.join(dir, 'gone')])) entries.push(e);
    const files = entries
      .filter((e) => e.kind === 'file')
      .map((e) => path.basename(e.path))
      .sort();
    assert.deepEqual(files, ['contacts.csv', 'decoy.txt', 'photo.png', 'scan.png', 'visit.txt']);
    assert.deepEqual(
      entries.filter((e) => e.kind === 'error').map((e) => [path.basename(e.path), 'error' in e && e.error]),
      [['gone', 'no such file or folder']],
    );
    const excluded = [];
    for await (const e of walk([dir], { exclude: /Case notes/ })) excluded.push(e);
    assert.ok(!excluded.some((e) => e.path.includes('visit.txt')));
  });
});
