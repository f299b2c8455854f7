// The notification providers reach the routes through the app's dependencies; declared here, next to
// their use, so the platform layer stays unaware of adapters.
import type { NotificationProviders } from '../../adapters/notification-providers.ts';

declare module '../../platform/http/app.ts' {
  interface AppDeps {
    notifications: NotificationProviders;
  }
}
