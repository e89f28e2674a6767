import 'server-only';
import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { users, type UserRole } from '@/db/schema';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';

export type AdminUserRow = {
  id: number;
  name: string;
  phone: string | null;
  email: string | null;
  role: UserRole;
  blocked: boolean;
  strikes: number;
  biddingBlockedAt: Date | null;
  createdAt: Date;
};

/** `%` and `_` typed by the operator are letters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

function matching({ search, role }: { search: string; role: UserRole | null }): SQL | undefined {
  const text = search.trim();
  return and(
    role ? eq(users.role, role) : undefined,
    text
      ? or(
          ilike(users.name, likePattern(text)),
          ilike(users.phone, likePattern(text)),
          ilike(users.email, likePattern(text)),
        )
      : undefined,
  );
}

/** The back office's user list: search by name, phone or email, filter by role, newest first. */
export async function listUsers({
  db,
  page,
  search = '',
  role = null,
}: {
  db: Executor;
  page: PageRequest;
  search?: string;
  role?: UserRole | null;
}): Promise<Page<AdminUserRow>> {
  const where = matching({ search, role });
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        phone: users.phone,
        email: users.email,
        role: users.role,
        blocked: users.blocked,
        strikes: users.strikes,
        biddingBlockedAt: users.biddingBlockedAt,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(where)
      .orderBy(desc(users.id))
      .limit(page.pageSize)
      .offset(page.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return pageOf(rows, total?.n ?? 0, page);
}
