import { z } from 'zod';

// C0 controls and DEL. Postgres refuses NUL outright (SQLSTATE 22021); the rest have no place
// in a name, an address or an identifier and hide text from whoever reads it later.
const CONTROL = /[\u0000-\u001F\u007F]/;
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000B-\u001F\u007F]/;

/**
 * A text field as it may be stored: trimmed (unless `trim: false`, for passwords), without
 * control characters (newlines only where `multiline`), at most `max` characters. Messages
 * are i18n keys; `tooLong` names a field's own, more specific one.
 */
export function boundedText({
  max,
  multiline = false,
  trim = true,
  tooLong = 'validation.tooLong',
}: {
  max: number;
  multiline?: boolean;
  trim?: boolean;
  tooLong?: string;
}) {
  const base = z.string('validation.invalid');
  return (trim ? base.trim() : base)
    .max(max, tooLong)
    .refine((value) => !(multiline ? CONTROL_EXCEPT_NEWLINE : CONTROL).test(value), 'validation.controlCharacters');
}
