import type { SigningService } from './signing-service.ts';

declare module '../../platform/http/app.ts' {
  interface AppDeps {
    signing: SigningService;
  }
}
