// The shared password of every demo account: published in the README and on the sign-in pages.
// Demo mode is refused in production (config), so these accounts never exist there.
export const DEMO_PASSWORD = 'Demo@2026';
