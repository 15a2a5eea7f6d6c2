import type { GlossaryEntry } from '../types';
import entriesData from '../generated/glossary-entries.json';

// Full entries with definitions and sources: for the background, options page and CLI. Kept apart
// from bundled.ts so the content script never bundles the definitions.
const entries = entriesData as unknown as GlossaryEntry[];

let byId: Map<string, GlossaryEntry> | undefined;

export function glossaryEntries(): readonly GlossaryEntry[] {
  return entries;
}

export function glossaryEntry(id: string): GlossaryEntry | undefined {
  byId ??= new Map(entries.map((e) => [e.id, e]));
  return byId.get(id);
}
