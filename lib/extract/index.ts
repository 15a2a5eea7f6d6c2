export { extractTargets, type ExtractInput } from './targets';
export { parseQuantity, parseNumberAt, parseQuantityAt, scanQuantities, parseYearAt } from './numbers';
export { detectReportYear } from './years';
