// The complaint form as a SurveyJS JSON: the same fields, rules and 5-star rating.
import { mountSurvey } from './survey-page.js';

mountSurvey({
  title: 'Send a complaint',
  showQuestionNumbers: 'off',
  completeText: 'Send complaint',
  checkErrorsMode: 'onComplete',
  elements: [
    { type: 'text', name: 'name', title: 'Full name', autocomplete: 'name', isRequired: true, maxLength: 100,
      validators: [{ type: 'text', minLength: 2 }] },
    { type: 'text', name: 'mobile', title: 'Mobile', inputType: 'tel', autocomplete: 'tel', isRequired: true,
      description: '10 digits, e.g. 05XXXXXXXX',
      validators: [{ type: 'regex', regex: '^05[0-9]{8}$', text: 'Enter 10 digits starting with 05.' }] },
    { type: 'text', name: 'email', title: 'E-mail (optional)', inputType: 'email', autocomplete: 'email',
      validators: [{ type: 'email' }] },
    { type: 'dropdown', name: 'category', title: 'Category', isRequired: true, placeholder: 'Choose…',
      choices: [
        { value: 'service_quality', text: 'Quality of service' },
        { value: 'staff_conduct', text: 'Staff conduct' },
        { value: 'delay', text: 'Delay in response or completion' },
        { value: 'eligibility', text: 'Eligibility or support decision' },
        { value: 'website', text: 'Website' },
        { value: 'other', text: 'Other' },
      ] },
    { type: 'comment', name: 'message', title: 'Message', rows: 5, isRequired: true, maxLength: 2000,
      validators: [{ type: 'text', minLength: 10 }] },
    { type: 'boolean', renderAs: 'checkbox', name: 'consent', titleLocation: 'hidden',
      label: 'I agree that my data is used to handle this complaint.', isRequired: true,
      validators: [{ type: 'expression', expression: '{consent} = true', text: 'Please agree to continue.' }] },
    { type: 'rating', name: 'rating', title: 'How satisfied are you with our service?', rateType: 'stars', rateCount: 5, rateMax: 5 },
  ],
});
