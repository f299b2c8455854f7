// Building valid submissions from a procedure's published content, so tests follow the catalogue.
import { pdf } from '../../src/domain/files/test-files.ts';
import type { RunningSystem } from '../../src/system.ts';
import { multipartFile } from './multipart.ts';
import { JSON_HEADERS } from './test-system.ts';

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

export async function uploadPdf(
  system: RunningSystem,
  cookie: string,
  name = 'giay-to.pdf',
): Promise<string> {
  const { payload, headers } = multipartFile(name, pdf());
  const response = await system.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { ...headers, cookie },
    payload,
  });
  if (response.statusCode !== 201) {
    throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  }
  return JSON.parse(response.body).id as string;
}

/** A complete online submission for a procedure: every required component filled or attached. */
export async function onlineSubmission(system: RunningSystem, cookie: string, procedureCode: string) {
  const response = await system.app.inject({ url: `/api/v1/procedures/${procedureCode}` });
  const procedure = JSON.parse(response.body) as { id: string; version: { components: Component[] } };
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
      components.push({ componentKey: component.key, fileIds: [await uploadPdf(system, cookie)] });
    }
  }
  return {
    procedureId: procedure.id,
    formData,
    components,
    delivery: { method: 'online' as const },
  };
}

export async function postDossier(system: RunningSystem, cookie: string, body: unknown, key?: string) {
  const response = await system.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { ...JSON_HEADERS, cookie, ...(key ? { 'idempotency-key': key } : {}) },
    payload: body as Record<string, unknown>,
  });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

export async function act(system: RunningSystem, cookie: string, id: string, body: Record<string, unknown>) {
  const response = await system.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${id}/actions`,
    headers: { ...JSON_HEADERS, cookie },
    payload: body,
  });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

export async function getJson(system: RunningSystem, cookie: string, url: string) {
  const response = await system.app.inject({ url, headers: { cookie } });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}
