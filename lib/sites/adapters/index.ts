import { defineAdapter } from '../define';
import type { SiteAdapter } from '../types';
import { demoAts } from './demo-ats';

/**
 * The built-in site adapters. URL patterns follow each ATS's public URLs; selectors are best effort (the ids come
 * from the URL, the data from the ATS's API when it is the connected one, and the form lets people fix the rest).
 */

const ID = '([A-Za-z0-9_-]{1,128})';

export const greenhouse = defineAdapter({
  id: 'greenhouse',
  name: 'Greenhouse',
  komboTool: 'greenhouse',
  hosts: ['https://app.greenhouse.io/*', 'https://app2.greenhouse.io/*', 'https://app3.greenhouse.io/*', 'https://app4.greenhouse.io/*', 'https://app5.greenhouse.io/*', 'https://app6.greenhouse.io/*'],
  host: /^app\d*\.greenhouse\.io$/,
  candidatePage: new RegExp(`^/people/${ID}(?:/.*)?$`),
  candidateList: /^\/people\/?$/,
  pipeline: new RegExp(`^/plans/${ID}/pipeline`),
  // The person page names the application it shows: /people/123?application_id=456 or /people/123/applications/456.
  applicationId: { param: 'application_id', route: /^\/people\/\d+\/applications\/(\d+)/ },
  selectors: {
    actions: '[data-provides="person-header-actions"], .person-header .actions',
    name: 'h1, .person-name',
    stage: '[data-provides="application-stage"], .current-stage',
    job: '[data-provides="application-job"], .job-name',
    row: '[data-person-id]',
    rowId: 'data-person-id',
    column: '[data-stage-name]',
    columnStage: '@data-stage-name',
    card: '[data-person-id]',
    cardId: 'data-person-id',
  },
});

export const lever = defineAdapter({
  id: 'lever',
  name: 'Lever',
  komboTool: 'lever',
  hosts: ['https://hire.lever.co/*'],
  host: /^hire\.lever\.co$/,
  candidatePage: new RegExp(`^/candidates/${ID}(?:/.*)?$`),
  candidateList: /^\/candidates\/?$/,
  pipeline: new RegExp(`^/jobs/postings/${ID}/pipeline`),
  selectors: {
    actions: '.profile-header-actions, [data-qa="profile-actions"]',
    name: '.candidate-name, h1',
    stage: '.stage-name, [data-qa="stage"]',
    job: '.posting-title, [data-qa="posting"]',
    row: '[data-candidate-id]',
    rowId: 'data-candidate-id',
    column: '[data-stage]',
    columnStage: '@data-stage',
    card: '[data-candidate-id]',
    cardId: 'data-candidate-id',
  },
});

export const ashby = defineAdapter({
  id: 'ashby',
  name: 'Ashby',
  komboTool: 'ashby',
  hosts: ['https://app.ashbyhq.com/*'],
  host: /^app\.ashbyhq\.com$/,
  candidatePage: new RegExp(`^/candidates/${ID}(?:/.*)?$`),
  candidateList: /^\/candidates\/?$/,
  pipeline: new RegExp(`^/jobs/${ID}/pipeline`),
  selectors: {
    actions: '[data-testid="candidate-header-actions"], .candidate-header-actions',
    name: 'h1',
    stage: '[data-testid="application-stage"]',
    job: '[data-testid="application-job"]',
    row: '[data-candidate-id]',
    rowId: 'data-candidate-id',
    column: '[data-stage]',
    columnStage: '@data-stage',
    card: '[data-candidate-id]',
    cardId: 'data-candidate-id',
  },
});

export const workable = defineAdapter({
  id: 'workable',
  name: 'Workable',
  komboTool: 'workable',
  hosts: ['https://*.workable.com/*'],
  host: /^[a-z0-9-]+\.workable\.com$/,
  candidatePage: new RegExp(`^/backend/(?:.+/)?candidates/${ID}(?:/.*)?$`),
  candidateList: /^\/backend\/(?:.+\/)?candidates\/?$/,
  pipeline: new RegExp(`^/backend/jobs/${ID}/browser`),
  selectors: {
    actions: '[data-ui="candidate-actions"], .candidate-actions',
    name: '[data-ui="candidate-name"], h1',
    stage: '[data-ui="candidate-stage"]',
    job: '[data-ui="candidate-job"]',
    row: '[data-candidate-id]',
    rowId: 'data-candidate-id',
    column: '[data-stage]',
    columnStage: '@data-stage',
    card: '[data-candidate-id]',
    cardId: 'data-candidate-id',
  },
});

export const teamtailor = defineAdapter({
  id: 'teamtailor',
  name: 'Teamtailor',
  komboTool: 'teamtailor',
  hosts: ['https://*.teamtailor.com/*'],
  host: /^[a-z0-9-]+\.teamtailor\.com$/,
  candidatePage: new RegExp(`^/app/(?:.+/)?candidates/${ID}(?:/.*)?$`),
  candidateList: /^\/app\/(?:.+\/)?candidates\/?$/,
  pipeline: new RegExp(`^/app/(?:.+/)?jobs/${ID}/stages`),
  selectors: {
    actions: '[data-test="candidate-actions"], .candidate-actions',
    name: 'h1',
    stage: '[data-test="stage-name"]',
    job: '[data-test="job-title"]',
    row: '[data-candidate-id]',
    rowId: 'data-candidate-id',
    column: '[data-stage]',
    columnStage: '@data-stage',
    card: '[data-candidate-id]',
    cardId: 'data-candidate-id',
  },
});

export const smartrecruiters = defineAdapter({
  id: 'smartrecruiters',
  name: 'SmartRecruiters',
  komboTool: 'smartrecruiters',
  hosts: ['https://www.smartrecruiters.com/*'],
  host: /^www\.smartrecruiters\.com$/,
  candidatePage: new RegExp(`^/app/people/candidates/${ID}(?:/.*)?$`),
  candidateList: /^\/app\/people\/candidates\/?$/,
  pipeline: new RegExp(`^/app/jobs/${ID}/hiring-process`),
  selectors: {
    actions: '.candidate-header__actions, [data-test="candidate-actions"]',
    name: 'h1',
    stage: '[data-test="candidate-status"]',
    job: '[data-test="candidate-job"]',
    row: '[data-candidate-id]',
    rowId: 'data-candidate-id',
    column: '[data-stage]',
    columnStage: '@data-stage',
    card: '[data-candidate-id]',
    cardId: 'data-candidate-id',
  },
});

export const recruitee = defineAdapter({
  id: 'recruitee',
  name: 'Recruitee',
  komboTool: 'recruitee',
  hosts: ['https://*.recruitee.com/*'],
  host: /^app\.recruitee\.com$/,
  // Recruitee routes in the hash: https://app.recruitee.com/#/candidates/123
  candidatePage: new RegExp(`^/#/(?:.+/)?candidates?/${ID}(?:/.*)?$`),
  candidateList: /^\/#\/candidates\/?$/,
  pipeline: new RegExp(`^/#/offers/${ID}/pipeline`),
  selectors: {
    actions: '[data-testid="candidate-actions"], .candidate-actions',
    name: 'h1',
    stage: '[data-testid="candidate-stage"]',
    job: '[data-testid="candidate-offer"]',
    row: '[data-candidate-id]',
    rowId: 'data-candidate-id',
    column: '[data-stage]',
    columnStage: '@data-stage',
    card: '[data-candidate-id]',
    cardId: 'data-candidate-id',
  },
});

export const factorialAts = defineAdapter({
  id: 'factorial',
  name: 'Factorial ATS',
  komboTool: 'factorial',
  hosts: ['https://app.factorialhr.com/*'],
  host: /^app\.factorialhr\.com$/,
  candidatePage: new RegExp(`^/recruitment/candidates/${ID}(?:/.*)?$`),
  candidateList: /^\/recruitment\/candidates\/?$/,
  pipeline: new RegExp(`^/recruitment/job_postings/${ID}/pipeline`),
  selectors: {
    actions: '[data-testid="candidate-header-actions"]',
    name: 'h1',
    stage: '[data-testid="application-phase"]',
    job: '[data-testid="job-posting-title"]',
    row: '[data-candidate-id]',
    rowId: 'data-candidate-id',
    column: '[data-phase-type]',
    columnStage: '@data-phase-type',
    card: '[data-candidate-id]',
    cardId: 'data-candidate-id',
  },
});

export const screenloop = defineAdapter({
  id: 'screenloop',
  name: 'Screenloop',
  hosts: ['https://app.screenloop.com/*'],
  host: /^app\.screenloop\.com$/,
  candidatePage: new RegExp(`^/candidates/${ID}(?:/.*)?$`),
  candidateList: /^\/candidates\/?$/,
  pipeline: new RegExp(`^/jobs/${ID}/pipeline`),
  selectors: {
    actions: '.candidate-actions, [data-test="candidate-actions"]',
    name: 'h1',
    stage: '.candidate-stage',
    job: '.candidate-job',
    row: '[data-candidate-id]',
    rowId: 'data-candidate-id',
    column: '[data-stage]',
    columnStage: '@data-stage',
    card: '[data-candidate-id]',
    cardId: 'data-candidate-id',
  },
});

export const ADAPTERS: readonly SiteAdapter[] = [demoAts, greenhouse, lever, ashby, workable, teamtailor, smartrecruiters, recruitee, factorialAts, screenloop];

export function adapterById(id: string): SiteAdapter | undefined {
  return ADAPTERS.find((a) => a.id === id);
}

/** The adapter for a page URL (ignoring whether an admin switched it off). */
export function adapterForUrl(url: URL): SiteAdapter | undefined {
  return ADAPTERS.find((a) => a.isSite(url));
}
