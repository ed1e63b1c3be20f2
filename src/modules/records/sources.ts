import type { Database, Executor, Tx } from '../../platform/db/database.ts';
import type { Services } from '../../platform/modules.ts';
import type { IsoDate } from '../../domain/calendar/dates.ts';
import type { Trigger } from '../../domain/records/schedule.ts';

/** One record as its source describes it to the schedule: what it is, what it is about, and its dates. */
export interface SourceRecord {
  /** Which part of the source holds it (a discovery source's id), 0 where the source has no parts. */
  scope: number;
  /** Its identity within that: a path, a case id. */
  key: string;
  /** What reviewers see: a case reference, a file's path. */
  title: string;
  /** What classification rules are matched against: a folder path, a case type. */
  selector: string;
  /** The dates of the events it knows, for whichever its class's rule runs from. */
  dates: Partial<Record<Trigger, IsoDate>>;
  directorateId: number | null;
  size: number;
  /** What it is now, in the source's own terms: when it no longer matches, the record has changed since review. */
  fingerprint: string;
}

/** A stored item of the schedule, as a source is asked about it. */
export interface ScheduledRecord {
  id: number;
  scope: number;
  key: string;
  title: string;
  fingerprint: string;
}

/**
 * A place records come from — closed cases, files on a share, later breaches and paper boxes — plugged into the
 * schedule by its own module (`recordSources` in its ModuleDefinition), so the engine never changes for a new one.
 */
export interface RecordSource {
  /** "requests", "files" … stored on every item. */
  name: string;
  /** "Closed requests": what the pages call it. */
  label: string;
  /** The events its records know the dates of: a class of its records may only run from one of these. */
  triggers: readonly Trigger[];
  /** The class every record of this source is in, whatever the rules say (disposal certificates); no rules then. */
  fixedClass?: string;
  /** How a classification rule's selector matches: a folder and everything under it, or one exact value. */
  selectorMatch: 'folder' | 'exact';
  /**
   * The parts a classification rule may name (the discovery sources); one, 0, where the source has no parts. Given
   * the caller's transaction when there is one: on the embedded database a query outside it would wait for it.
   */
  scopes(db: Executor): Promise<{ scope: number; name: string }[]>;
  /** For exact matching, the values a rule may name (the case types). */
  choices?: readonly { value: string; text: string }[];
  /** Every record it holds now, in batches. */
  records(db: Database, batchSize: number): AsyncIterable<SourceRecord[]>;
  /** What a record is now, in the terms of SourceRecord.fingerprint; undefined when it is gone. */
  fingerprint(tx: Tx, item: ScheduledRecord): Promise<string | undefined>;
  /**
   * Destroys a record in the disposal's transaction, leaving its residual stub: `certificate` is the number of the
   * list's certificate, `on` the day. Anything outside the database (a file) is put beyond use here or noted for
   * `afterDisposal`, so a crash never leaves a record half destroyed for good.
   */
  destroy(tx: Tx, item: ScheduledRecord, certificate: string, on: IsoDate): Promise<void>;
  /** How it destroys a record, in a sentence for the certificate. */
  destructionMethod: string;
  /** A record's content for transfer to the record office: its files, named inside the bag. */
  exportForTransfer?(db: Executor, item: ScheduledRecord): Promise<{ name: string; content: Buffer }[]>;
  /** Work left after disposals committed (removing files nothing refers to); run again after a crash. */
  afterDisposal?(db: Database): Promise<void>;
  /** The keys, among these, of records that mention a term: what a hold "by search" holds. */
  matching?(db: Executor, term: string, keys: readonly string[]): Promise<Set<string>>;
}

declare module '../../platform/modules.ts' {
  interface ModuleDefinition {
    /** The places this module's records come from, for the retention schedule (see modules/records). */
    recordSources?: (services: Services) => RecordSource[];
  }
}

/** Every record source of the modules in use. */
export function recordSourcesOf(services: Services): RecordSource[] {
  return services.modules.flatMap((m) => m.recordSources?.(services) ?? []);
}

/** Whether a record is still what was reviewed: the same, changed since, or gone from its source. */
export async function recordState(
  source: RecordSource | undefined,
  tx: Tx,
  item: ScheduledRecord,
  reviewed: string,
): Promise<'same' | 'changed' | 'gone'> {
  const now = source ? await source.fingerprint(tx, item) : undefined;
  return now === undefined ? 'gone' : now === reviewed ? 'same' : 'changed';
}
