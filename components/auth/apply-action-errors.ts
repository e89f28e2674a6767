import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { FieldErrors } from '@/lib/errors';

/** Shows every field error the server returned on the form's own fields. */
export function applyFieldErrors<T extends FieldValues>(setError: UseFormSetError<T>, fieldErrors: FieldErrors) {
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (messages[0]) setError(field as Path<T>, { type: 'server', message: messages.join(' ') });
  }
}
