// Schema helpers: every route declares TypeBox schemas once, for validation, types, response
// whitelisting and the OpenAPI document. Objects reject unknown properties (security goal 12).
import { type TObject, type TProperties, Type } from '@sinclair/typebox';

export function StrictObject<T extends TProperties>(
  properties: T,
  options: { description?: string } = {},
): TObject<T> {
  return Type.Object(properties, { ...options, additionalProperties: false });
}

export const LocalizedTextSchema = StrictObject(
  { vi: Type.String(), en: Type.String() },
  { description: 'The same text in Vietnamese and English' },
);

export const ErrorResponseSchema = Type.Object(
  {
    code: Type.String({ description: 'Stable machine-readable error code, e.g. VALIDATION, AUTH_INVALID' }),
    message: LocalizedTextSchema,
    field: Type.Optional(
      Type.String({ description: 'The request field at fault, as a JSON pointer-like path' }),
    ),
    requestId: Type.Optional(Type.String()),
  },
  { description: 'Every error answer has this shape' },
);

/** Error responses shared by all routes, merged into each route's `response` map. */
export const standardErrorResponses = {
  400: ErrorResponseSchema,
  429: ErrorResponseSchema,
  500: ErrorResponseSchema,
};

/** Error answers a route documents besides the standard ones, e.g. errorsFor(401, 403, 409). */
export const errorsFor = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [c, ErrorResponseSchema]));
