import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/styles.css';
import { I18nProvider } from '../i18n/i18n.tsx';
import { PortalApp } from './PortalApp.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <PortalApp />
      </I18nProvider>
    </StrictMode>,
  );
}
