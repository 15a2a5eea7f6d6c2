import type { EntryView } from '../messaging/protocol';
import type { ConvertFn } from './opencc';

/**
 * A glossary entry's tooltip text in another script. The glossary is written in simplified; on a
 * traditional page (or one toggled to traditional) the tooltip must read like the page. Ids, the
 * scope level and the English text stay as they are.
 */
export function convertEntryView(view: EntryView, convert: ConvertFn): EntryView {
  return {
    ...view,
    term: convert(view.term),
    surfaces: view.surfaces.map(convert),
    definition: convert(view.definition),
    components: view.components.map(convert),
    scopeLabel: convert(view.scopeLabel),
    sourceLine: convert(view.sourceLine),
  };
}
