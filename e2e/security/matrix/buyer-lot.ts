import type { MatrixRow } from './rows';

/** Who may use the pages, routes and actions of this area. */
export const buyerLotRows: Record<string, MatrixRow> = {};
