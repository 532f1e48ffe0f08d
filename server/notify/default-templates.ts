/**
 * The messages Sila sends when the association's configuration overrides none: one per
 * event, in Arabic and English. Placeholders only (src/contract/notifications.ts); a
 * line whose placeholder comes out empty is left out. No template carries the national
 * ID or the follow-up code: the status page asks for the code, the message never gives it.
 */
import type { MessageTemplate, NotificationEvent } from '../../src/contract/notifications.js';
import type { MessageLocale } from './recipient.js';

const SIGN_AR = 'مع خالص التحية،\n{association}';
const SIGN_EN = 'Kind regards,\n{association}';

export const DEFAULT_TEMPLATES: Record<NotificationEvent, Record<MessageLocale, MessageTemplate>> = {
  received: {
    ar: {
      subject: 'تم استلام {kind} رقم {reference}',
      email: [
        'السلام عليكم ورحمة الله وبركاته {name}،',
        '',
        'نشكرك على تواصلك معنا. تم استلام {kind} بتاريخ {date}.',
        'الرقم المرجعي: {reference}',
        '',
        'سندرس ما أرسلته ونرد عليك في موعد أقصاه {dueDate}، وسنبلغك بكل تحديث.',
        'لمتابعة الحالة في أي وقت: {statusUrl}',
        'احتفظ بالرقم المرجعي، فستحتاج إليه مع آخر أربعة أرقام من جوالك.',
        '',
        SIGN_AR,
      ].join('\n'),
      sms: '{association}: تم استلام {kind} رقم {reference}.\nنرد عليك قبل {dueDate}.\nالمتابعة: {statusUrl}',
    },
    en: {
      subject: 'We have received your {kind}: {reference}',
      email: [
        'Dear {name},',
        '',
        'Thank you for contacting us. We received your {kind} on {date}.',
        'Reference number: {reference}',
        '',
        'We will study it and answer by {dueDate}, and we will tell you of every change.',
        'Follow it at any time: {statusUrl}',
        'Keep the reference number: you will need it with the last four digits of your mobile.',
        '',
        SIGN_EN,
      ].join('\n'),
      sms: '{association}: we received your {kind}, reference {reference}.\nAnswer by {dueDate}.\nFollow it: {statusUrl}',
    },
  },
  status: {
    ar: {
      subject: 'تحديث على {kind} رقم {reference}',
      email: [
        'السلام عليكم ورحمة الله وبركاته {name}،',
        '',
        'أصبحت حالة {kind} رقم {reference} بتاريخ {date}: {status}.',
        '',
        'ملاحظة من الفريق:',
        '{note}',
        '',
        'لمتابعة الحالة: {statusUrl}',
        '',
        SIGN_AR,
      ].join('\n'),
      sms: '{association}: حالة {kind} رقم {reference}: {status}.\n{note}\n{statusUrl}',
    },
    en: {
      subject: 'Update on your {kind} {reference}',
      email: [
        'Dear {name},',
        '',
        'On {date} the status of your {kind} {reference} became: {status}.',
        '',
        'Note from the team:',
        '{note}',
        '',
        'Follow it: {statusUrl}',
        '',
        SIGN_EN,
      ].join('\n'),
      sms: '{association}: your {kind} {reference} is now: {status}.\n{note}\n{statusUrl}',
    },
  },
  needs_info: {
    ar: {
      subject: 'نحتاج معلومات إضافية: {kind} رقم {reference}',
      email: [
        'السلام عليكم ورحمة الله وبركاته {name}،',
        '',
        'لنكمل دراسة {kind} رقم {reference} نحتاج منك ما يلي:',
        '',
        '{note}',
        '',
        'تتوقف الدراسة حتى يصلنا ما طلبناه. يمكنك التواصل معنا أو زيارة صفحة المتابعة: {statusUrl}',
        '',
        SIGN_AR,
      ].join('\n'),
      sms: '{association}: نحتاج معلومات إضافية عن {kind} رقم {reference}:\n{note}\n{statusUrl}',
    },
    en: {
      subject: 'We need more information: your {kind} {reference}',
      email: [
        'Dear {name},',
        '',
        'To continue with your {kind} {reference} we need the following from you:',
        '',
        '{note}',
        '',
        'The review is paused until we receive it. Contact us, or see the follow-up page: {statusUrl}',
        '',
        SIGN_EN,
      ].join('\n'),
      sms: '{association}: we need more information on your {kind} {reference}:\n{note}\n{statusUrl}',
    },
  },
  decision: {
    ar: {
      subject: 'قرار لجنة البحث في {kind} رقم {reference}',
      email: [
        'السلام عليكم ورحمة الله وبركاته {name}،',
        '',
        'صدر قرار لجنة البحث في {kind} رقم {reference} بتاريخ {date}: {status}.',
        '',
        '{note}',
        '',
        'للاطلاع على التفاصيل: {statusUrl}',
        '',
        SIGN_AR,
      ].join('\n'),
      sms: '{association}: قرار لجنة البحث في {kind} رقم {reference}: {status}.\n{note}\n{statusUrl}',
    },
    en: {
      subject: 'The committee has decided on your {kind} {reference}',
      email: [
        'Dear {name},',
        '',
        'On {date} the research committee decided on your {kind} {reference}: {status}.',
        '',
        '{note}',
        '',
        'See the details: {statusUrl}',
        '',
        SIGN_EN,
      ].join('\n'),
      sms: '{association}: committee decision on your {kind} {reference}: {status}.\n{note}\n{statusUrl}',
    },
  },
  closed: {
    ar: {
      subject: 'تم إغلاق {kind} رقم {reference}',
      email: [
        'السلام عليكم ورحمة الله وبركاته {name}،',
        '',
        'تم إغلاق {kind} رقم {reference} بتاريخ {date}.',
        '{note}',
        '',
        'يسعدنا أن تقيّم تجربتك معنا، فرأيك يساعدنا على تحسين خدماتنا:',
        '{statusUrl}',
        '',
        SIGN_AR,
      ].join('\n'),
      sms: '{association}: تم إغلاق {kind} رقم {reference}. شاركنا رأيك في خدمتنا:\n{statusUrl}',
    },
    en: {
      subject: 'Your {kind} {reference} is closed',
      email: [
        'Dear {name},',
        '',
        'Your {kind} {reference} was closed on {date}.',
        '{note}',
        '',
        'Please tell us how we did: your rating helps us serve people better.',
        '{statusUrl}',
        '',
        SIGN_EN,
      ].join('\n'),
      sms: '{association}: your {kind} {reference} is closed. Tell us how we did:\n{statusUrl}',
    },
  },
  // One per case, when the person asked for their reference numbers ("forgot my reference").
  reminder: {
    ar: {
      subject: 'الرقم المرجعي لـ{kind}: {reference}',
      email: [
        'السلام عليكم ورحمة الله وبركاته {name}،',
        '',
        'طلبتَ تذكيرك بالرقم المرجعي. الرقم المرجعي لـ{kind} هو:',
        '{reference}',
        '',
        'لمتابعة الحالة أدخله مع آخر أربعة أرقام من جوالك: {statusUrl}',
        'إن لم تطلب هذا التذكير فتجاهل هذه الرسالة.',
        '',
        SIGN_AR,
      ].join('\n'),
      sms: '{association}: الرقم المرجعي لـ{kind}: {reference}\nالمتابعة: {statusUrl}',
    },
    en: {
      subject: 'The reference number of your {kind}: {reference}',
      email: [
        'Dear {name},',
        '',
        'You asked us for your reference number. The reference number of your {kind} is:',
        '{reference}',
        '',
        'To follow it, enter it with the last 4 digits of your mobile: {statusUrl}',
        'If you did not ask for this reminder, ignore this message.',
        '',
        SIGN_EN,
      ].join('\n'),
      sms: '{association}: the reference number of your {kind}: {reference}\nFollow it: {statusUrl}',
    },
  },
};
