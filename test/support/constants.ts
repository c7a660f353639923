export const TEMPLATE_DB = 'yunhu_test_template';
/** Every demo account in the test template has this password. */
export const DEMO_PASSWORD = 'Demo-Passw0rd-2026';
/** The fixed "now" most tests start from: a Thursday in the 2026 working calendar. */
export const TEST_NOW = new Date('2026-03-05T02:00:00.000Z');
/** The audit key tests seal events with ("<id>:<secret>"); the template's seed is sealed with it too. */
export const TEST_AUDIT_KEY = `test-k1:${'audit-test-secret-'.padEnd(48, 'z')}`;
