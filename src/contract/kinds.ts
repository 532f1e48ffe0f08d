/**
 * The kinds of message and of applicant, on their own: the form config lists them without
 * pulling in the complaint and request schemas (the rating's and the lookup's single files
 * then carry neither).
 */
export const COMPLAINT_KINDS = ['complaint', 'suggestion', 'inquiry', 'compensation'] as const;
export const AUDIENCES = ['beneficiary', 'member'] as const;
