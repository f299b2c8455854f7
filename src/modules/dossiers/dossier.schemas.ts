// Request and response shapes of the dossier API (issue 6 contracts: POST /api/v1/dossiers,
// GET /api/v1/dossiers/{id}, GET /api/v1/dossiers?queue=, GET/POST /api/v1/dossiers/{id}/actions).
import { type Static, Type } from '@sinclair/typebox';
import { DOSSIER_ACTIONS } from '../../domain/dossier/actions.ts';
import { SUB_STATUSES } from '../../domain/dossier/status.ts';
import { LocalizedTextSchema, StrictObject } from '../../platform/http/schema.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const Line = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const PersonSchema = StrictObject(
  {
    kind: Type.Optional(Type.Union([Type.Literal('individual'), Type.Literal('organisation')])),
    fullName: Line(200),
    idNumber: Type.Optional(
      Type.String({ maxLength: 20, description: 'CCCD (12 digits) or another identity number' }),
    ),
    taxCode: Type.Optional(Type.String({ maxLength: 14 })),
    organisationName: Type.Optional(Type.String({ maxLength: 300 })),
    dateOfBirth: Type.Optional(Type.String({ format: 'date' })),
    phone: Type.Optional(Type.String({ maxLength: 20 })),
    email: Type.Optional(Type.String({ maxLength: 200 })),
    address: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { description: 'Người nộp / chủ hồ sơ' },
);
export type Person = Static<typeof PersonSchema>;

export const DeliverySchema = StrictObject(
  {
    method: Type.Union([Type.Literal('desk'), Type.Literal('post'), Type.Literal('online')], {
      description: 'How the result is handed over: at the desk, by public post (address), or online',
    }),
    address: Type.Optional(Type.String({ minLength: 5, maxLength: 500 })),
  },
  { description: 'R12: how the applicant receives the result' },
);

export const ComponentFilesSchema = StrictObject({
  componentKey: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$' }),
  fileIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true }),
});

const NotifyChannel = Type.Union([Type.Literal('email'), Type.Literal('sms'), Type.Literal('chat')]);

export const BackEntrySchema = StrictObject(
  {
    receivedAt: Type.String({
      format: 'date-time',
      description: 'The real reception time (inside a declared outage)',
    }),
    reason: Type.String({ minLength: 5, maxLength: 1000 }),
    outageReference: Type.String({ minLength: 2, maxLength: 100 }),
  },
  { description: 'R16: a dossier handled by hand during an outage, entered afterwards with its real time' },
);

export const CreateDossierSchema = StrictObject({
  procedureId: Type.String({
    minLength: 1,
    maxLength: 60,
    description: 'Procedure id, national or local code',
  }),
  agencyId: Type.Optional(Uuid),
  channel: Type.Optional(
    Type.Union([
      Type.Literal('online'),
      Type.Literal('desk'),
      Type.Literal('postal'),
      Type.Literal('assisted'),
    ]),
  ),
  applicant: Type.Optional(PersonSchema),
  owner: Type.Optional(PersonSchema),
  formData: Type.Optional(
    Type.Record(Type.String({ maxLength: 40 }), Type.Record(Type.String(), Type.Unknown())),
  ),
  components: Type.Optional(Type.Array(ComponentFilesSchema, { maxItems: 60 })),
  delivery: DeliverySchema,
  notify: Type.Optional(Type.Array(NotifyChannel, { maxItems: 3, uniqueItems: true })),
  lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')])),
  backEntry: Type.Optional(BackEntrySchema),
});
export type CreateDossierBody = Static<typeof CreateDossierSchema>;

export const RequestItemSchema = StrictObject({
  componentKey: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$' })),
  name: Line(500),
  reason: Type.Optional(Type.String({ maxLength: 1000 })),
  quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
  amountVnd: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 })),
});

export const ActionBodySchema = StrictObject({
  action: Type.Union(DOSSIER_ACTIONS.map((a) => Type.Literal(a))),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  reasons: Type.Optional(Type.Array(Line(1000), { maxItems: 30 })),
  items: Type.Optional(Type.Array(RequestItemSchema, { maxItems: 60 })),
  expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  components: Type.Optional(Type.Array(ComponentFilesSchema, { maxItems: 60 })),
  formData: Type.Optional(
    Type.Record(Type.String({ maxLength: 40 }), Type.Record(Type.String(), Type.Unknown())),
  ),
  newDueAt: Type.Optional(Type.String({ format: 'date-time' })),
  handoverTo: Type.Optional(Uuid),
  assignTo: Type.Optional(Uuid),
  resultFileId: Type.Optional(Uuid),
  deliveredHow: Type.Optional(
    Type.Union([Type.Literal('desk'), Type.Literal('post'), Type.Literal('online')], {
      description: 'return_result: how the result was handed over',
    }),
  ),
  paperReceived: Type.Optional(Type.Boolean()),
  at: Type.Optional(
    Type.String({ format: 'date-time', description: 'Back-entry: the real time of the action (R16)' }),
  ),
  outageReference: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
});
export type ActionBody = Static<typeof ActionBodySchema>;

const StatusNumber = Type.Integer({
  minimum: 1,
  maximum: 10,
  description: 'National public-service portal status code',
});

export const DossierSummarySchema = Type.Object({
  id: Uuid,
  code: Type.String(),
  status: StatusNumber,
  statusName: LocalizedTextSchema,
  subStatus: Type.String({ enum: Object.keys(SUB_STATUSES) }),
  subStatusName: LocalizedTextSchema,
  procedureId: Uuid,
  procedureName: Type.String(),
  channel: Type.String(),
  applicantName: Type.String(),
  receivingAgencyCode: Type.String(),
  submittedAt: Type.String({ format: 'date-time' }),
  receivedAt: Nullable(Type.String({ format: 'date-time' })),
  dueAt: Nullable(Type.String({ format: 'date-time' })),
  receptionDueAt: Nullable(Type.String({ format: 'date-time' })),
  warning: Type.Union(
    [Type.Literal('overdue'), Type.Literal('dueSoon'), Type.Literal('normal'), Type.Null()],
    {
      description: 'R17/R36 colour: the reception clock while awaiting reception, else the appointment',
    },
  ),
  version: Type.Integer(),
});

export const DossierFileSchema = Type.Object({
  componentKey: Type.String(),
  fileId: Uuid,
  name: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  superseded: Type.Boolean(),
});

export const RequestViewSchema = Type.Object({
  id: Uuid,
  kind: Type.String(),
  items: Type.Array(
    Type.Object({
      componentKey: Type.Optional(Type.String()),
      name: Type.String(),
      reason: Type.Optional(Type.String()),
    }),
  ),
  note: Nullable(Type.String()),
  requestedAt: Type.String({ format: 'date-time' }),
  status: Type.String(),
  clockPolicy: Type.Union([Type.Literal('restart'), Type.Literal('pause'), Type.Null()], {
    description:
      'Supplement requests during processing: the time limit restarts when the applicant answers (restart) or the waiting time is not counted (pause), from the rule set',
  }),
});

export const DossierDetailSchema = Type.Composite([
  DossierSummarySchema,
  Type.Object({
    procedureVersionId: Uuid,
    ruleSetCode: Type.String(),
    formSet: Type.Union([Type.Literal('tt01_2018'), Type.Literal('tt03_2025')], {
      description: 'Which circular’s forms the slips of this dossier follow (its rule set)',
    }),
    handlingAgencyId: Uuid,
    receivingAgencyId: Uuid,
    applicant: Type.Record(Type.String(), Type.Unknown()),
    owner: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    formData: Type.Record(Type.String(), Type.Unknown()),
    delivery: Type.Record(Type.String(), Type.Unknown()),
    notify: Type.Array(NotifyChannel, { description: 'R37: the channels the applicant chose' }),
    fees: Type.Array(Type.Unknown()),
    files: Type.Array(DossierFileSchema),
    openRequest: Type.Union([RequestViewSchema, Type.Null()]),
    clockStartedAt: Nullable(Type.String({ format: 'date-time' })),
    resultAt: Nullable(Type.String({ format: 'date-time' })),
    returnedAt: Nullable(Type.String({ format: 'date-time' })),
    apologyCount: Type.Integer(),
    currentStepKey: Nullable(Type.String()),
    currentAssigneeId: Nullable(Uuid),
    stepDueAt: Nullable(Type.String({ format: 'date-time' })),
    backEntered: Type.Boolean(),
    historyCount: Type.Integer({ description: 'History is paged separately: GET …/history' }),
  }),
]);
export type DossierDetail = Static<typeof DossierDetailSchema>;

export const DossierListQuerySchema = StrictObject({
  queue: Type.Optional(
    Type.Union(
      [
        Type.Literal('mine'),
        Type.Literal('online_new'),
        Type.Literal('completion_pending'),
        Type.Literal('to_process'),
        Type.Literal('withdrawal'),
        Type.Literal('processing'),
        Type.Literal('all'),
      ],
      { description: 'Work list; officers see only dossiers of their scope, citizens only their own' },
    ),
  ),
  q: Type.Optional(
    Type.String({ maxLength: 100, description: 'Dossier code or applicant name (no diacritics needed)' }),
  ),
  status: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

export const DossierListSchema = Type.Object({
  items: Type.Array(DossierSummarySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const AvailableActionSchema = Type.Object({
  action: Type.String(),
  needs: Type.Array(Type.String()),
  to: StatusNumber,
  label: LocalizedTextSchema,
});

export const HistoryEntrySchema = Type.Object({
  seq: Type.Integer(),
  action: Type.String(),
  actionName: LocalizedTextSchema,
  actorLabel: Type.String(),
  actorName: Type.Union([Type.String(), Type.Null()], {
    description: 'The officer’s full name (printed on slips); null when the applicant or the system acted',
  }),
  relation: Type.String(),
  at: Type.String({ format: 'date-time' }),
  statusBefore: Type.Union([StatusNumber, Type.Null()]),
  statusAfter: StatusNumber,
  subStatusAfter: Type.String(),
  note: Nullable(Type.String()),
  reasons: Type.Array(Type.String()),
  items: Type.Array(Type.Unknown()),
  dueAfter: Nullable(Type.String({ format: 'date-time' })),
  backEntered: Type.Boolean(),
});

export const HistoryQuerySchema = StrictObject({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

export const DossierIdParamsSchema = StrictObject({ id: Type.String({ format: 'uuid' }) });
