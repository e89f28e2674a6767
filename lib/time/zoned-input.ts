import { tz, TZDate } from '@date-fns/tz';
import { format, isValid, parse } from 'date-fns';
import { z } from 'zod';

/** The value format of `<input type="datetime-local">`, minutes precision. */
const INPUT_FORMAT = "yyyy-MM-dd'T'HH:mm";
const INPUT_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** An instant as a datetime-local value on the wall clock of `timeZone`. */
export function toZonedInput(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), INPUT_FORMAT);
}

/** A datetime-local value read on the wall clock of `timeZone`; null if it is not one. */
export function fromZonedInput(value: string, timeZone: string): Date | null {
  if (!INPUT_SHAPE.test(value)) return null;
  const parsed = parse(value, INPUT_FORMAT, new TZDate(0, timeZone), { in: tz(timeZone) });
  // parse rolls 02-30 over to 03-02; a value that does not format back was not a real time.
  if (!isValid(parsed) || toZonedInput(parsed, timeZone) !== value) return null;
  return new Date(parsed.getTime());
}

/**
 * A form field holding a date-time as typed on the operator's wall clock in `timeZone`
 * (APP_TIME_ZONE), parsed to an instant. The same schema runs in the browser and the action.
 */
export function zonedDateTimeField(timeZone: string) {
  return z
    .string('validation.required')
    .min(1, 'validation.required')
    .transform((value, context) => {
      const instant = fromZonedInput(value, timeZone);
      if (!instant) {
        context.addIssue({ code: 'custom', message: 'validation.dateTimeInvalid' });
        return z.NEVER;
      }
      return instant;
    });
}
