import { Type } from '@sinclair/typebox';
import { StrictObject } from '../../platform/http/schema.ts';

export const FileSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String({ description: 'Display name, sanitised (NFC, no path parts or control characters)' }),
  size: Type.Integer({ description: 'Bytes stored (images without their metadata)' }),
  sha256: Type.String({ description: 'SHA-256 of the stored bytes, hex' }),
  kind: Type.Union([
    Type.Literal('pdf'),
    Type.Literal('jpeg'),
    Type.Literal('png'),
    Type.Literal('docx'),
    Type.Literal('xlsx'),
  ]),
  mime: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const FileIdParamsSchema = StrictObject({ id: Type.String({ format: 'uuid' }) });

export const FileLinkSchema = Type.Object({
  url: Type.String({
    description: 'Download address, valid for 5 minutes and only for the signed-in user who asked',
  }),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const FileContentQuerySchema = StrictObject({ token: Type.String({ maxLength: 100 }) });
