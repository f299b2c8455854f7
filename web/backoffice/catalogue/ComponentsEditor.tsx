// Dossier components (thành phần hồ sơ) of the draft: name, quantity, original/copy, required or
// conditional with its condition, attached form files, and the optional e-form (edited with a
// live preview).
import { useState } from 'react';
import type { FileRef, ProcedureContent } from '../../api/catalogue.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EformEditor, EMPTY_EFORM } from './EformEditor.tsx';
import { Check, Checks, ListEditor, SelectField, TextField } from './editor-parts.tsx';

type Component = ProcedureContent['components'][number];

function nextKey(components: Component[]): string {
  let n = components.length + 1;
  while (components.some((c) => c.key === `tp-${n}`)) {
    n++;
  }
  return `tp-${n}`;
}

export function ComponentsEditor(props: {
  components: Component[];
  files: FileRef[];
  errorFor(path: string): string | undefined;
  onChange(components: Component[]): void;
}) {
  const { m } = useI18n();
  const c = m.catalogue;
  const a = c.admin;
  const [editing, setEditing] = useState<number | null>(null);
  const editingComponent = editing === null ? undefined : props.components[editing];
  const update = (index: number, next: Component) =>
    props.onChange(props.components.map((x, i) => (i === index ? next : x)));

  return (
    <section className="card proc-section">
      <h2>{a.componentsTitle}</h2>
      <ListEditor
        items={props.components}
        onChange={props.onChange}
        create={() => ({
          key: nextKey(props.components),
          name: '',
          quantity: 1,
          copyKind: 'original' as const,
          required: true,
          condition: null,
          formFileIds: [],
          eform: null,
        })}
        addLabel={a.addComponent}
        removeLabel={a.remove}
        itemLabel={(i) => `${c.componentName} ${i + 1}`}
        render={(component, i, set) => (
          <>
            <TextField
              path={`components/${i}/name`}
              label={`${c.componentName} ${i + 1}`}
              value={component.name}
              onChange={(v) => set({ ...component, name: v })}
            />
            <div className="inline-form">
              <TextField
                path={`components/${i}/quantity`}
                label={c.quantity}
                type="number"
                value={String(component.quantity)}
                onChange={(v) =>
                  set({ ...component, quantity: Math.min(20, Math.max(1, Math.trunc(Number(v) || 1))) })
                }
              />
              <SelectField
                path={`components/${i}/copyKind`}
                label={c.kind}
                value={component.copyKind}
                options={Object.entries(c.copyKind) as Array<[string, string]>}
                onChange={(v) => set({ ...component, copyKind: v as Component['copyKind'] })}
              />
              <Check
                path={`components/${i}/required`}
                label={a.componentRequired}
                checked={component.required}
                onChange={(v) =>
                  set({ ...component, required: v, condition: v ? null : (component.condition ?? '') })
                }
              />
            </div>
            {!component.required ? (
              <TextField
                path={`components/${i}/condition`}
                label={a.condition}
                value={component.condition ?? ''}
                error={props.errorFor(`components/${i}/condition`)}
                onChange={(v) => set({ ...component, condition: v || null })}
              />
            ) : null}
            {props.files.length > 0 ? (
              <Checks
                path={`components/${i}/formFileIds`}
                legend={a.formFiles}
                options={props.files.map((f): [string, string] => [f.id, f.fileName])}
                values={component.formFileIds}
                onChange={(v) => set({ ...component, formFileIds: v })}
              />
            ) : null}
            <p className="toolbar">
              <span>
                {a.eform}: {component.eform ? component.eform.layout.title.vi : a.none}
              </span>
              <button type="button" className="button button--small" onClick={() => setEditing(i)}>
                {component.eform ? a.editEform : a.addEform}
              </button>
              {component.eform ? (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => set({ ...component, eform: null })}
                >
                  {a.removeEform}
                </button>
              ) : null}
            </p>
          </>
        )}
      />
      {editing !== null && editingComponent ? (
        <EformEditor
          key={editing}
          value={editingComponent.eform ?? EMPTY_EFORM}
          onCancel={() => setEditing(null)}
          onDone={(eform) => {
            update(editing, { ...editingComponent, eform });
            setEditing(null);
          }}
        />
      ) : null}
    </section>
  );
}
