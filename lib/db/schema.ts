import Dexie, { type EntityTable } from 'dexie';
import type { GlossaryEntry, ReportKind, Target } from '../types';

/**
 * The extension's database. It lives in the extension's origin (background, popup, library, options);
 * content scripts never open it — they would open the visited site's IndexedDB instead.
 */

export interface PageRecord {
  id: number;
  url: string;
  title: string;
  kind: ReportKind;
  score: number;
  region: string | null;
  regionKey: string | null;
  year: number | null;
  termCount: number;
  targetCount: number;
  firstSeen: number;
  lastSeen: number;
}

/** A text-quote anchor (exact + prefix + suffix) to find the sentence again on the page. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TargetRecord extends Omit<Target, 'start' | 'end'> {
  id: number;
  pageId: number;
  regionKey: string | null;
  start: number;
  end: number;
  quote: TextQuote;
}

/** A page the reader removed from the library, and when (lib/db/removals); url '*' is "clear all". */
export interface RemovalRecord {
  url: string;
  at: number;
}

/** A user's own glossary entry, or an override/hide of a bundled one (same id). */
export interface UserEntryRecord extends GlossaryEntry {
  hidden: boolean;
  updatedAt: number;
}

export class ReportLensDB extends Dexie {
  pages!: EntityTable<PageRecord, 'id'>;
  targets!: EntityTable<TargetRecord, 'id'>;
  userEntries!: EntityTable<UserEntryRecord, 'id'>;
  removals!: EntityTable<RemovalRecord, 'url'>;

  constructor(name = 'report-lens') {
    super(name);
    this.version(1).stores({
      pages: '++id, &url, kind, regionKey, year, lastSeen',
      targets: '++id, pageId, indicatorKey, regionKey, year, kind',
      userEntries: '&id, term, hidden',
    });
    this.version(2).stores({ removals: '&url' });
  }
}

let shared: ReportLensDB | undefined;
export function getDb(): ReportLensDB {
  // A Dexie whose open failed (a full disk, Chrome's "Internal error opening backing store") stays closed
  // for good: every later call fails with DatabaseClosedError — in the background, every save until
  // Chrome stops the worker, however much room the disk has again. Reset, the next call opens it afresh.
  if (shared?.hasFailed()) shared.close({ disableAutoOpen: false });
  shared ??= new ReportLensDB();
  return shared;
}
