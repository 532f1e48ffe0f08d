export const sampleComplaint: {
  kind: 'complaint';
  category: string;
  subject: string;
  description: string;
  contactChannel: 'phone';
  contact: { name: string; mobile: string };
  consent: { accepted: true; version: string };
  client: { locale: 'ar'; fillMs: number };
};
