import { createRoot } from 'react-dom/client';
createRoot(document.getElementById('root')!).render(<button onClick={async () => {
  const ok = await browser.permissions.request({ origins: ['http://127.0.0.1/*'] });
  document.title = 'granted:' + ok;
}}>Req</button>);
