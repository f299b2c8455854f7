// Portal home: procedure search, the sector list (filled by the catalogue), lookup by dossier code.
import { type FormEvent, useId, useState } from 'react';
import { normalizeDossierCodeInput, parseDossierCode } from '../../src/domain/dossier/dossier-code.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { navigate } from '../ui/router.tsx';
import { BrowseBySector, PopularProcedures } from './catalogue/HomeCatalogue.tsx';

export function HomePage() {
  const { m } = useI18n();
  const searchId = useId();
  const searchHintId = useId();
  const lookupId = useId();
  const lookupHintId = useId();
  const lookupErrorId = useId();
  const [query, setQuery] = useState('');
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState(false);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/thu-tuc?q=${encodeURIComponent(query.trim())}`);
  };

  const onLookup = (event: FormEvent) => {
    event.preventDefault();
    const normalized = normalizeDossierCodeInput(code);
    if (!parseDossierCode(normalized)) {
      setCodeError(true);
      return;
    }
    setCodeError(false);
    navigate(`/tra-cuu?ma=${encodeURIComponent(normalized)}`);
  };

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="page">
          <h1 id="hero-title">{m.portal.heroTitle}</h1>
          <p>{m.portal.heroLead}</p>
          <search>
            <form className="search-form" onSubmit={onSearch}>
              <label htmlFor={searchId}>{m.portal.searchLabel}</label>
              <input
                id={searchId}
                type="search"
                name="q"
                value={query}
                placeholder={m.portal.searchPlaceholder}
                aria-describedby={searchHintId}
                onChange={(event) => setQuery(event.target.value)}
              />
              <button type="submit" className="button button--primary">
                {m.portal.searchButton}
              </button>
              <p id={searchHintId} className="hint">
                {m.portal.searchHint}
              </p>
            </form>
          </search>
        </div>
      </section>
      <div className="page grid grid--2">
        <section className="card" aria-labelledby="categories-title">
          <h2 id="categories-title">{m.portal.categoriesTitle}</h2>
          <BrowseBySector />
        </section>
        <section className="card" aria-labelledby="lookup-title">
          <h2 id="lookup-title">{m.portal.lookupTitle}</h2>
          <form onSubmit={onLookup} noValidate>
            <div className="field">
              <label htmlFor={lookupId}>{m.portal.lookupLabel}</label>
              <span id={lookupHintId} className="hint">
                {m.portal.lookupHint}
              </span>
              {codeError ? (
                <p id={lookupErrorId} className="field-error" role="alert">
                  {m.portal.lookupInvalid}
                </p>
              ) : null}
              <input
                id={lookupId}
                type="text"
                name="ma"
                autoComplete="off"
                spellCheck={false}
                value={code}
                placeholder={m.portal.lookupPlaceholder}
                aria-invalid={codeError}
                aria-describedby={codeError ? `${lookupHintId} ${lookupErrorId}` : lookupHintId}
                onChange={(event) => setCode(event.target.value)}
              />
            </div>
            <button type="submit" className="button button--primary">
              {m.portal.lookupButton}
            </button>
          </form>
        </section>
        <section className="card" aria-labelledby="popular-title">
          <h2 id="popular-title">{m.catalogue.popularTitle}</h2>
          <PopularProcedures />
        </section>
      </div>
    </>
  );
}
