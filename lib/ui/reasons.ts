import { formatCount, t } from '../i18n';

/**
 * The popup's 依据: lib/detect/report names each piece of evidence as `where:phrase` (text:各位代表,
 * heading:名词解释, text:政府工作报告×3, url:gov.cn) or as a diagnostic (index:12 dated entries). Those
 * names are for the detector and its tests; the reader is shown them in their own language, the
 * quoted phrases in the page's script (the detector writes them in simplified, whatever the page).
 */

type Where = 'title' | 'heading' | 'text' | 'breadcrumb';

export type ReasonParts =
  | { kind: 'phrase'; where: Where; phrase: string; count: number | null; mention?: boolean }
  | { kind: 'url'; value: string }
  | { kind: 'narrative'; mark: 'chapter' | 'dialogue' | 'pronoun'; count: number | null }
  | { kind: 'index'; count: number; excerpts?: boolean }
  | { kind: 'speaker' }
  | { kind: 'multi'; count: number; regions: string[] }
  | { kind: 'region'; region: string }
  | { kind: 'truncated'; count: number }
  | { kind: 'raw'; text: string };

const PHRASE_KEYS: Record<Where, string> = { title: 'reasonTitle', heading: 'reasonHeading', text: 'reasonText', breadcrumb: 'reasonBreadcrumb' };

/** `phrase×N` → the phrase and N. */
function counted(rest: string): { phrase: string; count: number | null } {
  const m = /^(.*)×(\d+)$/.exec(rest);
  return m ? { phrase: m[1]!, count: Number(m[2]) } : { phrase: rest, count: null };
}

export function parseReason(reason: string): ReasonParts {
  const colon = reason.indexOf(':');
  const where = colon < 0 ? '' : reason.slice(0, colon);
  const rest = reason.slice(colon + 1);
  // heading:提及政府工作报告 — a heading that mentions the report without being its title.
  if (where === 'heading' && rest.startsWith('提及') && rest.length > 2) return { kind: 'phrase', where, ...counted(rest.slice(2)), mention: true };
  if (where in PHRASE_KEYS && rest) return { kind: 'phrase', where: where as Where, ...counted(rest) };
  if (where === 'url' && rest) return { kind: 'url', value: rest === 'gov.cn' ? rest : `/${rest}/` };
  if (where === 'narrative') {
    const { phrase, count } = counted(rest);
    const mark = phrase === '第N章' ? 'chapter' : phrase === '对话' ? 'dialogue' : phrase === '他/她' ? 'pronoun' : null;
    if (mark) return { kind: 'narrative', mark, count };
  }
  let m: RegExpExecArray | null;
  if (where === 'index' && (m = /^(\d+) dated entries$/.exec(rest))) return { kind: 'index', count: Number(m[1]) };
  if (where === 'index' && (m = /^(\d+) excerpts$/.exec(rest))) return { kind: 'index', count: Number(m[1]), excerpts: true };
  if (reason === 'speaker:not the government') return { kind: 'speaker' };
  if (where === 'multi' && (m = /^(\d+) reports(?: \((.+)\))?$/.exec(rest))) return { kind: 'multi', count: Number(m[1]), regions: m[2] ? m[2].split('/') : [] };
  if (where === 'region' && (m = /^headline\+(.+)$/.exec(rest))) return { kind: 'region', region: m[1]! };
  if (where === 'truncated' && /^\d+$/.test(rest)) return { kind: 'truncated', count: Number(rest) };
  return { kind: 'raw', text: reason };
}

/** The Chinese text of the reasons (phrases, region names): what goes into the page's script. */
export function reasonPhrases(reasons: readonly string[]): string[] {
  const out = new Set<string>();
  for (const reason of reasons) {
    const p = parseReason(reason);
    if (p.kind === 'phrase') out.add(p.phrase);
    else if (p.kind === 'multi') p.regions.forEach((r) => out.add(r));
    else if (p.kind === 'region') out.add(p.region);
  }
  return [...out];
}

/** One reason as the reader reads it; `inScript` gives a phrase in the page's script. */
export function reasonLine(reason: string, inScript: (phrase: string) => string = (s) => s): string {
  const p = parseReason(reason);
  const times = (n: number | null) => (n === null ? '' : ` ×${formatCount(n)}`);
  switch (p.kind) {
    case 'phrase':
      return t(p.mention ? 'reasonHeadingMentions' : PHRASE_KEYS[p.where], [inScript(p.phrase)]) + times(p.count);
    case 'url':
      return t('reasonUrl', [p.value]);
    case 'narrative':
      return p.mark === 'chapter' ? t('reasonChapter') : t(p.mark === 'dialogue' ? 'reasonDialogue' : 'reasonPronoun', [formatCount(p.count ?? 0)]);
    case 'index':
      return t(p.excerpts ? 'reasonExcerpts' : 'reasonIndex', [formatCount(p.count)]);
    case 'speaker':
      return t('reasonSpeaker');
    case 'multi':
      return p.regions.length
        ? t('reasonMultiRegions', [formatCount(p.count), p.regions.map(inScript).join(t('reasonListSeparator'))])
        : t('reasonMulti', [formatCount(p.count)]);
    case 'region':
      return t('reasonRegion', [inScript(p.region)]);
    case 'truncated':
      return t('reasonTruncated', [formatCount(p.count)]);
    case 'raw':
      return p.text;
  }
}
