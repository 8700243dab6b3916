/** Site recipes ("Teach this page") and adapter health. Worker side: ./store; page side: ./apply and ./selector. */
export * from './schema';
export * from './store';
