/** The staff console's entry (dist/staff/): the shell; each view loads when opened. */
export { SilaStaffConsole } from './console.js';
export { StaffApi, StaffApiError, SessionExpiredEvent } from './api.js';
