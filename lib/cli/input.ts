import { Window } from 'happy-dom';
import { buildTextModel } from '../dom/text-model';
import { wrapCuts } from '../text/rejoin';
import type { Heading, PageInput } from '../types';

/**
 * Page input for the CLI. An .html file is read the way the content script reads a page: parsed into a
 * DOM (happy-dom, no scripts run, nothing fetched) and walked by the same buildTextModel, so offsets
 * and terms agree with what the extension finds on that page. A .txt file is its own text.
 */

/**
 * The URL is left empty on purpose: a local path ("…/reports/2022/…") would feed the detector's URL
 * signals and make results depend on where the file sits.
 */
export function htmlPageInput(html: string): PageInput {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  try {
    // Written into the window's own document, so checkVisibility applies the page's inline <style>
    // rules and display:none blocks are skipped as in the browser (tested).
    const target = window.document;
    target.write(html);
    target.close();
    const body = target.body ?? target.documentElement;
    const model = buildTextModel(body as unknown as Node);
    return { text: model.text, title: target.title, url: '', headings: model.headings };
  } finally {
    void window.happyDOM.close();
  }
}

/**
 * A text file has no markup, so its headings are guessed as a reader would: short lines without
 * sentence punctuation. The report detector weighs headings (a 目标篇 or 解读 heading says what the
 * page is); the extractor finds its own sections in the text either way.
 */
export function textPageInput(text: string): PageInput {
  const headings: Heading[] = [];
  // A hard-wrapped text's lines (a PDF's, copied out) are no headings where they go on into the next line or
  // from the one before it, nor are its page numbers and running headers (lib/text/rejoin).
  const wrap = wrapCuts(text);
  let cut = 0;
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    while (cut < wrap.cuts.length && wrap.cuts[cut + 1]! <= pos) cut += 2;
    const wrapped = wrap.joined.has(pos) || (cut < wrap.cuts.length && wrap.cuts[cut]! <= pos + lead && pos + lead < wrap.cuts[cut + 1]!);
    if (!wrapped && looksLikeHeading(line, headings.length === 0)) {
      // Official documents number their levels 一、 → （一） → 1. → （1） (GB/T 9704); a guessed heading
      // takes its level from its numbering, so "27.“双碳”…" nests under the 名词解释 line above it.
      const number = /^[一二三四五六七八九十]+、/.test(line)
        ? 2
        : /^[（(][一二三四五六七八九十]+[）)]/.test(line)
          ? 3
          : /^[0-9]+[.．、](?![0-9])/.test(line)
            ? 4
            : /^[（(][0-9]+[）)]/.test(line)
              ? 5
              : null;
      // An unnumbered line is taken for a chapter (名词解释, 附录), the commoner case in the seeds; it may
      // be a heading inside the last numbered one instead (竭尽全力惠民生 under 二、…), which ends that
      // chapter early — a text file says no more.
      const level = headings.length === 0 ? 1 : (number ?? 2);
      headings.push({ text: line, level, start: pos + lead });
    }
    pos += raw.length + 1;
  }
  return { text, title: '', url: '', headings };
}

/**
 * A page's headline is its <h1>, however long: a 答记者问 names its speaker and the document in full
 * (政策解读｜市发展改革委负责同志就《江屿市2026年国民经济和社会发展计划》答记者问, 41 characters). The
 * first heading of a text file may be that long; later ones are section headings, kept short.
 */
const HEADLINE_MAX = 80;
const HEADING_MAX = 40;

function looksLikeHeading(line: string, first = false): boolean {
  if (line.length < 2 || line.length > (first ? HEADLINE_MAX : HEADING_MAX)) return false;
  if (line.includes('<') || line.includes('。')) return false;
  if (/[,，、;；:：]$/.test(line)) return false;
  // A page's field and its value (发布时间：2024-01-20, 来源：市政府办) or a goal line (目标：…) is no
  // heading; 附件：名词解释 is one.
  if (FIELD.test(line)) return false;
  // A line that states a figure is a data line ("▶2024年　城镇新增就业目标4.5万人以上" of a 数读 box), not a
  // heading: taken for one, its year would date every section before it.
  if (VALUE.test(line)) return false;
  return /[\u4e00-\u9fff]/.test(line);
}

/** A figure with its unit (8%, 4.5万人, 150家), as lib/extract/sections reads a value in a heading. */
const VALUE = /[0-9０-９](?:[.．][0-9０-９]+)?\s*(?:[%％]|个百分点|個百分點|[万亿萬億千百]|[个個家人户戶所套座亩畝吨噸元])/;

const FIELD =
  /^(?:发布|成文|发文|印发|更新)?(?:时间|日期)[:：]|^(?:信息)?来源[:：]|^(?:作者|编辑|责任编辑|字号|浏览次数|点击数|阅读次数|发布机构|发文机关|文号|发文字号|索引号|主题分类|分类|关键词|标签)[:：]|^(?:主要|奋斗|总体|发展|远景|工作)?目标[:：]/;
