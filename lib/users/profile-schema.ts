import { z } from 'zod';
import { displayNameSchema } from './sign-up-schema';

/** The account page's profile form and the action behind it. */
export const updateProfileSchema = z.object({ name: displayNameSchema });
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;
