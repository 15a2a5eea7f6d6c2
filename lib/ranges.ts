/**
 * The numbers the library holds: what the background saves from a page report, what the library shows
 * (year menus, the chart's axis) and what Import JSON accepts (lib/db/import.ts) are the same ranges, so
 * every export of the library imports again. The pipeline keeps its results inside them
 * (lib/extract/targets.ts, lib/detect/report.ts); lib/messaging/validate.ts refuses anything outside.
 */

/**
 * Years a report in the library can have: the People's Republic's first to a far plan horizon. Outside
 * them (2024.5, -3, 1e21) a year is a mistake, and the menus and the chart would show it.
 */
export const MIN_YEAR = 1949;
export const MAX_YEAR = 2100;
/** No target states a number past a trillion (万亿 values are stored in 亿 or 万亿); beyond it the chart has no scale. */
export const MAX_VALUE = 1e12;

export function isLibraryYear(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
}

export function isLibraryValue(v: number): boolean {
  return Number.isFinite(v) && Math.abs(v) <= MAX_VALUE;
}
