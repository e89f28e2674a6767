import { z } from 'zod';

/** The highest page number anyone may ask for, in the pages and in the API. */
export const MAX_PAGE = 100_000;

/** Page numbers come from the URL: anything that is not a positive integer means page 1. */
const pageSchema = z.coerce.number().int().min(1).max(MAX_PAGE).catch(1);

export type PageRequest = { page: number; pageSize: number; offset: number };

export function pageRequest(raw: unknown, pageSize: number): PageRequest {
  const page = pageSchema.parse(Array.isArray(raw) ? raw[0] : raw);
  return { page, pageSize, offset: (page - 1) * pageSize };
}

export type Page<T> = { items: T[]; page: number; pages: number; total: number };

export function pageOf<T>(items: T[], total: number, request: PageRequest): Page<T> {
  return { items, page: request.page, pages: Math.max(1, Math.ceil(total / request.pageSize)), total };
}
