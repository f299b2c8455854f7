// E-form validation on the server with the same schema and the same visibility rules as the
// browser renderer (src/domain/catalogue/eform.ts). Compiled validators are cached by schema text.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { checkEform, type Eform, effectiveSchema, visibleData } from '../../domain/catalogue/eform.ts';
import { cleanText } from '../../domain/text/vietnamese.ts';
import { setBounded } from '../../platform/bounded-map.ts';
import type { EformValidation } from './catalogue.schemas.ts';
import type { EformDefinition } from './procedure-content.schemas.ts';

const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
addFormats(ajv, ['date', 'email']);

const cache = new Map<string, ValidateFunction>();
const CACHE_SIZE = 500;

function validatorFor(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    setBounded(cache, key, validate, CACHE_SIZE);
  }
  return validate;
}

// Nested quantifiers such as (a+)+ make a regular expression take exponential time (ReDoS).
const NESTED_QUANTIFIER = /\([^)]*[+*}][^)]*\)\s*[+*{]/;

export interface EformProblem {
  path: string;
  message: { vi: string; en: string };
}

/** Everything wrong with an e-form definition (layout vs schema, patterns), or an empty list. */
export function eformProblems(eform: EformDefinition): EformProblem[] {
  const problems: EformProblem[] = checkEform(eform as Eform);
  for (const [name, property] of Object.entries(eform.schema.properties)) {
    if (property.pattern !== undefined) {
      let valid = !NESTED_QUANTIFIER.test(property.pattern);
      try {
        new RegExp(property.pattern, 'u');
      } catch {
        valid = false;
      }
      if (!valid) {
        problems.push({
          path: `schema.properties.${name}.pattern`,
          message: {
            vi: 'Biểu thức kiểm tra không hợp lệ hoặc có thể chạy quá lâu.',
            en: 'The pattern is invalid or could take too long to run.',
          },
        });
      }
    }
  }
  if (problems.length === 0) {
    try {
      validatorFor(eform.schema);
    } catch {
      problems.push({
        path: 'schema',
        message: { vi: 'Lược đồ không hợp lệ.', en: 'The schema is not valid.' },
      });
    }
  }
  return problems;
}

function labelOf(eform: EformDefinition, field: string): { vi: string; en: string } {
  const label = eform.layout.fields.find((f) => f.name === field)?.label;
  return { vi: label?.vi ?? field, en: label?.en || label?.vi || field };
}

function describeError(eform: EformDefinition, error: ErrorObject): EformProblem {
  const field =
    error.keyword === 'required'
      ? String((error.params as { missingProperty: string }).missingProperty)
      : error.keyword === 'additionalProperties'
        ? String((error.params as { additionalProperty: string }).additionalProperty)
        : error.instancePath.replace(/^\//, '');
  const label = labelOf(eform, field);
  const params = error.params as Record<string, unknown>;
  const messages: Record<string, { vi: string; en: string }> = {
    required: { vi: `Vui lòng nhập "${label.vi}".`, en: `Please fill in "${label.en}".` },
    additionalProperties: {
      vi: `Trường "${field}" không có trong biểu mẫu.`,
      en: `"${field}" is not a field of this form.`,
    },
    type: { vi: `"${label.vi}" có kiểu dữ liệu không đúng.`, en: `"${label.en}" has the wrong type.` },
    format: {
      vi: `"${label.vi}" chưa đúng định dạng${params.format === 'date' ? ' ngày (yyyy-mm-dd)' : ''}.`,
      en: `"${label.en}" is not a valid ${String(params.format)}.`,
    },
    enum: {
      vi: `Vui lòng chọn một giá trị hợp lệ cho "${label.vi}".`,
      en: `Choose a valid value for "${label.en}".`,
    },
    minLength: {
      vi: `"${label.vi}" cần ít nhất ${String(params.limit)} ký tự.`,
      en: `"${label.en}" needs at least ${String(params.limit)} characters.`,
    },
    maxLength: {
      vi: `"${label.vi}" dài quá ${String(params.limit)} ký tự.`,
      en: `"${label.en}" is longer than ${String(params.limit)} characters.`,
    },
    minimum: {
      vi: `"${label.vi}" phải từ ${String(params.limit)} trở lên.`,
      en: `"${label.en}" must be at least ${String(params.limit)}.`,
    },
    maximum: {
      vi: `"${label.vi}" phải không quá ${String(params.limit)}.`,
      en: `"${label.en}" must be at most ${String(params.limit)}.`,
    },
    pattern: { vi: `"${label.vi}" chưa đúng định dạng.`, en: `"${label.en}" has the wrong format.` },
  };
  return {
    path: field,
    message: messages[error.keyword] ?? {
      vi: `"${label.vi}" không hợp lệ.`,
      en: `"${label.en}" is not valid.`,
    },
  };
}

/** Validates filled-in data: hidden fields are dropped, texts cleaned (NFC, no invisible characters). */
export function validateEformData(eform: EformDefinition, raw: Record<string, unknown>): EformValidation {
  const cleaned: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    cleaned[key] = typeof value === 'string' ? cleanText(value) : value;
    if (cleaned[key] === '') {
      delete cleaned[key];
    }
  }
  const data = visibleData(eform.layout as Eform['layout'], cleaned);
  const validate = validatorFor(effectiveSchema(eform as Eform, data));
  const valid = validate(data) === true;
  const errors = valid ? [] : (validate.errors ?? []).map((e) => describeError(eform, e));
  return { valid, data, errors: errors.map((e) => ({ field: e.path, message: e.message })) };
}
