// The differences between two versions, one row per changed field (R4).
import type { DiffEntry } from '../../api/catalogue.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const show = (value: unknown) =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value, null, 1);

export function DiffTable({ title, changes }: { title: string; changes: DiffEntry[] }) {
  const { m } = useI18n();
  const a = m.catalogue.admin;
  const kind = { added: a.diffAdded, removed: a.diffRemoved, changed: a.diffChanged };
  return (
    <section className="proc-section" aria-label={title}>
      <h3>{title}</h3>
      {changes.length === 0 ? (
        <p>{a.diffEmpty}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{a.diffField}</th>
                <th scope="col">{a.diffKind}</th>
                <th scope="col">{a.diffBefore}</th>
                <th scope="col">{a.diffAfter}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.path}>
                  <th scope="row">
                    <code>{change.path}</code>
                  </th>
                  <td>{kind[change.kind]}</td>
                  <td className="diff-value diff-removed">{show(change.before)}</td>
                  <td className="diff-value diff-added">{show(change.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
