import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/styles.css';
import { I18nProvider } from '../i18n/i18n.tsx';
import { BackofficeApp } from './BackofficeApp.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <BackofficeApp />
      </I18nProvider>
    </StrictMode>,
  );
}
