// Language state for both apps: Vietnamese by default, remembered per browser, reflected in
// <html lang> so screen readers pronounce the page correctly.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './en.ts';
import { type Messages, vi } from './vi.ts';

export type Lang = 'vi' | 'en';

const CATALOGUES: Record<Lang, Messages> = { vi, en };
const STORAGE_KEY = 'motcua.lang';

interface I18nValue {
  lang: Lang;
  m: Messages;
  setLang(lang: Lang): void;
  /** Picks the text for the current language from a server { vi, en } pair. */
  pick(text: { vi: string; en: string }): string;
}

const I18nContext = createContext<I18nValue | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  }, []);
  const value = useMemo<I18nValue>(
    () => ({ lang, m: CATALOGUES[lang], setLang, pick: (text) => text[lang] }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) {
    throw new Error('useI18n outside I18nProvider');
  }
  return value;
}
