import { postgresErrorCode } from '@/lib/errors';

/** Postgres codes worth one more try: the other transaction won, ours can simply rerun. */
const RETRYABLE = new Set(['40P01', '40001']);

/** Reruns a whole transaction that lost a deadlock or serialization race. */
export async function withRetry<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = postgresErrorCode(error);
      if (attempt >= attempts || !code || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
