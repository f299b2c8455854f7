// A dossier enters the system (R12, R15–R18; TT 01/2018 Đ19): online from a citizen (status 1, the
// 8-working-hour reception clock starts at the next working instant, R17) or at the desk, by post
// or assisted (status 2 at once, with the appointment). The code is issued here, once, and serves
// every channel end to end; the procedure version, rule set and calendar version are bound here.
import type { Transaction } from 'kysely';
import { can } from '../../../domain/access/policy.ts';
import { clockStart, dueAfter } from '../../../domain/processing/time-limit.ts';
import { cleanLine, foldVietnamese } from '../../../domain/text/vietnamese.ts';
import { addWorkingMinutes, formatIsoDate, localDayOf } from '../../../domain/working-time/index.ts';
import { dataProtection } from '../../../platform/crypto/data-protection.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { Actor, CurrentUser } from '../../auth/actor.ts';
import { findProcedure, findVersionInForce } from '../../catalogue/catalogue.repository.ts';
import type { Version } from '../../catalogue/catalogue.schemas.ts';
import { validateEformData } from '../../catalogue/eform.service.ts';
import { agencyPath } from '../../organisation/agency-scope.ts';
import { findRuleSetInForce } from '../../rules/rule-sets.repository.ts';
import { dossierErrors } from '../dossier.errors.ts';
import {
  attachFiles,
  type DossierRow,
  type Executor,
  insertDossier,
  usableFileIds,
} from '../dossier.repository.ts';
import type { CreateDossierBody, Person } from '../dossier.schemas.ts';
import { issueDossierCode } from '../dossier-code.repository.ts';
import { agencyNames, calendarFor, type DossierDeps, timeLimitOf } from '../dossier-context.ts';
import { recordChange } from '../dossier-events.ts';
import { idNumberIndexes, sealFormData, sealPerson } from '../dossier-protection.ts';
import { currentReceptionHook } from './action-handlers.ts';
import { notifyChoice } from './notify-choice.ts';
import { findOutage } from './outages.ts';

type Mode = 'online' | 'desk';

function cleanPerson(person: Person): Person {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(person)) {
    if (typeof value === 'string' && value.trim() !== '') {
      out[key] = key === 'email' ? value.trim().toLowerCase() : cleanLine(value);
    }
  }
  return { kind: 'individual', ...(out as Person) };
}

async function applicantOf(
  db: Executor,
  user: CurrentUser,
  body: CreateDossierBody,
  mode: Mode,
): Promise<Person> {
  if (mode === 'desk') {
    if (!body.applicant) {
      throw dossierErrors.applicantRequired();
    }
    return cleanPerson(body.applicant);
  }
  // Online: the account's verified details, completed (not replaced) by what the form adds.
  const account = await db
    .selectFrom('users')
    .leftJoin('accountProfiles', 'accountProfiles.userId', 'users.id')
    .select([
      'users.fullName',
      'users.phone',
      'users.email',
      'accountProfiles.idNumber',
      'accountProfiles.address',
      'accountProfiles.dateOfBirth',
      'accountProfiles.taxCode',
    ])
    .where('users.id', '=', user.id)
    .executeTakeFirstOrThrow();
  const fromAccount: Person = {
    kind: user.kind === 'organisation' ? 'organisation' : 'individual',
    fullName: account.fullName,
    ...(account.phone ? { phone: account.phone } : {}),
    ...(account.email ? { email: account.email } : {}),
    ...(account.idNumber ? { idNumber: await dataProtection().open(db, account.idNumber) } : {}),
    ...(account.address ? { address: account.address } : {}),
    ...(account.dateOfBirth ? { dateOfBirth: account.dateOfBirth } : {}),
    ...(account.taxCode ? { taxCode: account.taxCode } : {}),
  };
  return cleanPerson({ ...(body.applicant ?? {}), ...fromAccount });
}

function performingAgency(version: Version, requested: string | undefined): string {
  const performing = version.performingAgencyIds;
  if (requested) {
    if (performing.length > 0 && !performing.includes(requested)) {
      throw dossierErrors.agencyNotPerforming();
    }
    return requested;
  }
  if (performing.length === 1 && performing[0]) {
    return performing[0];
  }
  if (performing.length === 0 && (version.decidingAgencyId ?? version.deskAgencyId)) {
    return (version.decidingAgencyId ?? version.deskAgencyId) as string;
  }
  throw dossierErrors.agencyRequired();
}

/** Checks component keys, files and e-form data against the procedure version. */
async function checkContent(
  db: Executor,
  version: Version,
  body: CreateDossierBody,
  ownerIds: string[],
  mode: Mode,
) {
  const components = body.components ?? [];
  const known = new Map(version.components.map((c) => [c.key, c]));
  const fileIds = components.flatMap((c) => c.fileIds);
  const usable = await usableFileIds(db, ownerIds, fileIds);
  for (const component of components) {
    if (!known.has(component.componentKey)) {
      throw dossierErrors.unknownComponent(component.componentKey);
    }
    for (const fileId of component.fileIds) {
      if (!usable.has(fileId)) {
        throw dossierErrors.fileNotUsable(fileId);
      }
    }
  }
  const formData: Record<string, Record<string, unknown>> = {};
  for (const [key, data] of Object.entries(body.formData ?? {})) {
    const component = known.get(key);
    if (!component?.eform) {
      throw dossierErrors.unknownComponent(key);
    }
    const result = validateEformData(component.eform, data);
    const [first] = result.errors;
    if (first) {
      throw dossierErrors.eformInvalid(key, first.field, first.message);
    }
    formData[key] = result.data;
  }
  if (mode === 'online') {
    const supplied = new Set([...components.map((c) => c.componentKey), ...Object.keys(formData)]);
    for (const component of version.components) {
      if (component.required && !supplied.has(component.key)) {
        throw dossierErrors.componentMissing(component.name, component.key);
      }
    }
  }
  return { components, formData };
}

/** The desk unit an officer receives for: the scope of their desk grant, else the procedure's desk. */
async function deskOf(db: Executor, user: CurrentUser, expectedDesk: string): Promise<string> {
  const grant = user.roles.find((r) => r.role === 'desk_officer' && r.scopeId !== null);
  const desk = grant?.scopeId ?? expectedDesk;
  if (!can(user.roles, 'dossier.receive', await agencyPath(db, desk))) {
    throw dossierErrors.invalidField(
      'channel',
      'Bạn không có quyền tiếp nhận hồ sơ.',
      'You may not receive dossiers.',
    );
  }
  return desk;
}

export async function createDossier(
  deps: DossierDeps,
  trx: Transaction<Database>,
  user: CurrentUser,
  actor: Actor,
  body: CreateDossierBody,
): Promise<DossierRow> {
  const mode: Mode = user.kind === 'officer' ? 'desk' : 'online';
  const channel = mode === 'online' ? 'online' : (body.channel ?? 'desk');
  if (mode === 'online' && body.channel && body.channel !== 'online') {
    throw dossierErrors.invalidField(
      'channel',
      'Người dân chỉ nộp hồ sơ trực tuyến.',
      'Citizens submit online only.',
    );
  }
  if (mode === 'desk' && channel === 'online') {
    throw dossierErrors.invalidField(
      'channel',
      'Cán bộ tiếp nhận tại quầy, qua bưu chính hoặc nộp thay.',
      'Officers receive at the desk, by post or assisted.',
    );
  }
  if (body.delivery.method === 'post' && !body.delivery.address) {
    throw dossierErrors.deliveryAddress();
  }
  const now = deps.now();
  const outage = body.backEntry ? await findOutage(trx, body.backEntry, user) : null;
  const enteredAt = outage ? new Date(body.backEntry?.receivedAt ?? now) : now;
  const day = formatIsoDate(localDayOf(enteredAt.getTime()));

  const procedure = await findProcedure(trx, body.procedureId);
  if (!procedure) {
    throw dossierErrors.procedureNotFound();
  }
  const version = await findVersionInForce(trx, procedure.id, day);
  if (!version) {
    throw dossierErrors.procedureNotInForce();
  }
  if (mode === 'online' && version.onlineLevel === 'none') {
    throw dossierErrors.notOnline();
  }
  const handlingAgencyId = performingAgency(version, body.agencyId);
  const handling = await trx
    .selectFrom('agencies')
    .select(['id', 'deskAgencyId'])
    .where('id', '=', handlingAgencyId)
    .executeTakeFirst();
  if (!handling) {
    throw dossierErrors.agencyNotPerforming();
  }
  const expectedDesk = version.deskAgencyId ?? handling.deskAgencyId ?? handling.id;
  const receivingAgencyId = mode === 'desk' ? await deskOf(trx, user, expectedDesk) : expectedDesk;
  const applicant = await applicantOf(trx, user, body, mode);
  const notify = notifyChoice(body, applicant, mode);
  const { components, formData } = await checkContent(trx, version, body, [user.id], mode);
  const ruleSet = await findRuleSetInForce(trx, day);
  if (!ruleSet) {
    throw dossierErrors.procedureNotInForce();
  }
  const handlingCalendar = await calendarFor(trx, handlingAgencyId, day);
  const names = await agencyNames(trx, [receivingAgencyId, handlingAgencyId]);
  const receiving = names.get(receivingAgencyId);
  if (!receiving) {
    throw dossierErrors.agencyNotPerforming();
  }
  const code = await issueDossierCode(trx, receiving.code, day);

  let timing: {
    clockStartedAt?: Date;
    receptionDueAt?: Date;
    receivedAt?: Date;
    dueAt?: Date;
    originalDueAt?: Date;
  } = {};
  if (mode === 'online' || channel === 'assisted') {
    const receivingCalendar = (await calendarFor(trx, receivingAgencyId, day)).calendar;
    const start = clockStart(receivingCalendar, enteredAt.getTime());
    const receptionDue = start.ok
      ? addWorkingMinutes(receivingCalendar, start.value, ruleSet.settings.onlineReceptionWorkingHours * 60)
      : start;
    timing =
      start.ok && receptionDue.ok
        ? { clockStartedAt: new Date(start.value), receptionDueAt: new Date(receptionDue.value) }
        : {};
  } else {
    const due = dueAfter(handlingCalendar.calendar, enteredAt.getTime(), timeLimitOf(version, false));
    if (!due.ok) {
      throw dossierErrors.calendar();
    }
    timing = { receivedAt: enteredAt, dueAt: new Date(due.value), originalDueAt: new Date(due.value) };
  }
  const received = mode === 'desk' && channel !== 'assisted';
  const id = deps.newId();
  const owner = body.owner ? cleanPerson(body.owner) : null;
  const row = {
    id,
    code,
    procedureId: procedure.id,
    procedureVersionId: version.id,
    ruleSetId: ruleSet.id,
    calendarVersionId: handlingCalendar.versionId,
    receivingAgencyId,
    handlingAgencyId,
    channel,
    status: received ? 2 : 1,
    subStatus: received ? 'to_process' : 'awaiting_reception',
    applicantUserId: mode === 'online' ? user.id : null,
    // Goal 23: ID numbers sealed under the dossier's data key; found again by blind index only.
    applicant: JSON.stringify(await sealPerson(trx, id, applicant)),
    owner: owner ? JSON.stringify(await sealPerson(trx, id, owner)) : null,
    idNumberBidx: idNumberIndexes(dataProtection(), [applicant, owner]),
    searchText: foldVietnamese(`${code} ${applicant.fullName} ${applicant.phone ?? ''}`),
    formData: JSON.stringify(await sealFormData(trx, id, formData)),
    delivery: JSON.stringify(body.delivery),
    fees: JSON.stringify(version.fees),
    notify: JSON.stringify(notify),
    lang: body.lang ?? 'vi',
    submittedAt: enteredAt,
    backEntered: outage !== null,
    ...timing,
  } as const;
  await insertDossier(trx, row);
  const after = await trx
    .selectFrom('dossiers')
    .selectAll()
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  const history = await recordChange(
    trx,
    {
      jobs: deps.jobs,
      notify: deps.notify,
      actor,
      unitId: user.kind === 'officer' ? receivingAgencyId : null,
    },
    {
      action: received ? 'receive' : 'submit',
      relation: received ? 'desk' : 'applicant',
      before: null,
      after,
      at: enteredAt,
      note: outage ? (body.backEntry?.reason ?? null) : null,
      attachments: components.flatMap((c) => c.fileIds),
      outageId: outage?.id ?? null,
      procedureName: version.name,
      agencyName: names.get(handlingAgencyId)?.name ?? receiving.name,
    },
  );
  await attachFiles(trx, row.id, history.id, components, deps.newId);
  const hook = currentReceptionHook();
  if (received && hook) {
    await hook({ deps, trx, dossier: after, history, at: enteredAt, userId: user.id });
    return trx.selectFrom('dossiers').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
  }
  return after;
}
