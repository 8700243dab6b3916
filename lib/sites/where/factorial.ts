import { defineSite } from './define';

/**
 * Factorial's ATS inside app.factorialhr.com, and inside app.demo.factorial.dev for companies on Factorial's demo
 * environment (the same web app; its host from Factorial's notes on the demo environment).
 */
export const factorialAtsSite = defineSite({
  id: 'factorial',
  name: 'Factorial ATS',
  komboTool: 'factorial',
  hosts: ['https://app.factorialhr.com/*', 'https://app.demo.factorial.dev/*'],
});
