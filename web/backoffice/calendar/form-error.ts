// A form's own check failing before any request: its message is already in the user's language.
import { errorMessage } from '../../api/client.ts';

export class FormError extends Error {}

export function messageOf(error: unknown, lang: 'vi' | 'en'): string {
  return error instanceof FormError ? error.message : errorMessage(error, lang);
}
