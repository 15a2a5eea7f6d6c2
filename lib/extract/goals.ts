/**
 * Goal statements without numbers: "目标：稳步推进城乡面貌向更高层次跃升" (解读 articles),
 * "今后五年的奋斗目标是：…", the sentences under a "二〇三五年远景目标。" heading, and the
 * "——经济发展质效明显提升。" bullets under "主要目标。…要努力实现以下主要目标。" — on the heading's line,
 * or in the paragraph after a heading that stands alone on its line (targets.ts, headingBody).
 */
import type { Direction } from '../types';
import { concat, remove, slice, supplied, type Sourced } from '../text/sourced';

const ELLIPSIS = supplied('…', '…');

/** "目标：…" at a line start. */
export const GOAL_LABEL = /^[ \t\u3000]*(?:主要|奋斗|总体|发展|远景|工作)?目标[ \t\u3000]*[:：][ \t\u3000]*/;

/**
 * An intro that a target list or a goal statement follows. Group 1 is the intro word, group 2 the
 * explicit 是/为/colon, also after the verbs drafts use (主要预期目标安排如下：, …建议为：, …拟定为) (absent in "2022年全县经济社会发展的主要预期目标地区生产总值增长8.5%以上").
 */
export const INTRO =
  /(主要预期目标|预期目标|主要目标|奋斗目标|远景目标|总体目标|发展目标)((?:安排|建议|拟定|设定|确定)?(?:如下|是|为)?[ \t\u3000]*[:：]|(?:安排|建议|拟定|设定|确定)?(?:是|为))?/g;

export const BULLET = /^[ \t\u3000]*(?:——|—|--|－－|·|•|●|▲|◆)/;

/** The goal text a sentence states, without its label, bullet and final punctuation. */
export function goalText(s: Sourced): Sourced {
  let t = remove(s, GOAL_LABEL);
  t = remove(t, BULLET);
  t = remove(t, /^[\s:：,，]+/);
  t = remove(t, /[。!?;；！？\s]+$/);
  return remove(t, /^\s+|\s+$/g);
}

/** A short name for the goal: its first clause. */
export function goalIndicator(text: Sourced): Sourced {
  // "到二〇三五年，基本建成…": the time phrase is the goal's year, not its name.
  const body = remove(text, /^(?:到|至|在)?[^,，。]{0,8}年(?:底|末)?[,，]/);
  const cut = body.text.search(/[,，;；。]/);
  const t = cut > 0 ? slice(body, 0, cut) : body;
  // Cut, it says so: a name that stops mid-word (…文旅康养) read as the whole goal.
  return t.text.length > 40 ? concat(slice(t, 0, 40), ELLIPSIS) : t;
}

export function goalDirection(text: string): Direction {
  // A goal in words for a row named by its rate of change (单位地区生产总值能耗降幅 | 完成市下达任务) is a fall or a
  // growth, as the row's figure would be (verbDirection in clauses.ts).
  if (/降低|减少|下降|压减|消除|遏制|降幅/.test(text)) return 'decrease';
  if (/提升|提高|增强|增长|增速|增幅|扩大|加快|跃升|壮大|迈上|进步|优化|改善/.test(text)) return 'increase';
  return 'level';
}
