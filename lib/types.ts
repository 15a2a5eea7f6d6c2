/**
 * Contracts between the pipeline stages. Every offset is a UTF-16 index into the ORIGINAL page text
 * (the string the DOM text model or the CLI produced), never into a folded copy.
 */

/** Where a glossary entry applies. `region` is the simplified name (湖南省, 衡阳市, 衡南县). */
export type Scope =
  | { level: 'national' }
  | { level: 'province' | 'city' | 'county'; region: string; parent?: string };

export interface GlossarySource {
  title: string;
  issuer: string;
  year: number;
  url?: string;
}

export interface GlossaryEntry {
  /** Stable id: lowercase ascii, digits and dashes, e.g. `liu-wen`, `hunan-san-gao-si-xin`. */
  id: string;
  /** Canonical term, simplified script. */
  term: string;
  /** Other surface forms (simplified), e.g. 六稳六保 on the pair entries, older or longer names. */
  aliases: string[];
  /** List members when the slogan is a list: 六稳 → 稳就业、稳金融… */
  components: string[];
  /** Chinese definition, simplified. */
  definition: string;
  /** Short English gloss. */
  gloss: string;
  /** Official English term where one exists. */
  english?: string;
  scope: Scope;
  /** Year the term appeared, when known. */
  year?: number;
  /** Ids of related entries. */
  related: string[];
  sources: GlossarySource[];
}

export type TermSource = 'glossary' | 'page' | 'unknown' | 'user';

export interface TermSpan {
  start: number;
  end: number;
  /** The page's own text for [start, end). */
  text: string;
  source: TermSource;
  /** Glossary / user entry id; null for page-local and unknown terms. */
  entry: string | null;
  /** Index into the page's own glossary when the page defines this term too. */
  pageEntry?: number;
}

/** An entry parsed from the page's own 名词解释 section. */
export interface PageGlossaryEntry {
  /** The term as the page writes it (original script, without quotes). */
  term: string;
  /** The folded (simplified, half-width) term: the key matching uses. */
  key: string;
  definition: string;
  /** Footnote marker as written ([1], ①, 1.) when the page has one. */
  marker: string | null;
  /** Offsets of the whole entry line in the page text. */
  start: number;
  end: number;
}

/** An unknown quoted numeric slogan: found on the page, defined nowhere. */
export interface UnknownSlogan {
  start: number;
  end: number;
  text: string;
  sentence: string;
}

export type ReportKind = 'work-report' | 'plan' | 'interpretation' | 'goals' | 'glossary' | 'other';

export interface ReportInfo {
  isReport: boolean;
  /** 0..1 */
  score: number;
  kind: ReportKind;
  /** Names of the signals that fired, e.g. `title:政府工作报告`, `heading:主要预期目标`. */
  reasons: string[];
  /** Region as the page writes it (衡南縣), or null. */
  region: string | null;
  /** Simplified key of the region (衡南县), or null. */
  regionKey: string | null;
  year: number | null;
}

export type TargetKind = 'main' | 'other' | 'goal';
export type Qualifier = '以上' | '左右' | '以内' | '';
export type Direction = 'increase' | 'decrease' | 'level';

export interface Target {
  kind: TargetKind;
  indicator: string;
  /** Normalised indicator key for grouping (simplified, no spaces). */
  indicatorKey: string;
  value: number | null;
  valueMax: number | null;
  unit: string;
  qualifier: Qualifier;
  direction: Direction;
  /**
   * 确保 / 力争 / 预期 … as written (simplified), or ''; for a row of a plan's 主要指标 table its 属性,
   * 预期性 or 约束性 — how firmly the target is set, which is what a hedge says in a sentence.
   */
  hedge: string;
  year: number | null;
  /**
   * Heading path as the page writes it, e.g. `关键词 1 城乡面貌 › 措施一`, `衡南縣2022年政府工作報告 › 堅定不移保穩定`
   * (records saved before this was so hold it simplified). Compare it folded (foldChars): the same
   * heading in either script is one section.
   */
  section: string;
  /** The exact sentence as the page writes it. */
  sentence: string;
  /** Offsets of `sentence` in the page text. */
  start: number;
  end: number;
  /**
   * Simplified key of the region whose report states the target, when it differs from the page's:
   * a news list holding several cities' reports (seed 003) gives each target its own city.
   */
  regionKey?: string | null;
}

/** A heading the DOM (or the text itself) provides, with its offset in the page text. */
export interface Heading {
  text: string;
  level: number;
  start: number;
}

export interface PageInput {
  /** Page text, blocks separated by '\n'. */
  text: string;
  title: string;
  url: string;
  headings: Heading[];
}
