// 50 star ratings in one survey (SurveyJS renders questions, not standalone widgets).
import { mountSurvey } from './survey-page.js';

mountSurvey({
  title: 'Rate our services',
  showQuestionNumbers: 'off',
  elements: Array.from({ length: 50 }, (_, i) => ({
    type: 'rating',
    name: `service${i + 1}`,
    title: `Service ${i + 1}`,
    rateType: 'stars',
    rateCount: 5,
    rateMax: 5,
  })),
});
