// A valid online submission built from a procedure's published content (no test runner imports:
// the API tests and the browser tests both use it).

interface FieldSchema {
  type: string;
  enum?: Array<string | number>;
  format?: string;
  pattern?: string;
  minimum?: number;
}

interface Component {
  key: string;
  required: boolean;
  eform: { schema: { properties: Record<string, FieldSchema>; required?: string[] } } | null;
}

export interface SubmissionProcedure {
  id: string;
  version: { components: Component[] };
}

/** A value that satisfies one e-form field (the demo forms use these shapes). */
function valueFor(name: string, field: FieldSchema): unknown {
  if (field.enum) {
    return field.enum[0];
  }
  if (field.type === 'integer' || field.type === 'number') {
    return field.minimum ?? 1;
  }
  if (field.type === 'boolean') {
    return true;
  }
  if (field.format === 'date') {
    return '1990-05-12';
  }
  if (field.format === 'email') {
    return 'nguoidan@example.vn';
  }
  if (field.pattern?.includes('[0-9]{12}') || /cccd|soDinhDanh|idNumber/i.test(name)) {
    return '001090012345';
  }
  if (/dienThoai|phone/i.test(name)) {
    return '0912345678';
  }
  return 'Nguyễn Văn An';
}

/** Every required component filled (e-forms) or attached (one uploaded file each). */
export async function submissionFor(procedure: SubmissionProcedure, upload: () => Promise<string>) {
  const formData: Record<string, Record<string, unknown>> = {};
  const components: Array<{ componentKey: string; fileIds: string[] }> = [];
  for (const component of procedure.version.components) {
    if (component.eform) {
      const data: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(component.eform.schema.properties)) {
        data[name] = valueFor(name, field);
      }
      formData[component.key] = data;
    } else if (component.required) {
      components.push({ componentKey: component.key, fileIds: [await upload()] });
    }
  }
  return { procedureId: procedure.id, formData, components, delivery: { method: 'online' as const } };
}
