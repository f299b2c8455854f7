// The OpenAPI document comes from the route schemas themselves: /api/openapi.json (committed as
// docs/openapi.json, checked for drift by a test) and a browsable UI at /api/docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { App } from './app-type.ts';

export const API_VERSION = '0.1.0';

export async function registerOpenApi(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'MotCua API — Hệ thống một cửa điện tử và Cổng dịch vụ công',
        description:
          'REST API of MotCua. Errors always have the shape { code, message: { vi, en }, field? }. ' +
          'State-changing requests must send the header `x-requested-with: motcua`.',
        version: API_VERSION,
        license: { name: 'AGPL-3.0-or-later' },
      },
      tags: [
        { name: 'system', description: 'Health and readiness / Tình trạng hệ thống' },
        { name: 'site', description: 'Deployment information / Thông tin cổng' },
        { name: 'auth', description: 'Sign-in and sessions / Đăng nhập và phiên làm việc' },
        { name: 'organisation', description: 'Agencies, units, sectors / Cơ quan, đơn vị, lĩnh vực' },
        { name: 'rules', description: 'Legal rule sets / Bộ quy tắc pháp lý' },
        { name: 'files', description: 'Uploaded files / Tệp tải lên' },
        { name: 'dossiers', description: 'Dossiers: submission, reception, processing / Hồ sơ' },
        { name: 'lookup', description: 'Public dossier status lookup / Tra cứu hồ sơ' },
        { name: 'accounts', description: 'Officer and citizen accounts / Tài khoản cán bộ và người dân' },
        {
          name: 'calendar',
          description: 'Working calendar, holidays and due dates / Lịch làm việc, ngày nghỉ và tính hạn',
        },
        { name: 'documents', description: 'Official forms and slips (PDF) / Phiếu, văn bản, mẫu biểu' },
        { name: 'signatures', description: 'Digital signatures / Chữ ký số' },
        { name: 'notifications', description: 'Notifications to applicants / Thông báo cho người nộp hồ sơ' },
        { name: 'channels', description: 'SMS and chat lookup channels / Kênh tra cứu qua tin nhắn' },
        { name: 'catalogue', description: 'Administrative procedures / Thủ tục hành chính' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
