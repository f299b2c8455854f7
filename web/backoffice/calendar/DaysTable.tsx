// The year's declared days as a table: the same facts as the grid, readable in one pass (screen
// readers, printing), each with its kind, name, legal basis and source.
import type { YearView } from '../../api/calendar.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { vnDate, weekdayOfIso } from './calendar-dates.ts';

export function DaysTable({ view, onEdit }: { view: YearView; onEdit(date: string): void }) {
  const { m, pick } = useI18n();
  const t = m.calendar;
  return (
    <section className="card cal-list" aria-labelledby="cal-list-title">
      <h2 id="cal-list-title">{t.listTitle(view.year)}</h2>
      {view.days.length === 0 ? (
        <p>{t.listEmpty}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.colDate}</th>
                <th scope="col">{t.colKind}</th>
                <th scope="col">{t.colName}</th>
                <th scope="col">{t.colBasis}</th>
                <th scope="col">{t.colSource}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.edit}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.days.map((day) => (
                <tr key={day.date}>
                  <th scope="row">
                    {t.weekdayLong[weekdayOfIso(day.date)]}, {vnDate(day.date)}
                  </th>
                  <td>
                    <span className={`cal-swatch cal-day--${day.kind}`} aria-hidden="true" />{' '}
                    {t.kinds[day.kind]}
                  </td>
                  <td>{pick(day.name)}</td>
                  <td>{day.legalBasis ?? '—'}</td>
                  <td>
                    {day.inherited
                      ? t.sourceInherited
                      : day.source === 'proposal'
                        ? t.sourceProposal
                        : t.sourceAdministrator}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`${t.edit} ${vnDate(day.date)}`}
                      onClick={() => onEdit(day.date)}
                    >
                      {t.edit}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
