/** The session types the console uses, from the contract (src/contract/staff-auth.ts). */
export {
  STAFF_ROLES,
  staffSession as staffSessionSchema,
  type SignInBody,
  type StaffAccount,
  type StaffRole,
  type StaffSession,
} from '../contract/staff-auth.js';
