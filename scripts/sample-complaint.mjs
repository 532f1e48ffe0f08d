// A valid complaint for the load scripts (fill time well above the server's time trap).
export const sampleComplaint = {
  kind: 'complaint',
  category: 'delay',
  subject: 'تأخر الرد على طلبي',
  description: 'قدمت طلبًا منذ شهر ولم يصلني أي رد حتى الآن.',
  contactChannel: 'phone',
  contact: { name: 'محمد عبدالله العتيبي', mobile: '0551234567' },
  consent: { accepted: true, version: 'privacy-v1' },
  client: { locale: 'ar', fillMs: 45000 },
};
