import { AppError, isAppError } from '@/lib/errors';
import { logUnexpectedError } from './log-error';

/** A route handler's refusal as JSON with the error's own status; anything else is a 500. */
export function jsonError(error: unknown): Response {
  if (isAppError(error))
    return Response.json({ error: error.code, message: error.message, ...error.details }, { status: error.status });
  const requestId = logUnexpectedError('route', error);
  const internal = new AppError('INTERNAL', 'Something went wrong on our side');
  return Response.json({ error: internal.code, message: internal.message, requestId }, { status: internal.status });
}
