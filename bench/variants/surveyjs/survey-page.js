// Renders one SurveyJS survey into #survey and marks the page interactive after its first
// render (onAfterRenderSurvey), in ms since navigation start.
import 'survey-core/survey-core.fontless.min.css';
import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';

export function mountSurvey(json) {
  const survey = new Model(json);
  survey.onAfterRenderSurvey.add(() => {
    window.__benchReady = performance.now();
  });
  // Like the other variants, a valid submission goes nowhere in the bench.
  survey.onCompleting.add((_sender, options) => {
    options.allow = false;
  });
  renderSurvey(survey, document.getElementById('survey'));
  return survey;
}
