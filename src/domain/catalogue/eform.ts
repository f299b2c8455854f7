// Interactive e-forms (biểu mẫu điện tử tương tác, TT 32/2017 Điều 8): a JSON Schema for the data and
// a small layout (field order, labels vi/en, help at each field, conditional fields, prefill from the
// citizen's profile). Shared by the server (validation with Ajv) and the browser renderer, so both
// apply the same rules: a hidden field is neither required nor kept.

export interface LocalText {
  vi: string;
  en: string;
}

export const PREFILL_KEYS = [
  'fullName',
  'dateOfBirth',
  'gender',
  'idNumber',
  'phone',
  'email',
  'address',
] as const;
export type PrefillKey = (typeof PREFILL_KEYS)[number];

export type Widget =
  | 'text'
  | 'textarea'
  | 'number'
  | 'date'
  | 'email'
  | 'tel'
  | 'select'
  | 'radio'
  | 'checkbox';

export interface EformField {
  name: string;
  label: LocalText;
  help?: LocalText | null;
  widget?: Widget;
  /** Shown only when another field has this value (TT 32 Đ8: ask only what applies). */
  showIf?: { field: string; equals: string | number | boolean } | null;
  /** Offered from the signed-in citizen's profile so it is not typed again (TT 32 Đ8). */
  prefill?: PrefillKey | null;
  /** Labels for enum values, in the enum's order. */
  optionLabels?: LocalText[] | null;
}

export interface EformLayout {
  title: LocalText;
  fields: EformField[];
}

export interface EformFieldSchema {
  type: 'string' | 'number' | 'integer' | 'boolean';
  format?: 'date' | 'email';
  enum?: Array<string | number>;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

export interface EformSchema {
  type: 'object';
  properties: Record<string, EformFieldSchema>;
  required?: string[];
  additionalProperties: false;
}

export interface Eform {
  schema: EformSchema;
  layout: EformLayout;
}

/** Layout problems an editor must fix before the e-form can be saved; empty when consistent. */
export function checkEform(eform: Eform): Array<{ path: string; message: LocalText }> {
  const problems: Array<{ path: string; message: LocalText }> = [];
  const names = Object.keys(eform.schema.properties);
  const seen = new Set<string>();
  eform.layout.fields.forEach((field, index) => {
    const path = `layout.fields[${index}]`;
    const property = eform.schema.properties[field.name];
    if (!property) {
      problems.push({
        path: `${path}.name`,
        message: {
          vi: `Trường "${field.name}" không có trong lược đồ.`,
          en: `Field "${field.name}" is not in the schema.`,
        },
      });
    }
    if (seen.has(field.name)) {
      problems.push({
        path: `${path}.name`,
        message: { vi: `Trường "${field.name}" bị lặp.`, en: `Field "${field.name}" appears twice.` },
      });
    }
    seen.add(field.name);
    if (field.showIf && (!eform.schema.properties[field.showIf.field] || field.showIf.field === field.name)) {
      problems.push({
        path: `${path}.showIf.field`,
        message: {
          vi: `Điều kiện hiển thị tham chiếu trường không hợp lệ "${field.showIf.field}".`,
          en: `The display condition refers to an invalid field "${field.showIf.field}".`,
        },
      });
    }
    if (field.optionLabels && property?.enum && field.optionLabels.length !== property.enum.length) {
      problems.push({
        path: `${path}.optionLabels`,
        message: {
          vi: 'Số nhãn lựa chọn phải bằng số giá trị cho phép.',
          en: 'There must be one option label per allowed value.',
        },
      });
    }
  });
  for (const name of names) {
    if (!seen.has(name)) {
      problems.push({
        path: `schema.properties.${name}`,
        message: {
          vi: `Trường "${name}" chưa có trong bố cục.`,
          en: `Field "${name}" is missing from the layout.`,
        },
      });
    }
  }
  for (const name of eform.schema.required ?? []) {
    if (!eform.schema.properties[name]) {
      problems.push({
        path: 'schema.required',
        message: {
          vi: `Trường bắt buộc "${name}" không tồn tại.`,
          en: `Required field "${name}" does not exist.`,
        },
      });
    }
  }
  return problems;
}

/** Whether a field is shown for the data entered so far (a field behind a hidden field is hidden too). */
export function isFieldVisible(
  layout: EformLayout,
  name: string,
  data: Record<string, unknown>,
  depth = 0,
): boolean {
  const field = layout.fields.find((f) => f.name === name);
  if (!field?.showIf || depth > layout.fields.length) {
    return field !== undefined;
  }
  return (
    data[field.showIf.field] === field.showIf.equals &&
    isFieldVisible(layout, field.showIf.field, data, depth + 1)
  );
}

/** The data with hidden fields removed: what is validated and stored. */
export function visibleData(layout: EformLayout, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!layout.fields.some((f) => f.name === key) || isFieldVisible(layout, key, data)) {
      out[key] = value;
    }
  }
  return out;
}

/** The schema to validate `data` with: fields hidden for this data are not required. */
export function effectiveSchema(eform: Eform, data: Record<string, unknown>): EformSchema {
  const required = (eform.schema.required ?? []).filter((name) => isFieldVisible(eform.layout, name, data));
  return { ...eform.schema, required };
}

/** What a signed-in citizen's profile can offer (TT 32/2017 Đ8: data held is not typed again). */
export type PrefillProfile = Partial<Record<PrefillKey, string>>;

/** Fills empty fields that declare a prefill key from the profile; never overwrites typed values. */
export function prefillEform(
  layout: EformLayout,
  data: Record<string, unknown>,
  profile: PrefillProfile,
): Record<string, unknown> {
  const out = { ...data };
  for (const field of layout.fields) {
    const value = field.prefill ? profile[field.prefill] : undefined;
    if (value !== undefined && (out[field.name] === undefined || out[field.name] === '')) {
      out[field.name] = value;
    }
  }
  return out;
}
