// "Mẫu tin ZNS (Zalo)" (R37, issue 8): every notification event with the approved Zalo template it is
// mapped to, its parameters and when it last changed. Applicant events without a template carry a
// warning badge: with MOTCUA_CHAT=zalo their messages are dead-lettered instead of sent.
import { useState } from 'react';
import type { ZnsTemplateView } from '../../../src/modules/notifications/notifications.schemas.ts';
import { errorMessage } from '../../api/client.ts';
import { documentsApi } from '../../api/documents.ts';
import { useAsync } from '../../catalogue/use-async.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatVietnamTime, Section } from '../../ui/form-kit.tsx';
import { Alert, NotReady } from '../../ui/layout.tsx';
import { useGuardedCall } from '../session.ts';
import { ZnsMappingForm } from './ZnsMappingForm.tsx';
import '../../ui/catalogue.css';
import '../../ui/zns.css';

export function ZnsTemplatesSection() {
  const { m, lang } = useI18n();
  const t = m.zns;
  const guarded = useGuardedCall();
  const list = useAsync(() => guarded(() => documentsApi.znsTemplates()), 'zns-templates');
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const eventName = (event: string) => m.documents.event[event] ?? event;

  const remove = async (item: ZnsTemplateView) => {
    if (!window.confirm(t.confirmRemove(eventName(item.event)))) {
      return;
    }
    try {
      await guarded(() => documentsApi.removeZnsTemplate(item.event));
      setNotice({ kind: 'success', text: t.removed(eventName(item.event)) });
      setEditing(null);
      list.reload();
    } catch (error) {
      setNotice({ kind: 'error', text: errorMessage(error, lang) });
    }
  };

  if (list.status !== 'ready') {
    return (
      <Section title={t.title}>
        <NotReady state={list} />
      </Section>
    );
  }
  const { items, params, chatKind } = list.data;
  const unmapped = items.filter((i) => i.audience === 'applicant' && i.templateId === null).length;
  const editedItem = items.find((i) => i.event === editing);
  return (
    <Section title={t.title} id="zns-templates">
      <p>{t.lead}</p>
      <Alert kind={chatKind === 'zalo' && unmapped > 0 ? 'error' : 'info'}>
        {{ zalo: t.modeZalo, local: t.modeLocal, off: t.modeOff }[chatKind]}{' '}
        <strong>{unmapped > 0 ? t.unmappedCount(unmapped) : t.allMapped}</strong>
      </Alert>
      <div aria-live="polite">{notice ? <Alert kind={notice.kind}>{notice.text}</Alert> : null}</div>
      <table className="data-table table--stack zns-table">
        <caption className="visually-hidden">{t.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colEvent}</th>
            <th scope="col">{t.colState}</th>
            <th scope="col">{t.colTemplate}</th>
            <th scope="col">{t.colParams}</th>
            <th scope="col">{t.colUpdated}</th>
            <th scope="col">{t.colActions}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <ZnsRow
              key={item.event}
              item={item}
              name={eventName(item.event)}
              chatKind={chatKind}
              onEdit={() => {
                setNotice(null);
                setEditing(item.event);
              }}
              onRemove={() => void remove(item)}
            />
          ))}
        </tbody>
      </table>
      {editedItem ? (
        <ZnsMappingForm
          key={editedItem.event}
          item={editedItem}
          fields={params}
          eventLabel={eventName(editedItem.event)}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice({ kind: 'success', text: t.saved(eventName(saved.event)) });
            list.reload();
          }}
        />
      ) : null}
    </Section>
  );
}

function ZnsRow(props: {
  item: ZnsTemplateView;
  name: string;
  chatKind: string;
  onEdit(): void;
  onRemove(): void;
}) {
  const { m } = useI18n();
  const t = m.zns;
  const { item } = props;
  const params = Object.entries(item.params);
  const officer = item.audience === 'officer';
  // Cells of an unmapped event say "—"; narrow screens leave them out (zns.css).
  const empty = item.templateId === null ? 'zns-empty' : undefined;
  return (
    <tr className={item.templateId === null && !officer ? 'zns-row--unmapped' : undefined}>
      <th scope="row">{props.name}</th>
      <td data-label={t.colState}>
        {item.templateId !== null ? (
          <span className="badge badge--active">{t.mapped}</span>
        ) : officer ? (
          <span className="zns-note">{t.officerOnly}</span>
        ) : (
          <>
            <span className="badge badge--warning">
              <span aria-hidden="true">⚠ </span>
              {t.unmapped}
            </span>
            <small className="zns-note">
              {props.chatKind === 'zalo' ? t.unmappedNoteZalo : t.unmappedNote}
            </small>
          </>
        )}
      </td>
      <td data-label={t.colTemplate} className={empty}>
        {item.templateId ?? t.none}
      </td>
      <td data-label={t.colParams} className={empty}>
        {params.length > 0 ? (
          <ul className="zns-param-list">
            {params.map(([name, value]) => (
              <li key={name}>
                <code>{name}</code> ← {fieldText(value, m.zns.fields)}
              </li>
            ))}
          </ul>
        ) : (
          t.none
        )}
      </td>
      <td data-label={t.colUpdated} className={empty}>
        {item.updatedAt ? formatVietnamTime(item.updatedAt) : t.none}
      </td>
      <td data-label={t.colActions}>
        {officer && item.templateId === null ? null : (
          <div className="zns-actions">
            <button type="button" className="button button--small" onClick={props.onEdit}>
              {item.templateId === null ? t.map : t.edit}
              <span className="visually-hidden"> {t.eventLabel(props.name)}</span>
            </button>
            {item.templateId !== null ? (
              <button type="button" className="button button--small button--danger" onClick={props.onRemove}>
                {t.remove}
                <span className="visually-hidden"> {t.eventLabel(props.name)}</span>
              </button>
            ) : null}
          </div>
        )}
      </td>
    </tr>
  );
}

/** "{code}" → "Mã hồ sơ"; a value built from several fields is shown as it is. */
function fieldText(value: string, fields: Record<string, string>): string {
  const field = /^\{([a-zA-Z]+)\}$/.exec(value)?.[1];
  return (field && fields[field]) || value;
}
