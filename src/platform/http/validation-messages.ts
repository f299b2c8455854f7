// Turns an Ajv validation error into a field path and a Vietnamese/English sentence.
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import type { LocalizedText } from './errors.ts';

function fieldPath(error: FastifySchemaValidationError, context: string): string {
  const base = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const params = error.params as Record<string, unknown>;
  const extra =
    typeof params.missingProperty === 'string'
      ? params.missingProperty
      : typeof params.additionalProperty === 'string'
        ? params.additionalProperty
        : '';
  const joined = [base, extra].filter(Boolean).join('.');
  return joined || context;
}

function sentence(error: FastifySchemaValidationError, field: string): LocalizedText {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { vi: `Thiếu trường bắt buộc "${field}".`, en: `The field "${field}" is required.` };
    case 'additionalProperties':
      return { vi: `Trường "${field}" không được phép.`, en: `The field "${field}" is not allowed.` };
    case 'type':
      return {
        vi: `Trường "${field}" phải có kiểu ${String(params.type)}.`,
        en: `The field "${field}" must be of type ${String(params.type)}.`,
      };
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'maximum':
    case 'minItems':
    case 'maxItems':
      return {
        vi: `Giá trị của "${field}" nằm ngoài giới hạn cho phép (${String(params.limit)}).`,
        en: `The value of "${field}" is outside the allowed limit (${String(params.limit)}).`,
      };
    case 'pattern':
    case 'format':
      return {
        vi: `Giá trị của "${field}" không đúng định dạng.`,
        en: `The value of "${field}" has the wrong format.`,
      };
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return {
        vi: `Giá trị của "${field}" không thuộc các giá trị cho phép.`,
        en: `The value of "${field}" is not one of the allowed values.`,
      };
    default:
      return { vi: `Giá trị của "${field}" không hợp lệ.`, en: `The value of "${field}" is not valid.` };
  }
}

export function describeValidationError(
  error: FastifySchemaValidationError,
  context: string | undefined,
): { field: string; localized: LocalizedText } {
  const field = fieldPath(error, context ?? 'body');
  return { field, localized: sentence(error, field) };
}
