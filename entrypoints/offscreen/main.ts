import { serveProfileBuilds } from '@/lib/pdf/offscreen-host';

// Chrome's offscreen document (lib/pdf/offscreen-client.ts opens it): the service worker's PDF builder.
serveProfileBuilds();
