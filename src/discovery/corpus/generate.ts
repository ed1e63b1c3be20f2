import fs from 'node:fs';
import path from 'node:path';
import { SeededRandom } from '../../domain/shared/random.ts';
import { FIRST_NAMES, SURNAMES } from '../../domain/pii/lexicon.ts';
import type { RotReason } from '../../domain/discovery/rot.ts';
import { docx, eml, msg, odt, pdf, rtf, scannedPage, xlsx, zipOf, type Message } from './formats.ts';
import * as ids from './identifiers.ts';
import type { Planted } from './identifiers.ts';

/**
 * A realistic council file share from a seed, with its ground truth: directorate folders of letters, case notes,
 * spreadsheets, e-mails (.eml and Outlook .msg), minutes and scanned letters in every format the pipeline reads;
 * identifiers planted valid (recorded) and as decoys that break their checks (must not be found); exact and near
 * copies; old, empty, system and temporary files. The same seed gives the same files on every machine.
 */
export interface CorpusOptions {
  out: string;
  files: number;
  seed: number;
  /** Share of files that are scanned page images (OCR is slow; a real share has few). */
  scans?: number;
  /** "Now" for ages; files older than six years before it are planted as stale. */
  now?: Date;
}

export interface ManifestEntry {
  /** Relative to the corpus's `files` folder, with forward slashes. */
  path: string;
  format: Format;
  /** Valid identifiers in the file (and inside its attachments), as the detectors should report them. */
  planted: { type: Planted['type']; normalised: string }[];
  /** Identifier-shaped values that fail their checks. */
  decoys: number;
  duplicateOf?: string;
  nearDuplicateOf?: string;
  rot: RotReason[];
}

export interface CorpusSummary {
  seed: number;
  files: number;
  bytes: number;
  byFormat: Record<string, number>;
  planted: Record<string, number>;
  decoys: number;
  duplicates: number;
  nearDuplicates: number;
}

type Format =
  'txt' | 'csv' | 'html' | 'pdf' | 'docx' | 'xlsx' | 'odt' | 'rtf' | 'eml' | 'msg' | 'zip' | 'png' | 'jpg';

const FORMAT_WEIGHTS: [Format, number][] = [
  ['txt', 16],
  ['csv', 7],
  ['html', 6],
  ['pdf', 14],
  ['docx', 16],
  ['xlsx', 7],
  ['odt', 3],
  ['rtf', 4],
  ['eml', 14],
  ['msg', 6],
  ['zip', 2],
];

const DIRECTORATES: Record<string, string[]> = {
  'Adult Social Care': ['Assessments', 'Care packages', 'Safeguarding'],
  'Children and Families': ['Referrals', 'SEN and EHCP', 'Fostering'],
  Housing: ['Applications', 'Repairs', 'Homelessness'],
  'Revenues and Benefits': ['Council tax', 'Housing benefit', 'Direct debits'],
  Place: ['Planning', 'Highways', 'Licensing'],
  Resources: ['HR', 'Finance', 'Legal'],
  'Democratic Services': ['Committee minutes', 'Members', 'Elections'],
};

const FIRST = [...FIRST_NAMES].map((n) => n[0]!.toUpperCase() + n.slice(1));
const LAST = [...SURNAMES].map((n) => n[0]!.toUpperCase() + n.slice(1));
const STREETS = ['Mill Lane', 'Church Road', 'High Street', 'Station Road', 'Park Avenue', 'Victoria Street'];

interface Person {
  title: string;
  first: string;
  last: string;
  female: boolean;
}

/** One document's words and what was planted in them. */
interface Draft {
  title: string;
  lines: string[];
  planted: Planted[];
  decoys: number;
  /** For e-mails: sender and recipient. */
  from?: string;
  to?: string;
}

export async function generateCorpus(options: CorpusOptions): Promise<CorpusSummary> {
  const random = new SeededRandom(options.seed);
  const now = options.now ?? new Date('2026-11-25T12:00:00Z');
  const root = path.join(options.out, 'files');
  fs.mkdirSync(root, { recursive: true });
  const manifest = fs.createWriteStream(path.join(options.out, 'manifest.jsonl'));
  const summary: CorpusSummary = {
    seed: options.seed,
    files: 0,
    bytes: 0,
    byFormat: {},
    planted: {},
    decoys: 0,
    duplicates: 0,
    nearDuplicates: 0,
  };
  const folders = folderList(options.files);
  // Originals that copies can be made of: the last few hundred, so memory stays flat on large corpora.
  const originals: { entry: ManifestEntry; draft: Draft; bytes: Buffer }[] = [];
  const write = async (entry: ManifestEntry, bytes: Buffer, mtime: Date) => {
    const file = path.join(root, entry.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
    fs.utimesSync(file, mtime, mtime);
    summary.files += 1;
    summary.bytes += bytes.length;
    summary.byFormat[entry.format] = (summary.byFormat[entry.format] ?? 0) + 1;
    for (const p of entry.planted) summary.planted[p.type] = (summary.planted[p.type] ?? 0) + 1;
    summary.decoys += entry.decoys;
    if (!manifest.write(`${JSON.stringify(entry)}\n`))
      await new Promise<void>((r) => manifest.once('drain', () => r()));
  };
  const scans = options.scans ?? 0.005;
  for (let i = 0; i < options.files; i++) {
    const folder = random.pick(folders);
    const roll = random.next();
    const old = random.chance(0.05);
    const mtime = old ? dateBetween(random, 2009, 2018) : dateBetween(random, 2021, 2026, now);
    const stale: RotReason[] = mtime < sixYearsBefore(now) ? ['stale'] : [];
    if (roll < 0.01) {
      await write(
        { path: `${folder}/notes-${i}.txt`, format: 'txt', planted: [], decoys: 0, rot: ['empty', ...stale] },
        Buffer.alloc(0),
        mtime,
      );
      continue;
    }
    const systemName = random.pick(['Thumbs.db', 'desktop.ini', '.DS_Store']);
    // A folder holds one of each system file; a second would overwrite the first.
    if (roll < 0.015 && !fs.existsSync(path.join(root, folder, systemName))) {
      const name = systemName;
      const bytes = Buffer.from(`[.ShellClassInfo]\r\nIconResource=${i}\r\n`);
      await write(
        { path: `${folder}/${name}`, format: 'txt', planted: [], decoys: 0, rot: ['system-file', ...stale] },
        bytes,
        mtime,
      );
      continue;
    }
    if (roll < 0.02) {
      const bytes = Buffer.from(`Owner file ${i}`);
      await write(
        {
          path: `${folder}/~$draft-${i}.docx`,
          format: 'txt',
          planted: [],
          decoys: 0,
          rot: ['temporary-file', ...stale],
        },
        bytes,
        mtime,
      );
      continue;
    }
    if (roll < 0.06 && originals.length) {
      const original = random.pick(originals);
      const ext = path.extname(original.entry.path);
      const copyPath = `${folder}/Copy of ${path.basename(original.entry.path, ext)}-${i}${ext}`;
      summary.duplicates += 1;
      await write(
        {
          ...original.entry,
          path: copyPath,
          duplicateOf: original.entry.path,
          nearDuplicateOf: undefined,
          rot: ['duplicate', ...stale],
        },
        original.bytes,
        mtime,
      );
      continue;
    }
    if (roll < 0.08 && originals.length) {
      const original = random.pick(originals.filter((o) => o.draft.lines.join(' ').length > 600));
      if (original) {
        const draft = revise(original.draft, random);
        const format = original.entry.format;
        const bytes = await render(format, draft, random);
        summary.nearDuplicates += 1;
        await write(
          {
            path: `${folder}/${slug(draft.title)}-revised-${i}.${format}`,
            format,
            planted: truth(draft),
            decoys: draft.decoys,
            nearDuplicateOf: original.entry.path,
            rot: ['near-duplicate', ...stale],
          },
          bytes,
          mtime,
        );
        continue;
      }
    }
    const format: Format = random.chance(scans)
      ? random.pick(['png', 'jpg'] as const)
      : weighted(random, FORMAT_WEIGHTS);
    const draft = compose(random, folder, format, i);
    const bytes = await render(format, draft, random);
    const entry: ManifestEntry = {
      path: `${folder}/${slug(draft.title)}.${format}`, // the title carries the file's number
      format,
      planted: truth(draft),
      decoys: draft.decoys,
      rot: [...(draft.title.startsWith('Automatic reply') ? (['out-of-office'] as const) : []), ...stale],
    };
    await write(entry, bytes, mtime);
    if (format !== 'png' && format !== 'jpg') {
      originals.push({ entry, draft, bytes });
      if (originals.length > 300) originals.splice(random.int(0, 299), 1);
    }
  }
  await new Promise<void>((resolve, reject) =>
    manifest.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
  fs.writeFileSync(path.join(options.out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

/** Reads a corpus's manifest back, one entry at a time. */
export async function* readManifest(out: string): AsyncGenerator<ManifestEntry> {
  let rest = '';
  for await (const chunk of fs.createReadStream(path.join(out, 'manifest.jsonl'), 'utf8')) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const line of lines) if (line) yield JSON.parse(line) as ManifestEntry;
  }
  if (rest) yield JSON.parse(rest) as ManifestEntry;
}

const truth = (draft: Draft) => draft.planted.map((p) => ({ type: p.type, normalised: p.normalised }));

/** Folders: each directorate's teams, split into years and, for big corpora, numbered batches of about 200 files. */
function folderList(files: number): string[] {
  const teams = Object.entries(DIRECTORATES).flatMap(([d, ts]) => ts.map((t) => `${d}/${t}`));
  const batches = Math.max(1, Math.ceil(files / 200 / teams.length / 3));
  return teams.flatMap((t) =>
    ['2023', '2024', '2025'].flatMap((y) =>
      Array.from({ length: batches }, (_, b) =>
        batches > 1 ? `${t}/${y}/Batch ${String(b + 1).padStart(3, '0')}` : `${t}/${y}`,
      ),
    ),
  );
}

function weighted<T>(random: SeededRandom, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = random.next() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1]![0];
}

function dateBetween(random: SeededRandom, from: number, to: number, cap?: Date): Date {
  const start = Date.UTC(from, 0, 1);
  const end = Math.min(Date.UTC(to, 11, 31), cap ? cap.getTime() - 86_400_000 : Infinity);
  return new Date(Math.floor(start + random.next() * (end - start)));
}

function sixYearsBefore(now: Date): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - 6);
  return d;
}

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

function person(random: SeededRandom): Person {
  const female = random.chance(0.5);
  return {
    female,
    title: female ? random.pick(['Mrs', 'Ms', 'Miss']) : 'Mr',
    first: random.pick(FIRST),
    last: random.pick(LAST),
  };
}

/** Sentences built from parts, so unrelated documents share little wording (as real correspondence does). */
const OPENINGS = [
  'Following our visit on',
  'As discussed at the meeting held on',
  'Further to your letter dated',
  'In response to the review completed on',
  'Thank you for the information received on',
  'After the panel met on',
];
const MIDDLES = [
  'officers reviewed the information held and considered the options available',
  'the team assessed the evidence provided and the views of the other agencies involved',
  'the service agreed a plan with the family and partners in health and education',
  'we checked the account and the payments recorded against it',
  'the case was discussed with the manager and the duty social worker',
  'the application was assessed against the published allocation policy',
  'the repair was inspected and the contractor asked to return',
  'the request was logged and passed to the team responsible',
];
const CLOSINGS = [
  'and will write again within twenty working days.',
  'and the outcome will be reviewed at the next scheduled meeting.',
  'so please keep this letter for your records.',
  'and further details can be found on the council website.',
  'and we have updated our records accordingly.',
  'subject to budget approval at full council in March.',
];

function sentence(random: SeededRandom): string {
  const day = `${random.int(1, 28)} ${random.pick(['January', 'March', 'May', 'July', 'September', 'November'])} ${random.int(2021, 2025)}`;
  return `${random.pick(OPENINGS)} ${day}, ${random.pick(MIDDLES)} ${random.pick(CLOSINGS)}`;
}

/** A document of the kind a team in this folder keeps, with identifiers planted and decoys beside them. */
function compose(random: SeededRandom, folder: string, format: Format, n: number): Draft {
  const who = person(random);
  const officer = person(random);
  const planted: Planted[] = [];
  let decoys = 0;
  const plant = (p: Planted) => (planted.push(p), p.text);
  const decoy = (text: string) => ((decoys += 1), text);
  const lines: string[] = [];
  const address = () => {
    const pc = ids.postcode(random);
    return `${random.int(1, 199)} ${random.pick(STREETS)}, Kingsmere, postcode ${plant(pc)}`;
  };
  const team = folder.split('/')[1] ?? 'Services';
  const kinds = identifierKinds(team);
  const title = `${team} ${random.pick(['letter', 'case note', 'record', 'review', 'summary'])} ${n}`;
  lines.push(`Kingsmere Borough Council — ${team}`);
  lines.push(`Re: ${who.title} ${who.first} ${who.last}`);
  lines.push(address());
  for (const kind of kinds) {
    if (!random.chance(0.55)) continue;
    switch (kind) {
      case 'nhs':
        lines.push(`NHS number: ${plant(ids.nhsNumber(random))}`);
        if (random.chance(0.4))
          lines.push(`Old hospital reference ${decoy(ids.nhsDecoy(random))} (superseded)`);
        break;
      case 'nino':
        lines.push(`National Insurance number: ${plant(ids.nino(random))}`);
        if (random.chance(0.4)) lines.push(`Form reference ${decoy(ids.ninoDecoy(random))}`);
        break;
      case 'card':
        lines.push(`Card used for payment: ${plant(ids.paymentCard(random))}`);
        if (random.chance(0.4)) lines.push(`Transaction ${decoy(ids.paymentCardDecoy(random))}`);
        break;
      case 'iban':
        lines.push(`Refund to IBAN ${plant(ids.iban(random))}`);
        if (random.chance(0.4)) lines.push(`Rejected IBAN ${decoy(ids.ibanDecoy(random))}`);
        break;
      case 'utr':
        lines.push(`Self-assessment UTR ${plant(ids.utr(random))}`);
        if (random.chance(0.4))
          lines.push(`UTR quoted by the applicant ${decoy(ids.utrDecoy(random))} (does not check)`);
        break;
      case 'licence':
        lines.push(
          `Driving licence number ${plant(ids.drivingLicence(random, who.last, who.first, who.female))}`,
        );
        break;
      case 'phone':
        lines.push(`Telephone ${plant(ids.phone(random))}`);
        if (random.chance(0.3))
          lines.push(
            `Mobile ${decoy(`07700 900${String(random.int(0, 999)).padStart(3, '0')}`)} (number unobtainable)`,
          );
        break;
      case 'email':
        lines.push(`Contact e-mail ${plant(ids.email(who.first, who.last, random))}`);
        break;
    }
  }
  const sentences = random.int(3, 9);
  for (let s = 0; s < sentences; s++) lines.push(sentence(random));
  lines.push(`Yours sincerely, ${officer.first} ${officer.last}, ${team} Officer`);
  const draft: Draft = { title, lines, planted, decoys };
  if (format === 'eml' || format === 'msg') {
    const from = ids.email(officer.first, officer.last, random);
    const to = ids.email(who.first, who.last, random);
    planted.push(from, to);
    draft.from = `${officer.first} ${officer.last} <${from.text}>`;
    draft.to = `${who.first} ${who.last} <${to.text}>`;
    if (random.chance(0.04)) draft.title = `Automatic reply: ${title}`;
  }
  return draft;
}

/** Which identifiers a team's documents carry. */
function identifierKinds(team: string): string[] {
  const common = ['phone', 'email'];
  if (/Assessments|Care|Safeguarding|Referrals|SEN|Fostering/.test(team)) return ['nhs', 'nino', ...common];
  if (/Council tax|Housing benefit|Direct debits|Finance/.test(team))
    return ['nino', 'card', 'iban', 'utr', ...common];
  if (/Licensing|Highways/.test(team)) return ['licence', ...common];
  if (/HR|Legal/.test(team)) return ['nino', 'iban', 'nhs', ...common];
  if (/Applications|Repairs|Homelessness/.test(team)) return ['nino', 'nhs', ...common];
  return common;
}

/** A near copy: the same document with a word added, as a corrected draft saved under another name is. */
function revise(draft: Draft, random: SeededRandom): Draft {
  const lines = [...draft.lines];
  const at = random.int(3, lines.length - 2);
  lines[at] = `${lines[at]} (amended)`;
  return { ...draft, lines };
}

async function render(format: Format, draft: Draft, random: SeededRandom): Promise<Buffer> {
  const text = [draft.title, ...draft.lines].join('\n');
  switch (format) {
    case 'txt':
      return Buffer.from(`${text}\n`);
    case 'csv':
      return Buffer.from(
        `field,value\n${[draft.title, ...draft.lines].map((l, i) => `${i},"${l.replace(/"/g, '""')}"`).join('\n')}\n`,
      );
    case 'html':
      return Buffer.from(
        `<!doctype html><html><head><title>${escapeHtml(draft.title)}</title></head><body><h1>${escapeHtml(draft.title)}</h1>${draft.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</body></html>`,
      );
    case 'pdf': {
      const all = [draft.title, ...draft.lines];
      const pages = all.length > 12 ? [all.slice(0, 10), all.slice(10)] : [all];
      return pdf(pages);
    }
    case 'docx':
      return docx([draft.title, ...draft.lines]);
    case 'odt':
      return odt([draft.title, ...draft.lines]);
    case 'rtf':
      return rtf([draft.title, ...draft.lines], 'Kingsmere Borough Council');
    case 'xlsx':
      return xlsx([['Item', 'Detail'], ...[draft.title, ...draft.lines].map((l, i) => [`Row ${i + 1}`, l])]);
    case 'eml':
    case 'msg': {
      const message: Message = {
        subject: draft.title,
        body: draft.lines.join('\n'),
        from: draft.from,
        to: draft.to,
      };
      return format === 'eml' ? eml(message) : msg(message);
    }
    case 'zip':
      return zipOf({
        [`${slug(draft.title)}.txt`]: `${text}\n`,
        'readme.txt': 'Archived by the records team.',
      });
    case 'png':
    case 'jpg':
      return scannedPage([draft.title, ...draft.lines].slice(0, 14), {
        format: format === 'png' ? 'png' : 'jpeg',
        skew: (random.next() - 0.5) * 0.01,
      });
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}
